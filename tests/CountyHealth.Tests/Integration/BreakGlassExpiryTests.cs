using System.Net;
using CountyHealth.Residents.BreakGlass;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// A break-glass access ends after its two hours, to the minute. A host of its own: moving its clock by hours expires
/// every token signed in on it, which the shared hosts' other tests must not see.
/// </summary>
public sealed class BreakGlassExpiryTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task A_break_glass_access_opens_for_two_hours_and_then_closes()
    {
        var clinic = new Clinic(host);
        var resident = TestData.Resident();
        var registered = await clinic.RegisterResidentAsync(resident);
        var visit = await clinic.RegisterVisitAsync(registered.Id);
        var cdc = await host.SignInAsync(DemoAccounts.Cdc, DemoAccounts.Password);
        await cdc.PostAsync<BreakGlassRow>("/api/v1/break-glass", new BreakGlassRequest(resident.IdNumber, "传染病个案流行病学调查"), HttpStatusCode.OK);

        host.Clock.Advance(OpenBreakGlass.Lifetime - TimeSpan.FromMinutes(1));
        using (var stillOpen = await (await host.SignInAsync(DemoAccounts.Cdc, DemoAccounts.Password)).GetAsync($"/api/v1/visits/{visit.VisitId}"))
        {
            Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        using var closed = await (await host.SignInAsync(DemoAccounts.Cdc, DemoAccounts.Password)).GetAsync($"/api/v1/visits/{visit.VisitId}");
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
    }
}

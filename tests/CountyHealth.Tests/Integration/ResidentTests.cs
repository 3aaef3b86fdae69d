using System.Net;
using CountyHealth.Residents.Households;
using CountyHealth.Residents.ResidentIndex;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>The master patient index: one resident per ID number, found by initials, ID fragment or phone.</summary>
public abstract class ResidentTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task Registering_the_same_id_number_again_returns_the_existing_resident()
    {
        var resident = TestData.Resident();
        var first = await clinic.RegisterResidentAsync(resident);

        var again = await (await clinic.Cashier).PostAsync<ResidentRegistered>("/api/v1/residents",
            (resident with { Phone = TestData.MobilePhone() }).ToRequest(), HttpStatusCode.OK);

        Assert.True(again.Existing);
        Assert.Equal(first.Id, again.Resident.Id);
        Assert.Equal(resident.Phone, again.Resident.Phone);
        Assert.Equal(first.Id, Assert.Single((await clinic.SearchResidentsAsync(resident.IdNumber)).Items).Id);
    }

    [Fact]
    public async Task A_registered_resident_is_found_by_pinyin_initials_id_fragment_and_phone()
    {
        var resident = TestData.Resident();
        var registered = await clinic.RegisterResidentAsync(resident);
        Assert.Equal(resident.Initials, registered.Pinyin);

        Assert.Contains(registered.Id, await FoundIdsAsync(resident.Initials));
        Assert.Contains(registered.Id, await FoundIdsAsync(resident.Initials.ToLowerInvariant()));
        Assert.Contains(registered.Id, await FoundIdsAsync(resident.IdNumber[^6..]));
        Assert.Equal([registered.Id], await FoundIdsAsync(resident.Phone));
        Assert.Equal([registered.Id], await FoundIdsAsync(resident.Name));
    }

    [Fact]
    public async Task A_changed_phone_is_found_by_its_new_tail_and_no_longer_by_the_old_one()
    {
        var resident = TestData.Resident();
        var registered = await clinic.RegisterResidentAsync(resident);
        var newPhone = TestData.MobilePhone();
        await (await clinic.Cashier).PutAsync<CountyHealth.Residents.Contracts.ResidentRow>($"/api/v1/residents/{registered.Id}",
            new ResidentContactRequest(newPhone, resident.ToRequest().Address), HttpStatusCode.OK);

        Assert.Contains(registered.Id, await FoundIdsAsync(newPhone[^5..]));
        Assert.DoesNotContain(registered.Id, await FoundIdsAsync(resident.Phone[^5..]));
        Assert.Contains(registered.Id, await FoundIdsAsync(resident.IdNumber[^6..]));
    }

    [Fact]
    public async Task A_resident_outside_any_household_gets_a_clear_not_found()
    {
        var registered = await clinic.RegisterResidentAsync();
        using var response = await (await clinic.Doctor).GetAsync($"/api/v1/residents/{registered.Id}/household");
        var problem = await ApiClient.ReadAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(response, HttpStatusCode.NotFound);
        Assert.Equal("该居民尚未建立家庭户", problem.Detail);
    }

    private async Task<List<Guid>> FoundIdsAsync(string query) =>
        (await clinic.SearchResidentsAsync(query)).Items.Select(r => r.Id).ToList();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteResidentTests(SqliteHost host) : ResidentTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresResidentTests(PostgresHost host) : ResidentTests(host);

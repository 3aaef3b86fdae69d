using System.Net;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using CountyHealth.Residents.ResidentIndex;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>The resident index cannot be taken over with a known ID number; identity is the home institution's; a prescription is its prescriber's.</summary>
public abstract class LeastPrivilegeTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task A_known_id_number_with_another_name_is_refused_without_revealing_the_resident()
    {
        var resident = TestData.Resident();
        var registered = await clinic.RegisterResidentAsync(resident);
        var villageDoctor = await host.As(DemoAccounts.VillageDoctor2);
        var before = await CountAsync<Resident>();

        using var response = await villageDoctor.PostAsync("/api/v1/residents", resident.ToRequest() with { Name = "任意名", Phone = null, Address = null });

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.DoesNotContain(resident.Name, body, StringComparison.Ordinal);
        Assert.DoesNotContain(resident.Phone, body, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync<Resident>());
        using var read = await villageDoctor.GetAsync($"/api/v1/residents/{registered.Id}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.True(await AuditedAsync(DemoAccounts.VillageDoctor2, AuditActions.Denied, registered.Id), "the refused attempt is audited");
    }

    [Fact]
    public async Task The_same_person_registered_elsewhere_is_linked_for_care_while_identity_and_household_stay_home()
    {
        var resident = TestData.Resident();
        var registered = await clinic.RegisterResidentAsync(resident);
        var hospital = await host.As("hospital.cashier");

        var linked = await hospital.PostAsync<ResidentRegistered>("/api/v1/residents", resident.ToRequest() with { Name = " " + resident.Name + " " }, HttpStatusCode.OK);

        Assert.True(linked.Existing);
        Assert.Equal(registered.Id, linked.Resident.Id);
        Assert.True(await AuditedAsync("hospital.cashier", AuditActions.Link, registered.Id), "the link is audited");
        Assert.Equal(resident.Name, (await hospital.GetAsync<ResidentRow>($"/api/v1/residents/{registered.Id}")).Name);
        using (var household = await (await host.As("hospital.doctor")).GetAsync($"/api/v1/residents/{registered.Id}/household"))
        {
            Assert.Equal(HttpStatusCode.NotFound, household.StatusCode);
        }
        // Identity is corrected at home, by the records clerk, with the old values kept.
        using (var notHome = await hospital.PutAsync($"/api/v1/residents/{registered.Id}/identity",
                   new ResidentIdentityRequest("改名", resident.Sex, resident.BirthDate, resident.IdNumber, "测试")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notHome.StatusCode);
        }
        var clerk = await host.As(DemoAccounts.RecordsClerk);
        var corrected = resident.Name[..1] + "正" + resident.Name[1..];
        await clerk.PutAsync<ResidentRow>($"/api/v1/residents/{registered.Id}/identity",
            new ResidentIdentityRequest(corrected, resident.Sex, resident.BirthDate, resident.IdNumber, "户口本核对"), HttpStatusCode.OK);
        var history = await clerk.GetAsync<List<IdentityChangeRow>>($"/api/v1/residents/{registered.Id}/identity-changes");
        var change = Assert.Single(history);
        Assert.Equal((resident.Name, corrected, "户口本核对"), (change.OldName, change.NewName, change.Reason));
    }

    [Fact]
    public async Task A_contact_update_changes_only_the_contact_and_refuses_identity_fields()
    {
        var resident = TestData.Resident();
        var registered = await clinic.RegisterResidentAsync(resident);
        var cashier = await clinic.Cashier;

        using var smuggled = await cashier.PutAsync($"/api/v1/residents/{registered.Id}", new { phone = TestData.MobilePhone(), address = (string?)null, name = "改名" });
        var problem = await ApiClient.ReadAsync<Problem>(smuggled, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsOf("name"));

        var phone = TestData.MobilePhone();
        var updated = await cashier.PutAsync<ResidentRow>($"/api/v1/residents/{registered.Id}", new ResidentContactRequest(phone, "新地址1号"), HttpStatusCode.OK);
        Assert.Equal((resident.Name, resident.IdNumber, phone), (updated.Name, updated.IdNumber, updated.Phone));
    }

    [Fact]
    public async Task A_doctor_cannot_change_or_cancel_another_doctors_prescription()
    {
        var visit = await clinic.NewVisitAsync();
        var drug = await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片");
        var prescription = await clinic.PrescribeAsync(visit.VisitId, drug.Id, 5m, "qd", 7);
        var colleague = await host.As("doctor2");

        using var change = await colleague.PutAsync($"/api/v1/prescriptions/{prescription.Id}", Clinic.Prescription(drug.Id, 10m, "bid", 7));
        using var cancel = await colleague.DeleteAsync($"/api/v1/prescriptions/{prescription.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        var kept = (await clinic.VisitAsync(visit.VisitId)).Prescriptions.Single(p => p.Id == prescription.Id);
        Assert.Equal(5m, kept.Items[0].Dose);
    }

    [Fact]
    public async Task Break_glass_opens_one_residents_chart_with_a_reason_audited_and_listed_for_the_director()
    {
        var resident = TestData.Resident();
        var registered = await clinic.RegisterResidentAsync(resident);
        var visit = await clinic.RegisterVisitAsync(registered.Id);
        var cdc = await host.As(DemoAccounts.Cdc);
        using (var before = await cdc.GetAsync($"/api/v1/visits/{visit.VisitId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }
        using (var noReason = await cdc.PostAsync("/api/v1/break-glass", new CountyHealth.Residents.BreakGlass.BreakGlassRequest(resident.IdNumber, "")))
        {
            Assert.NotEmpty((await ApiClient.ReadAsync<Problem>(noReason, HttpStatusCode.BadRequest)).ErrorsOf("reason"));
        }

        var grant = await cdc.PostAsync<CountyHealth.Residents.BreakGlass.BreakGlassRow>("/api/v1/break-glass",
            new CountyHealth.Residents.BreakGlass.BreakGlassRequest(resident.IdNumber, "聚集性发热病例流行病学调查"), HttpStatusCode.OK);

        Assert.True(grant.Live);
        Assert.Equal(resident.Name, (await cdc.GetAsync<CountyHealth.Outpatient.Visits.VisitDetail>($"/api/v1/visits/{visit.VisitId}")).ResidentName);
        Assert.True(await AuditedAsync(DemoAccounts.Cdc, AuditActions.BreakGlass, registered.Id), "the use is audited as break-glass");
        // Her home institution's director sees who opened her records and why; the bureau's break-glass does not reach a second resident.
        var review = await (await host.As(DemoAccounts.Director)).GetAsync<List<CountyHealth.Residents.BreakGlass.BreakGlassRow>>("/api/v1/break-glass");
        Assert.Contains(review, r => r.ResidentId == registered.Id && r.UserName == DemoAccounts.Cdc && r.Reason == "聚集性发热病例流行病学调查");
        var other = await clinic.NewVisitAsync();
        using var elsewhere = await cdc.GetAsync($"/api/v1/visits/{other.VisitId}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CountyHealthDb>().Set<T>().CountAsync();
    }

    private async Task<bool> AuditedAsync(string user, string action, Guid residentId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CountyHealthDb>().AuditEntries
            .AnyAsync(a => a.UserName == user && a.Action == action && a.ResidentId == residentId);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLeastPrivilegeTests(SqliteHost host) : LeastPrivilegeTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLeastPrivilegeTests(PostgresHost host) : LeastPrivilegeTests(host);

using System.Net;
using CountyHealth.Kernel.Web;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Dispensing;
using CountyHealth.Pharmacy.Stock;
using CountyHealth.Platform.Accounts;
using CountyHealth.Platform.Audit;
using CountyHealth.Platform.Institutions;
using CountyHealth.Platform.Personnel;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Households;
using CountyHealth.Residents.ResidentIndex;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>Who may see and do what: institution scope, sign-in, lockout and roles.</summary>
public abstract class SecurityTests(CountyHealthFactory host)
{
    [Fact]
    public async Task A_village_doctor_cannot_read_another_villages_resident_and_the_denial_is_audited()
    {
        var ownDoctor = await host.As(DemoAccounts.VillageDoctor);
        var resident = Assert.Single((await ownDoctor.GetAsync<Page<ResidentRow>>("/api/v1/residents?pageSize=1")).Items);
        Assert.Equal(resident.Id, (await ownDoctor.GetAsync<ResidentRow>($"/api/v1/residents/{resident.Id}")).Id);

        using var denied = await (await host.As(DemoAccounts.VillageDoctor2)).GetAsync($"/api/v1/residents/{resident.Id}");
        await ApiClient.ExpectStatusAsync(denied, HttpStatusCode.NotFound);

        var audit = await (await host.As(DemoAccounts.Admin)).GetAsync<Page<AuditRow>>($"/api/v1/audit?action=Denied&residentId={resident.Id}");
        var entry = Assert.Single(audit.Items, a => a.UserName == DemoAccounts.VillageDoctor2);
        Assert.Equal(("Denied", resident.Id.ToString()), (entry.Action, entry.EntityId));
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first_without_counting_the_whole_log()
    {
        var clinic = new Clinic(host);
        var resident = await clinic.RegisterResidentAsync();
        var cashier = await clinic.Cashier;
        for (var i = 0; i < 3; i++)
        {
            await cashier.GetAsync<ResidentRow>($"/api/v1/residents/{resident.Id}");
        }
        var admin = await host.As(DemoAccounts.Admin);
        var first = await admin.GetAsync<Page<AuditRow>>($"/api/v1/audit?action=Read&residentId={resident.Id}&pageSize=2");
        var second = await admin.GetAsync<Page<AuditRow>>($"/api/v1/audit?action=Read&residentId={resident.Id}&pageSize=2&page=1");

        Assert.Equal(2, first.Items.Count);
        Assert.True(first.Total > 2, "the first page says that more follow");
        Assert.Equal(3, second.Total); // the last page knows the exact count
        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal(3, all.Select(a => a.Id).Distinct().Count());
        Assert.Equal(all.OrderByDescending(a => a.At).Select(a => a.At), all.Select(a => a.At));
    }

    [Fact]
    public async Task The_api_answers_401_without_a_token()
    {
        using var anonymous = host.Anonymous();
        using var response = await anonymous.GetAsync("/api/v1/residents");
        await ApiClient.ExpectStatusAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        const string password = "Lockout2026";
        var userName = await CreateCashierAccountAsync(password);
        using (var fresh = await host.SignInAsync(userName, password))
        {
            Assert.Equal(userName, (await fresh.GetAsync<MeResponse>("/api/v1/me")).UserName);
        }

        using var anonymous = host.Anonymous();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInExpectingRefusalAsync(anonymous, userName, "Wrong2026");
        }
        var locked = await SignInExpectingRefusalAsync(anonymous, userName, password);

        Assert.Contains("锁定", locked.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cashier_may_not_receive_stock()
    {
        var drug = await new Clinic(host).NewDrugAsync();
        var cashier = await host.As(DemoAccounts.Cashier);

        using var response = await cashier.PostAsync("/api/v1/pharmacy/receipts", new ReceiptRequest(drug.Id, "B1", Clinic.Today.AddYears(1), 10, 1m, 2m, null));

        await ApiClient.ExpectStatusAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(await (await host.As(DemoAccounts.Pharmacist)).GetAsync<List<StockRow>>($"/api/v1/pharmacy/batches?drugId={drug.Id}&includeEmpty=true"));
    }

    private async Task<string> CreateCashierAccountAsync(string password)
    {
        var admin = await host.As(DemoAccounts.Admin);
        var township = Assert.Single(await admin.GetAsync<List<InstitutionRow>>("/api/v1/institutions"), i => i.Name == "葛仙庄镇卫生院");
        var userName = TestData.Code("it.");
        await admin.PostAsync("/api/v1/users", new UserRequest(userName, "测试收费员", password, township.Id, null, ["cashier"]), HttpStatusCode.Created);
        return userName;
    }

    private static async Task<Problem> SignInExpectingRefusalAsync(ApiClient client, string userName, string password)
    {
        using var response = await client.PostAsync("/api/v1/auth/token", new { userName, password });
        return await ApiClient.ReadAsync<Problem>(response, HttpStatusCode.Unauthorized);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSecurityTests(SqliteHost host) : SecurityTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSecurityTests(PostgresHost host) : SecurityTests(host);

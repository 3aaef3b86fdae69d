using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;
using Xunit;
using DemoAccounts = CountyHealth.Platform.Contracts.DemoAccounts;

namespace CountyHealth.BrowserTests;

/// <summary>
/// Every page of every module (print pages included), opened in Chromium by one account of every role, against the
/// permission matrix the server serves: a page the role has no grant for says so and shows no patient; a patient of
/// 葛仙庄镇卫生院 appears only to roles whose reach covers it, and to those it does appear on the pages that are about her.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenWalkTests(SqliteServerFixture server)
{
    private const string Denied = "您的角色无权访问此页面";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Every_page_shows_every_role_what_the_matrix_grants_and_no_more()
    {
        var patient = await PatientAsync();
        var (matrix, breakGlass) = await MatrixAsync();
        var parents = await ParentsAsync();
        var pages = Pages();
        Assert.True(pages.Count >= 15, $"only {pages.Count} pages found");
        var failures = new List<string>();

        foreach (var account in DemoAccounts.All.GroupBy(a => a.Role).Select(g => g.First()))
        {
            var page = await server.SignInAsync(account.UserName);
            // The menu offers only desks the matrix grants (break-glass is its own entry, not every chart page).
            await page.Locator("a.mud-nav-link").First.WaitForAsync();
            foreach (var href in await page.Locator("a.mud-nav-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                var target = pages.FirstOrDefault(p => p.Route == href);
                if (target.Route is not null && target.Policy is not null && matrix[target.Policy].GetValueOrDefault(account.Role, "-") == "-")
                {
                    failures.Add($"{account.UserName} ({account.RoleName}): the menu offers {href}, which the matrix does not grant ({target.Policy})");
                }
            }
            foreach (var (route, policy) in pages)
            {
                var url = route.Replace("{Id:guid}", route.StartsWith("/billing/insurance/settlements", StringComparison.Ordinal) ? patient.SettlementId
                    : route.StartsWith("/billing", StringComparison.Ordinal) ? patient.PaymentId
                    : route.StartsWith("/outpatient/residents", StringComparison.Ordinal) ? patient.ResidentId
                    : route.StartsWith("/outpatient/prescriptions", StringComparison.Ordinal) ? patient.PrescriptionId : patient.VisitId, StringComparison.Ordinal);
                await page.GotoAsync(server.BaseUrl + url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                var text = await page.Locator("body").InnerTextAsync();
                var reach = policy is null ? "county" : matrix[policy].GetValueOrDefault(account.Role, "-");
                var granted = reach != "-" || (policy is not null && breakGlass.Contains(policy) && matrix["breakglass"].GetValueOrDefault(account.Role, "-") != "-");
                var covers = CountyHealth.Tests.Support.ReachRule.Covers(reach, parents, patient.InstitutionOf(account.InstitutionName), patient.InstitutionId);
                var shows = text.Contains(patient.Name, StringComparison.Ordinal);
                var where = $"{account.UserName} ({account.RoleName}) {url}";
                if (!granted && !text.Contains(Denied, StringComparison.Ordinal))
                {
                    failures.Add($"{where}: the matrix grants no {policy}, yet the page does not say so");
                }
                if (granted && text.Contains(Denied, StringComparison.Ordinal))
                {
                    failures.Add($"{where}: the matrix grants {policy} ({reach}), yet the page refuses");
                }
                if (shows && !(granted && covers))
                {
                    failures.Add($"{where}: shows the patient beyond the reach of {policy} ({reach})");
                }
                if (route.Contains("{Id", StringComparison.Ordinal) && reach != "-" && covers && !shows)
                {
                    failures.Add($"{where}: {policy} ({reach}) covers the patient, yet the page does not show her");
                }
                if (granted && (url is "/admin/permissions" or "/breakglass" or "/admin/breakglass" or "/residents"))
                {
                    await page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, $"21-{account.UserName}{url.Replace('/', '-')}.png"), FullPage = true });
                }
                if (url.EndsWith("/print", StringComparison.Ordinal) || url.StartsWith("/billing/receipts", StringComparison.Ordinal))
                {
                    await page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, $"20-walk-{account.UserName}-{(url.EndsWith("/print", StringComparison.Ordinal) ? "record" : "receipt")}.png") });
                }
            }
            await page.Context.CloseAsync();
        }
        Assert.True(failures.Count == 0, "pages that do not follow the matrix:\n" + string.Join("\n", failures));
    }

    /// <summary>Routable pages of the modules, with the policy each requires (null: any signed-in user).</summary>
    private static List<(string Route, string? Policy)> Pages()
    {
        var assemblies = new[]
        {
            typeof(CountyHealth.Platform.Contracts.Roles).Assembly, typeof(CountyHealth.Residents.Contracts.Sex).Assembly,
            typeof(CountyHealth.Outpatient.Contracts.OutpatientPermissions).Assembly, typeof(CountyHealth.Billing.Contracts.BillingPermissions).Assembly,
            typeof(CountyHealth.Pharmacy.Contracts.PharmacyPermissions).Assembly,
        };
        var pages = assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, t.GetCustomAttribute<AuthorizeAttribute>()?.Policy)))
            .ToList();
        pages.Add(("/", null));
        return pages.OrderBy(p => p.Template, StringComparer.Ordinal).ToList();
    }

    private sealed record Patient(string Name, Guid InstitutionId, string ResidentId, string VisitId, string PaymentId, Dictionary<string, Guid> Institutions, string PrescriptionId, string SettlementId)
    {
        public Guid InstitutionOf(string name) => Institutions[name];
    }

    /// <summary>A patient of 葛仙庄镇卫生院 through the API: registered, seen, prescribed for, paid.</summary>
    private async Task<Patient> PatientAsync()
    {
        using var cashier = await ClientAsync("cashier");
        using var doctor = await ClientAsync("doctor");
        var name = "巡检" + (char)('甲' + Random.Shared.Next(0, 9)) + (char)('一' + Random.Shared.Next(0, 9));
        var resident = await ReadAsync(await cashier.PostAsJsonAsync("/api/v1/residents",
            new { name, sex = 2, birthDate = "1960-05-01", idNumber = (string?)null, phone = (string?)null, address = (string?)null, ethnicity = (string?)null }, Json));
        var residentId = resident.GetProperty("resident").GetProperty("id").GetString()!;
        var departments = await ReadAsync(await cashier.GetAsync(new Uri("/api/v1/departments", UriKind.Relative)));
        var medicine = departments.EnumerateArray().First(d => d.GetProperty("name").GetString() == "内科").GetProperty("id").GetString();
        var visit = await ReadAsync(await cashier.PostAsJsonAsync("/api/v1/visits", new { residentId, departmentId = medicine, doctorStaffId = (string?)null, registrationItemCode = (string?)null }, Json));
        var visitId = visit.GetProperty("visitId").GetString()!;
        var drugs = await ReadAsync(await doctor.GetAsync(new Uri("/api/v1/drugs?q=" + Uri.EscapeDataString("氨氯地平"), UriKind.Relative)));
        var drugId = drugs.EnumerateArray().First().GetProperty("id").GetString();
        var prescription = await ReadAsync(await doctor.PostAsJsonAsync($"/api/v1/visits/{visitId}/prescriptions",
            new { items = new[] { new { drugId, dose = 5m, frequency = "qd", route = (string?)null, days = 7 } } }, Json));
        var charges = await ReadAsync(await cashier.GetAsync(new Uri($"/api/v1/billing/visits/{visitId}/charges", UriKind.Relative)));
        var open = charges.GetProperty("charges").EnumerateArray().Where(c => c.GetProperty("status").GetString() == "Open").Select(c => c.GetProperty("id").GetString()).ToList();
        // Enrolled and settled with the residents' scheme, so that the settlement slip has a patient to show.
        await ReadAsync(await cashier.PostAsJsonAsync("/api/v1/billing/insurance/enrolments", new { residentId, schemeCode = "CXJM", year = TimeProvider.System.GetUtcNow().AddHours(8).Year }, Json));
        var settlement = await ReadAsync(await cashier.PostAsJsonAsync("/api/v1/billing/insurance/settlements", new { requestId = Guid.NewGuid().ToString("N"), visitId, chargeIds = open }, Json));
        var receipt = await ReadAsync(await cashier.PostAsJsonAsync("/api/v1/billing/payments", new { requestId = Guid.NewGuid().ToString("N"), visitId, chargeIds = open, method = "Cash" }, Json));
        using var admin = await ClientAsync("admin");
        var institutions = (await ReadAsync(await admin.GetAsync(new Uri("/api/v1/institutions", UriKind.Relative)))).EnumerateArray()
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => Guid.Parse(i.GetProperty("id").GetString()!));
        return new Patient(name, institutions["葛仙庄镇卫生院"], residentId, visitId, receipt.GetProperty("paymentId").GetString()!, institutions,
            prescription.GetProperty("id").GetString()!, settlement.GetProperty("id").GetString()!);
    }

    /// <summary>The matrix as the server serves it to the administrator: permission → role → reach, and the break-glass permissions.</summary>
    private async Task<(Dictionary<string, Dictionary<string, string>> Matrix, HashSet<string> BreakGlass)> MatrixAsync()
    {
        using var admin = await ClientAsync("admin");
        var view = await ReadAsync(await admin.GetAsync(new Uri("/api/v1/permissions", UriKind.Relative)));
        var roles = view.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();
        string[] names = ["-", "own", "below", "county"];
        var matrix = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var breakGlass = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in view.GetProperty("rows").EnumerateArray())
        {
            var code = row.GetProperty("code").GetString()!;
            var cells = row.GetProperty("reach").EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Number ? names[c.GetInt32()] : c.GetString()!.ToLowerInvariant() switch
            {
                "none" => "-",
                var other => other,
            }).ToList();
            matrix[code] = roles.Zip(cells).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
            if (row.GetProperty("breakGlass").GetBoolean())
            {
                breakGlass.Add(code);
            }
        }
        return (matrix, breakGlass);
    }

    private async Task<Dictionary<Guid, Guid?>> ParentsAsync()
    {
        using var admin = await ClientAsync("admin");
        return (await ReadAsync(await admin.GetAsync(new Uri("/api/v1/institutions", UriKind.Relative)))).EnumerateArray()
            .ToDictionary(i => Guid.Parse(i.GetProperty("id").GetString()!),
                i => i.GetProperty("parentId").ValueKind == JsonValueKind.String ? Guid.Parse(i.GetProperty("parentId").GetString()!) : (Guid?)null);
    }

    private Task<HttpClient> ClientAsync(string userName) => server.ApiAsync(userName);

    internal static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}

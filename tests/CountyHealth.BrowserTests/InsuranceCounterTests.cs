using System.Net.Http.Json;
using System.Text.Json;
using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;
using static CountyHealth.BrowserTests.ScreenWalkTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// The cashier's insurance day: she enrols a patient on 参保登记, settles the visit (即时结报) and sees every step with its
/// rule, takes only the patient's share, prints the receipt with the fund's part and the settlement slip; another visit
/// she settles and reverses, and it is open again to settle or pay in full.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InsuranceCounterTests(SqliteServerFixture server)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<string> PrescribeAsync(string visitId)
    {
        using var doctor = await server.ApiAsync("doctor");
        var drugs = await ReadAsync(await doctor.GetAsync(new Uri("/api/v1/drugs?q=" + Uri.EscapeDataString("氨氯地平"), UriKind.Relative)));
        var drugId = drugs.EnumerateArray().First().GetProperty("id").GetString();
        await ReadAsync(await doctor.PostAsJsonAsync($"/api/v1/visits/{visitId}/prescriptions",
            new { items = new[] { new { drugId, dose = 5m, frequency = "qd", route = (string?)null, days = 28 } } }, Json));
        return visitId;
    }

    [Fact]
    public async Task A_cashier_enrols_a_patient_settles_the_visit_takes_the_share_and_prints_the_slip()
    {
        var patient = await ApiVisits.RegisterAsync(server, "医保", new DateOnly(1950, 1, 1), 1, "葛仙庄镇东村");
        await PrescribeAsync(patient.VisitId);
        var cashier = await server.SignInAsync("cashier");

        // Not yet enrolled: the till says so.
        await cashier.GotoAsync(server.BaseUrl + "/billing/cashier?visit=" + patient.VisitId);
        await WaitInteractive(cashier);
        await Expect(cashier.Locator("[data-testid=insurance-status]"), "未参保");
        Assert.Equal(0, await cashier.Locator("[data-testid=settle-insurance]").CountAsync());

        // 参保登记: found by name, enrolled in the residents' scheme.
        await cashier.GotoAsync(server.BaseUrl + "/billing/insurance/enrolments");
        await WaitInteractive(cashier);
        await Input(cashier, "enrol-query").FillAsync(patient.Name);
        await cashier.ClickAsync("[data-testid=enrol-search]");
        var row = cashier.Locator("[data-testid=enrol-row]").Filter(new() { HasText = patient.Name });
        await Expect(row, "未参保");
        await row.Locator("[data-testid=enrol-CXJM]").ClickAsync();
        await Expect(row.Locator("[data-testid=enrol-status]"), "城乡居民基本医疗保险");
        await cashier.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "60-insurance-enrolment.png"), FullPage = true });

        // The till: settle with F6, every step with its rule, the patient's share due.
        await cashier.GotoAsync(server.BaseUrl + "/billing/cashier?visit=" + patient.VisitId);
        await WaitInteractive(cashier);
        await Expect(cashier.Locator("[data-testid=insurance-status]"), "城乡居民基本医疗保险");
        await Expect(cashier.Locator("[data-testid=visit-charges]"), "甲类");
        await cashier.ClickAsync("[data-testid=settle-insurance]");
        var steps = cashier.Locator("[data-testid=settlement-steps]");
        await Expect(steps, "起付线");
        await Expect(steps, "乡镇卫生院门诊起付线¥50.00");
        await Expect(steps, "统筹基金支付");
        await Expect(cashier.Locator("[data-testid=open-amount]"), "个人支付");
        var person = decimal.Parse((await steps.Locator("tr[data-step=person] td").Nth(1).InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await cashier.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "61-insurance-settled.png"), FullPage = true });

        await Input(cashier, "tendered").FillAsync("100");
        await Expect(cashier.Locator("[data-testid=change]"), "找零：¥" + (100 - person).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture));
        await cashier.ClickAsync("[data-testid=pay-submit]");
        await Expect(cashier.Locator("[data-testid=paid]"), "医保统筹支付");
        await cashier.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "62-insurance-paid.png"), FullPage = true });

        // The receipt shows the fund's part; the slip the steps and the year.
        var receiptHref = await cashier.Locator("[data-testid=print-receipt]").GetAttributeAsync("href");
        var slipHref = await cashier.Locator("[data-testid=print-settlement]").GetAttributeAsync("href");
        await cashier.GotoAsync(server.BaseUrl + receiptHref);
        await WaitInteractive(cashier);
        await Expect(cashier.Locator("[data-testid=receipt-fund]"), "医保统筹支付");
        await Expect(cashier.Locator("[data-testid=receipt-person]"), "¥" + person.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture));
        await cashier.GotoAsync(server.BaseUrl + slipHref);
        await WaitInteractive(cashier);
        await Expect(cashier.Locator("[data-testid=settlement-slip]"), patient.Name);
        await Expect(cashier.Locator("[data-testid=settlement-slip]"), "已收费");
        Assert.Equal(9, await cashier.Locator("[data-testid=slip-step]").CountAsync());
        await cashier.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "63-insurance-slip.png"), FullPage = true });
    }

    [Fact]
    public async Task A_settlement_reversed_at_the_till_leaves_the_visit_open_to_settle_again()
    {
        var patient = await ApiVisits.RegisterAsync(server, "撤销", new DateOnly(1960, 1, 1), 2, "葛仙庄镇西村");
        await PrescribeAsync(patient.VisitId);
        using (var api = await server.ApiAsync("cashier"))
        {
            var charges = await ReadAsync(await api.GetAsync(new Uri($"/api/v1/billing/visits/{patient.VisitId}/charges", UriKind.Relative)));
            var residentId = charges.GetProperty("residentId").GetString();
            await ReadAsync(await api.PostAsJsonAsync("/api/v1/billing/insurance/enrolments", new { residentId, schemeCode = "CXJM", year = TimeProvider.System.GetUtcNow().AddHours(8).Year }, Json));
        }
        var cashier = await server.SignInAsync("cashier");
        await cashier.GotoAsync(server.BaseUrl + "/billing/cashier?visit=" + patient.VisitId);
        await WaitInteractive(cashier);
        await cashier.ClickAsync("[data-testid=settle-insurance]");
        await Expect(cashier.Locator("[data-testid=settlement-panel]"), "已结算待收费");

        await cashier.ClickAsync("[data-testid=reverse-settlement]");
        await Expect(cashier.Locator("[data-testid=cashier-error]"), "请填写撤销结算的原因");
        await Input(cashier, "reversal-reason").FillAsync("患者选择自费");
        await cashier.ClickAsync("[data-testid=reverse-settlement]");
        await cashier.Locator("[data-testid=settle-insurance]").WaitForAsync();
        Assert.Equal(0, await cashier.Locator("[data-testid=settlement-panel]").CountAsync());
        await Expect(cashier.Locator("[data-testid=open-amount]"), "应收：");
        await cashier.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "64-insurance-reversed.png"), FullPage = true });
    }
}

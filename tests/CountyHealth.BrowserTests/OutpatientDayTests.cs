using System.Globalization;
using System.Text.RegularExpressions;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using CountyHealth.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace CountyHealth.BrowserTests;

/// <summary>The outpatient day as the four roles do it in a real Chromium, with a screenshot of every step, on each provider.</summary>
public abstract partial class OutpatientDayTests(ServerFixture server)
{
    [Fact]
    public async Task Register_diagnose_prescribe_pay_and_dispense_drops_the_stock_shown()
    {
        var name = "测试" + DemoGivenName();
        var birth = new DateOnly(1958, 3, 14).AddDays(TestSeed.Next(0, 3000));
        var idNumber = ChineseIdNumber.Compose("130534", birth, TestSeed.IdSequence(true));

        // 1. The cashier registers a new resident and a visit to 内科, and takes the registration fee.
        var cashier = await server.SignInAsync("cashier");
        await cashier.GotoAsync(server.BaseUrl + "/outpatient/register");
        await WaitInteractive(cashier);
        await cashier.ClickAsync("[data-testid=resident-new]");
        await Input(cashier, "new-idNumber").FillAsync(idNumber);
        await Input(cashier, "new-name").FillAsync(name);
        await Input(cashier, "new-phone").FillAsync("13912345678");
        await Input(cashier, "new-address").FillAsync("河北省邢台市清河县葛仙庄镇东王庄村18号");
        await Input(cashier, "new-birthDate").FillAsync(birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await cashier.GetByText("男", new() { Exact = true }).First.ClickAsync();
        await Screenshot(cashier, "01-cashier-new-resident");
        await cashier.ClickAsync("[data-testid=new-save]");
        await Expect(cashier.Locator("[data-testid=picked-resident]"), name);
        await PickSelect(cashier, "科室", "内科");
        await cashier.ClickAsync("[data-testid=reg-submit]");
        await Expect(cashier.Locator("[data-testid=reg-done]"), "挂号成功");
        await Screenshot(cashier, "02-cashier-registered");
        await cashier.ClickAsync("[data-testid=reg-pay]");
        await WaitInteractive(cashier);
        await Expect(cashier.Locator("[data-testid=visit-charges]"), "挂号费");
        await cashier.ClickAsync("[data-testid=pay-submit]");
        await Expect(cashier.Locator("[data-testid=paid]"), "已收费");
        await Screenshot(cashier, "03-cashier-registration-fee-paid");

        // 2. The doctor sees the queue, records the consultation, diagnoses I10 and prescribes amlodipine for 14 days.
        var doctor = await server.SignInAsync("doctor");
        await doctor.GotoAsync(server.BaseUrl + "/outpatient/queue");
        await WaitInteractive(doctor);
        var row = doctor.Locator("[data-testid=queue-table] tr").Filter(new() { HasText = name });
        await row.GetByText("接诊").ClickAsync();
        await Expect(doctor.Locator("[data-testid=visit-patient]"), name);
        await WaitInteractive(doctor);
        await Input(doctor, "rec-chief").FillAsync("头晕2周");
        await Input(doctor, "rec-sbp").FillAsync("160");
        await Input(doctor, "rec-dbp").FillAsync("95");
        await Input(doctor, "rec-pulse").FillAsync("78");
        await Input(doctor, "rec-temp").FillAsync("36.6");
        await Input(doctor, "rec-exam").FillAsync("神清，心肺未闻及异常");
        await doctor.ClickAsync("[data-testid=rec-save]");
        await Expect(doctor.Locator(".mud-snackbar"), "病历已保存");
        await Input(doctor, "dx-query").FillAsync("I10");
        await doctor.ClickAsync("[data-testid=dx-search]");
        await doctor.Locator("[data-testid=dx-option]").Filter(new() { HasText = "I10" }).ClickAsync();
        await doctor.ClickAsync("[data-testid=dx-save]");
        await Expect(doctor.Locator(".mud-snackbar"), "诊断已保存");
        await Expect(doctor.Locator("[data-testid=dx-list]"), "高血压");
        await Input(doctor, "drug-query").FillAsync("氨氯地平");
        await doctor.ClickAsync("[data-testid=drug-search]");
        await doctor.Locator("[data-testid=drug-option]").Filter(new() { HasText = "氨氯地平" }).First.ClickAsync();
        await Expect(doctor.Locator("[data-testid=rx-lines]"), "氨氯地平");
        await Input(doctor, "rx-days").FillAsync("14");
        await Input(doctor, "rx-days").PressAsync("Tab");
        await Screenshot(doctor, "04-doctor-prescribing");
        await doctor.ClickAsync("[data-testid=rx-save]");
        var issued = doctor.Locator("[data-testid=rx-issued]");
        await Expect(issued, "待收费");
        var quantity = int.Parse(QuantityPattern().Match(await issued.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(2, quantity); // 5 mg once daily for 14 days = 14 tablets = 2 boxes of 7
        var visitUrl = doctor.Url;

        // The doctor finishes: the visit turns read-only and offers 重新接诊, which needs a reason.
        await doctor.ClickAsync("[data-testid=finish-visit]");
        await Expect(doctor.Locator("[data-testid=visit-readonly]"), "只读");
        Assert.Equal(0, await doctor.Locator("[data-testid=finish-visit]").CountAsync());
        Assert.True(await Input(doctor, "rec-chief").IsDisabledAsync(), "a finished visit's record cannot be typed into");
        await Screenshot(doctor, "05b-doctor-visit-finished-readonly");
        await doctor.ClickAsync("[data-testid=reopen-visit]");
        await Input(doctor, "reopen-reason").FillAsync("补录");
        await doctor.ClickAsync("[data-testid=reopen-confirm]");
        await Expect(doctor.Locator("body"), "至少4个字");
        await Input(doctor, "reopen-reason").FillAsync("补录过敏史：青霉素");
        await doctor.ClickAsync("[data-testid=reopen-confirm]");
        await Expect(doctor.Locator(".mud-snackbar"), "已重新接诊");
        Assert.Equal(0, await doctor.Locator("[data-testid=visit-readonly]").CountAsync());
        await Input(doctor, "rec-allergies").FillAsync("青霉素");
        await doctor.ClickAsync("[data-testid=rec-save]");
        await Expect(doctor.Locator(".mud-snackbar"), "病历已保存");
        await doctor.ClickAsync("[data-testid=finish-visit]");
        await Expect(doctor.Locator("[data-testid=visit-readonly]"), "只读");
        await Screenshot(doctor, "05-doctor-prescription-issued");

        // 3. The pharmacist notes the amlodipine stock before dispensing.
        var pharmacist = await server.SignInAsync("pharmacist");
        var before = await AmlodipineOnHand(pharmacist);

        // 4. The cashier takes cash from the keyboard: the list names the visit, F2 goes to 实收, Enter takes the payment.
        await cashier.GotoAsync(server.BaseUrl + "/billing/cashier");
        await WaitInteractive(cashier);
        var pendingRow = cashier.Locator("[data-testid=pending-row]").Filter(new() { HasText = name });
        await Expect(pendingRow, "内科");
        Assert.Matches(@"MZ\d{8}-\d{4}", await pendingRow.InnerTextAsync());
        await pendingRow.ClickAsync();
        await Expect(cashier.Locator("[data-testid=visit-charges]"), "氨氯地平");
        await Expect(cashier.Locator("[data-testid=cashier-keys]"), "F4");
        await cashier.Keyboard.PressAsync("F2");
        await cashier.Keyboard.TypeAsync("100");
        var due = decimal.Parse(AmountPattern().Match(await cashier.Locator("[data-testid=open-amount]").InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        await Expect(cashier.Locator("[data-testid=change]"), "¥" + (100m - due).ToString("0.00", CultureInfo.InvariantCulture));
        await cashier.Keyboard.PressAsync("Enter");
        await Expect(cashier.Locator("[data-testid=paid]"), "找零");
        await Screenshot(cashier, "06-cashier-paid-cash-change");
        var receiptHref = await cashier.Locator("[data-testid=print-receipt]").GetAttributeAsync("href");
        await cashier.GotoAsync(server.BaseUrl + receiptHref);
        await Expect(cashier.Locator("[data-testid=receipt-capitals]"), "元");
        await Expect(cashier.Locator("[data-testid=receipt-cash]"), "找零");
        Assert.Matches(@"^SF\d{8}-\d{4}$", await cashier.Locator("[data-testid=receipt-number]").InnerTextAsync());
        await cashier.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var timeBox = await cashier.Locator("[data-testid=receipt-time]").BoundingBoxAsync();
        var numberBox = await cashier.Locator("[data-testid=receipt-number]").BoundingBoxAsync();
        Assert.True(timeBox is not null && numberBox is not null && timeBox.Height < numberBox.Height * 1.5,
            $"the receipt's time stays on one line: {timeBox?.Height} px high beside a number {numberBox?.Height} px high");
        await Screenshot(cashier, "06b-cashier-receipt");

        // 5. The pharmacist dispenses; the stock shown drops by the dispensed quantity.
        await pharmacist.GotoAsync(server.BaseUrl + "/pharmacy/dispensing");
        await WaitInteractive(pharmacist);
        var order = pharmacist.Locator("[data-testid=dispense-order]").Filter(new() { HasText = name });
        await Expect(order, "氨氯地平");
        await Expect(order.Locator("[data-testid=dispense-allergies]"), "青霉素");
        await Expect(order.Locator("[data-testid=dispense-clinical]"), "高血压");
        await Expect(order, "已预占 2 盒");
        await Screenshot(pharmacist, "07-pharmacist-queue");
        var slipHref = await order.Locator("a[href*='/print']").GetAttributeAsync("href");
        await order.Locator("[data-testid=dispense-submit]").ClickAsync();
        await Expect(pharmacist.Locator(".mud-snackbar"), "发药完成");
        await Expect(pharmacist.Locator(".mud-snackbar"), "× 2 盒");
        await Screenshot(pharmacist, "08-pharmacist-dispensed");

        // The 处方笺 prints with its type, the Rp lines and the pharmacy's signatures.
        await pharmacist.GotoAsync(server.BaseUrl + slipHref);
        var slip = pharmacist.Locator("[data-testid=prescription-slip]");
        await Expect(slip, "处 方 笺");
        await Expect(slip.Locator("[data-testid=slip-type]"), "普通处方");
        await Expect(slip.Locator("[data-testid=slip-line]"), "用法");
        await Expect(slip.Locator("[data-testid=slip-pharmacy]"), "张雅琴");
        Assert.Matches(@"^CF\d{8}-\d{4}$", await slip.Locator("[data-testid=slip-number]").InnerTextAsync());
        await Screenshot(pharmacist, "08b-prescription-slip");
        var after = await AmlodipineOnHand(pharmacist);
        Assert.Equal(before - quantity, after);
        await Screenshot(pharmacist, "09-pharmacist-stock-after");

        // The outpatient record prints on one page.
        await doctor.GotoAsync(server.BaseUrl + $"/outpatient/visits/{ExtractVisitId(doctor.Url)}/print");
        await Expect(doctor.Locator("[data-testid=record-print]"), "特发性");
        await doctor.EmulateMediaAsync(new() { Media = Media.Print });
        await Screenshot(doctor, "10-medical-record-print");
        var pdf = await doctor.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.Equal(1, PdfPageCount().Count(System.Text.Encoding.Latin1.GetString(pdf))); // one page
    }

    [Fact]
    public async Task Bad_input_shows_Chinese_field_messages_and_saves_nothing()
    {
        var cashier = await server.SignInAsync("cashier");
        await cashier.GotoAsync(server.BaseUrl + "/outpatient/register");
        await WaitInteractive(cashier);
        await cashier.ClickAsync("[data-testid=resident-new]");
        var name = "错误" + DemoGivenName();
        await Input(cashier, "new-idNumber").FillAsync("130534195803140011");
        await Input(cashier, "new-name").FillAsync(name);
        await Input(cashier, "new-birthDate").FillAsync("2099-01-01");
        await cashier.GetByText("女", new() { Exact = true }).First.ClickAsync();
        await cashier.ClickAsync("[data-testid=new-save]");
        await Expect(cashier.Locator("[data-testid=new-resident-form]"), "校验位");
        await Expect(cashier.Locator("[data-testid=new-resident-form]"), "出生日期不能晚于今天");
        await Screenshot(cashier, "11-bad-resident-input");

        await Input(cashier, "resident-query").FillAsync(name);
        await cashier.ClickAsync("[data-testid=resident-search]");
        await Expect(cashier.Locator("body"), "未找到匹配的居民");
    }

    private static string DemoGivenName() => new(Enumerable.Range(0, 2).Select(_ => "明华建国秀兰志强丽娟海燕军红"[TestSeed.Next(14)]).ToArray());

    private async Task<int> AmlodipineOnHand(IPage page)
    {
        await page.GotoAsync(server.BaseUrl + "/pharmacy/stock");
        await WaitInteractive(page);
        await Input(page, "stock-query").FillAsync("氨氯地平");
        await page.ClickAsync("[data-testid=stock-search]");
        var cell = page.Locator("[data-testid=stock-row]").Filter(new() { HasText = "苯磺酸氨氯地平片" }).Locator("[data-testid=stock-onhand]");
        await cell.WaitForAsync();
        return int.Parse(LeadingNumber().Match(await cell.InnerTextAsync()).Value, CultureInfo.InvariantCulture);
    }

    private static Guid ExtractVisitId(string url) => Guid.Parse(VisitUrl().Match(url).Groups[1].Value);

    internal static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, [data-testid='{testId}'] textarea").First;

    internal static Task WaitInteractive(IPage page) =>
        page.WaitForSelectorAsync("[data-testid=interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    internal static async Task PickSelect(IPage page, string label, string option)
    {
        await page.Locator(".mud-select").Filter(new() { HasText = label }).First.Locator(".mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(option) + "\\s*$") }).First.ClickAsync();
    }

    internal static async Task Expect(ILocator locator, string text)
    {
        try
        {
            await locator.Filter(new() { HasText = text }).First.WaitForAsync();
        }
        catch (TimeoutException e)
        {
            // What the user saw instead, so that a failure on a CI machine says more than "timeout".
            var seen = await locator.AllInnerTextsAsync();
            var messages = await locator.Page.Locator(".mud-snackbar, .mud-alert, .validation-message").AllInnerTextsAsync();
            throw new TimeoutException($"\"{text}\" did not appear at {locator.Page.Url}; the locator shows [{string.Join(" | ", seen)}]; the page's messages [{string.Join(" | ", messages)}]", e);
        }
        Assert.Contains(text, await locator.Filter(new() { HasText = text }).First.InnerTextAsync(), StringComparison.Ordinal);
    }

    private Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, name + ".png"), FullPage = true });

    [GeneratedRegex(@"×\s*(\d+)\s*盒")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"应收：¥([0-9.]+)")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"/outpatient/visits/([0-9a-fA-F-]{36})")]
    private static partial Regex VisitUrl();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPageCount();
}

[Collection(BrowserCollection.Name)]
public sealed class SqliteOutpatientDayTests(SqliteServerFixture server) : OutpatientDayTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresOutpatientDayTests(PostgresServerFixture server) : OutpatientDayTests(server);

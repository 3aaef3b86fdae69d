using System.Net.Http.Json;
using CountyHealth.Residents.Domain;
using CountyHealth.Tests.Support;
using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;
using static CountyHealth.BrowserTests.ScreenWalkTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// The vaccination clinic's day: the nurse opens her home page and the due list, finds the child, gives the due dose,
/// is warned of a dose before its minimum interval and saves it only with her reason, and checks the certificate for
/// kindergarten entry; the missing doses go onto the catch-up list.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImmunisationTests(SqliteServerFixture server)
{
    [Fact]
    public async Task A_nurse_gives_the_due_doses_confirms_an_early_one_with_a_reason_and_checks_the_certificate()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));
        var birth = today.AddMonths(-8).AddDays(-5);
        var name = "接种" + new string(Enumerable.Range(0, 2).Select(_ => "春夏秋冬梅兰竹菊松柏"[TestSeed.Next(10)]).ToArray());
        using (var cashier = await server.ApiAsync("cashier"))
        {
            await ReadAsync(await cashier.PostAsJsonAsync("/api/v1/residents", new
            {
                name,
                sex = 1,
                birthDate = birth,
                idNumber = ChineseIdNumber.Compose("130534", birth, TestSeed.IdSequence(true)),
                phone = "13" + TestSeed.Next(100_000_000, 999_999_999),
                address = "河北省邢台市清河县葛仙庄镇南村5号",
                ethnicity = (string?)null,
            }));
        }

        var nurse = await server.SignInAsync("nurse");
        await nurse.GotoAsync(server.BaseUrl + "/");
        await WaitInteractive(nurse);
        await Expect(nurse.Locator(".mud-card, .mud-paper"), "预防接种");
        await nurse.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "44-immunisation-nurse-home.png"), FullPage = true });

        await nurse.GotoAsync(server.BaseUrl + "/public-health/immunisation");
        await WaitInteractive(nurse);
        await nurse.Locator("[data-testid=imm-row]").First.WaitForAsync();
        await nurse.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "45-immunisation-due-list.png") });
        await Input(nurse, "imm-search").FillAsync(name);
        await nurse.ClickAsync("[data-testid=imm-load]");
        var row = nurse.Locator("[data-testid=imm-row]").Filter(new() { HasText = name });
        await Expect(row, "麻腮风疫苗第1剂");
        await Expect(row, "乙肝疫苗第1剂");
        await row.Locator("[data-testid=imm-open]").ClickAsync();

        await Expect(nurse.Locator("[data-testid=child-title]"), name);
        await WaitInteractive(nurse);
        // The form opens on the first dose due: hepatitis B dose 1, overdue since birth.
        await Expect(nurse.Locator("[data-testid=dose-check]"), "乙肝疫苗第1剂");
        await Input(nurse, "dose-batch").FillAsync("202609B021");
        await nurse.ClickAsync("[data-testid=dose-save]");
        await Expect(nurse.Locator("[data-testid=child-message]"), "已登记：乙肝疫苗第1剂");
        await Expect(nurse.Locator("[data-testid=card-row][data-key=HepB1]"), "202609B021");

        // Dose 2 the same day: before the 28-day interval — a warning, and saved only with the nurse's reason.
        await nurse.Locator(".mud-select").Filter(new() { HasText = "疫苗" }).First.Locator(".mud-input-control").ClickAsync();
        await nurse.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "乙肝疫苗第2剂" }).First.ClickAsync();
        await Expect(nurse.Locator("[data-testid=dose-warning]"), "不足最小间隔28天");
        await Input(nurse, "dose-batch").FillAsync("202609B021");
        await nurse.ClickAsync("[data-testid=dose-save]");
        await Expect(nurse.Locator("[data-testid=child-message]"), "如确需接种，请填写原因后确认");
        await nurse.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "46-immunisation-early-dose-warning.png"), FullPage = true });
        await Input(nurse, "dose-reason").FillAsync("家长下周外出务工，经门诊负责人同意提前接种");
        await nurse.ClickAsync("[data-testid=dose-save]");
        await Expect(nurse.Locator("[data-testid=child-message]"), "已登记：乙肝疫苗第2剂");
        await Expect(nurse.Locator("[data-testid=card-row][data-key=HepB2]"), "家长下周外出务工");

        // Dose 2 turns out entered in error: voided with the reason, kept under 作废记录, and due again on the card.
        await nurse.Locator("[data-testid=card-row][data-key=HepB2] [data-testid=dose-void]").ClickAsync();
        await nurse.ClickAsync("[data-testid=void-confirm]");
        await Expect(nurse.Locator("[data-testid=void-form]"), "请填写作废原因");
        await Input(nurse, "void-reason").FillAsync("录错儿童，应为同户另一儿童");
        await nurse.ClickAsync("[data-testid=void-confirm]");
        await Expect(nurse.Locator("[data-testid=child-message]"), "已作废：乙肝疫苗第2剂");
        await Expect(nurse.Locator("[data-testid=void-row]"), "录错儿童");
        await Expect(nurse.Locator("[data-testid=card-row][data-key=HepB2]"), "应种");

        // The certificate check at kindergarten entry lists what is still missing.
        await Input(nurse, "check-school").FillAsync("葛仙庄镇中心幼儿园");
        await nurse.ClickAsync("[data-testid=check-save]");
        await Expect(nurse.Locator("[data-testid=child-message]"), "需补种");
        await Expect(nurse.Locator("[data-testid=check-row]"), "麻腮风疫苗第1剂");
        await nurse.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "47-immunisation-child-card.png"), FullPage = true });

        await nurse.GotoAsync(server.BaseUrl + "/public-health/immunisation/catch-up");
        await WaitInteractive(nurse);
        await Expect(nurse.Locator("[data-testid=catchup-row]").Filter(new() { HasText = name }), "卡介苗第1剂");
        await nurse.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "48-immunisation-catch-up.png") });
    }
}

using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// Infectious-disease reporting as its users do it: the doctor diagnoses dysentery, the workbench shows the card due
/// with its time left, the doctor fills what the card still needs (told field by field) and sends it; the CDC finds it
/// waiting, accepts it, and the card prints in the national layout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportCardTests(SqliteServerFixture server)
{
    [Fact]
    public async Task A_doctor_reports_a_notifiable_diagnosis_on_time_and_the_cdc_accepts_it()
    {
        var (name, idNumber, visitId) = await ApiVisits.RegisterAsync(server, "报卡", new DateOnly(1971, 4, 2), 1, "河北省邢台市清河县葛仙庄镇西村8号");

        // The doctor diagnoses bacillary dysentery: the workbench asks for the card, 24 hours to go.
        var doctor = await server.SignInAsync("doctor");
        await doctor.GotoAsync(server.BaseUrl + $"/outpatient/visits/{visitId}");
        await WaitInteractive(doctor);
        await Input(doctor, "dx-query").FillAsync("A03");
        await doctor.ClickAsync("[data-testid=dx-search]");
        await doctor.Locator("[data-testid=dx-option]").Filter(new() { HasText = "A03" }).ClickAsync();
        await doctor.ClickAsync("[data-testid=dx-save]");
        var notice = doctor.Locator("[data-testid=visit-notice]");
        await Expect(notice, "传染病报告卡（细菌性和阿米巴性痢疾）待报告");
        Assert.Matches(@"剩余 2[34] 小时 \d+ 分", await notice.InnerTextAsync());
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "36-report-card-due-on-workbench.png"), FullPage = true });

        // The card is filled from the visit; sending it without what is missing names each field.
        await doctor.ClickAsync("[data-testid=visit-notice-link]");
        await WaitInteractive(doctor);
        await Expect(doctor.Locator("[data-testid=card-status]"), "待报告");
        Assert.Equal(name, await Input(doctor, "card-name").InputValueAsync());
        Assert.Equal(idNumber, await Input(doctor, "card-id").InputValueAsync());
        await Expect(doctor.Locator("[data-testid=card-missing]"), "请选择人群分类");
        await doctor.ClickAsync("[data-testid=card-submit]");
        await Expect(doctor.Locator("[data-testid=card-message]"), "请填写发病日期");
        await Expect(doctor.Locator(".mud-input-helper-text"), "请选择病例分类");
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "37-report-card-missing-fields.png"), FullPage = true });

        await PickSelect(doctor, "人群分类", "农民");
        await PickSelect(doctor, "病例分类", "临床诊断病例");
        var onset = Input(doctor, "card-onset");
        await onset.FillAsync(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await onset.PressAsync("Tab");
        await doctor.ClickAsync("[data-testid=card-submit]");
        await Expect(doctor.Locator("[data-testid=card-status]"), "待审核");
        await Expect(doctor.Locator("[data-testid=card-timeliness]"), "在报告时限内");
        var cardUrl = doctor.Url;

        // The CDC opens on its queue, finds the card and accepts it; the printed card ticks its disease.
        var cdc = await server.SignInAsync("cdc");
        await cdc.GotoAsync(server.BaseUrl + "/surveillance/cards");
        await WaitInteractive(cdc);
        var row = cdc.Locator("[data-testid=card-row]").Filter(new() { HasText = name });
        await Expect(row, "待审核");
        await cdc.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "38-cdc-report-card-queue.png"), FullPage = true });
        await row.Locator("[data-testid=card-open]").ClickAsync();
        await WaitInteractive(cdc);
        await cdc.ClickAsync("[data-testid=card-accept]");
        await Expect(cdc.Locator("[data-testid=card-status]"), "已审核");
        await Expect(cdc.Locator("[data-testid=card-history]"), "审核通过");
        await cdc.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "39-report-card-accepted.png"), FullPage = true });

        await cdc.GotoAsync(cardUrl + "/print");
        var printout = cdc.Locator("[data-testid=card-printout]");
        await Expect(printout, "中华人民共和国传染病报告卡");
        await Expect(printout, "☑细菌性和阿米巴性痢疾");
        await Expect(printout, "☑农民");
        await cdc.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "40-report-card-print.png"), FullPage = true });
    }
}

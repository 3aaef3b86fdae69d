using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// Outpatient → programme as the doctor does it: a hypertension diagnosis with the visit's blood pressure, enrolment
/// from the workbench in one click, the first follow-up filled from the visit and classified, and the patient on the
/// due list with her next date.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChronicDiseaseTests(SqliteServerFixture server)
{
    [Fact]
    public async Task A_doctor_enrols_a_hypertensive_patient_from_the_workbench_and_records_the_first_follow_up()
    {
        var (name, _, visitId) = await ApiVisits.RegisterAsync(server, "慢病", new DateOnly(1956, 2, 3), 2, "河北省邢台市清河县葛仙庄镇南村3号");

        var doctor = await server.SignInAsync("doctor");
        await doctor.GotoAsync(server.BaseUrl + $"/outpatient/visits/{visitId}");
        await WaitInteractive(doctor);
        await Input(doctor, "rec-chief").FillAsync("头晕1周");
        await Input(doctor, "rec-sbp").FillAsync("156");
        await Input(doctor, "rec-dbp").FillAsync("96");
        await doctor.ClickAsync("[data-testid=rec-save]");
        await Expect(doctor.Locator(".mud-snackbar"), "病历已保存");
        await Input(doctor, "dx-query").FillAsync("I10");
        await doctor.ClickAsync("[data-testid=dx-search]");
        await doctor.Locator("[data-testid=dx-option]").Filter(new() { HasText = "I10" }).ClickAsync();
        await doctor.ClickAsync("[data-testid=dx-save]");
        var notice = doctor.Locator("[data-testid=visit-notice]").Filter(new() { HasText = "尚未纳入高血压患者健康管理" });
        await notice.WaitForAsync();
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "41-chronic-enrolment-proposed.png"), FullPage = true });

        await notice.Locator("[data-testid=visit-notice-link]").ClickAsync();
        await WaitInteractive(doctor);
        await Expect(doctor.Locator("[data-testid=enrol-proposal]"), name);
        await doctor.ClickAsync("[data-testid=enrol-confirm]");
        await Expect(doctor.Locator("[data-testid=patient-title]"), "高血压患者管理");
        await WaitInteractive(doctor);
        // The first follow-up starts from the visit's measurements.
        Assert.Equal("156", await Input(doctor, "fu-sbp").InputValueAsync());
        Assert.Equal("96", await Input(doctor, "fu-dbp").InputValueAsync());
        await doctor.ClickAsync("[data-testid=fu-save]");
        await Expect(doctor.Locator("[data-testid=followup-outcome]"), "首次控制不满意：调整用药，2周内随访");
        await Expect(doctor.Locator("[data-testid=fu-row]"), "控制不满意");
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "42-chronic-first-follow-up.png"), FullPage = true });

        await doctor.GotoAsync(server.BaseUrl + "/public-health/chronic");
        await WaitInteractive(doctor);
        await doctor.Locator("[data-testid=due-row]").First.WaitForAsync();
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "43-chronic-due-list.png"), FullPage = true });
        await Input(doctor, "due-search").FillAsync(name);
        await doctor.ClickAsync("[data-testid=due-load]");
        var row = doctor.Locator("[data-testid=due-row]").Filter(new() { HasText = name });
        await Expect(row, "高血压");
        await Expect(row, "控制不满意");
        Assert.Equal(1, await doctor.Locator("[data-testid=due-row]").CountAsync());
    }
}

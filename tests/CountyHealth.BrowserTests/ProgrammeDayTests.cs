using System.Globalization;
using System.Net.Http.Json;
using CountyHealth.Residents.Domain;
using CountyHealth.Tests.Support;
using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;
using static CountyHealth.BrowserTests.ScreenWalkTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// More of the public-health day: the township nurse makes a newborn's home visit from the child's schedule; the
/// public-health doctor registers a TB patient from the designated hospital's notice and makes the first home visit;
/// and records the month's health talk, which the year's progress counts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgrammeDayTests(SqliteServerFixture server)
{
    private static DateOnly Today => CountyHealth.Kernel.Time.ChinaTime.Today(TimeProvider.System);

    [Fact]
    public async Task The_nurse_records_a_newborns_home_visit_on_the_childs_schedule()
    {
        var (id, name) = await RegisterAsync("新生", Today.AddDays(-6), male: true);
        var nurse = await server.SignInAsync("nurse");
        await nurse.GotoAsync($"{server.BaseUrl}/public-health/child-health/{id}");
        await Expect(nurse.Locator("[data-testid=child-title]"), name);
        await WaitInteractive(nurse);
        await Expect(nurse.Locator("[data-testid=child-form]"), "新生儿");
        await Input(nurse, "child-gestation").FillAsync("39");
        await Input(nurse, "child-birth-weight").FillAsync("3.2");
        await Input(nurse, "child-weight").FillAsync("3.3");
        await PickSelect(nurse, "喂养方式", "纯母乳");
        await nurse.ClickAsync("[data-testid=child-save]");
        await Expect(nurse.Locator("[data-testid=child-message]"), "已保存");
        await Expect(nurse.Locator("[data-testid=child-contact]").First, "已完成");
        await nurse.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "53-child-newborn-visit.png"), FullPage = true });
    }

    [Fact]
    public async Task The_public_health_doctor_registers_a_tb_patient_visits_at_home_and_records_a_talk()
    {
        var (_, name) = await RegisterAsync("结核", new DateOnly(1968, 3, 1).AddDays(TestSeed.Next(0, 3000)), male: true);
        var doctor = await server.SignInAsync("publichealth");
        await doctor.GotoAsync(server.BaseUrl + "/public-health/tb");
        await WaitInteractive(doctor);
        await doctor.ClickAsync("[data-testid=tb-register-open]");
        await Input(doctor, "resident-query").FillAsync(name);
        await doctor.ClickAsync("[data-testid=resident-search]");
        await Expect(doctor.Locator("[data-testid=tb-register]"), name);
        await doctor.ClickAsync("[data-testid=tb-register-save]");
        await Expect(doctor.Locator("[data-testid=tb-title]"), name);
        await Expect(doctor.Locator("[data-testid=tb-next]"), Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await WaitInteractive(doctor);
        await doctor.ClickAsync("[data-testid=tb-save]");
        await Expect(doctor.Locator("[data-testid=tb-outcome]"), "每10天随访1次");
        await Expect(doctor.Locator("[data-testid=tb-visit]").First, "第一次入户随访");
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "54-tb-first-home-visit.png"), FullPage = true });

        await doctor.GotoAsync(server.BaseUrl + "/public-health/education");
        await WaitInteractive(doctor);
        var talks = doctor.Locator("[data-testid=edu-kind]").First;
        await Expect(talks, "健康知识讲座");
        // The cell reads "5 次": talks count in activities (printed material in kinds).
        var before = int.Parse((await talks.Locator("td").Nth(1).InnerTextAsync()).Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        await Input(doctor, "edu-topic").FillAsync("冬季慢阻肺与结核病防治");
        await Input(doctor, "edu-place").FillAsync("卫生院健康教育室");
        await Input(doctor, "edu-speaker").FillAsync("周海涛");
        await Input(doctor, "edu-audience").FillAsync("45");
        await doctor.ClickAsync("[data-testid=edu-save]");
        await Expect(doctor.Locator("[data-testid=edu-message]"), "已登记");
        await Expect(doctor.Locator("[data-testid=edu-kind]").First.Locator("td").Nth(1), $"{before + 1} 次");
        await Expect(doctor.Locator("[data-testid=edu-activity]").First, "冬季慢阻肺与结核病防治");
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "55-health-education.png"), FullPage = true });
    }

    private async Task<(string Id, string Name)> RegisterAsync(string prefix, DateOnly birth, bool male)
    {
        var name = prefix + new string(Enumerable.Range(0, 2).Select(_ => "春夏秋冬梅兰竹菊松柏"[TestSeed.Next(10)]).ToArray());
        using var api = await server.ApiAsync("cashier");
        var registered = await ReadAsync(await api.PostAsJsonAsync("/api/v1/residents", new
        {
            name,
            sex = male ? 1 : 2,
            birthDate = birth,
            idNumber = ChineseIdNumber.Compose("130534", birth, TestSeed.IdSequence(male)),
            phone = "13" + TestSeed.Next(100_000_000, 999_999_999),
            address = "河北省邢台市清河县葛仙庄镇南村8号",
            ethnicity = (string?)null,
        }));
        return (registered.GetProperty("resident").GetProperty("id").GetString()!, name);
    }
}

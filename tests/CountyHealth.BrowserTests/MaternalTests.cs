using System.Globalization;
using System.Net.Http.Json;
using CountyHealth.Residents.Domain;
using CountyHealth.Tests.Support;
using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;
using static CountyHealth.BrowserTests.ScreenWalkTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// The public-health doctor opens a pregnancy record: a man is refused with the reason beside the form; a woman ten
/// weeks pregnant is registered early with her first check, and a visit with a blood pressure of 150/95 is marked
/// abnormal and referred.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MaternalTests(SqliteServerFixture server)
{
    [Fact]
    public async Task A_public_health_doctor_registers_a_pregnancy_and_a_raised_blood_pressure_is_referred()
    {
        var today = CountyHealth.Kernel.Time.ChinaTime.Today(TimeProvider.System);
        var man = await RegisterAsync("孕检男", new DateOnly(1990, 5, 1).AddDays(TestSeed.Next(0, 2000)), male: true);
        var woman = await RegisterAsync("孕检女", today.AddYears(-27).AddDays(-TestSeed.Next(0, 2000)), male: false);

        var doctor = await server.SignInAsync("publichealth");
        await doctor.GotoAsync(server.BaseUrl + "/public-health/maternal");
        await WaitInteractive(doctor);
        await doctor.ClickAsync("[data-testid=mat-register-open]");
        await Pick(man);
        await doctor.ClickAsync("[data-testid=mat-register-save]");
        await Expect(doctor.Locator("[data-testid=mat-resident-error]"), "只能为女性建立");

        await Pick(woman);
        await Input(doctor, "mat-lmp").FillAsync(today.AddDays(-70).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Input(doctor, "mat-lmp").PressAsync("Tab");
        await Input(doctor, "mat-sbp").FillAsync("112");
        await Input(doctor, "mat-dbp").FillAsync("70");
        await doctor.ClickAsync("[data-testid=mat-register-save]");

        await Expect(doctor.Locator("[data-testid=mat-title]"), woman);
        await Expect(doctor.Locator("[data-testid=mat-early]"), "早孕建册");
        await Expect(doctor.Locator("[data-testid=mat-next]"), "产前随访（孕16周～20+6周）");
        await WaitInteractive(doctor);
        await Input(doctor, "mat-visit-sbp").FillAsync("150");
        await Input(doctor, "mat-visit-dbp").FillAsync("95");
        await doctor.ClickAsync("[data-testid=mat-save-antenatal]");
        await Expect(doctor.Locator("[data-testid=mat-outcome]"), "异常（血压≥140/90 mmHg，建议转诊上级医疗机构产科）");
        await Expect(doctor.Locator("[data-testid=mat-visit]").First, "150/95");
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "52-maternal-antenatal-visit.png"), FullPage = true });

        async Task Pick(string name)
        {
            await Input(doctor, "resident-query").FillAsync(name);
            await doctor.ClickAsync("[data-testid=resident-search]");
            await Expect(doctor.Locator("[data-testid=mat-register]"), name);
        }
    }

    [Fact]
    public async Task After_the_delivery_the_baby_is_registered_into_the_mothers_household_and_its_vaccination_card_opens()
    {
        var today = CountyHealth.Kernel.Time.ChinaTime.Today(TimeProvider.System);
        var (mother, motherId) = await RegisterWithIdAsync("产妇", today.AddYears(-28).AddDays(-TestSeed.Next(0, 2000)), male: false);
        Guid pregnancy;
        using (var api = await server.ApiAsync("publichealth"))
        {
            var registered = await ReadAsync(await api.PostAsJsonAsync("/api/v1/public-health/maternal", new
            {
                residentId = motherId,
                date = today.AddDays(-200),
                lastPeriod = today.AddDays(-280),
                dueDate = (DateOnly?)null,
                gravidity = 1,
                vaginalBirths = 0,
                caesareans = 0,
                husbandName = (string?)null,
                husbandPhone = (string?)null,
                heightCm = 158m,
                weightKg = 52m,
                systolicBp = 110,
                diastolicBp = 70,
                haemoglobin = 120,
                hbsAgPositive = false,
                syphilisPositive = false,
                hivPositive = false,
                abnormalItems = Array.Empty<string>(),
                guidance = Array.Empty<string>(),
                referral = false,
                referralReason = (string?)null,
            }));
            pregnancy = registered.GetProperty("id").GetGuid();
            await ReadAsync(await api.PostAsJsonAsync($"/api/v1/public-health/maternal/{pregnancy}/delivery", new
            {
                deliveredOn = today.AddDays(-5),
                dischargedOn = today.AddDays(-3),
                deliveredAt = "清河县人民医院",
                mode = 1,
                liveBirths = 1,
                version = registered.GetProperty("version").GetInt32(),
            }));
        }

        var doctor = await server.SignInAsync("publichealth");
        await doctor.GotoAsync(server.BaseUrl + $"/public-health/maternal/{pregnancy}");
        await WaitInteractive(doctor);
        await Expect(doctor.Locator("[data-testid=mat-newborns]"), "活产 1 人，已登记 0 人");
        await Expect(doctor.Locator("[data-testid=mat-newborns]"), $"不填则登记为 {mother}之子");
        await doctor.ClickAsync("[data-testid=mat-save-newborn]");
        await Expect(doctor.Locator("[data-testid=mat-outcome]"), $"已登记新生儿 {mother}之子");
        await Expect(doctor.Locator("[data-testid=mat-newborn]"), $"{mother}之子");
        // One live birth, one baby: the form is gone.
        Assert.Equal(0, await doctor.Locator("[data-testid=mat-save-newborn]").CountAsync());
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "54-maternal-newborn.png"), FullPage = true });

        await doctor.Locator("[data-testid=mat-newborn]").GetByText("儿童健康管理").ClickAsync();
        await Expect(doctor.Locator("[data-testid=child-birth]"), $"母亲 {mother}；");
        await Expect(doctor.Locator("[data-testid=child-birth]"), "于清河县人民医院顺产");
        // Delivered at 39+2 weeks: the newborn visit's form starts at 39.
        Assert.Equal("39", await Input(doctor, "child-gestation").InputValueAsync());
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "55-child-health-birth.png"), FullPage = true });
        await doctor.GoBackAsync();
        await doctor.Locator("[data-testid=mat-newborn]").GetByText("预防接种").ClickAsync();
        await Expect(doctor.Locator("[data-testid=child-title]"), $"{mother}之子");
    }

    private async Task<string> RegisterAsync(string prefix, DateOnly birth, bool male) => (await RegisterWithIdAsync(prefix, birth, male)).Name;

    private async Task<(string Name, Guid Id)> RegisterWithIdAsync(string prefix, DateOnly birth, bool male)
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
        return (name, registered.GetProperty("resident").GetProperty("id").GetGuid());
    }
}

using System.Net.Http.Json;
using CountyHealth.Residents.Domain;
using CountyHealth.Tests.Support;
using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;
using static CountyHealth.BrowserTests.ScreenWalkTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// The village doctor's records: a new villager is on the list without a record, the doctor opens 建档, is told which
/// required answers are missing, answers them, and the record gets her village's next 17-digit number.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HealthRecordTests(SqliteServerFixture server)
{
    [Fact]
    public async Task A_village_doctor_makes_a_record_for_a_new_villager()
    {
        var name = "建档" + new string(Enumerable.Range(0, 2).Select(_ => "春夏秋冬梅兰竹菊松柏"[TestSeed.Next(10)]).ToArray());
        var birth = new DateOnly(1968, 4, 1).AddDays(TestSeed.Next(0, 3000));
        using (var api = await server.ApiAsync("villagedoctor"))
        {
            await ReadAsync(await api.PostAsJsonAsync("/api/v1/residents", new
            {
                name,
                sex = 2,
                birthDate = birth,
                idNumber = ChineseIdNumber.Compose("130534", birth, TestSeed.IdSequence(false)),
                phone = "13" + TestSeed.Next(100_000_000, 999_999_999),
                address = "河北省邢台市清河县葛仙庄镇东王庄村9号",
                ethnicity = (string?)null,
            }));
        }

        var doctor = await server.SignInAsync("villagedoctor");
        await doctor.GotoAsync(server.BaseUrl + "/public-health/records");
        await WaitInteractive(doctor);
        await doctor.Locator("[data-testid=rec-row]").First.WaitForAsync();
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "49-health-records-list.png") });
        await Input(doctor, "rec-search").FillAsync(name);
        await doctor.ClickAsync("[data-testid=rec-load]");
        var row = doctor.Locator("[data-testid=rec-row]").Filter(new() { HasText = name });
        await Expect(row, "未建档");
        await row.Locator("[data-testid=rec-open]").ClickAsync();

        await Expect(doctor.Locator("[data-testid=record-title]"), name);
        await WaitInteractive(doctor);
        await doctor.ClickAsync("[data-testid=record-save]");
        await Expect(doctor.Locator("[data-testid=record-message]"), "请填写常住类型");
        await PickSelect(doctor, "常住类型", "户籍");
        await PickSelect(doctor, "血型", "不详");
        await PickSelect(doctor, "RH", "不详");
        await PickSelect(doctor, "婚姻状况", "已婚");
        await doctor.Locator("[data-testid=field-payment]").GetByText("城乡居民基本医疗保险（原新型农村合作医疗）").ClickAsync();
        await doctor.Locator("[data-testid=field-allergy]").GetByText("青霉素").ClickAsync();
        await doctor.ClickAsync("[data-testid=record-save]");
        await Expect(doctor.Locator("[data-testid=record-message]"), "已建档，档案编号 130534101001");
        Assert.Equal(17, (await doctor.Locator("[data-testid=record-number]").InnerTextAsync()).Trim().Length);
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "50-health-record-made.png"), FullPage = true });
    }
}

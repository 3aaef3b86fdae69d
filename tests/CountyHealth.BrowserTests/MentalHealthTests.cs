using System.Net.Http.Json;
using CountyHealth.Residents.Domain;
using CountyHealth.Tests.Support;
using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;
using static CountyHealth.BrowserTests.ScreenWalkTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// The public-health doctor registers a patient with a severe mental disorder found with the resident search, and the
/// first follow-up at risk grade 3 is classified unstable with an immediate referral.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MentalHealthTests(SqliteServerFixture server)
{
    [Fact]
    public async Task A_public_health_doctor_registers_a_patient_and_an_unstable_visit_is_referred()
    {
        var name = "精卫" + new string(Enumerable.Range(0, 2).Select(_ => "春夏秋冬梅兰竹菊松柏"[TestSeed.Next(10)]).ToArray());
        var birth = new DateOnly(1975, 4, 1).AddDays(TestSeed.Next(0, 3000));
        using (var api = await server.ApiAsync("cashier"))
        {
            await ReadAsync(await api.PostAsJsonAsync("/api/v1/residents", new
            {
                name,
                sex = 1,
                birthDate = birth,
                idNumber = ChineseIdNumber.Compose("130534", birth, TestSeed.IdSequence(true)),
                phone = "13" + TestSeed.Next(100_000_000, 999_999_999),
                address = "河北省邢台市清河县葛仙庄镇南村8号",
                ethnicity = (string?)null,
            }));
        }

        var doctor = await server.SignInAsync("publichealth");
        await doctor.GotoAsync(server.BaseUrl + "/public-health/mental");
        await WaitInteractive(doctor);
        await doctor.ClickAsync("[data-testid=mental-register-open]");
        await Input(doctor, "resident-query").FillAsync(name);
        await doctor.ClickAsync("[data-testid=resident-search]");
        // One resident found: the search hands her over at once.
        await Expect(doctor.Locator("[data-testid=mental-register]"), name);
        await Input(doctor, "mental-hospital").FillAsync("清河县精神卫生中心");
        await Input(doctor, "mental-guardian").FillAsync("李建国");
        await doctor.ClickAsync("[data-testid=mental-register-save]");

        await Expect(doctor.Locator("[data-testid=mental-title]"), name);
        await WaitInteractive(doctor);
        await PickSelect(doctor, "危险性评估", "3级");
        await doctor.ClickAsync("[data-testid=mental-save]");
        await Expect(doctor.Locator("[data-testid=mental-outcome]"), "不稳定");
        await Expect(doctor.Locator("[data-testid=mental-outcome]"), "立即转诊");
        await doctor.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "51-mental-unstable-follow-up.png"), FullPage = true });
    }
}

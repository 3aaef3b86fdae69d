using System.Net;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Mental;
using CountyHealth.Tests.Support;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Severe mental disorders through the API: a registered patient's follow-ups classified with their referral and next
/// date, a second registration refused, the due list, and the sensitive records closed to roles without the permission.
/// </summary>
public abstract class MentalHealthTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    private static MentalFollowUpRequest Visit(int risk, int version, Insight insight = Insight.Full) =>
        new(Clinic.Today, FollowUpMode.Home, risk, false, insight, false, false, false, Adherence.Regular, version);

    [Fact]
    public async Task A_registered_patient_is_followed_up_by_risk_grade_and_kept_from_other_roles()
    {
        var doctor = await host.As(DemoAccounts.PublicHealth);
        var resident = await clinic.RegisterResidentAsync(TestData.Adult());
        var bad = await (await doctor.PostAsync("/api/v1/public-health/mental", new MentalRegistration(resident.Id, MentalDisorder.Schizophrenia, " ", Clinic.Today.AddDays(1), null, null, true)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.ErrorsOf("diagnosedAt"));
        Assert.NotEmpty(bad.ErrorsOf("diagnosedOn"));
        Assert.NotEmpty(bad.ErrorsOf("guardianName"));

        var registration = new MentalRegistration(resident.Id, MentalDisorder.Bipolar, "清河县精神卫生中心", Clinic.Today.AddYears(-2), "王建", "13800000000", true);
        var patient = await doctor.PostAsync<MentalPatientView>("/api/v1/public-health/mental", registration, HttpStatusCode.Created);
        Assert.Equal(("双相（情感）障碍", "葛仙庄镇卫生院"), (patient.DisorderName, patient.InstitutionName));
        await (await doctor.PostAsync("/api/v1/public-health/mental", registration)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains((await doctor.GetAsync<Page<MentalRow>>("/api/v1/public-health/mental?show=due&pageSize=500")).Items, r => r.PatientId == patient.Id);

        var unstable = await doctor.PostAsync<MentalPatientView>($"/api/v1/public-health/mental/{patient.Id}/follow-ups", Visit(4, patient.Version), HttpStatusCode.Created);
        Assert.Equal((MentalClass.Unstable, true), (unstable.FollowUps[0].Class, unstable.FollowUps[0].Referral));
        Assert.Equal(CountyHealth.Kernel.Time.ChinaTime.FormatDate(Clinic.Today.AddDays(14)), unstable.NextDueOn);
        var partial = await doctor.PostAsync<MentalPatientView>($"/api/v1/public-health/mental/{patient.Id}/follow-ups", Visit(1, unstable.Version), HttpStatusCode.Created);
        Assert.Equal(MentalClass.BasicallyStable, partial.FollowUps[0].Class);
        var still = await doctor.PostAsync<MentalPatientView>($"/api/v1/public-health/mental/{patient.Id}/follow-ups", Visit(2, partial.Version), HttpStatusCode.Created);
        Assert.Equal(CountyHealth.Kernel.Time.ChinaTime.FormatDate(Clinic.Today.AddMonths(1)), still.NextDueOn);
        await (await doctor.PostAsync($"/api/v1/public-health/mental/{patient.Id}/follow-ups", Visit(0, partial.Version))).ProblemAsync(HttpStatusCode.Conflict);
        await (await doctor.PostAsync($"/api/v1/public-health/mental/{patient.Id}/follow-ups", Visit(6, still.Version))).ProblemAsync(HttpStatusCode.BadRequest);

        // The outpatient doctor and the director have no grant; another village's doctor does not reach the centre's patient.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await clinic.Doctor).GetAsync($"/api/v1/public-health/mental/{patient.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As(DemoAccounts.Director)).GetAsync($"/api/v1/public-health/mental/{patient.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.As(DemoAccounts.VillageDoctor2)).GetAsync($"/api/v1/public-health/mental/{patient.Id}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMentalHealthTests(SqliteHost host) : MentalHealthTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMentalHealthTests(PostgresHost host) : MentalHealthTests(host);

using System.Net;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Tuberculosis;
using CountyHealth.Tests.Support;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Tuberculosis through the API: a notified patient is due for the first home visit within 72 hours, visited every 10
/// days under family supervision in the intensive phase, and stopped with the course summary (regular intake at 90 %);
/// the records are read only with the programme's permission.
/// </summary>
public abstract class TuberculosisTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    public static TbRegistration Notice(Guid residentId, DateOnly notified) => new(residentId, notified, "清河县人民医院结核病定点门诊", notified, 1, 1, 2, "2HRZE/4HR");

    [Fact]
    public async Task A_notified_patient_is_visited_by_the_supervision_rhythm_and_stopped_with_the_course_summary()
    {
        var doctor = await host.As(DemoAccounts.PublicHealth);
        var today = Clinic.Today;
        var resident = await clinic.RegisterResidentAsync(TestData.Adult());
        var bad = await (await doctor.PostAsync("/api/v1/public-health/tb", new TbRegistration(resident.Id, today.AddDays(1), " ", today.AddDays(40), 1, 1, 2, null)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.ErrorsOf("notifiedOn"));
        Assert.NotEmpty(bad.ErrorsOf("diagnosedAt"));
        Assert.NotEmpty(bad.ErrorsOf("regimen"));

        var notified = today.AddDays(-5);
        var p = await doctor.PostAsync<TbPatientView>("/api/v1/public-health/tb", Notice(resident.Id, notified), HttpStatusCode.Created);
        Assert.Equal(ChinaTime.FormatDate(notified.AddDays(3)), p.NextDueOn);
        Assert.True(p.Overdue);
        Assert.Contains((await doctor.GetAsync<Page<TbRow>>("/api/v1/public-health/tb?show=overdue&pageSize=500")).Items, r => r.PatientId == p.Id);
        await (await doctor.PostAsync("/api/v1/public-health/tb", Notice(resident.Id, notified))).ProblemAsync(HttpStatusCode.Conflict);

        // The first visit, late, under family supervision in the intensive phase: every 10 days; then 8 missed doses are reported.
        var first = await doctor.PostAsync<TbPatientView>($"/api/v1/public-health/tb/{p.Id}/visits",
            new TbVisitRequest(today, FollowUpMode.Home, TbSupervisor.Family, ["cough"], 0, false, false, p.Version), HttpStatusCode.Created);
        Assert.Equal(("第一次入户随访", "家属"), (first.Visits[0].Kind, first.Supervisor));
        Assert.StartsWith("第一次入户随访超过72小时", first.Visits[0].Advice, StringComparison.Ordinal);
        Assert.Equal(ChinaTime.FormatDate(today.AddDays(10)), first.NextDueOn);
        var missed = await doctor.PostAsync<TbPatientView>($"/api/v1/public-health/tb/{p.Id}/visits",
            new TbVisitRequest(today, FollowUpMode.Phone, TbSupervisor.Family, [], 8, false, false, first.Version), HttpStatusCode.Created);
        Assert.Contains("报告上级结核病防治机构", missed.Visits[0].Advice, StringComparison.Ordinal);
        await (await doctor.PostAsync($"/api/v1/public-health/tb/{p.Id}/visits",
            new TbVisitRequest(today, FollowUpMode.Home, TbSupervisor.Family, ["fever", "unknown"], 0, false, false, missed.Version))).ProblemAsync(HttpStatusCode.BadRequest);

        // Only the programme's roles read the records: the outpatient doctor and the director see aggregates.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await clinic.Doctor).GetAsync($"/api/v1/public-health/tb/{p.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As(DemoAccounts.Director)).GetAsync($"/api/v1/public-health/tb/{p.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.As(DemoAccounts.VillageDoctor2)).GetAsync($"/api/v1/public-health/tb/{p.Id}")).StatusCode);

        var tooMany = await (await doctor.PostAsync($"/api/v1/public-health/tb/{p.Id}/stop", new TbStopRequest(today, TbStopReason.Completed, 2, 10, 11, missed.Version)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(tooMany.ErrorsOf("dosesTaken"));
        var stopped = await doctor.PostAsync<TbPatientView>($"/api/v1/public-health/tb/{p.Id}/stop", new TbStopRequest(today, TbStopReason.Completed, 2, 180, 162, missed.Version),
            HttpStatusCode.Created);
        Assert.Contains("完成疗程", stopped.Stopped, StringComparison.Ordinal);
        Assert.Contains("实际访视 2 次", stopped.Summary, StringComparison.Ordinal);
        Assert.EndsWith("（规则服药）", stopped.Summary, StringComparison.Ordinal);
        Assert.False(stopped.CanRecord);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTuberculosisTests(SqliteHost host) : TuberculosisTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTuberculosisTests(PostgresHost host) : TuberculosisTests(host);

using System.Net;
using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.ReferenceTables;
using CountyHealth.PublicHealth.Chronic;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using CountyHealth.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// The hypertension programme through the API: a diagnosis proposes enrolment, the visit's blood pressure becomes the
/// first follow-up in one click, each follow-up is classified with its next date and referral, impossible figures and
/// a follow-up before enrolment are refused with nothing saved, the due list and the figures follow, an ended
/// management leaves the denominator, and a village doctor sees her own village's patients only.
/// </summary>
public abstract class ChronicDiseaseTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    private async Task<VisitRegistered> DiagnosedAsync(NewResident resident, int? systolic, int? diastolic, params string[] codes)
    {
        var registered = await clinic.RegisterResidentAsync(resident);
        var visit = await clinic.RegisterVisitAsync(registered.Id);
        var doctor = await clinic.Doctor;
        await doctor.PutAsync($"/api/v1/visits/{visit.VisitId}/record", Clinic.Record(systolic, diastolic), HttpStatusCode.NoContent);
        await doctor.PutAsync<List<DiagnosisRow>>($"/api/v1/visits/{visit.VisitId}/diagnoses",
            new DiagnosesRequest(codes.Select((c, i) => new DiagnosisRequest(c, i == 0)).ToList()), HttpStatusCode.OK);
        return visit;
    }

    private static FollowUpRequest FollowUp(DateOnly date, int? sbp, int? dbp, Guid? visit, int version) =>
        new(date, FollowUpMode.Clinic, ["2"], null, sbp, dbp, 76, 72m, 68m, null, 0, 0, 3, 30, Adherence.Regular, null, null, visit, version);

    [Fact]
    public async Task A_diagnosis_proposes_enrolment_and_the_visits_blood_pressure_becomes_a_classified_follow_up_in_one_click()
    {
        var doctor = await clinic.Doctor;
        var visit = await DiagnosedAsync(TestData.Adult(), 150, 95, "I10");
        var proposal = Assert.Single((await clinic.VisitAsync(visit.VisitId)).Notices!, n => n.Href.StartsWith("/public-health/", StringComparison.Ordinal));
        Assert.Equal($"/public-health/chronic/enrol?visit={visit.VisitId}&programme=Hypertension", proposal.Href);
        var offered = await doctor.GetAsync<EnrolmentProposal>($"/api/v1/public-health/visits/{visit.VisitId}/enrolment-proposal?programme=Hypertension");
        Assert.Null(offered.Refusal);
        Assert.StartsWith("I10 ", offered.Diagnosis, StringComparison.Ordinal);
        Assert.Equal("葛仙庄镇卫生院", offered.ManagedBy);

        var enrolled = await doctor.PostAsync<EnrolmentView>("/api/v1/public-health/enrolments", new EnrolRequest(visit.VisitId, Programme.Hypertension), HttpStatusCode.Created);
        Assert.Equal((Clinic.Today, "葛仙庄镇卫生院"), (enrolled.EnrolledOnDate, enrolled.InstitutionName));
        await (await doctor.PostAsync("/api/v1/public-health/enrolments", new EnrolRequest(visit.VisitId, Programme.Hypertension))).ProblemAsync(HttpStatusCode.Conflict);

        var measured = Assert.Single((await clinic.VisitAsync(visit.VisitId)).Notices!, n => n.Href.StartsWith("/public-health/", StringComparison.Ordinal));
        Assert.Contains("血压 150/95 mmHg可记为随访", measured.Text, StringComparison.Ordinal);
        var page = await doctor.GetAsync<EnrolmentView>($"/api/v1/public-health/enrolments/{enrolled.Id}?visit={visit.VisitId}");
        Assert.Equal((150, 95), (page.FromVisit!.SystolicBp, page.FromVisit.DiastolicBp));

        // Impossible figures and a date before the enrolment are refused, and nothing is saved.
        var absurd = await (await doctor.PostAsync($"/api/v1/public-health/enrolments/{enrolled.Id}/follow-ups", FollowUp(Clinic.Today, 300, 20, null, page.Version)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(absurd.ErrorsOf("systolicBp"));
        Assert.NotEmpty(absurd.ErrorsOf("diastolicBp"));
        var early = await (await doctor.PostAsync($"/api/v1/public-health/enrolments/{enrolled.Id}/follow-ups", FollowUp(Clinic.Today.AddDays(-1), 150, 95, null, page.Version)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("随访日期不能早于纳入管理日期", early.ErrorsOf("date")[0], StringComparison.Ordinal);
        Assert.Empty((await doctor.GetAsync<EnrolmentView>($"/api/v1/public-health/enrolments/{enrolled.Id}")).FollowUps);

        var first = await doctor.PostAsync<EnrolmentView>($"/api/v1/public-health/enrolments/{enrolled.Id}/follow-ups", FollowUp(Clinic.Today, 150, 95, visit.VisitId, page.Version), HttpStatusCode.Created);
        var row = Assert.Single(first.FollowUps);
        Assert.Equal((FollowUpClass.NotControlled, Referral.None), (row.Class, row.Referral));
        Assert.Equal(ChinaTimeText(Clinic.Today.AddDays(14)), first.NextDueOn);
        await (await doctor.PostAsync($"/api/v1/public-health/enrolments/{enrolled.Id}/follow-ups", FollowUp(Clinic.Today, 150, 95, visit.VisitId, first.Version)))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已记为高血压随访", Assert.Single((await clinic.VisitAsync(visit.VisitId)).Notices!, n => n.Href.StartsWith("/public-health/", StringComparison.Ordinal)).Text, StringComparison.Ordinal);

        // Uncontrolled twice in a row: referred; at 180/110, urgently.
        var second = await doctor.PostAsync<EnrolmentView>($"/api/v1/public-health/enrolments/{enrolled.Id}/follow-ups", FollowUp(Clinic.Today, 152, 96, null, first.Version), HttpStatusCode.Created);
        Assert.Equal(Referral.Referral, second.FollowUps[0].Referral);
        var third = await doctor.PostAsync<EnrolmentView>($"/api/v1/public-health/enrolments/{enrolled.Id}/follow-ups", FollowUp(Clinic.Today, 182, 100, null, second.Version), HttpStatusCode.Created);
        Assert.Equal(Referral.Urgent, third.FollowUps[0].Referral);
        Assert.StartsWith("紧急转诊", third.FollowUps[0].Advice, StringComparison.Ordinal);

        var due = await doctor.GetAsync<Page<DueRow>>("/api/v1/public-health/chronic?show=due&programme=hypertension&pageSize=500");
        Assert.Contains(due.Items, d => d.EnrolmentId == enrolled.Id && !d.Overdue);
    }

    private static string ChinaTimeText(DateOnly day) => CountyHealth.Kernel.Time.ChinaTime.FormatDate(day);

    [Fact]
    public async Task Enrolment_is_for_residents_of_35_and_over()
    {
        var doctor = await clinic.Doctor;
        var birth34 = Clinic.Today.AddYears(-35).AddDays(1);
        var young = await DiagnosedAsync(new NewResident("程晓冬", "CXD", Sex.Male, birth34, TestData.IdNumber(Sex.Male, birth34), TestData.MobilePhone()), 150, 95, "I10");
        var refused = await doctor.GetAsync<EnrolmentProposal>($"/api/v1/public-health/visits/{young.VisitId}/enrolment-proposal?programme=Hypertension");
        Assert.Contains("35岁及以上", refused.Refusal, StringComparison.Ordinal);
        await (await doctor.PostAsync("/api/v1/public-health/enrolments", new EnrolRequest(young.VisitId, Programme.Hypertension))).ProblemAsync(HttpStatusCode.Conflict);

        var birth35 = Clinic.Today.AddYears(-35);
        var adult = await DiagnosedAsync(new NewResident("程晓秋", "CXQ", Sex.Female, birth35, TestData.IdNumber(Sex.Female, birth35), TestData.MobilePhone()), null, null, "E11");
        Assert.Null((await doctor.GetAsync<EnrolmentProposal>($"/api/v1/public-health/visits/{adult.VisitId}/enrolment-proposal?programme=Diabetes")).Refusal);
        // No diabetes diagnosis at this visit: the hypertension programme is not offered.
        Assert.Contains("没有高血压诊断", (await doctor.GetAsync<EnrolmentProposal>($"/api/v1/public-health/visits/{adult.VisitId}/enrolment-proposal?programme=Hypertension")).Refusal,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_figures_count_the_follow_up_and_an_ended_management_leaves_the_denominator()
    {
        var doctor = await clinic.Doctor;
        var bureau = await host.As(DemoAccounts.Bureau);
        var visit = await DiagnosedAsync(TestData.Adult(), 132, 84, "I10");
        var enrolled = await doctor.PostAsync<EnrolmentView>("/api/v1/public-health/enrolments", new EnrolRequest(visit.VisitId, Programme.Hypertension), HttpStatusCode.Created);
        var followed = await doctor.PostAsync<EnrolmentView>($"/api/v1/public-health/enrolments/{enrolled.Id}/follow-ups", FollowUp(Clinic.Today, 132, 84, visit.VisitId, enrolled.Version), HttpStatusCode.Created);
        Assert.Equal(FollowUpClass.Controlled, followed.FollowUps[0].Class);
        var centre = await CentreAsync(await host.As(DemoAccounts.Admin));
        var month = $"{Clinic.Today:yyyy-MM}";
        async Task<HashSet<Guid>> Term(string code, int term) => (await bureau.GetAsync<FigureRecords>($"/api/v1/indicators/{code}/records?institution={centre}&month={month}&term={term}"))
            .Records.Select(r => r.Id).ToHashSet();
        Assert.Contains(enrolled.Id, await IndicatorTests.PollAsync(() => Term("GW02", 1), ids => ids.Contains(enrolled.Id)));
        Assert.Contains(enrolled.Id, await Term("GW02", 0));
        Assert.Contains(followed.FollowUps[0].Id, await Term("GW05", 0));

        await doctor.PostAsync<EnrolmentView>($"/api/v1/public-health/enrolments/{enrolled.Id}/end", new EndEnrolmentRequest(Clinic.Today, "死亡", followed.Version), HttpStatusCode.OK);
        Assert.DoesNotContain(enrolled.Id, await IndicatorTests.PollAsync(() => Term("GW02", 1), ids => !ids.Contains(enrolled.Id)));
        Assert.DoesNotContain((await doctor.GetAsync<Page<DueRow>>("/api/v1/public-health/chronic?show=all&pageSize=500")).Items, d => d.EnrolmentId == enrolled.Id);
        await (await doctor.PostAsync($"/api/v1/public-health/enrolments/{enrolled.Id}/follow-ups", FollowUp(Clinic.Today, 130, 80, null, followed.Version + 1)))
            .ProblemAsync(HttpStatusCode.Conflict);
    }

    private static async Task<Guid> CentreAsync(ApiClient admin) =>
        (await admin.GetAsync<List<CountyHealth.Platform.Institutions.InstitutionRow>>("/api/v1/institutions")).Single(i => i.Name == "葛仙庄镇卫生院").Id;

    [Fact]
    public async Task A_village_doctor_sees_her_own_villages_patients_and_never_another_villages()
    {
        var doctor = await clinic.Doctor;
        var village = await host.As(DemoAccounts.VillageDoctor);
        var otherVillage = await host.As(DemoAccounts.VillageDoctor2);
        // A resident of the village doctor's clinic, seen at the township centre: managed by her home village's clinic.
        var mine = (await village.GetAsync<Page<ResidentRow>>("/api/v1/residents?pageSize=100")).Items.First(r => r.Age >= 40);
        var visit = await clinic.RegisterVisitAsync(mine.Id);
        await doctor.PutAsync<List<DiagnosisRow>>($"/api/v1/visits/{visit.VisitId}/diagnoses", new DiagnosesRequest([new DiagnosisRequest("I10", true)]), HttpStatusCode.OK);
        var existing = (await doctor.GetAsync<EnrolmentProposal>($"/api/v1/public-health/visits/{visit.VisitId}/enrolment-proposal?programme=Hypertension")).ExistingEnrolmentId;
        var id = existing ?? (await doctor.PostAsync<EnrolmentView>("/api/v1/public-health/enrolments", new EnrolRequest(visit.VisitId, Programme.Hypertension), HttpStatusCode.Created)).Id;

        var seen = await village.GetAsync<EnrolmentView>($"/api/v1/public-health/enrolments/{id}");
        Assert.NotEqual("葛仙庄镇卫生院", seen.InstitutionName);
        Assert.Contains((await village.GetAsync<Page<DueRow>>("/api/v1/public-health/chronic?show=all&pageSize=500")).Items, d => d.EnrolmentId == id);
        Assert.Equal(HttpStatusCode.NotFound, (await otherVillage.GetAsync($"/api/v1/public-health/enrolments/{id}")).StatusCode);
        Assert.DoesNotContain((await otherVillage.GetAsync<Page<DueRow>>("/api/v1/public-health/chronic?show=all&pageSize=500")).Items, d => d.EnrolmentId == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As(DemoAccounts.Bureau)).GetAsync($"/api/v1/public-health/enrolments/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_corrected_threshold_table_classifies_the_next_follow_up_by_its_target()
    {
        var doctor = await clinic.Doctor;
        var admin = await host.As(DemoAccounts.Admin);
        var table = host.Services.GetRequiredService<ReferenceTable<ChronicThresholds>>();
        var shipped = table.Shipped;
        const string url = "/api/v1/reference-tables/" + ChronicThresholdTable.Key;
        try
        {
            var visit = await DiagnosedAsync(TestData.Adult(), 135, 85, "I10");
            var enrolled = await doctor.PostAsync<EnrolmentView>("/api/v1/public-health/enrolments", new EnrolRequest(visit.VisitId, Programme.Hypertension), HttpStatusCode.Created);
            var atShipped = await doctor.PostAsync<EnrolmentView>($"/api/v1/public-health/enrolments/{enrolled.Id}/follow-ups", FollowUp(Clinic.Today, 135, 85, null, enrolled.Version), HttpStatusCode.Created);
            Assert.Equal(FollowUpClass.Controlled, atShipped.FollowUps[0].Class);

            var view = await admin.GetAsync<ReferenceTableView>(url);
            var refused = await (await admin.PutAsync(url, new ReferenceTableCorrection(view.Text.Replace("target_systolic\t140", "target_systolic\t300", StringComparison.Ordinal), "按省级规范调整", view.InForce)))
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(refused.ErrorsOf("text"), m => m.Contains("控制满意的收缩压“300”应为 100～200 的整数", StringComparison.Ordinal));
            await admin.PutAsync<ReferenceTableRow>(url, new ReferenceTableCorrection(view.Text.Replace("target_diastolic\t90", "target_diastolic\t80", StringComparison.Ordinal)
                .Replace("review_days\t14", "review_days\t10", StringComparison.Ordinal), "按省级规范调整", view.InForce), HttpStatusCode.OK);

            var stricter = await doctor.PostAsync<EnrolmentView>($"/api/v1/public-health/enrolments/{enrolled.Id}/follow-ups", FollowUp(Clinic.Today, 135, 85, null, atShipped.Version), HttpStatusCode.Created);
            // The same day's two follow-ups: the new one by the corrected target, the one saved before keeps its class.
            Assert.Equal([FollowUpClass.Controlled, FollowUpClass.NotControlled], stricter.FollowUps.Select(f => f.Class).Order());
            var corrected = stricter.FollowUps.Single(f => f.Class == FollowUpClass.NotControlled);
            Assert.Equal(ChinaTimeText(Clinic.Today.AddDays(10)), corrected.NextDueOn);
            Assert.Contains("10天内随访", corrected.Advice, StringComparison.Ordinal);
        }
        finally
        {
            // Back to the shipped table as a saved version too: a reload of the saved tables must not bring the correction back.
            if (table.Text != shipped)
            {
                await admin.PutAsync(url, new ReferenceTableCorrection(shipped, "恢复为随系统发布的版本", table.Version));
                table.Apply(shipped, table.Version);
            }
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteChronicDiseaseTests(SqliteHost host) : ChronicDiseaseTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresChronicDiseaseTests(PostgresHost host) : ChronicDiseaseTests(host);

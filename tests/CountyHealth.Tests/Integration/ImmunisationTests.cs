using System.Net;
using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Immunisation;
using CountyHealth.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Children's immunisation through the API: the nurse sees which dose is due, records it, a dose before its minimum age
/// is saved only with her reason (nothing saved without), impossible doses are refused, the certificate check lists what
/// is missing until it is caught up, coverage counts the child, and a village doctor never sees another clinic's child.
/// </summary>
public abstract class ImmunisationTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    private static string Card(Guid id) => $"/api/v1/public-health/immunisation/children/{id}";

    private static VaccinationRequest Given(string series, DateOnly on, InjectionSite site = InjectionSite.LeftUpperArm, string? reason = null) =>
        new(series, on, "202611A017", "北京生物制品研究所", site, DoseSource.Given, reason);

    private async Task<int> DosesOfAsync(Guid residentId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CountyHealthDb>().Set<Vaccination>().CountAsync(v => v.ResidentId == residentId);
    }

    [Fact]
    public async Task The_nurse_gives_the_due_dose_and_one_before_its_minimum_age_only_with_her_reason()
    {
        var nurse = await host.As(DemoAccounts.Nurse);
        var birth = Clinic.Today.AddMonths(-2).AddDays(-3);
        var child = await clinic.RegisterResidentAsync(TestData.Child(birth));

        var card = await nurse.GetAsync<ChildCard>(Card(child.Id));
        Assert.True(card.CanRecord);
        Assert.Equal("2月龄", card.Age);
        var hepB = card.Series.Single(s => s.Series == "HepB");
        Assert.Equal(("乙肝疫苗第1剂", ChinaTime.FormatDate(birth), true), (hepB.Next, hepB.NextDueOn, hepB.NextOverdue));
        Assert.Contains((await nurse.GetAsync<Page<ChildDueRow>>("/api/v1/public-health/immunisation?show=overdue&pageSize=500")).Items,
            r => r.ResidentId == child.Id && r.Doses.Any(d => d.Key == "Polio1"));

        // The birth dose from the certificate, then dose 2 today.
        await nurse.PostAsync<ChildCard>($"{Card(child.Id)}/vaccinations", new VaccinationRequest("HepB", birth, null, null, InjectionSite.RightUpperArm, DoseSource.FromCertificate, null),
            HttpStatusCode.Created);
        var check = await nurse.GetAsync<DoseCheckView>($"{Card(child.Id)}/dose-check?series=HepB&givenOn={Clinic.Today:yyyy-MM-dd}");
        Assert.Equal(("HepB2", "乙肝疫苗第2剂"), (check.Key, check.Label));
        Assert.Empty(check.Warnings);
        await nurse.PostAsync<ChildCard>($"{Card(child.Id)}/vaccinations", Given("HepB", Clinic.Today), HttpStatusCode.Created);

        // Dose 3 at two months: before 6 months and within 60 days — warned, saved only with a reason.
        var early = await nurse.GetAsync<DoseCheckView>($"{Card(child.Id)}/dose-check?series=HepB&givenOn={Clinic.Today:yyyy-MM-dd}");
        Assert.Equal(2, early.Warnings.Count);
        var refused = await (await nurse.PostAsync($"{Card(child.Id)}/vaccinations", Given("HepB", Clinic.Today))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(refused.ErrorsOf("confirmReason"), m => m.StartsWith("未到乙肝疫苗第3剂的最小接种月龄（6月龄", StringComparison.Ordinal));
        Assert.Equal(2, await DosesOfAsync(child.Id));
        var confirmed = await nurse.PostAsync<ChildCard>($"{Card(child.Id)}/vaccinations", Given("HepB", Clinic.Today, reason: "家长长期外出务工，要求提前接种"), HttpStatusCode.Created);
        var third = confirmed.Series.Single(s => s.Series == "HepB").Doses.Single(d => d.Dose == 3);
        Assert.Equal(("家长长期外出务工，要求提前接种", "孙美玲"), (third.ConfirmReason, third.NurseName));
        Assert.Null(confirmed.Series.Single(s => s.Series == "HepB").Next);

        // Refused outright: a complete series, a future day, an oral site for an injection, no batch; nothing saved.
        Assert.Contains("乙肝疫苗已全程接种", (await (await nurse.PostAsync($"{Card(child.Id)}/vaccinations", Given("HepB", Clinic.Today))).ProblemAsync(HttpStatusCode.BadRequest))
            .ErrorsOf("series"));
        Assert.Contains("接种日期不能晚于今天", (await (await nurse.PostAsync($"{Card(child.Id)}/vaccinations", Given("Polio", Clinic.Today.AddDays(1)))).ProblemAsync(HttpStatusCode.BadRequest))
            .ErrorsOf("givenOn"));
        Assert.NotEmpty((await (await nurse.PostAsync($"{Card(child.Id)}/vaccinations", Given("Polio", Clinic.Today, InjectionSite.Oral))).ProblemAsync(HttpStatusCode.BadRequest))
            .ErrorsOf("site"));
        Assert.NotEmpty((await (await nurse.PostAsync($"{Card(child.Id)}/vaccinations", Given("Polio", Clinic.Today) with { Batch = " " })).ProblemAsync(HttpStatusCode.BadRequest))
            .ErrorsOf("batch"));
        Assert.Equal(3, await DosesOfAsync(child.Id));
    }

    [Fact]
    public async Task A_school_entry_check_lists_the_missing_doses_until_each_is_caught_up()
    {
        var nurse = await host.As(DemoAccounts.Nurse);
        var birth = Clinic.Today.AddYears(-4).AddMonths(-4);
        var child = await clinic.RegisterResidentAsync(TestData.Child(birth));
        var checkedCard = await nurse.PostAsync<ChildCard>($"{Card(child.Id)}/certificate-checks", new CertificateCheckRequest("葛仙庄镇中心幼儿园", Clinic.Today),
            HttpStatusCode.Created);
        var check = Assert.Single(checkedCard.Checks);
        Assert.Equal("需补种", check.ResultName);
        Assert.Contains("麻腮风疫苗第2剂", check.MissingAtCheck);
        Assert.DoesNotContain(check.MissingAtCheck, m => m.StartsWith("卡介苗", StringComparison.Ordinal));
        Assert.Contains((await nurse.GetAsync<Page<CatchUpRow>>("/api/v1/public-health/immunisation/catch-up?pageSize=500")).Items, r => r.ResidentId == child.Id);

        // Catch-up: only the missing doses (copied from the certificate here, so the minimum intervals do not hold the test up).
        for (var round = 0; round < 30; round++)
        {
            var card = await nurse.GetAsync<ChildCard>(Card(child.Id));
            if (card.Checks[0].StillMissing.Count == 0)
            {
                break;
            }
            var series = card.Series.First(s => s.Next is not null && card.Checks[0].StillMissing.Contains(s.Next));
            var dose = await nurse.GetAsync<DoseCheckView>($"{Card(child.Id)}/dose-check?series={series.Series}&givenOn={Clinic.Today:yyyy-MM-dd}");
            await nurse.PostAsync<ChildCard>($"{Card(child.Id)}/vaccinations",
                new VaccinationRequest(series.Series, Clinic.Today, null, null, dose.Route == "口服" ? InjectionSite.Oral : InjectionSite.LeftUpperArm, DoseSource.FromCertificate, null),
                HttpStatusCode.Created);
        }
        Assert.Empty((await nurse.GetAsync<ChildCard>(Card(child.Id))).Checks[0].StillMissing);
        Assert.DoesNotContain((await nurse.GetAsync<Page<CatchUpRow>>("/api/v1/public-health/immunisation/catch-up?pageSize=500")).Items, r => r.ResidentId == child.Id);
        Assert.Contains((await nurse.GetAsync<Page<CatchUpRow>>("/api/v1/public-health/immunisation/catch-up?show=all&pageSize=500")).Items, r => r.ResidentId == child.Id);
    }

    [Fact]
    public async Task Coverage_counts_the_child_due_this_month_and_the_dose_given()
    {
        var nurse = await host.As(DemoAccounts.Nurse);
        var bureau = await host.As(DemoAccounts.Bureau);
        // Born today: hepatitis B dose 1 falls due today.
        var child = await clinic.RegisterResidentAsync(TestData.Child(Clinic.Today));
        var centre = (await (await host.As(DemoAccounts.Admin)).GetAsync<List<CountyHealth.Platform.Institutions.InstitutionRow>>("/api/v1/institutions"))
            .Single(i => i.Name == "葛仙庄镇卫生院").Id;
        var month = $"{Clinic.Today:yyyy-MM}";
        async Task<HashSet<Guid>> Term(int term) => (await bureau.GetAsync<FigureRecords>($"/api/v1/indicators/YM01/records?institution={centre}&month={month}&term={term}"))
            .Records.Select(r => r.Id).ToHashSet();
        Assert.Contains(child.Id, await IndicatorTests.PollAsync(() => Term(1), ids => ids.Contains(child.Id)));
        Assert.DoesNotContain(child.Id, await Term(0));

        await nurse.PostAsync<ChildCard>($"{Card(child.Id)}/vaccinations", Given("HepB", Clinic.Today, InjectionSite.RightUpperArm), HttpStatusCode.Created);
        Assert.Contains(child.Id, await IndicatorTests.PollAsync(() => Term(0), ids => ids.Contains(child.Id)));
    }

    [Fact]
    public async Task A_dose_entered_in_error_is_voided_from_the_end_of_its_series_with_a_reason_and_recorded_again()
    {
        var nurse = await host.As(DemoAccounts.Nurse);
        var birth = Clinic.Today.AddMonths(-3);
        var child = await clinic.RegisterResidentAsync(TestData.Child(birth));
        await nurse.PostAsync<ChildCard>($"{Card(child.Id)}/vaccinations", new VaccinationRequest("HepB", birth, null, null, InjectionSite.RightUpperArm, DoseSource.FromCertificate, null),
            HttpStatusCode.Created);
        var card = await nurse.PostAsync<ChildCard>($"{Card(child.Id)}/vaccinations", Given("HepB", Clinic.Today) with { Batch = "WRONG-01" }, HttpStatusCode.Created);
        var doses = card.Series.Single(s => s.Series == "HepB").Doses;
        var (first, second) = (doses.Single(d => d.Dose == 1), doses.Single(d => d.Dose == 2));
        Assert.Equal((false, true), (first.Voidable, second.Voidable));
        string Void(DoseCell d) => $"{Card(child.Id)}/vaccinations/{d.Id}/void";

        // No reason, or an earlier dose while a later one stands: refused, nothing changes.
        Assert.NotEmpty((await (await nurse.PostAsync(Void(second), new VoidVaccinationRequest(" "))).ProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("reason"));
        var order = await (await nurse.PostAsync(Void(first), new VoidVaccinationRequest("录错日期"))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("请先作废第2剂", order.Detail, StringComparison.Ordinal);
        Assert.Equal(2, await DosesOfAsync(child.Id));
        // Another clinic's village doctor cannot void it.
        using (var denied = await (await host.As(DemoAccounts.VillageDoctor2)).PostAsync(Void(second), new VoidVaccinationRequest("录错批号")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var voided = await nurse.PostAsync<ChildCard>(Void(second), new VoidVaccinationRequest("录错批号"), HttpStatusCode.OK);
        var row = Assert.Single(voided.Voided);
        Assert.Equal(("乙肝疫苗第2剂", "WRONG-01", "录错批号", "孙美玲"), (row.Label, row.Batch, row.Reason, row.VoidedBy));
        Assert.Equal("乙肝疫苗第2剂", voided.Series.Single(s => s.Series == "HepB").Next);
        Assert.True(voided.Series.Single(s => s.Series == "HepB").Doses.Single(d => d.Dose == 1).Voidable);
        Assert.Equal(1, await DosesOfAsync(child.Id));
        // Voided twice (a second nurse on a stale page): not found, still one voided record.
        await (await nurse.PostAsync(Void(second), new VoidVaccinationRequest("录错批号"))).ProblemAsync(HttpStatusCode.NotFound);

        // Recorded again with the right batch: dose 2 once more, checked against the schedule like any dose.
        var again = await nurse.PostAsync<ChildCard>($"{Card(child.Id)}/vaccinations", Given("HepB", Clinic.Today), HttpStatusCode.Created);
        var redone = again.Series.Single(s => s.Series == "HepB").Doses.Single(d => d.Dose == 2);
        Assert.Equal(("202611A017", ChinaTime.FormatDate(Clinic.Today)), (redone.Batch, redone.GivenOn));
        Assert.Single(again.Voided);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<CountyHealthDb>().AuditEntries
            .AnyAsync(a => a.UserName == DemoAccounts.Nurse && a.ResidentId == child.Id && a.EntityType == nameof(VoidedVaccination)), "the void is audited");
    }

    [Fact]
    public async Task A_village_doctor_never_sees_a_child_of_another_clinic_and_cannot_record_a_dose()
    {
        var child = await clinic.RegisterResidentAsync(TestData.Child(Clinic.Today.AddMonths(-5)));
        Assert.Equal(HttpStatusCode.OK, (await (await host.As(DemoAccounts.Nurse)).GetAsync(Card(child.Id))).StatusCode);
        var village = await host.As(DemoAccounts.VillageDoctor2);
        using (var read = await village.GetAsync(Card(child.Id)))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }
        Assert.DoesNotContain((await village.GetAsync<Page<ChildDueRow>>("/api/v1/public-health/immunisation?show=all&pageSize=500")).Items, r => r.ResidentId == child.Id);
        using (var write = await village.PostAsync($"{Card(child.Id)}/vaccinations", Given("HepB", Clinic.Today)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }
        await using var scope = host.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<CountyHealthDb>().AuditEntries
            .AnyAsync(a => a.UserName == DemoAccounts.VillageDoctor2 && a.Action == AuditActions.Denied && a.ResidentId == child.Id), "the refused read is audited");
        // The county-wide reader names an institution: the county's children are not listed one by one.
        var cdc = await host.As(DemoAccounts.Cdc);
        Assert.NotEmpty((await (await cdc.GetAsync("/api/v1/public-health/immunisation")).ProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("institution"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteImmunisationTests(SqliteHost host) : ImmunisationTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresImmunisationTests(PostgresHost host) : ImmunisationTests(host);

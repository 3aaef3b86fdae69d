using System.Net;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.ChildHealth;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Children's health management through the API: the newborn visit and the 满月 check recorded on their forms, each
/// contact once, checks outside their window or with impossible figures refused with a Chinese message on the field
/// (nothing saved), the due list, and the child kept from another village's doctor and from roles without a grant.
/// </summary>
public abstract class ChildHealthTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    private static string Page(Guid id) => $"/api/v1/public-health/child-health/{id}";

    private static ChildCheckRequest Newborn(DateOnly date) => new("newborn", date, 3.6m, 50m, null, null, null, null, null, null, null, null, [], [], false, null, [1, 2, 3],
        date.AddDays(20), 39, 3.3m, Feeding.Breast, [1], [1], NewbornHearing.Passed, [2]);

    private static ChildCheckRequest Check(string contact, DateOnly date, decimal weight = 4.6m, decimal length = 55m) =>
        new(contact, date, weight, length, 37.5m, GrowthRating.Middle, GrowthRating.Middle, null, null, null, null, null, [], [1], false, null, [1, 2], null,
            null, null, null, [], [], null, []);

    private async Task<int> ChecksOfAsync(Guid residentId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CountyHealthDb>().Set<ChildCheck>().CountAsync(c => c.ResidentId == residentId);
    }

    [Fact]
    public async Task The_newborn_visit_and_the_month_check_are_recorded_once_each_within_their_windows()
    {
        var doctor = await host.As(DemoAccounts.PublicHealth);
        var birth = Clinic.Today.AddDays(-29);
        var child = await clinic.RegisterResidentAsync(TestData.Child(birth));

        var before = await doctor.GetAsync<ChildHealthView>(Page(child.Id));
        Assert.True(before is { InProgramme: true, CanRecord: true });
        Assert.Equal(13, before.Schedule.Count);
        Assert.Equal((ContactStatus.Missed, ContactStatus.Due, "m1"), (before.Schedule[0].Status, before.Schedule[1].Status, before.NextContact));

        // The newborn visit on day 7 (recorded late, on its form), then the 满月 check today, day 29.
        var visited = await doctor.PostAsync<ChildHealthView>($"{Page(child.Id)}/checks", Newborn(birth.AddDays(7)), HttpStatusCode.Created);
        Assert.Equal((ContactStatus.Done, "葛仙庄镇卫生院"), (visited.Schedule[0].Status, visited.InstitutionName));
        Assert.Contains("出生孕周 39周", visited.Checks[0].Newborn, StringComparison.Ordinal);
        await (await doctor.PostAsync($"{Page(child.Id)}/checks", Newborn(birth.AddDays(8)))).ProblemAsync(HttpStatusCode.Conflict);

        var month = await doctor.PostAsync<ChildHealthView>($"{Page(child.Id)}/checks", Check("m1", Clinic.Today), HttpStatusCode.Created);
        Assert.Equal((ContactStatus.Done, "m3"), (month.Schedule[1].Status, month.NextContact));
        Assert.Equal("中", month.Checks[0].WeightRating);
        Assert.Equal(2, await ChecksOfAsync(child.Id));

        // The nurse of the centre reads and records too; the outpatient doctor reads but does not record.
        Assert.True((await (await host.As(DemoAccounts.Nurse)).GetAsync<ChildHealthView>(Page(child.Id))).CanRecord);
        var outpatient = await clinic.Doctor;
        Assert.False((await outpatient.GetAsync<ChildHealthView>(Page(child.Id))).CanRecord);
        Assert.Equal(HttpStatusCode.Forbidden, (await outpatient.PostAsync($"{Page(child.Id)}/checks", Check("m3", Clinic.Today))).StatusCode);
        // Another village's doctor does not reach the centre's child; the cashier has no grant.
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.As(DemoAccounts.VillageDoctor2)).GetAsync(Page(child.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.As(DemoAccounts.VillageDoctor2)).PostAsync($"{Page(child.Id)}/checks", Check("m3", Clinic.Today))).StatusCode);
        var cashier = await clinic.Cashier;
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.GetAsync(Page(child.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.GetAsync("/api/v1/public-health/child-health")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.PostAsync($"{Page(child.Id)}/checks", Check("m3", Clinic.Today))).StatusCode);
        Assert.Equal(2, await ChecksOfAsync(child.Id));
    }

    [Fact]
    public async Task Checks_outside_their_window_or_with_impossible_figures_are_refused_on_the_field()
    {
        var doctor = await host.As(DemoAccounts.PublicHealth);
        var newborn = await clinic.RegisterResidentAsync(TestData.Child(Clinic.Today.AddDays(-10)));
        async Task<Problem> RefusedAsync(Guid id, ChildCheckRequest r) =>
            await (await doctor.PostAsync($"{Page(id)}/checks", r)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("检查日期不能晚于今天", (await RefusedAsync(newborn.Id, Newborn(Clinic.Today.AddDays(1)))).ErrorsOf("date"));
        Assert.Contains("检查日期不能早于出生日期", (await RefusedAsync(newborn.Id, Newborn(Clinic.Today.AddDays(-11)))).ErrorsOf("date"));
        Assert.Contains("目前体重应在 1.0–7.0 kg 之间", (await RefusedAsync(newborn.Id, Newborn(Clinic.Today) with { WeightKg = 30m })).ErrorsOf("weightKg"));
        Assert.StartsWith("满月检查自28天起进行", (await RefusedAsync(newborn.Id, Check("m1", Clinic.Today))).ErrorsOf("date").Single(), StringComparison.Ordinal);
        Assert.NotEmpty((await RefusedAsync(newborn.Id, Newborn(Clinic.Today) with { Feeding = null, GestationalWeeks = 50 })).ErrorsOf("gestationalWeeks"));
        Assert.Equal(0, await ChecksOfAsync(newborn.Id));

        // A five-month-old: the 12-month check has not begun; Hb is not tested at 3 months; the 3-month check has four warning signs.
        var infant = await clinic.RegisterResidentAsync(TestData.Child(Clinic.Today.AddMonths(-5)));
        Assert.StartsWith("12月龄检查自12月龄起进行", (await RefusedAsync(infant.Id, Check("m12", Clinic.Today, 7m, 65m))).ErrorsOf("date").Single(), StringComparison.Ordinal);
        var m3 = Check("m3", Clinic.Today.AddMonths(-1).AddDays(-5), 6m, 60m);
        Assert.NotEmpty((await RefusedAsync(infant.Id, m3 with { HbGL = 120 })).ErrorsOf("hbGL"));
        Assert.NotEmpty((await RefusedAsync(infant.Id, m3 with { WarningSigns = [4] })).ErrorsOf("warningSigns"));
        Assert.NotEmpty((await RefusedAsync(infant.Id, m3 with { LengthCm = 200m })).ErrorsOf("lengthCm"));
        Assert.NotEmpty((await RefusedAsync(infant.Id, m3 with { Referral = true })).ErrorsOf("referralReason"));
        var saved = await doctor.PostAsync<ChildHealthView>($"{Page(infant.Id)}/checks", m3 with { WarningSigns = [3] }, HttpStatusCode.Created);
        Assert.Equal(["俯卧时不会抬头"], saved.Checks.Single().WarningSigns);

        // Seven months: the 6-month check tests Hb, within 40–200 g/L.
        var sevenMonths = await clinic.RegisterResidentAsync(TestData.Child(Clinic.Today.AddMonths(-7)));
        Assert.Contains("血红蛋白值应在 40–200 g/L 之间", (await RefusedAsync(sevenMonths.Id, Check("m6", Clinic.Today.AddDays(-20), 8m, 67m) with { HbGL = 300 })).ErrorsOf("hbGL"));
        Assert.Equal(0, await ChecksOfAsync(sevenMonths.Id));

        // Seven years old: no longer in the programme.
        var older = await clinic.RegisterResidentAsync(TestData.Child(Clinic.Today.AddYears(-7).AddDays(-1)));
        var y6 = Check("y6", Clinic.Today, 21m, 118m) with { HeadCm = null, Growth = GrowthAssessment.Normal, Illness = [1] };
        Assert.Contains("已满7岁", (await RefusedAsync(older.Id, y6)).ErrorsOf("date").Single(), StringComparison.Ordinal);
        Assert.False((await doctor.GetAsync<ChildHealthView>(Page(older.Id))).InProgramme);
        Assert.Equal(0, await ChecksOfAsync(older.Id));
    }

    [Fact]
    public async Task The_due_list_shows_a_newborn_until_the_visit_which_counts_in_the_birth_months_newborn_visit_rate()
    {
        var doctor = await host.As(DemoAccounts.PublicHealth);
        var child = await clinic.RegisterResidentAsync(TestData.Child(Clinic.Today.AddDays(-5)));
        var list = "/api/v1/public-health/child-health?show=due&pageSize=500&q=" + Uri.EscapeDataString(child.Name);
        var row = Assert.Single((await doctor.GetAsync<Page<ChildHealthRow>>(list)).Items, r => r.ResidentId == child.Id);
        Assert.Equal(("新生儿家庭访视", false), (row.NextContact, row.Overdue));

        await doctor.PostAsync<ChildHealthView>($"{Page(child.Id)}/checks", Newborn(Clinic.Today), HttpStatusCode.Created);
        Assert.DoesNotContain((await doctor.GetAsync<Page<ChildHealthRow>>(list)).Items, r => r.ResidentId == child.Id);
        Assert.Contains((await doctor.GetAsync<Page<ChildHealthRow>>(list.Replace("show=due", "show=all", StringComparison.Ordinal))).Items, r => r.ResidentId == child.Id);

        var institutions = await (await host.As(DemoAccounts.Admin)).GetAsync<List<CountyHealth.Platform.Institutions.InstitutionRow>>("/api/v1/institutions");
        var hospital = institutions.Single(i => i.Name == CountyHealth.Platform.Contracts.DemoAccounts.HospitalName);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/api/v1/public-health/child-health?institution={hospital.Id}")).StatusCode);

        // The birth and the visit count in the birth month's 新生儿访视率 (ET01: visited over live births), the check in this month's ET03.
        var bureau = await host.As(DemoAccounts.Bureau);
        var centre = institutions.Single(i => i.Name == "葛仙庄镇卫生院").Id;
        async Task<HashSet<Guid>> Behind(string code, DateOnly month, int term) =>
            (await bureau.GetAsync<CountyHealth.Indicators.Figures.FigureRecords>($"/api/v1/indicators/{code}/records?institution={centre}&month={month:yyyy-MM}&term={term}"))
            .Records.Select(r => r.Id).ToHashSet();
        var birthMonth = Clinic.Today.AddDays(-5);
        Assert.Contains(child.Id, await IndicatorTests.PollAsync(() => Behind("ET01", birthMonth, 0), ids => ids.Contains(child.Id)));
        Assert.Contains(child.Id, await Behind("ET01", birthMonth, 1));
        Assert.Contains(child.Id, await IndicatorTests.PollAsync(() => Behind("ET03", Clinic.Today, 0), ids => ids.Contains(child.Id)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteChildHealthTests(SqliteHost host) : ChildHealthTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresChildHealthTests(PostgresHost host) : ChildHealthTests(host);

using System.Net;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Maternal;
using CountyHealth.Residents.Contracts;
using CountyHealth.Tests.Support;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Maternal care through the API: a pregnancy registered for a man or with impossible figures is refused; a woman is
/// registered before 13 weeks, seen in the next window, delivered, visited and checked at 42 days (the case closes); the
/// due list carries her; roles and villages beyond reach are kept out.
/// </summary>
public abstract class MaternalTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    public static PregnancyRegistration Registration(Guid residentId, DateOnly lastPeriod, int? systolic = 112, int? diastolic = 72, DateOnly? date = null) =>
        new(residentId, date ?? Clinic.Today, lastPeriod, null, 1, 0, 0, "王建", null, 160m, 55m, systolic, diastolic, 120, false, false, false, [], ["lifestyle", "nutrition"], false, null);

    [Fact]
    public async Task A_pregnancy_is_followed_from_registration_to_the_42_day_check()
    {
        var doctor = await host.As(DemoAccounts.PublicHealth);
        var today = Clinic.Today;

        // A pregnancy for a man, a blood pressure of 300/20 and an impossible dating: refused, nothing saved.
        var man = await clinic.RegisterResidentAsync(TestData.Adult(Sex.Male));
        var forMan = await (await doctor.PostAsync("/api/v1/public-health/maternal", Registration(man.Id, today.AddDays(-70)))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("女性", forMan.ErrorsOf("residentId")[0], StringComparison.Ordinal);
        var woman = await clinic.RegisterResidentAsync(TestData.Woman(today));
        var bad = await (await doctor.PostAsync("/api/v1/public-health/maternal", Registration(woman.Id, today.AddDays(-70), 300, 20))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.ErrorsOf("systolicBp"));
        Assert.NotEmpty(bad.ErrorsOf("diastolicBp"));
        var undated = await (await doctor.PostAsync("/api/v1/public-health/maternal", Registration(woman.Id, today.AddDays(-400)))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("4～44周", undated.ErrorsOf("lastPeriod")[0], StringComparison.Ordinal);
        Assert.DoesNotContain((await doctor.GetAsync<Page<MaternalRow>>("/api/v1/public-health/maternal?show=all&pageSize=500")).Items, r => r.Name == woman.Name);

        // Registered at 12+6 weeks: early; the next visit is the 16–20 week window.
        var lastPeriod = today.AddDays(-90);
        var p = await doctor.PostAsync<PregnancyView>("/api/v1/public-health/maternal", Registration(woman.Id, lastPeriod), HttpStatusCode.Created);
        Assert.True(p.Early);
        Assert.Equal("12+6周", p.GestationAtRegistration);
        Assert.Equal(ChinaTime.FormatDate(lastPeriod.AddDays(112)), p.NextDueOn);
        Assert.Equal(ChinaTime.FormatDate(lastPeriod.AddDays(146)), p.NextDueBy);
        await (await doctor.PostAsync("/api/v1/public-health/maternal", Registration(woman.Id, lastPeriod))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains((await doctor.GetAsync<Page<MaternalRow>>("/api/v1/public-health/maternal?show=all&pageSize=500")).Items, r => r.PregnancyId == p.Id);

        // A visit with a blood pressure of 150/95 is abnormal and makes her high-risk; the window stays 16–20 weeks (seen before it began).
        var visit = await doctor.PostAsync<PregnancyView>($"/api/v1/public-health/maternal/{p.Id}/antenatal",
            new AntenatalVisitRequest(today, 56m, 150, 95, 118, null, null, false, ["nutrition"], true, "妊娠期高血压，转县医院产科", p.Version), HttpStatusCode.Created);
        Assert.True(visit.HighRisk);
        Assert.Equal(("异常", true), (visit.Visits[0].Classification, visit.Visits[0].Referral));
        Assert.StartsWith("血压≥140/90", visit.Visits[0].AbnormalItems, StringComparison.Ordinal);
        await (await doctor.PostAsync($"/api/v1/public-health/maternal/{p.Id}/antenatal",
            new AntenatalVisitRequest(today, 56m, 120, 80, 118, null, null, false, [], false, null, p.Version))).ProblemAsync(HttpStatusCode.Conflict);

        // Delivery before 28 weeks is refused (a miscarriage ends the case instead); the delivery can only be recorded up to today.
        var early = await (await doctor.PostAsync($"/api/v1/public-health/maternal/{p.Id}/delivery",
            new DeliveryRequest(today, today, "清河县人民医院", DeliveryMode.Vaginal, 1, visit.Version))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("孕28周前", early.ErrorsOf("deliveredOn")[0], StringComparison.Ordinal);
        var refused = await (await doctor.PostAsync($"/api/v1/public-health/maternal/{p.Id}/postpartum",
            new PostpartumRequest(MaternalContact.Postpartum, today, 36.8m, 110, 70, [], [], false, null, visit.Version))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("先登记分娩", refused.Detail, StringComparison.Ordinal);

        // The outpatient doctor records visits; the director reads but does not write; another village's doctor does not reach her; the cashier has no grant.
        Assert.Equal(HttpStatusCode.OK, (await (await host.As(DemoAccounts.Director)).GetAsync($"/api/v1/public-health/maternal/{p.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As(DemoAccounts.Director)).PostAsync($"/api/v1/public-health/maternal/{p.Id}/end",
            new EndPregnancyRequest(today, "迁出", visit.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.As(DemoAccounts.VillageDoctor2)).GetAsync($"/api/v1/public-health/maternal/{p.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await clinic.Cashier).GetAsync($"/api/v1/public-health/maternal/{p.Id}")).StatusCode);

        // A miscarriage ends it: no more visits.
        var ended = await doctor.PostAsync<PregnancyView>($"/api/v1/public-health/maternal/{p.Id}/end", new EndPregnancyRequest(today, "自然流产", visit.Version), HttpStatusCode.Created);
        Assert.Equal(PregnancyStatus.Ended, ended.Status);
        await (await doctor.PostAsync($"/api/v1/public-health/maternal/{p.Id}/antenatal",
            new AntenatalVisitRequest(today, 56m, 120, 80, 118, null, null, false, [], false, null, ended.Version))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_delivered_woman_is_visited_after_discharge_and_closed_at_42_days()
    {
        var doctor = await host.As(DemoAccounts.PublicHealth);
        var today = Clinic.Today;
        var woman = await clinic.RegisterResidentAsync(TestData.Woman(today));
        // Registered at 15 weeks (her period 320 days ago): late; delivered 45 days ago at 39+2 weeks.
        var lastPeriod = today.AddDays(-320);
        var p = await doctor.PostAsync<PregnancyView>("/api/v1/public-health/maternal", Registration(woman.Id, lastPeriod, date: today.AddDays(-215)), HttpStatusCode.Created);
        Assert.False(p.Early);
        var delivered = today.AddDays(-45);
        var d = await doctor.PostAsync<PregnancyView>($"/api/v1/public-health/maternal/{p.Id}/delivery",
            new DeliveryRequest(delivered, delivered.AddDays(3), "清河县人民医院", DeliveryMode.Caesarean, 1, p.Version), HttpStatusCode.Created);
        Assert.Equal((PregnancyStatus.Delivered, "产后访视（出院后7天内）"), (d.Status, d.NextContact));
        Assert.True(d.Overdue);
        Assert.Contains((await doctor.GetAsync<Page<MaternalRow>>("/api/v1/public-health/maternal?show=overdue&pageSize=500")).Items, r => r.PregnancyId == p.Id);

        // The 42-day check not before 28 days; the postpartum visit not before discharge, and with a temperature.
        var tooEarly = await (await doctor.PostAsync($"/api/v1/public-health/maternal/{p.Id}/postpartum",
            new PostpartumRequest(MaternalContact.Check42, delivered.AddDays(20), null, 110, 70, [], [], false, null, d.Version))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(tooEarly.ErrorsOf("date"));
        var noTemperature = await (await doctor.PostAsync($"/api/v1/public-health/maternal/{p.Id}/postpartum",
            new PostpartumRequest(MaternalContact.Postpartum, delivered.AddDays(1), null, 110, 70, [], [], false, null, d.Version))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noTemperature.ErrorsOf("date"));
        Assert.NotEmpty(noTemperature.ErrorsOf("temperatureC"));

        var visited = await doctor.PostAsync<PregnancyView>($"/api/v1/public-health/maternal/{p.Id}/postpartum",
            new PostpartumRequest(MaternalContact.Postpartum, delivered.AddDays(8), 36.8m, 110, 70, ["wound"], ["breastfeeding", "newborn"], false, null, d.Version), HttpStatusCode.Created);
        Assert.Equal(("异常", "伤口"), (visited.Visits[0].Classification, visited.Visits[0].AbnormalItems));
        Assert.Equal("产后42天健康检查", visited.NextContact);
        await (await doctor.PostAsync($"/api/v1/public-health/maternal/{p.Id}/postpartum",
            new PostpartumRequest(MaternalContact.Postpartum, delivered.AddDays(9), 36.8m, 110, 70, [], [], false, null, visited.Version))).ProblemAsync(HttpStatusCode.Conflict);
        var closed = await doctor.PostAsync<PregnancyView>($"/api/v1/public-health/maternal/{p.Id}/postpartum",
            new PostpartumRequest(MaternalContact.Check42, delivered.AddDays(42), null, 112, 72, [], ["contraception"], false, null, visited.Version), HttpStatusCode.Created);
        Assert.Equal((PregnancyStatus.Closed, "已恢复"), (closed.Status, closed.Visits[0].Classification));
        Assert.False(closed.CanRecord);
        Assert.DoesNotContain((await doctor.GetAsync<Page<MaternalRow>>("/api/v1/public-health/maternal?show=all&pageSize=500")).Items, r => r.PregnancyId == p.Id);
    }

    [Fact]
    public async Task Twins_are_registered_into_their_mothers_household_and_reach_the_child_programmes()
    {
        var doctor = await host.As(DemoAccounts.PublicHealth);
        var today = Clinic.Today;
        var woman = await clinic.RegisterResidentAsync(TestData.Woman(today));
        var p = await doctor.PostAsync<PregnancyView>("/api/v1/public-health/maternal", Registration(woman.Id, today.AddDays(-300), date: today.AddDays(-220)), HttpStatusCode.Created);
        Assert.False(p.CanRegisterNewborn);
        var notYet = await (await doctor.PostAsync($"/api/v1/public-health/maternal/{p.Id}/newborns", new NewbornRequest(null, Sex.Female, p.Version))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("先登记分娩", notYet.Detail, StringComparison.Ordinal);

        var delivered = today.AddDays(-20);
        var d = await doctor.PostAsync<PregnancyView>($"/api/v1/public-health/maternal/{p.Id}/delivery",
            new DeliveryRequest(delivered, delivered.AddDays(2), "清河县人民医院", DeliveryMode.Vaginal, 2, p.Version), HttpStatusCode.Created);
        Assert.True(d.CanRegisterNewborn);
        Assert.Empty(d.Newborns);

        // No sex: refused with the field named, nothing saved; another village's doctor does not reach the mother.
        var noSex = await (await doctor.PostAsync($"/api/v1/public-health/maternal/{p.Id}/newborns", new NewbornRequest("王小明", 0, d.Version))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("请选择新生儿性别", noSex.ErrorsOf("sex")[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.As(DemoAccounts.VillageDoctor2)).PostAsync($"/api/v1/public-health/maternal/{p.Id}/newborns",
            new NewbornRequest(null, Sex.Female, d.Version))).StatusCode);

        // The first twin, not yet named, is registered as her daughter 1 and opens a household with the mother as its head.
        var first = await doctor.PostAsync<PregnancyView>($"/api/v1/public-health/maternal/{p.Id}/newborns", new NewbornRequest("  ", Sex.Female, d.Version), HttpStatusCode.Created);
        var girl = Assert.Single(first.Newborns);
        Assert.Equal(($"{woman.Name}之女1", "女", ChinaTime.FormatDate(delivered)), (girl.Name, girl.SexName, girl.BirthDate));
        await (await doctor.PostAsync($"/api/v1/public-health/maternal/{p.Id}/newborns", new NewbornRequest("王小明", Sex.Male, d.Version))).ProblemAsync(HttpStatusCode.Conflict);

        // The second joins the same household; a third is more than the live births.
        var second = await doctor.PostAsync<PregnancyView>($"/api/v1/public-health/maternal/{p.Id}/newborns", new NewbornRequest("王小明", Sex.Male, first.Version), HttpStatusCode.Created);
        Assert.Equal(["王小明"], second.Newborns.Skip(1).Select(n => n.Name));
        Assert.False(second.CanRegisterNewborn);
        var third = await (await doctor.PostAsync($"/api/v1/public-health/maternal/{p.Id}/newborns", new NewbornRequest(null, Sex.Male, second.Version))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("活产 2 人，已登记 2 人", third.Detail, StringComparison.Ordinal);

        var boy = second.Newborns[1].ResidentId;
        var household = await doctor.GetAsync<Residents.Households.HouseholdView>($"/api/v1/residents/{boy}/household");
        Assert.Equal([(woman.Id, "户主"), (boy, "子"), (girl.ResidentId, "女")], household.Members.Select(m => (m.ResidentId, m.RelationName)));
        Assert.Matches("^[0-9A-Za-z]+[0-9]{5}$", household.Number);

        // The babies are the programme's children from the day they are registered: the birth doses are due on the card.
        var card = await doctor.GetAsync<CountyHealth.PublicHealth.Immunisation.ChildCard>($"/api/v1/public-health/immunisation/children/{girl.ResidentId}");
        Assert.Equal(girl.Name, card.Name);
        Assert.Contains(card.Series, x => x.Series == "HepB" && x.NextDueOn == ChinaTime.FormatDate(delivered));
        var health = await doctor.GetAsync<CountyHealth.PublicHealth.ChildHealth.ChildHealthView>($"/api/v1/public-health/child-health/{girl.ResidentId}");
        Assert.True(health.InProgramme);
        // The child's page gives its birth from the delivery (the newborn visit's 出生情况), with the way back to the mother.
        Assert.Equal(p.Id, health.PregnancyId);
        // Her period 300 days before today, delivered 20 days ago: at 40 weeks.
        Assert.Equal($"母亲 {woman.Name}；{ChinaTime.FormatDate(delivered)} 于清河县人民医院顺产，孕 40周，同胎活产 2 人", health.Birth);
        Assert.Equal(40, health.GestationalWeeks);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMaternalTests(SqliteHost host) : MaternalTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMaternalTests(PostgresHost host) : MaternalTests(host);

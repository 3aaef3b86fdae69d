using System.Net;
using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.ChildHealth;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Immunisation;
using CountyHealth.PublicHealth.Records;
using CountyHealth.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Health records through the API: 建档 gives the next 17-digit number of the village, wrong answers are refused with
/// nothing saved, a stale update is refused, a closed record leaves the count, a service keeps a record in use, and a
/// village doctor never opens another clinic's record.
/// </summary>
public abstract class HealthRecordTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    private static string Url(Guid id) => $"/api/v1/public-health/records/{id}";

    private static HealthRecordRequest Answers(int version, params (string Field, string Codes)[] more)
    {
        var answers = new Dictionary<string, string> { ["residence"] = "1", ["blood"] = "1", ["rh"] = "2", ["marital"] = "2", ["payment"] = "3", ["allergy"] = "1" };
        foreach (var (field, codes) in more)
        {
            answers[field] = codes;
        }
        return new HealthRecordRequest(answers, "周海涛", version);
    }

    private async Task<int> RecordsOfAsync(Guid residentId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CountyHealthDb>().Set<HealthRecord>().CountAsync(h => h.ResidentId == residentId);
    }

    [Fact]
    public async Task A_record_gets_the_next_number_of_its_village_and_wrong_answers_save_nothing()
    {
        var clerk = await host.As(DemoAccounts.RecordsClerk);
        var first = await clinic.RegisterResidentAsync();
        var second = await clinic.RegisterResidentAsync();

        var blank = await clerk.GetAsync<HealthRecordView>(Url(first.Id));
        Assert.Null(blank.Number);
        Assert.True(blank.CanEdit);
        var wrong = await (await clerk.PutAsync(Url(first.Id), Answers(0, ("blood", "9"), ("allergy", "1,2")))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["血型没有代码 9"], wrong.ErrorsOf("answers.blood"));
        Assert.Equal(["药物过敏史选了“无”就不能再选其他项"], wrong.ErrorsOf("answers.allergy"));
        Assert.Equal(0, await RecordsOfAsync(first.Id));

        var made = await clerk.PutAsync<HealthRecordView>(Url(first.Id), Answers(0), HttpStatusCode.Created);
        Assert.Equal(17, made.Number!.Length);
        Assert.StartsWith("130534101000", made.Number, StringComparison.Ordinal);
        Assert.Equal(("周海涛", "吕淑珍"), (made.ResponsibleDoctor, made.CreatedBy));
        Assert.Contains(new AnswerRow("血型", "A型"), made.Described);
        var next = await clerk.PutAsync<HealthRecordView>(Url(second.Id), Answers(0), HttpStatusCode.Created);
        Assert.True(long.Parse(next.Number!, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(made.Number, System.Globalization.CultureInfo.InvariantCulture));

        var updated = await clerk.PutAsync<HealthRecordView>(Url(first.Id), Answers(made.Version, ("disability", "5")), HttpStatusCode.OK);
        Assert.Contains(new AnswerRow("残疾情况", "肢体残疾"), updated.Described);
        Assert.Equal(made.Number, updated.Number);
        await (await clerk.PutAsync(Url(first.Id), Answers(made.Version))).ProblemAsync(HttpStatusCode.Conflict);

        var closed = await clerk.PostAsync<HealthRecordView>($"{Url(first.Id)}/close", new CloseRecordRequest(Clinic.Today, "迁出本县", updated.Version), HttpStatusCode.OK);
        Assert.Equal((RecordStatus.Closed, false), (closed.Status, closed.CanEdit));
        await (await clerk.PutAsync(Url(first.Id), Answers(closed.Version))).ProblemAsync(HttpStatusCode.Conflict);

        var third = await clinic.RegisterResidentAsync();
        var missing = await clerk.GetAsync<Page<RecordRow>>($"/api/v1/public-health/records?show=missing&q={third.IdNumber}");
        Assert.Null(Assert.Single(missing.Items, r => r.ResidentId == third.Id).Number);
        Assert.Empty((await clerk.GetAsync<Page<RecordRow>>($"/api/v1/public-health/records?show=kept&q={third.IdNumber}")).Items);
    }

    [Fact]
    public async Task A_record_counts_while_kept_and_is_in_use_after_a_service()
    {
        var clerk = await host.As(DemoAccounts.RecordsClerk);
        var bureau = await host.As(DemoAccounts.Bureau);
        var child = await clinic.RegisterResidentAsync(TestData.Child(Clinic.Today.AddMonths(-3)));
        var made = await clerk.PutAsync<HealthRecordView>(Url(child.Id), Answers(0), HttpStatusCode.Created);
        Assert.False(made.InUse);
        var centre = (await (await host.As(DemoAccounts.Admin)).GetAsync<List<CountyHealth.Platform.Institutions.InstitutionRow>>("/api/v1/institutions"))
            .Single(i => i.Name == "葛仙庄镇卫生院").Id;
        async Task<HashSet<Guid>> Term(string code, int term) => (await bureau.GetAsync<FigureRecords>($"/api/v1/indicators/{code}/records?institution={centre}&month={Clinic.Today:yyyy-MM}&term={term}"))
            .Records.Select(r => r.Id).ToHashSet();
        Assert.Contains(child.Id, await IndicatorTests.PollAsync(() => Term("JD03", 0), ids => ids.Contains(child.Id)));
        Assert.DoesNotContain(child.Id, await Term("JD02", 0));

        await (await host.As(DemoAccounts.Nurse)).PostAsync<ChildCard>($"/api/v1/public-health/immunisation/children/{child.Id}/vaccinations",
            new VaccinationRequest("HepB", Clinic.Today, "202611A017", null, InjectionSite.RightUpperArm, DoseSource.Given, null), HttpStatusCode.Created);
        Assert.Contains(child.Id, await IndicatorTests.PollAsync(() => Term("JD02", 0), ids => ids.Contains(child.Id)));
        var page = await clerk.GetAsync<HealthRecordView>(Url(child.Id));
        Assert.True(page.InUse);
        Assert.Equal("预防接种", Assert.Single(page.Services).Kind);

        await clerk.PostAsync<HealthRecordView>($"{Url(child.Id)}/close", new CloseRecordRequest(Clinic.Today, "死亡", page.Version), HttpStatusCode.OK);
        Assert.DoesNotContain(child.Id, await IndicatorTests.PollAsync(() => Term("JD03", 0), ids => !ids.Contains(child.Id)));
    }

    [Fact]
    public async Task An_outpatient_visit_keeps_the_record_in_use_as_a_medical_record()
    {
        var clerk = await host.As(DemoAccounts.RecordsClerk);
        var adult = await clinic.RegisterResidentAsync(TestData.Adult());
        Assert.False((await clerk.PutAsync<HealthRecordView>(Url(adult.Id), Answers(0), HttpStatusCode.Created)).InUse);
        await clinic.RegisterVisitAsync(adult.Id);
        var page = await clerk.GetAsync<HealthRecordView>(Url(adult.Id));
        Assert.True(page.InUse);
        // Where she was seen, not what for: the diagnosis stays behind the outpatient permissions.
        Assert.Equal(("门诊就诊", "葛仙庄镇卫生院"), (Assert.Single(page.Services).Kind, page.Services[0].Detail));
        var centre = (await (await host.As(DemoAccounts.Admin)).GetAsync<List<CountyHealth.Platform.Institutions.InstitutionRow>>("/api/v1/institutions"))
            .Single(i => i.Name == "葛仙庄镇卫生院").Id;
        var bureau = await host.As(DemoAccounts.Bureau);
        Assert.Contains(adult.Id, await IndicatorTests.PollAsync(async () => (await bureau.GetAsync<FigureRecords>(
            $"/api/v1/indicators/JD02/records?institution={centre}&month={Clinic.Today:yyyy-MM}&term=0")).Records.Select(r => r.Id).ToHashSet(), ids => ids.Contains(adult.Id)));
    }

    [Fact]
    public async Task A_newborn_visit_keeps_the_record_in_use_too()
    {
        var clerk = await host.As(DemoAccounts.RecordsClerk);
        var birth = Clinic.Today.AddDays(-6);
        var child = await clinic.RegisterResidentAsync(TestData.Child(birth));
        await clerk.PutAsync<HealthRecordView>(Url(child.Id), Answers(0), HttpStatusCode.Created);
        var visit = new ChildCheckRequest("newborn", birth.AddDays(5), 3.6m, 50m, null, null, null, null, null, null, null, null, [], [], false, null, [1, 2, 3],
            birth.AddDays(28), 39, 3.3m, Feeding.Breast, [1], [1], NewbornHearing.Passed, [2]);
        await (await host.As(DemoAccounts.PublicHealth)).PostAsync<ChildHealthView>($"/api/v1/public-health/child-health/{child.Id}/checks", visit, HttpStatusCode.Created);
        var page = await clerk.GetAsync<HealthRecordView>(Url(child.Id));
        Assert.True(page.InUse);
        Assert.Equal(("0～6岁儿童健康管理", "新生儿家庭访视"), (Assert.Single(page.Services).Kind, page.Services[0].Detail));
        var centre = (await (await host.As(DemoAccounts.Admin)).GetAsync<List<CountyHealth.Platform.Institutions.InstitutionRow>>("/api/v1/institutions"))
            .Single(i => i.Name == "葛仙庄镇卫生院").Id;
        var bureau = await host.As(DemoAccounts.Bureau);
        Assert.Contains(child.Id, await IndicatorTests.PollAsync(async () => (await bureau.GetAsync<FigureRecords>(
            $"/api/v1/indicators/JD02/records?institution={centre}&month={Clinic.Today:yyyy-MM}&term=0")).Records.Select(r => r.Id).ToHashSet(), ids => ids.Contains(child.Id)));
    }

    [Fact]
    public async Task A_village_doctor_never_opens_a_record_of_another_clinic()
    {
        var resident = await clinic.RegisterResidentAsync();
        await (await host.As(DemoAccounts.RecordsClerk)).PutAsync<HealthRecordView>(Url(resident.Id), Answers(0), HttpStatusCode.Created);
        var village = await host.As(DemoAccounts.VillageDoctor2);
        using (var read = await village.GetAsync(Url(resident.Id)))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }
        using (var write = await village.PutAsync(Url(resident.Id), Answers(1)))
        {
            Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        }
        await using var scope = host.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<CountyHealthDb>().AuditEntries
            .AnyAsync(a => a.UserName == DemoAccounts.VillageDoctor2 && a.Action == AuditActions.Denied && a.ResidentId == resident.Id), "the refused read is audited");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As(DemoAccounts.Bureau)).GetAsync(Url(resident.Id))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteHealthRecordTests(SqliteHost host) : HealthRecordTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresHealthRecordTests(PostgresHost host) : HealthRecordTests(host);

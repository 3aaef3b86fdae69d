using System.Net;
using CountyHealth.Indicators.Domain;
using CountyHealth.Indicators.Figures;
using CountyHealth.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// The aggregate forms through the API: 填报 → 审核, only approved figures counting in the indicators (within seconds,
/// and no longer once returned), impossible figures refused with the field named and nothing saved, unusual ones
/// explained, the validation run listing every finding per institution and month, and the matrix on every step.
/// Each test reports its own month, so the tests do not meet in one report.
/// </summary>
public abstract class AggregateFormTests(CountyHealthFactory host)
{
    private const string Supervision = "清河县卫生健康综合监督执法局";
    private const string Centre = "葛仙庄镇卫生院";

    private static string MonthsAgo(int n) => $"{Clinic.Today.AddMonths(-n):yyyy-MM}";

    [Fact]
    public async Task A_report_counts_in_its_indicator_once_approved_and_no_longer_once_returned()
    {
        var month = MonthsAgo(4);
        var inspector = await host.As(DemoAccounts.Inspector);
        var bureau = await host.As(DemoAccounts.Bureau);
        var institution = await InstitutionAsync(bureau, "supervision", month, Supervision);

        // Seed 001's figures: 2,673 of 2,801 units supervised is 95.43 %, not the 89.75 % it printed.
        var submitted = await inspector.PutAsync<AggregateReportView>("/api/v1/aggregate-forms/reports", new AggregateReportRequest("supervision", institution, month,
            Values(("units_due", 2801), ("units_supervised", 2673), ("small_units_due", 1206), ("small_units_supervised", 1100)), null, Submit: true), HttpStatusCode.OK);
        Assert.Equal(ReportStatus.Submitted, submitted.Status);
        Assert.Null(await WaitForAsync(bureau, month, Supervision, "WS01", v => v is not null, TimeSpan.FromSeconds(3)));

        var approved = await bureau.PostAsync<AggregateReportView>($"/api/v1/aggregate-forms/reports/{submitted.Id}/review", new ReviewReportRequest(true, null), HttpStatusCode.OK);
        Assert.Equal(ReportStatus.Approved, approved.Status);
        Assert.Equal(95.43m, await WaitForAsync(bureau, month, Supervision, "WS01", v => v is not null));
        var records = await bureau.GetAsync<FigureRecords>($"/api/v1/indicators/WS01/records?institution={institution}&month={month}");
        Assert.Equal(2673m, Assert.Single(records.Records).Value);

        var returned = await bureau.PostAsync<AggregateReportView>($"/api/v1/aggregate-forms/reports/{submitted.Id}/review", new ReviewReportRequest(false, "户数与登记台账不符"), HttpStatusCode.OK);
        Assert.Equal(ReportStatus.Returned, returned.Status);
        Assert.Null(await WaitForAsync(bureau, month, Supervision, "WS01", v => v is null));
        Assert.Equal("户数与登记台账不符", (await inspector.GetAsync<AggregateReportView>($"/api/v1/aggregate-forms/report?form=supervision&institution={institution}&month={month}")).ReturnReason);
    }

    [Fact]
    public async Task Impossible_figures_are_refused_with_the_field_named_and_nothing_is_saved()
    {
        var month = MonthsAgo(5);
        var director = await host.As(DemoAccounts.Director);
        var centre = await InstitutionAsync(director, "construction", month, Centre);

        var percent = await RefusedAsync(director, new("construction", centre, month, Values(("progress", 100.5m)), null, false));
        Assert.Contains("工程形象进度不能超过", string.Join("", percent.ErrorsOf("values.progress")), StringComparison.Ordinal);
        var part = await RefusedAsync(director, new("patriotic", centre, month, Values(("vector_sites", 12), ("vector_sites_passed", 13)), null, false));
        Assert.Contains("其中达标监测点数（13）不能大于病媒生物监测点数（12）", part.ErrorsOf("values.vector_sites_passed"));
        var negative = await RefusedAsync(director, new("patriotic", centre, month, Values(("campaigns", -1)), null, false));
        Assert.Contains("集中整治活动次数不能为负数", string.Join("", negative.ErrorsOf("values.campaigns")), StringComparison.Ordinal);
        var unknown = await RefusedAsync(director, new("patriotic", centre, month, Values(("beds", 1)), null, false));
        Assert.NotEmpty(unknown.ErrorsOf("values"));
        var incomplete = await RefusedAsync(director, new("patriotic", centre, month, Values(("campaigns", 3)), null, Submit: true));
        Assert.Contains("上报前请填写参与人次", incomplete.ErrorsOf("values.participants"));
        Assert.Null((await director.GetAsync<AggregateReportView>($"/api/v1/aggregate-forms/report?form=construction&institution={centre}&month={month}")).Id);
        Assert.Null((await director.GetAsync<AggregateReportView>($"/api/v1/aggregate-forms/report?form=patriotic&institution={centre}&month={month}")).Id);

        // At the boundaries the figures are possible: a part equal to its whole, a percentage of exactly 100, zero.
        var saved = await director.PutAsync<AggregateReportView>("/api/v1/aggregate-forms/reports", new AggregateReportRequest("construction", centre, month,
            Values(("progress", 100m), ("investment_planned", 0m)), null, false), HttpStatusCode.OK);
        Assert.Equal(ReportStatus.Draft, saved.Status);
        await director.PutAsync<AggregateReportView>("/api/v1/aggregate-forms/reports", new AggregateReportRequest("patriotic", centre, month,
            Values(("vector_sites", 12), ("vector_sites_passed", 12)), null, false), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unusual_figure_is_submitted_only_with_an_explanation_and_the_validation_run_lists_it()
    {
        var director = await host.As(DemoAccounts.Director);
        var bureau = await host.As(DemoAccounts.Bureau);
        var centre = await InstitutionAsync(director, "patriotic", MonthsAgo(9), Centre);
        for (var back = 9; back >= 7; back--)
        {
            var r = await director.PutAsync<AggregateReportView>("/api/v1/aggregate-forms/reports", new AggregateReportRequest("patriotic", centre, MonthsAgo(back),
                Values(("campaigns", 4), ("participants", 200), ("vector_sites", 10), ("vector_sites_passed", 9)), null, true), HttpStatusCode.OK);
            await bureau.PostAsync<AggregateReportView>($"/api/v1/aggregate-forms/reports/{r.Id}/review", new ReviewReportRequest(true, null), HttpStatusCode.OK);
        }
        var month = MonthsAgo(6);

        // Twice the mean is the rule's 100 % exactly: not flagged. One more is.
        var atLimit = await director.PutAsync<AggregateReportView>("/api/v1/aggregate-forms/reports", new AggregateReportRequest("patriotic", centre, month,
            Values(("campaigns", 8), ("participants", 200), ("vector_sites", 10), ("vector_sites_passed", 9)), null, false), HttpStatusCode.OK);
        Assert.Empty(atLimit.Findings);
        Assert.Equal([4m, 4m, 4m], atLimit.Fields.Single(f => f.Key == "campaigns").LastMonths);
        var unusual = Values(("campaigns", 9), ("participants", 200), ("vector_sites", 10), ("vector_sites_passed", 9));
        var unexplained = await RefusedAsync(director, new("patriotic", centre, month, unusual, null, Submit: true));
        Assert.NotEmpty(unexplained.ErrorsOf("explanation"));
        var explained = await director.PutAsync<AggregateReportView>("/api/v1/aggregate-forms/reports", new AggregateReportRequest("patriotic", centre, month,
            unusual, "本月开展春季爱国卫生运动", true), HttpStatusCode.OK);
        var flag = Assert.Single(explained.Findings);
        Assert.False(flag.Refused);
        Assert.Contains("增加 125%", flag.Message, StringComparison.Ordinal);

        var run = await bureau.GetAsync<ValidationRun>($"/api/v1/aggregate-forms/validation?from={MonthsAgo(9)}&to={month}&form=patriotic");
        var ours = run.Findings.Where(f => f.InstitutionId == centre).ToList();
        Assert.Contains(ours, f => f.Kind == "异常波动" && f.Month == month && f.Field == "集中整治活动次数");
        Assert.Contains(ours, f => f.Kind == "未审核" && f.Month == month);
        Assert.DoesNotContain(ours, f => f.Kind == "未上报");
        Assert.Contains(run.Findings, f => f.Kind == "未上报" && f.InstitutionId != centre);
        var bad = await bureau.GetAsync($"/api/v1/aggregate-forms/validation?from={month}&to={MonthsAgo(9)}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_village_reporting_fewer_residents_than_its_health_records_is_listed_by_the_validation_run()
    {
        // A village doctor makes health records for two new residents of her village; the engine counts them within seconds.
        var bureau = await host.As(DemoAccounts.Bureau);
        var doctor = await host.As(DemoAccounts.VillageDoctor);
        var answers = new Dictionary<string, string> { ["residence"] = "1", ["blood"] = "1", ["rh"] = "2", ["marital"] = "2", ["payment"] = "3", ["allergy"] = "1" };
        Guid institution = default;
        for (var i = 0; i < 2; i++)
        {
            var resident = (await doctor.PostAsync<CountyHealth.Residents.ResidentIndex.ResidentRegistered>("/api/v1/residents", TestData.Resident().ToRequest(), HttpStatusCode.Created)).Resident;
            await doctor.PutAsync<CountyHealth.PublicHealth.Records.HealthRecordView>($"/api/v1/public-health/records/{resident.Id}",
                new CountyHealth.PublicHealth.Records.HealthRecordRequest(answers, "李医生", 0), HttpStatusCode.Created);
            await using var lookup = host.Services.CreateAsyncScope();
            institution = await lookup.ServiceProvider.GetRequiredService<CountyHealth.Kernel.Data.CountyHealthDb>().Set<CountyHealth.Residents.Domain.Resident>()
                .Where(r => r.Id == resident.Id).Select(r => r.ManagingInstitutionId).SingleAsync();
        }
        var thisMonth = Clinic.Today.Year * 100 + Clinic.Today.Month;
        var month = $"{Clinic.Today:yyyy-MM}";
        async Task<decimal?> KeptAsync()
        {
            await using var read = host.Services.CreateAsyncScope();
            return await read.ServiceProvider.GetRequiredService<CountyHealth.Kernel.Data.CountyHealthDb>().Set<FactValue>().AsNoTracking()
                .Where(f => f.Measure == "healthrecords.kept" && f.Dimension == "" && f.InstitutionId == institution && f.Month == thisMonth).Select(f => (decimal?)f.Value).FirstOrDefaultAsync();
        }
        var kept = await IndicatorTests.PollAsync(KeptAsync, v => v >= 2) ?? 0;
        Assert.True(kept >= 2, $"the village's records were counted: {kept}");
        // She reports fewer residents than her records: flagged (to be explained before submitting), not refused.
        var report = await doctor.PutAsync<AggregateReportView>("/api/v1/aggregate-forms/reports", new AggregateReportRequest("population", institution, month,
            Values(("residents", kept - 1), ("elderly", 0), ("children", 0), ("women", 0), ("births", 0)), null, false), HttpStatusCode.OK);
        // (The village's months before, if approved, may flag the drop as well: the records' flag is looked for by its words.)
        var flag = Assert.Single(report.Findings, f => f.Field == "residents" && f.Message.Contains("在档居民健康档案数", StringComparison.Ordinal));
        Assert.False(flag.Refused);
        Assert.NotEmpty((await RefusedAsync(doctor, new("population", institution, month,
            Values(("residents", kept - 1), ("elderly", 0), ("children", 0), ("women", 0), ("births", 0)), null, Submit: true))).ErrorsOf("explanation"));

        var run = await bureau.GetAsync<ValidationRun>($"/api/v1/aggregate-forms/validation?from={month}&to={month}&form=population");
        Assert.Contains(run.Findings, f => f.InstitutionId == institution && f.Field == "常住人口" && f.Kind == "异常波动"
            && f.Message.Contains($"少于系统中的在档居民健康档案数（{kept:0}）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_step_is_taken_only_by_whom_the_matrix_names()
    {
        var month = MonthsAgo(8);
        var director = await host.As(DemoAccounts.Director);
        var bureau = await host.As(DemoAccounts.Bureau);
        var centre = await InstitutionAsync(director, "construction", month, Centre);
        var other = (await bureau.GetAsync<FormSheet>($"/api/v1/aggregate-forms/sheet?form=construction&month={month}")).Rows.First(r => r.InstitutionId != centre && r.KindName.Contains('镇', StringComparison.Ordinal));

        Assert.Single((await director.GetAsync<FormSheet>($"/api/v1/aggregate-forms/sheet?form=construction&month={month}")).Rows);
        var foreign = await RefusedAsync(director, new("construction", other.InstitutionId, month, Values(("progress", 10m)), null, false));
        Assert.NotEmpty(foreign.ErrorsOf("institutionId"));
        // The village doctor reports her own clinic's population, not the centre's forms.
        var village = await host.As(DemoAccounts.VillageDoctor);
        Assert.NotEmpty((await RefusedAsync(village, new("construction", centre, month, Values(("progress", 10m)), null, false))).ErrorsOf("institutionId"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As(DemoAccounts.Cashier)).PutAsync("/api/v1/aggregate-forms/reports",
            new AggregateReportRequest("construction", centre, month, Values(("progress", 10m)), null, false))).StatusCode);

        var submitted = await director.PutAsync<AggregateReportView>("/api/v1/aggregate-forms/reports", new AggregateReportRequest("construction", centre, month,
            Values(("investment_planned", 500m), ("investment_done", 300.5m), ("progress", 40m)), null, true), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsync($"/api/v1/aggregate-forms/reports/{submitted.Id}/review", new ReviewReportRequest(true, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await director.PutAsync("/api/v1/aggregate-forms/reports", new AggregateReportRequest("construction", centre, month, Values(("progress", 41m)), null, false))).StatusCode);
        var noReason = await bureau.PostAsync($"/api/v1/aggregate-forms/reports/{submitted.Id}/review", new ReviewReportRequest(false, " "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var future = await director.GetAsync($"/api/v1/aggregate-forms/report?form=construction&institution={centre}&month={Clinic.Today.AddMonths(1):yyyy-MM}");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }

    private static Dictionary<string, decimal?> Values(params (string Key, decimal Value)[] values) => values.ToDictionary(v => v.Key, v => (decimal?)v.Value);

    private static async Task<Guid> InstitutionAsync(ApiClient client, string form, string month, string name) =>
        (await client.GetAsync<FormSheet>($"/api/v1/aggregate-forms/sheet?form={form}&month={month}")).Rows.Single(r => r.InstitutionName == name).InstitutionId;

    private static async Task<Problem> RefusedAsync(ApiClient client, AggregateReportRequest request) =>
        await ApiClient.ReadAsync<Problem>(await client.PutAsync("/api/v1/aggregate-forms/reports", request), HttpStatusCode.BadRequest);

    /// <summary>Polls an institution's figure of a month until it is as expected, for at most ten seconds (the engine's bound).</summary>
    private static Task<decimal?> WaitForAsync(ApiClient bureau, string month, string institution, string code, Func<decimal?, bool> done, TimeSpan? limit = null) =>
        IndicatorTests.PollAsync(async () => (await bureau.GetAsync<StatisticsReport>($"/api/v1/indicators/statistics?kind=month&month={month}&codes={code}"))
            .Rows.SingleOrDefault(r => r.Name == institution)?.Cells.Single().Value, done, limit);
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAggregateFormTests(SqliteHost host) : AggregateFormTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAggregateFormTests(PostgresHost host) : AggregateFormTests(host);

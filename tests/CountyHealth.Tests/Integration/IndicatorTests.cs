using System.Net;
using CountyHealth.Indicators.Domain;
using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Data;
using CountyHealth.Outpatient.Prescriptions;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// The indicator engine through the API: figures come from the records within seconds of a change (the refresher, no
/// scan), ratios without a denominator say why, the drill-down lists the records behind a figure within the reach of
/// the matrix, and the catalogue's every formula names measures that a source counts.
/// </summary>
public abstract class IndicatorTests(CountyHealthFactory host)
{
    [Fact]
    public async Task A_period_summed_by_the_database_gives_the_figures_of_its_months_added_up()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<CountyHealth.Indicators.Facts.IndicatorCatalogue>();
        var today = CountyHealth.Kernel.Time.ChinaTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var month = today.Year * 100 + today.Month;
        // The changes of the tests before are counted first: a refresh between the two loads would make them differ.
        await CountyHealth.Indicators.MonthlyTables.RefreshAsync(scope.ServiceProvider, CancellationToken.None);
        var periods = new[] { PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year, PeriodKind.YearToDate }
            .SelectMany(k => new[] { Period.Of(k, month), Period.Of(k, month).YearBefore }).ToList();
        var byMonth = ActivatorUtilities.CreateInstance<FigureTable>(scope.ServiceProvider);
        await byMonth.LoadAsync(null, periods.Min(p => p.FromMonth), month, CancellationToken.None, catalogue.Indicators);
        var summed = ActivatorUtilities.CreateInstance<FigureTable>(scope.ServiceProvider);
        await summed.LoadPeriodsAsync(null, periods, catalogue.Indicators, CancellationToken.None);
        var institutions = byMonth.Institutions;
        Assert.NotEmpty(institutions);
        var compared = 0;
        foreach (var period in periods)
        {
            foreach (var indicator in catalogue.Indicators)
            {
                Assert.Equal(byMonth.Evaluate(indicator, institutions, period), summed.Evaluate(indicator, institutions, period));
                foreach (var one in institutions)
                {
                    var expected = byMonth.Evaluate(indicator, [one], period);
                    Assert.Equal(expected, summed.Evaluate(indicator, [one], period));
                    compared += expected.Value is > 0 ? 1 : 0;
                }
            }
        }
        Assert.True(compared > 20, $"only {compared} non-zero figures compared");
    }

    private readonly Clinic clinic = new(host);

    private static string ThisMonth => $"{Clinic.Today.Year}-{Clinic.Today.Month:00}";

    [Fact]
    public async Task A_paid_visit_shows_in_the_institutions_visits_and_revenue_within_ten_seconds()
    {
        var bureau = await host.As(DemoAccounts.Bureau);
        var before = await SettledRowAsync(bureau);
        var visit = await clinic.NewVisitAsync();
        var receipt = await clinic.PayOpenChargesAsync(visit.VisitId, "Cash");

        // The visit and the payment are two saves: their marks may be counted by two refreshes, a moment apart.
        var after = await WaitForAsync(bureau, r => Value(r, "MZ01") >= Value(before, "MZ01") + 1 && Value(r, "SF04") >= Value(before, "SF04") + receipt.Amount);

        Assert.Equal(Value(before, "MZ01") + 1, Value(after, "MZ01"));
        Assert.Equal(Value(before, "SF01") + receipt.Amount, Value(after, "SF01"));
        Assert.Equal(Value(before, "SF04") + receipt.Amount, Value(after, "SF04"));
    }

    [Fact]
    public async Task A_refund_takes_its_amount_off_the_revenue_of_the_month_of_the_refund()
    {
        var bureau = await host.As(DemoAccounts.Bureau);
        var before = await SettledRowAsync(bureau);
        var visit = await clinic.NewVisitAsync();
        var receipt = await clinic.PayOpenChargesAsync(visit.VisitId, "Cash");
        var paid = await WaitForAsync(bureau, r => Value(r, "SF01") >= Value(before, "SF01") + receipt.Amount);
        var charges = await clinic.ChargesAsync(visit.VisitId);
        await (await clinic.Cashier).PostAsync<CountyHealth.Billing.Refunds.RefundResponse>("/api/v1/billing/refunds",
            new CountyHealth.Billing.Refunds.RefundRequest(Guid.NewGuid().ToString("N"), charges.Charges.Select(c => c.Id).ToList(), "患者退号"), HttpStatusCode.Created);

        var after = await WaitForAsync(bureau, r => Value(r, "SF06") >= Value(paid, "SF06") + receipt.Amount);

        Assert.Equal(Value(paid, "SF06") + receipt.Amount, Value(after, "SF06"));
        Assert.Equal(Value(paid, "SF01") - receipt.Amount, Value(after, "SF01"));
    }

    [Fact]
    public async Task A_record_moved_into_a_closed_month_updates_that_month_and_the_one_it_left()
    {
        var bureau = await host.As(DemoAccounts.Bureau);
        var closed = Clinic.Today.AddMonths(-3);
        var closedMonth = $"{closed.Year}-{closed.Month:00}";
        var start = await SettledRowAsync(bureau);
        var visit = await clinic.NewVisitAsync();
        var now = await WaitForAsync(bureau, r => Value(r, "MZ01") >= Value(start, "MZ01") + 1);
        var before = await CentreRowAsync(bureau, closedMonth);

        // A correction saved today that dates the visit three months back (as a data clerk's fix or an import would).
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
            var row = await db.Set<CountyHealth.Outpatient.Domain.Visit>().SingleAsync(v => v.Id == visit.VisitId);
            row.VisitDate = closed;
            await db.SaveChangesAsync();
        }

        var after = await WaitForAsync(bureau, r => Value(r, "MZ01") >= Value(before, "MZ01") + 1, closedMonth);
        Assert.Equal(Value(before, "MZ01") + 1, Value(after, "MZ01"));
        var current = await WaitForAsync(bureau, r => Value(r, "MZ01") <= Value(now, "MZ01") - 1);
        Assert.Equal(Value(now, "MZ01") - 1, Value(current, "MZ01"));
    }

    [Fact]
    public async Task The_bureau_splits_a_county_target_and_the_statistics_show_each_institutions_progress()
    {
        var bureau = await host.As(DemoAccounts.Bureau);
        var year = Clinic.Today.Year;
        var sheet = await bureau.PostAsync<TargetSheet>("/api/v1/indicators/targets/county", new CountyTargetRequest("MZ01", year, 12_000m), HttpStatusCode.OK);

        var county = Assert.Single(sheet.Rows, r => r.InstitutionId is null);
        Assert.Equal(12_000m, county.Value);
        Assert.Equal(12_000m, sheet.Rows.Where(r => r.InstitutionId is not null).Sum(r => r.Value ?? 0));
        var centre = Assert.Single(sheet.Rows, r => r.Name == "葛仙庄镇卫生院");
        await bureau.PostAsync<TargetSheet>("/api/v1/indicators/targets/institution", new InstitutionTargetRequest("MZ01", year, centre.InstitutionId!.Value, 1m), HttpStatusCode.OK);
        await clinic.NewVisitAsync();
        var row = await WaitForAsync(bureau, r => Cell(r, "MZ01")?.Status is not null);
        var cell = Cell(row, "MZ01")!;
        Assert.Equal(1m, cell.Target);
        Assert.Equal("green", cell.Status);
        Assert.Contains("时间进度", cell.Progress, StringComparison.Ordinal);

        // A rate above 100 % is refused with the field named; a director may read targets but not set them.
        using var tooHigh = await bureau.PostAsync("/api/v1/indicators/targets/county", new CountyTargetRequest("SF03", year, 120m));
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Contains("不能超过100", await tooHigh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var director = await host.As(DemoAccounts.Director);
        using var refused = await director.PostAsync("/api/v1/indicators/targets/county", new CountyTargetRequest("MZ01", year, 1m));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var seen = await director.GetAsync<TargetSheet>($"/api/v1/indicators/targets?code=MZ01&year={year}");
        Assert.DoesNotContain(seen.Rows, r => r.InstitutionId is null || r.Name == "清河县人民医院");
        Assert.Contains(seen.Rows, r => r.Name == "葛仙庄镇卫生院" && r.Value == 1m);
    }

    [Fact]
    public async Task Every_number_of_the_work_summary_is_its_indicators_value_number_by_number()
    {
        var bureau = await host.As(DemoAccounts.Bureau);
        var before = await SettledRowAsync(bureau);
        var visit = await clinic.NewVisitAsync();
        var receipt = await clinic.PayOpenChargesAsync(visit.VisitId, "Cash");
        var row = await WaitForAsync(bureau, r => Value(r, "SF01") >= Value(before, "SF01") + receipt.Amount);

        var draft = await bureau.GetAsync<WorkSummaryDraft>($"/api/v1/indicators/summary?institution={row.InstitutionId}&month={ThisMonth}");
        var ytd = await bureau.GetAsync<StatisticsReport>($"/api/v1/indicators/statistics?kind=ytd&month={ThisMonth}");
        var centre = ytd.Rows.Single(r => r.InstitutionId == row.InstitutionId);
        var text = string.Concat(draft.Sections.Select(s => s.Text));

        Assert.Contains(draft.Sections, s => s.Heading.Contains("门诊服务", StringComparison.Ordinal));
        Assert.NotEmpty(draft.Figures);
        foreach (var f in draft.Figures.Where(f => f.Period == ytd.Period))
        {
            var cell = centre.Cells.Single(c => c.Code == f.Code);
            Assert.Equal(cell.Value, f.Value);
            Assert.Contains(f.Text, text, StringComparison.Ordinal);
        }
        // Number by number: every number in the text (the period's own name aside) is one of the quoted figures.
        var quoted = draft.Figures.Select(f => f.Text).ToList();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text.Replace(draft.Period, "", StringComparison.Ordinal), @"\d[\d,]*(\.\d+)?"))
        {
            Assert.True(quoted.Any(q => q.StartsWith(m.Value, StringComparison.Ordinal)), $"{m.Value} in the summary is no indicator's figure: {text}");
        }
        var docx = await bureau.GetAsync($"/api/v1/indicators/summary.docx?institution={row.InstitutionId}&month={ThisMonth}");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await docx.Content.ReadAsStreamAsync());
        var xml = await new StreamReader(zip.GetEntry("word/document.xml")!.Open()).ReadToEndAsync();
        Assert.Contains(draft.Title, xml, StringComparison.Ordinal);
        Assert.Contains(draft.Figures[0].Text, xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ratio_with_nothing_to_divide_by_shows_a_dash_and_the_reason_never_zero()
    {
        var report = await (await host.As(DemoAccounts.Bureau)).GetAsync<StatisticsReport>("/api/v1/indicators/statistics?kind=month&month=2001-01&codes=MZ05,SF03,MZ01");

        Assert.NotEmpty(report.Rows);
        Assert.All(report.Rows, row =>
        {
            var cost = row.Cells.Single(c => c.Code == "MZ05");
            Assert.Null(cost.Value);
            Assert.Equal("—", cost.Text);
            Assert.Contains("分母为0", cost.Reason, StringComparison.Ordinal);
            Assert.Contains("门诊人次", cost.Reason, StringComparison.Ordinal);
            Assert.Equal(0m, row.Cells.Single(c => c.Code == "MZ01").Value);
        });
    }

    [Fact]
    public async Task A_bad_period_is_refused_with_a_chinese_message_naming_the_field()
    {
        using var response = await (await host.As(DemoAccounts.Bureau)).GetAsync("/api/v1/indicators/statistics?kind=week&month=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("month", body, StringComparison.Ordinal);
        Assert.Contains("统计期无效", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogue_defines_every_indicator_with_its_formula_measures_and_source_records()
    {
        var catalogue = await (await host.As(DemoAccounts.Bureau)).GetAsync<List<IndicatorRow>>("/api/v1/indicators");

        Assert.True(catalogue.Count >= 15, $"{catalogue.Count} indicators");
        Assert.All(catalogue, i =>
        {
            Assert.NotEmpty(i.Definition);
            Assert.NotEmpty(i.Measures);
            Assert.All(i.Measures, m => Assert.NotEmpty(m.Counts));
        });
        var share = Assert.Single(catalogue, i => i.Code == "SF03");
        Assert.Equal("药占比", share.Name);
        Assert.Equal("越低越好", share.Direction);
        Assert.Contains(share.Measures, m => m.Role == "分母" && m.Counts.Contains("退费日所在月份", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_drill_down_lists_the_visits_behind_a_figure_masked_and_never_another_villages()
    {
        var bureau = await host.As(DemoAccounts.Bureau);
        var visit = await clinic.NewVisitAsync();
        await clinic.PayOpenChargesAsync(visit.VisitId, "Cash");
        var row = await WaitForAsync(bureau, r => Value(r, "MZ01") > 0);
        var centre = row.InstitutionId!.Value;
        var records = new List<CountyHealth.Indicators.Contracts.FactRecord>();
        for (var page = 1; ; page++)
        {
            var found = await bureau.GetAsync<FigureRecords>($"/api/v1/indicators/MZ01/records?institution={centre}&month={ThisMonth}&term=0&page={page}");
            records.AddRange(found.Records);
            if (!found.HasMore)
            {
                break;
            }
        }
        var mine = Assert.Single(records, r => r.Number == visit.VisitNumber);
        Assert.Contains("*", mine.Person, StringComparison.Ordinal);

        // A village doctor's reach is her own clinic: the township centre's records are not found for her.
        using var denied = await (await host.As(DemoAccounts.VillageDoctor)).GetAsync($"/api/v1/indicators/MZ01/records?institution={centre}&month={ThisMonth}&term=0");
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
    }

    [Fact]
    public async Task A_prescription_counts_in_the_rational_drug_use_figures_once_however_many_antibacterials_it_has()
    {
        var bureau = await host.As(DemoAccounts.Bureau);
        var before = await SettledRowAsync(bureau);
        var visit = await clinic.NewVisitAsync();
        var amoxicillin = await clinic.FindDrugAsync("阿莫西林", "阿莫西林胶囊");
        var cefuroxime = await clinic.FindDrugAsync("头孢呋辛", "头孢呋辛酯片");
        var amlodipine = await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片");
        await (await clinic.Doctor).PostAsync<PrescriptionRow>($"/api/v1/visits/{visit.VisitId}/prescriptions", new PrescriptionRequest(
        [
            new(amoxicillin.Id, 500m, "tid", null, 3), new(cefuroxime.Id, 250m, "bid", null, 3), new(amlodipine.Id, 5m, "qd", null, 7),
        ]), HttpStatusCode.Created);

        var after = await WaitForAsync(bureau, r => Cell(r, "MZ08")?.Denominator >= (Cell(before, "MZ08")?.Denominator ?? 0) + 1);

        // One more prescription with three items, one of them counted once as antibacterial; a new resident's first visit.
        Assert.Equal((Cell(before, "MZ08")?.Denominator ?? 0) + 1, Cell(after, "MZ08")!.Denominator);
        Assert.Equal(Cell(before, "MZ08")!.Numerator + 1, Cell(after, "MZ08")!.Numerator);
        Assert.Equal(Cell(before, "MZ09")!.Numerator, Cell(after, "MZ09")!.Numerator);
        Assert.Equal(Cell(before, "MZ07")!.Numerator + 3, Cell(after, "MZ07")!.Numerator);
        Assert.Equal(Value(before, "MZ02") + 1, Value(after, "MZ02"));
        Assert.True(Cell(after, "MZ06")!.Numerator > Cell(before, "MZ06")!.Numerator);
    }

    [Fact]
    public async Task The_dashboard_shows_the_statistics_figures_over_the_months_and_across_institutions()
    {
        var bureau = await host.As(DemoAccounts.Bureau);
        var director = await host.As(DemoAccounts.Director);
        await SettledRowAsync(bureau);
        var row = await CentreRowAsync(bureau);
        var centre = row.InstitutionId!.Value;

        var own = await director.GetAsync<DashboardView>($"/api/v1/indicators/dashboard?institution={centre}&month={ThisMonth}");
        var tile = own.Tiles.Single(t => t.Code == "MZ01");
        Assert.Equal(Value(row, "MZ01"), tile.Value ?? 0);
        var trend = own.Trends.Single(c => c.Code == "MZ01");
        Assert.Equal(2, trend.Series.Count);
        Assert.All(trend.Series, s => Assert.Equal(12, s.Values.Count));
        Assert.Equal(tile.Value, trend.Series[0].Values[Clinic.Today.Month - 1]);
        // Months not yet come have no value (not zero).
        Assert.All(trend.Series[0].Values.Skip(Clinic.Today.Month), v => Assert.Null(v));

        var county = await bureau.GetAsync<DashboardView>($"/api/v1/indicators/dashboard?month={ThisMonth}");
        Assert.Equal("全县", county.Scope);
        Assert.Equal("葛仙庄镇卫生院及所辖村卫生室", (await director.GetAsync<DashboardView>("/api/v1/indicators/dashboard")).Scope);
        var across = county.Across.Single(c => c.Code == "MZ01");
        Assert.Equal(tile.Value, across.Series[0].Values[across.Labels.ToList().IndexOf("葛仙庄镇卫生院")]);

        var other = county.Choices.First(c => c.Id != centre && c.Name.EndsWith("卫生院", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/indicators/dashboard?institution={other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bureau.GetAsync($"/api/v1/indicators/dashboard?month={Clinic.Today.AddMonths(1):yyyy-MM}")).StatusCode);
    }

    private static FigureCell? Cell(FigureRow row, string code) => row.Cells.SingleOrDefault(c => c.Code == code);

    private static decimal Value(FigureRow row, string code) => Cell(row, code)?.Value ?? 0;

    /// <summary>The township centre's row of this month (the demo's cashier works there).</summary>
    private static async Task<FigureRow> CentreRowAsync(ApiClient bureau, string? month = null)
    {
        var report = await bureau.GetAsync<StatisticsReport>($"/api/v1/indicators/statistics?kind=month&month={month ?? ThisMonth}");
        return report.Rows.Single(r => r.Name == "葛仙庄镇卫生院");
    }

    /// <summary>
    /// The centre's row once the refresher has counted every earlier change (no marks left): a "before" that a change of
    /// an earlier test, counted late, cannot move.
    /// </summary>
    private async Task<FigureRow> SettledRowAsync(ApiClient bureau)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        while (await db.Set<CountyHealth.Kernel.Facts.FactChange>().AnyAsync() && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }
        return await CentreRowAsync(bureau);
    }

    /// <summary>Polls the centre's figures for at most ten seconds, the bound the engine keeps.</summary>
    private static Task<FigureRow> WaitForAsync(ApiClient bureau, Func<FigureRow, bool> done, string? month = null) =>
        PollAsync(() => CentreRowAsync(bureau, month), done);

    [Fact]
    public async Task A_rebuild_from_scratch_counts_the_same_figures_again_and_leaves_the_table_as_the_migrations_made_it()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        var indexes = await IndexesAsync(db);
        Assert.Equal(2, indexes.Count);
        var counted = await CountyHealth.Indicators.MonthlyTables.RebuildAsync(scope.ServiceProvider, _ => { }, CancellationToken.None);
        var once = await FiguresAsync(db);
        var again = await CountyHealth.Indicators.MonthlyTables.RebuildAsync(scope.ServiceProvider, _ => { }, CancellationToken.None);
        var twice = await FiguresAsync(db);
        Assert.True(once.Count > 100, $"only {once.Count} figures");
        Assert.Equal(counted, again);
        Assert.Equal(once, twice);
        // The same indexes, by name and definition, and no twin left behind (PostgreSQL swaps a filled twin in).
        Assert.Equal(indexes, await IndexesAsync(db));
        var tables = db.IsSqlite
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name LIKE 'indicator_facts%'"
            : "SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'indicator_facts%'";
        Assert.Equal(["indicator_facts"], await db.Database.SqlQueryRaw<string>(tables).ToListAsync());
    }

    private static Task<List<string>> FiguresAsync(CountyHealthDb db) =>
        db.Set<FactValue>().AsNoTracking().OrderBy(f => f.Source).ThenBy(f => f.InstitutionId).ThenBy(f => f.Month).ThenBy(f => f.Measure).ThenBy(f => f.Dimension)
            .Select(f => f.Source + "|" + f.InstitutionId + "|" + f.Month + "|" + f.Measure + "|" + f.Dimension + "|" + f.Value).ToListAsync();

    private static Task<List<string>> IndexesAsync(CountyHealthDb db) => db.Database.SqlQueryRaw<string>(db.IsSqlite
            ? "SELECT name || ' ' || coalesce(sql, '') AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'indicator_facts' ORDER BY name"
            : "SELECT indexname || ' ' || indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'indicator_facts' ORDER BY indexname")
        .ToListAsync();

    /// <summary>Reads until the answer is as expected or the time is up (ten seconds: the engine's bound), and returns the last answer.</summary>
    internal static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? limit = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var answer = await read();
            if (done(answer) || watch.Elapsed > (limit ?? TimeSpan.FromSeconds(10)))
            {
                return answer;
            }
            await Task.Delay(250);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteIndicatorTests(SqliteHost host) : IndicatorTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIndicatorTests(PostgresHost host) : IndicatorTests(host)
{
    /// <summary>
    /// A refresh in the middle of a rebuild would take the marks of a change the rebuild may have counted before it,
    /// and the swapped-in figures would lose it: while a rebuild holds the lock, refreshes leave the marks for after.
    /// </summary>
    [Fact]
    public async Task While_a_rebuild_runs_the_marked_months_wait_and_are_counted_after_it()
    {
        await using var rebuilding = host.Services.CreateAsyncScope();
        var holder = rebuilding.ServiceProvider.GetRequiredService<CountyHealthDb>();
        await holder.Database.OpenConnectionAsync();
        await holder.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({CountyHealth.Indicators.Facts.FactStore.RebuildLock})");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        var mark = new CountyHealth.Kernel.Facts.FactChange { Source = "outpatient", InstitutionId = Guid.NewGuid(), Month = Clinic.Today.Year * 100 + Clinic.Today.Month };
        db.Add(mark);
        await db.SaveChangesAsync();
        Assert.Equal(0, await CountyHealth.Indicators.MonthlyTables.RefreshAsync(scope.ServiceProvider, CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(3)); // the background refresher's turns (every two seconds) pass too
        Assert.True(await db.Set<CountyHealth.Kernel.Facts.FactChange>().AnyAsync(c => c.Id == mark.Id));

        await holder.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({CountyHealth.Indicators.Facts.FactStore.RebuildLock})");
        Assert.False(await PollAsync(() => db.Set<CountyHealth.Kernel.Facts.FactChange>().AnyAsync(c => c.Id == mark.Id), waiting => !waiting));
    }
}

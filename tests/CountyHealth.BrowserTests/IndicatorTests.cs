using System.IO.Compression;
using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// The bureau's monthly statistics as its official sees them: the demo county's figures with last year's beside them
/// (the demo township has two years of history), a figure drilled down to its months and to the de-identified visits
/// behind it, the table exported to Excel; the director sees her centre's month on her home page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IndicatorTests(SqliteServerFixture server)
{
    private const string Centre = "葛仙庄镇卫生院";

    /// <summary>The month the statistics open on: the last one closed.</summary>
    private static string LastMonth => $"{TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddMonths(-1):yyyy-MM}";

    [Fact]
    public async Task The_bureau_reads_the_monthly_statistics_drills_to_the_visits_and_exports_them()
    {
        var bureau = await server.SignInAsync("bureau");
        await bureau.GotoAsync(server.BaseUrl + "/indicators");
        await WaitInteractive(bureau);
        Assert.Equal(LastMonth, await Input(bureau, "stat-month").InputValueAsync());
        var row = bureau.Locator("[data-testid=stat-row]").Filter(new() { HasText = Centre });
        await Expect(row, "乡镇卫生院");
        var visits = row.Locator("[data-testid=stat-cell-MZ01]");
        var shown = await visits.InnerTextAsync();
        Assert.True(int.Parse(shown.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 0, $"visits shown: {shown}");
        // Last year's same month and the month before exist in the demo history: 同比 and 环比 are shown, each coloured
        // by the indicator's direction.
        await Expect(bureau.Locator("[data-testid=stat-table] thead"), "环比");
        Assert.Matches(@"^[+-]?\d+\.\d(%|个百分点)$", (await row.Locator("[data-testid=stat-yoy-MZ01]").InnerTextAsync()).Trim());
        var monthOnMonth = row.Locator("[data-testid=stat-mom-MZ01]");
        var change = (await monthOnMonth.InnerTextAsync()).Trim();
        Assert.Matches(@"^[+-]?\d+\.\d(%|个百分点)$", change);
        Assert.Matches(change.StartsWith('+') ? "better" : change.StartsWith('-') ? "worse" : @"^money\s*$", await monthOnMonth.GetAttributeAsync("class") ?? "");
        await bureau.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "27-monthly-statistics.png"), FullPage = true });

        await visits.ClickAsync();
        await Expect(bureau.Locator("[data-testid=ind-title]"), "门诊人次");
        await Expect(bureau.Locator("[data-testid=ind-definition]"), "按就诊日期计入月份");
        var monthRows = bureau.Locator("[data-testid=ind-month-row]");
        Assert.Equal(12, await monthRows.CountAsync());
        await monthRows.Filter(new() { HasText = LastMonth }).Locator("[data-testid=ind-records]").First.ClickAsync();
        var record = bureau.Locator("[data-testid=ind-record]").First;
        await Expect(record, "MZ");
        Assert.Contains("*", await record.InnerTextAsync(), StringComparison.Ordinal);
        await bureau.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "28-indicator-drill-down.png"), FullPage = true });

        using var api = await server.ApiAsync("bureau");
        var bytes = await api.GetByteArrayAsync(new Uri($"/api/v1/indicators/statistics.xlsx?kind=month&month={LastMonth}", UriKind.Relative));
        using var workbook = new ZipArchive(new MemoryStream(bytes));
        var strings = workbook.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()).Aggregate("", string.Concat);
        Assert.Contains(Centre, strings, StringComparison.Ordinal);
        Assert.Contains("药占比", strings, StringComparison.Ordinal);
        Assert.Contains("环比", strings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bureau_sets_a_county_target_and_sees_it_split_over_the_institutions()
    {
        var bureau = await server.SignInAsync("bureau");
        await bureau.GotoAsync(server.BaseUrl + "/indicators/targets");
        await WaitInteractive(bureau);
        await Input(bureau, "target-county").FillAsync("24000");
        await bureau.ClickAsync("[data-testid=target-split]");
        var centre = bureau.Locator("[data-testid=target-row]").Filter(new() { HasText = Centre });
        await centre.Locator("input").First.WaitForAsync();
        // The centre did most of last year's visits in the demo county: it carries most of the target.
        await bureau.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=target-row]')].some(r => r.innerText.includes('葛仙庄镇卫生院') && r.querySelector('input') && Number(r.querySelector('input').value.replace(/,/g, '')) > 10000)");
        await bureau.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "30-targets.png"), FullPage = true });
    }

    [Fact]
    public async Task The_bureau_reads_the_generated_work_summary_of_the_county()
    {
        var bureau = await server.SignInAsync("bureau");
        await bureau.GotoAsync(server.BaseUrl + "/indicators/summary");
        await WaitInteractive(bureau);
        var text = bureau.Locator("[data-testid=summary-text]");
        await Expect(text, "一、门诊服务");
        await Expect(text, "药占比");
        Assert.Matches(@"门诊人次[\d,]+人次，同比(增长|下降)\d+\.\d%", await text.InnerTextAsync());
        await bureau.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "31-work-summary.png"), FullPage = true });
    }

    [Fact]
    public async Task The_director_sees_her_centres_month_on_her_home_page()
    {
        var director = await server.SignInAsync("director");
        await WaitInteractive(director);
        var card = director.Locator("[data-testid=home-card]").Filter(new() { HasText = "本月至今" });
        await Expect(card, "门诊人次");
        await Expect(card, "药占比");
        // Her centre's dashboard (院长决策分析): last month's figures with 同比, and the year's months against last year's.
        await Expect(card.Locator("[data-testid=home-dashboard-title]"), "决策分析 · " + Centre + "及所辖村卫生室");
        Assert.Equal(6, await card.Locator("[data-testid=home-dashboard-tile]").CountAsync());
        var chart = card.Locator("[data-testid=dashboard-chart]").First;
        await chart.Locator("svg").First.WaitForAsync();
        await director.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "29-home-director.png"), FullPage = true });
        await chart.Locator("[data-testid=chart-toggle]").ClickAsync();
        // The table renders after the click's round trip: wait for it before counting its rows.
        await chart.Locator("[data-testid=chart-table] tbody tr").Nth(11).WaitForAsync();
        Assert.Equal(12, await chart.Locator("[data-testid=chart-table] tbody tr").CountAsync());
        await Expect(chart.Locator("[data-testid=chart-table]"), "12月");
    }

    [Fact]
    public async Task The_bureau_opens_the_dashboard_and_reads_a_charts_table()
    {
        var bureau = await server.SignInAsync("bureau");
        await bureau.GotoAsync(server.BaseUrl + "/indicators/dashboard");
        await WaitInteractive(bureau);
        await Expect(bureau.Locator("h5"), "决策分析看板 · 全县");
        Assert.Equal(6, await bureau.Locator("[data-testid=dashboard-tile]").CountAsync());
        // A change is coloured by the indicator's direction: a lower cost per visit is for the better, revenue is neither.
        var cost = bureau.Locator("[data-testid=dashboard-tile]").Filter(new() { HasText = "次均门诊费用" }).Locator("[data-testid=tile-change]");
        var costChange = await cost.InnerTextAsync();
        var costClass = await cost.GetAttributeAsync("class") ?? "";
        Assert.Contains(costChange.Contains("同比 -", StringComparison.Ordinal) ? "better" : costChange.Contains("同比 +", StringComparison.Ordinal) ? "worse" : "mud-typography", costClass, StringComparison.Ordinal);
        var revenueClass = await bureau.Locator("[data-testid=dashboard-tile]").Filter(new() { HasText = "门诊收入" }).Locator("[data-testid=tile-change]").GetAttributeAsync("class") ?? "";
        Assert.DoesNotContain("better", revenueClass, StringComparison.Ordinal);
        Assert.DoesNotContain("worse", revenueClass, StringComparison.Ordinal);
        var across = bureau.Locator("[data-testid=dashboard-chart][data-code=MZ01]").Last;
        await across.Locator("svg").First.WaitForAsync();
        await bureau.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "32-dashboard.png"), FullPage = true });
        await across.Locator("[data-testid=chart-toggle]").ClickAsync();
        var table = across.Locator("[data-testid=chart-table]");
        // The institutions side by side: the demo township has the most visits of the month.
        Assert.Contains(Centre, await table.Locator("tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_director_reports_a_form_the_bureau_approves_it_and_the_validation_run_lists_what_is_left()
    {
        var director = await server.SignInAsync("director");
        await director.GotoAsync(server.BaseUrl + "/indicators/forms");
        await WaitInteractive(director);
        await PickSelect(director, "填报表", "爱国卫生与病媒防制");
        await director.ClickAsync("[data-testid=form-load]");
        var report = director.Locator("[data-testid=form-report]");
        await Expect(report, Centre);
        // The demo left last month's report a draft. A part greater than its whole is refused, the field named in Chinese.
        await Input(director, "form-value-campaigns").FillAsync("4");
        await Input(director, "form-value-participants").FillAsync("260");
        await Input(director, "form-value-vector_sites").FillAsync("10");
        await Input(director, "form-value-vector_sites_passed").FillAsync("11");
        await director.ClickAsync("[data-testid=form-submit]");
        await Expect(report, "其中达标监测点数（11）不能大于病媒生物监测点数（10）");
        await director.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "33-form-refused.png"), FullPage = true });
        await Input(director, "form-value-vector_sites_passed").FillAsync("9");
        await Input(director, "form-explanation").FillAsync("按计划开展春季整治");
        await director.ClickAsync("[data-testid=form-submit]");
        await Expect(director.Locator("[data-testid=form-status]"), "待审核");

        var bureau = await server.SignInAsync("bureau");
        await bureau.GotoAsync(server.BaseUrl + "/indicators/forms");
        await WaitInteractive(bureau);
        await PickSelect(bureau, "填报表", "爱国卫生与病媒防制");
        await bureau.ClickAsync("[data-testid=form-load]");
        var row = bureau.Locator("[data-testid=form-sheet-row]").Filter(new() { HasText = Centre });
        await Expect(row, "待审核");
        await row.Locator("[data-testid=form-open]").ClickAsync();
        await Expect(bureau.Locator("[data-testid=form-report]"), "按计划开展春季整治");
        await bureau.ClickAsync("[data-testid=form-approve]");
        await Expect(bureau.Locator("[data-testid=form-status]"), "已审核");
        await Expect(row, "已审核");
        await bureau.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "34-form-approved.png"), FullPage = true });

        await bureau.ClickAsync("text=校验运行");
        await bureau.ClickAsync("[data-testid=validation-run]");
        await Expect(bureau.Locator("[data-testid=validation-summary]"), "检查报表");
        // The demo left two townships' reports of last month waiting for review: the run names them.
        await Expect(bureau.Locator("[data-testid=validation-row]"), "未审核");
        await bureau.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "35-validation-run.png"), FullPage = true });
    }
}

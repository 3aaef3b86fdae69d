using Microsoft.Playwright;
using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// The administrator corrects a rule table on screen: she reads the immunisation schedule, then changes the cluster
/// thresholds — a figure out of range is refused with its line and nothing is saved; a good one is in force at once (the
/// CDC's cluster page states it); she goes back to the shipped version from the history, as a version of its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReferenceTableTests(SqliteServerFixture server)
{
    [Fact]
    public async Task The_administrator_corrects_the_cluster_thresholds_and_goes_back_to_the_shipped_ones()
    {
        var admin = await server.SignInAsync("admin");
        await admin.GotoAsync(server.BaseUrl + "/admin/reference-tables/phs.immunisation-schedule");
        await WaitInteractive(admin);
        await Expect(admin.Locator("[data-testid=reference-rows]"), "乙肝疫苗");
        Assert.Equal(8, await admin.Locator("[data-testid=reference-table]").CountAsync());
        await admin.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "60-reference-immunisation-schedule.png"), FullPage = true });

        await admin.Locator("[data-testid=reference-table][data-key='idr.cluster-rule']").ClickAsync();
        await Expect(admin.Locator("[data-testid=reference-version]"), "现行第");
        var version = int.Parse((await admin.Locator("[data-testid=reference-version] b").First.InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await admin.Locator(".mud-tab").Filter(new() { HasText = "修订" }).ClickAsync();
        var text = Input(admin, "reference-text");
        var shipped = await text.InputValueAsync();
        Assert.Contains("7\t3\t1", shipped, StringComparison.Ordinal);

        await text.FillAsync(shipped.Replace("7\t3\t1", "7\t0\t1", StringComparison.Ordinal));
        await Input(admin, "reference-reason").FillAsync("依据县疾控中心2026年第5号通知");
        await admin.ClickAsync("[data-testid=reference-save]");
        await Expect(admin.Locator(".mud-input-helper-text, .mud-input-error"), "第 5 行：例数“0”应为 1～1000 的整数");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "61-reference-refused-line.png"), FullPage = true });

        await text.FillAsync(shipped.Replace("7\t3\t1", "14\t3\t1", StringComparison.Ordinal));
        await admin.ClickAsync("[data-testid=reference-save]");
        await Expect(admin.Locator("[data-testid=reference-message]"), $"聚集性疫情预警阈值第 {version + 1} 版已保存并生效");
        await Expect(admin.Locator("[data-testid=reference-rows]"), "14");
        using (var cdc = await server.ApiAsync("cdc"))
        {
            var clusters = await cdc.GetStringAsync(new Uri("/api/v1/surveillance/clusters", UriKind.Relative));
            Assert.Contains("同一乡镇 14 天内", clusters, StringComparison.Ordinal);
        }

        // Back to the shipped thresholds from the history: a new version, the old ones kept.
        await admin.Locator(".mud-tab").Filter(new() { HasText = "历史版本" }).ClickAsync();
        await admin.Locator("[data-testid=reference-history] tr[data-version='1']").GetByRole(AriaRole.Button, new() { Name = "以此版为底稿修订" }).ClickAsync();
        Assert.Equal("恢复为第 1 版", await Input(admin, "reference-reason").InputValueAsync());
        await admin.ClickAsync("[data-testid=reference-save]");
        await Expect(admin.Locator("[data-testid=reference-message]"), $"第 {version + 2} 版已保存并生效");
        await admin.Locator(".mud-tab").Filter(new() { HasText = "历史版本" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=reference-history]"), "依据县疾控中心2026年第5号通知");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "62-reference-history.png"), FullPage = true });
        using var cdcAfter = await server.ApiAsync("cdc");
        Assert.Contains("同一乡镇 7 天内", await cdcAfter.GetStringAsync(new Uri("/api/v1/surveillance/clusters", UriKind.Relative)), StringComparison.Ordinal);
    }
}

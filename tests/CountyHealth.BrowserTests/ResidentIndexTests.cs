using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// The resident index as the records clerk uses it: find by pinyin initials, open a resident, see the household; a
/// cashier finds the same resident but is not shown the household (she registers visits, she does not keep records).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResidentIndexTests(SqliteServerFixture server)
{
    [Fact]
    public async Task A_found_resident_shows_her_household_with_its_head_to_the_records_clerk_only()
    {
        var clerk = await server.SignInAsync("records");
        var name = await OpenFirstResidentAsync(clerk);
        await Expect(clerk.Locator("[data-testid=household]"), "家庭户 ");
        await Expect(clerk.Locator("[data-testid=household-members]"), "户主");
        await Expect(clerk.Locator("[data-testid=household-members]"), name);
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "12-resident-household.png"), FullPage = true });

        var cashier = await server.SignInAsync("cashier");
        Assert.Equal(name, await OpenFirstResidentAsync(cashier));
        Assert.Equal(0, await cashier.Locator("[data-testid=household]").CountAsync());
    }

    private async Task<string> OpenFirstResidentAsync(Microsoft.Playwright.IPage page)
    {
        await page.GotoAsync(server.BaseUrl + "/residents");
        await WaitInteractive(page);
        await Input(page, "resident-query").FillAsync("W");
        await page.ClickAsync("[data-testid=resident-search]");
        var first = page.Locator("[data-testid=resident-results] tbody tr").First;
        await first.WaitForAsync();
        var name = (await first.Locator("td").First.InnerTextAsync()).Trim();
        await first.GetByText("选择").ClickAsync();
        await Expect(page.Locator("[data-testid=resident-detail]"), name);
        return name;
    }
}

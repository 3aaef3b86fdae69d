using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;

namespace CountyHealth.BrowserTests;

/// <summary>The resident index as a cashier uses it: find by pinyin initials, open a resident, see the household.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResidentIndexTests(SqliteServerFixture server)
{
    [Fact]
    public async Task A_found_resident_shows_her_household_with_its_head()
    {
        var cashier = await server.SignInAsync("cashier");
        await cashier.GotoAsync(server.BaseUrl + "/residents");
        await WaitInteractive(cashier);
        await Input(cashier, "resident-query").FillAsync("W");
        await cashier.ClickAsync("[data-testid=resident-search]");
        var first = cashier.Locator("[data-testid=resident-results] tbody tr").First;
        await first.WaitForAsync();
        var name = (await first.Locator("td").First.InnerTextAsync()).Trim();
        await first.GetByText("选择").ClickAsync();
        await Expect(cashier.Locator("[data-testid=resident-detail]"), name);
        await Expect(cashier.Locator("[data-testid=household]"), "家庭户 ");
        await Expect(cashier.Locator("[data-testid=household-members]"), "户主");
        await Expect(cashier.Locator("[data-testid=household-members]"), name);
        await cashier.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "12-resident-household.png"), FullPage = true });
    }
}

using System.Net.Http.Json;
using CountyHealth.Residents.Domain;
using CountyHealth.Tests.Support;
using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;
using static CountyHealth.BrowserTests.ScreenWalkTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// The registration counter without the mouse, as it works all day: the ID number and Enter find the resident, Tab and
/// the arrow keys choose the department, F4 registers, Enter goes on to the till, F2 takes the cash, Enter charges and
/// shows the change.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardCounterTests(SqliteServerFixture server)
{
    [Fact]
    public async Task Registration_and_payment_are_done_from_the_keyboard()
    {
        var name = "键盘" + new string(Enumerable.Range(0, 2).Select(_ => "春夏秋冬梅兰竹菊松柏"[TestSeed.Next(10)]).ToArray());
        var birth = new DateOnly(1970, 2, 3).AddDays(TestSeed.Next(0, 3000));
        var idNumber = ChineseIdNumber.Compose("130534", birth, TestSeed.IdSequence(true));
        using (var api = await server.ApiAsync("cashier"))
        {
            await ReadAsync(await api.PostAsJsonAsync("/api/v1/residents",
                new { name, sex = 1, birthDate = birth, idNumber, phone = (string?)null, address = (string?)null, ethnicity = (string?)null }));
        }

        var cashier = await server.SignInAsync("cashier");
        await cashier.GotoAsync(server.BaseUrl + "/outpatient/register");
        await WaitInteractive(cashier);
        await Expect(cashier.Locator("[data-testid=registration-keys]"), "F4");
        await Input(cashier, "resident-query").FocusAsync();
        await cashier.Keyboard.TypeAsync(idNumber);
        await cashier.Keyboard.PressAsync("Enter");
        // One match: taken at once, and the focus waits on the department.
        await Expect(cashier.Locator("[data-testid=picked-resident]"), name);
        await cashier.WaitForFunctionAsync("() => document.activeElement && document.activeElement.closest('[data-testid=reg-department]') !== null");
        await cashier.Keyboard.PressAsync("ArrowDown");
        await cashier.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "内科" }).First.WaitForAsync();
        // An arrow moves the highlight once the circuit has rendered the move, and one pressed while the list is still
        // opening may be dropped: each arrow waits for its move (or a second) before the highlight is judged again, so
        // a slow render neither sends one arrow too many (it once landed on 中医科) nor stalls on a dropped one.
        const string highlighted = "() => { const i = document.querySelector('.mud-popover-open .mud-selected-item'); return i ? i.textContent.trim() : ''; }";
        for (var i = 0; i < 20; i++)
        {
            var before = await cashier.EvaluateAsync<string>(highlighted);
            if (before.Contains("内科", StringComparison.Ordinal))
            {
                break;
            }
            await cashier.Keyboard.PressAsync("ArrowDown");
            try
            {
                await cashier.WaitForFunctionAsync($"b => ({highlighted})() !== b", before, new() { Timeout = 1000 });
            }
            catch (TimeoutException)
            {
                // dropped: press again
            }
        }
        await cashier.Keyboard.PressAsync("Enter");
        await Expect(cashier.Locator("[data-testid=reg-department]"), "内科");
        await cashier.Keyboard.PressAsync("F4");
        await Expect(cashier.Locator("[data-testid=reg-done]"), "挂号成功");
        await cashier.WaitForFunctionAsync("() => document.activeElement && document.activeElement.matches('[data-testid=reg-pay]')");
        await cashier.Keyboard.PressAsync("Enter");

        await cashier.WaitForURLAsync("**/billing/cashier?visit=*");
        await WaitInteractive(cashier);
        await Expect(cashier.Locator("[data-testid=visit-charges]"), "挂号费");
        await cashier.Keyboard.PressAsync("F2");
        await cashier.Keyboard.TypeAsync("20");
        await Expect(cashier.Locator("[data-testid=change]"), "找零");
        await cashier.Keyboard.PressAsync("Enter");
        await Expect(cashier.Locator("[data-testid=paid]"), "找零");
        await cashier.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "25-keyboard-counter-paid.png"), FullPage = true });
    }

    [Theory]
    [InlineData("cashier", "今日收费", "待收费")]
    [InlineData("doctor", "今日门诊", "候诊")]
    [InlineData("pharmacist", "今日药房", "近效期")]
    [InlineData("villagedoctor", "慢病随访", "已逾期")]
    [InlineData("cdc", "传染病报告", "待审核")]
    [InlineData("admin", "人员与账户", "审计日志")]
    public async Task Each_roles_home_page_opens_on_its_day(string account, string card, string figure)
    {
        var page = await server.SignInAsync(account);
        await page.GotoAsync(server.BaseUrl + "/");
        await WaitInteractive(page);
        await Expect(page.Locator("body"), card);
        await Expect(page.Locator("body"), figure);
        if (account != "admin")
        {
            Assert.Equal(1, await page.Locator("[data-testid=home-card]").Filter(new() { HasText = card }).CountAsync());
        }
        else
        {
            Assert.Equal(0, await page.Locator("[data-testid=home-card]").CountAsync()); // the administrator keeps no desk of patients
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, $"26-home-{account}.png"), FullPage = true });
    }
}

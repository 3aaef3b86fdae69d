using System.Net.Http.Json;
using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;

namespace CountyHealth.BrowserTests;

/// <summary>Accounts as people manage them: a user changes her password, the administrator stops an account and its open screen ends.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountTests(SqliteServerFixture server)
{
    [Fact]
    public async Task A_new_password_ends_the_session_and_the_next_sign_in_uses_it()
    {
        var userName = await NewCashierAsync("Start2026x");
        var page = await server.SignInAsync(userName, "Start2026x");
        await page.ClickAsync("[data-testid=change-password-link]");
        await WaitInteractive(page);
        var fields = page.Locator("[data-testid=change-password] input");
        await fields.Nth(0).FillAsync("Start2026x");
        await fields.Nth(1).FillAsync("short");
        await fields.Nth(2).FillAsync("short");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await Expect(page.Locator("[data-testid=change-password]"), "新密码须为8～128位，且至少含一个数字");

        await fields.Nth(1).FillAsync("Changed2027y");
        await fields.Nth(2).FillAsync("Changed2027y");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await page.WaitForURLAsync(server.BaseUrl + "/login?error=changed");
        await Expect(page.Locator("[data-testid=login-error]"), "密码已修改，请用新密码重新登录");
        await page.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "22-password-changed.png") });

        var again = await server.SignInAsync(userName, "Changed2027y");
        Assert.EndsWith("/", again.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_stops_an_account_and_its_open_screen_is_signed_out()
    {
        var userName = await NewCashierAsync("Stop2026x");
        var cashier = await server.SignInAsync(userName, "Stop2026x");
        await cashier.GotoAsync(server.BaseUrl + "/residents");
        await WaitInteractive(cashier);

        var admin = await server.SignInAsync("admin");
        await admin.GotoAsync(server.BaseUrl + "/admin/staff");
        await WaitInteractive(admin);
        var row = admin.Locator($"tr[data-user='{userName}']");
        await row.GetByText("调整账户").ClickAsync();
        await admin.Locator("[data-testid=account-editor] .mud-switch input").ClickAsync();
        await admin.Locator("[data-testid=account-editor]").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(admin.Locator($"tr[data-user='{userName}']"), "已停用");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "23-account-stopped.png"), FullPage = true });

        // Her next action finds the session ended and takes her to the sign-in page, which says why.
        await Input(cashier, "resident-query").FillAsync("W");
        await cashier.ClickAsync("[data-testid=resident-search]");
        await cashier.WaitForURLAsync(server.BaseUrl + "/login?error=expired");
        await Expect(cashier.Locator("[data-testid=login-error]"), "登录已失效");
    }

    /// <summary>A cashier of 葛仙庄镇卫生院 with a staff record and an account, made through the API as the administrator.</summary>
    private async Task<string> NewCashierAsync(string password)
    {
        using var admin = await server.ApiAsync("admin");
        var institutions = await ScreenWalkTests.ReadAsync(await admin.GetAsync(new Uri("/api/v1/institutions", UriKind.Relative)));
        var township = institutions.EnumerateArray().First(i => i.GetProperty("name").GetString() == "葛仙庄镇卫生院").GetProperty("id").GetString();
        var name = "测试" + (char)('甲' + Random.Shared.Next(0, 9));
        var staff = await ScreenWalkTests.ReadAsync(await admin.PostAsJsonAsync("/api/v1/staff", new { institutionId = township, departmentId = (string?)null, name, title = (string?)null, phone = (string?)null }));
        var userName = "e2e." + Guid.NewGuid().ToString("N")[..8];
        await ScreenWalkTests.ReadAsync(await admin.PostAsJsonAsync("/api/v1/users",
            new { userName, fullName = name, password, institutionId = township, staffId = staff.GetProperty("id").GetString(), roles = new[] { "cashier" } }));
        return userName;
    }
}

using CountyHealth.Tests.Resilience;
using Microsoft.Playwright;
using Xunit;

namespace CountyHealth.BrowserTests;

/// <summary>
/// Starts the real CountyHealth server from its build output on a free loopback port with a fresh SQLite data
/// folder (the demo county is seeded on first start, as for a user), and Debian's Chromium through Playwright.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "countyhealth-e2e-" + Guid.NewGuid().ToString("N"));
    private ServerProcess? server;

    public string BaseUrl => server?.BaseUrl ?? "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string ScreenshotFolder { get; } = Path.Combine(Environment.GetEnvironmentVariable("COUNTYHEALTH_ARTIFACTS") ?? Path.Combine(ServerProcess.RepoRoot(), "artifacts"), "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        server = new ServerProcess(["--Database:DataFolder=" + dataFolder]);
        await server.StartAsync();

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new browser context signed in as the demo account.</summary>
    public async Task<IPage> SignInAsync(string userName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20000);
        await page.GotoAsync(BaseUrl + "/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", "Demo2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Playwright?.Dispose();
        if (server is not null)
        {
            await server.KillAsync();
            // The server's own log is kept beside the screenshots for whoever reads a failure.
            File.WriteAllText(Path.Combine(ScreenshotFolder, "..", "e2e-server.log"), server.Log);
        }
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "browser";
}

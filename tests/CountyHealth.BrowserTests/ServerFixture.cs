using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Xunit;

namespace CountyHealth.BrowserTests;

/// <summary>
/// Starts the real CountyHealth server from its build output on a free loopback port with a fresh SQLite data
/// folder (the demo county is seeded on first start, as for a user), and Debian's Chromium through Playwright.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private Process? server;
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "countyhealth-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly System.Text.StringBuilder log = new();

    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string ScreenshotFolder { get; } = Path.Combine(Environment.GetEnvironmentVariable("COUNTYHEALTH_ARTIFACTS") ?? Path.Combine(RepoRoot(), "artifacts"), "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var bin = Path.Combine(RepoRoot(), "src", "CountyHealth.Server", "bin", configuration, "net10.0");
        var dll = Path.Combine(bin, "CountyHealth.Server.dll");
        Assert.True(File.Exists(dll), $"Server not built: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = bin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--urls", BaseUrl, "--Database:DataFolder=" + dataFolder })
        {
            start.ArgumentList.Add(a);
        }
        server = Process.Start(start)!;
        server.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        await WaitForHealth();

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private async Task WaitForHealth()
    {
        using var http = new HttpClient();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (server!.HasExited)
            {
                break;
            }
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException("The server did not become healthy:\n" + log);
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
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        // The server's own log is kept beside the screenshots for whoever reads a failure.
        lock (log)
        {
            File.WriteAllText(Path.Combine(ScreenshotFolder, "..", "e2e-server.log"), log.ToString());
        }
        server?.Dispose();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CountyHealth.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "browser";
}

using CountyHealth.Tests.Resilience;
using Microsoft.Playwright;
using Npgsql;
using Xunit;

namespace CountyHealth.BrowserTests;

/// <summary>
/// Starts the real CountyHealth server from its build output on a free loopback port with a fresh database (a SQLite
/// data folder, or a new database on the PostgreSQL server the test command started; the demo county is seeded on
/// first start, as for a user), and Debian's Chromium through Playwright.
/// </summary>
public abstract class ServerFixture(string provider) : IAsyncLifetime
{
    public const string PostgresVariable = "COUNTYHEALTH_TEST_PG";

    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "countyhealth-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly string databaseName = "ch_e2e_" + Guid.NewGuid().ToString("N");
    private ServerProcess? server;

    public string Provider => provider;
    public string BaseUrl => server?.BaseUrl ?? "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots of the SQLite run in artifacts/screenshots, of the PostgreSQL run in artifacts/screenshots/postgres.</summary>
    public string ScreenshotFolder => Path.Combine(Environment.GetEnvironmentVariable("COUNTYHEALTH_ARTIFACTS") ?? Path.Combine(ServerProcess.RepoRoot(), "artifacts"),
        "screenshots", provider == "Postgres" ? "postgres" : "");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        server = new ServerProcess(provider == "Postgres"
            ? ["--Database:Provider=Postgres", $"--ConnectionStrings:CountyHealth={await CreateDatabaseAsync()};Database={databaseName}"]
            : ["--Database:DataFolder=" + dataFolder]);
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
    public Task<IPage> SignInAsync(string userName) => SignInAsync(userName, "Demo2026");

    /// <summary>A new browser context signed in with the given password.</summary>
    public async Task<IPage> SignInAsync(string userName, string password)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20000);
        await page.GotoAsync(BaseUrl + "/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>An HTTP client for the API, signed in with a bearer token (for test data the browser does not need to type).</summary>
    public async Task<HttpClient> ApiAsync(string userName, string password = "Demo2026")
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var response = await http.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative),
            new StringContent(System.Text.Json.JsonSerializer.Serialize(new { userName, password }), System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {userName}: {(int)response.StatusCode} {body}");
        using var token = System.Text.Json.JsonDocument.Parse(body);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        return http;
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
            File.WriteAllText(Path.Combine(ScreenshotFolder, $"e2e-server-{provider.ToLowerInvariant()}.log"), server.Log);
        }
        if (provider == "Postgres")
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        }
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<string> CreateDatabaseAsync()
    {
        await ExecuteAsync($"CREATE DATABASE \"{databaseName}\"");
        return Server();
    }

    private static string Server() => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException($"The browser tests on PostgreSQL need {PostgresVariable} (scripts/test.sh starts a private server and sets it).");

    private static async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection($"{Server()};Database=postgres;Pooling=false");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>The server on the embedded default, SQLite.</summary>
public sealed class SqliteServerFixture() : ServerFixture("Sqlite");

/// <summary>The server on PostgreSQL.</summary>
public sealed class PostgresServerFixture() : ServerFixture("Postgres");

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SqliteServerFixture>
{
    public const string Name = "browser";
}

[CollectionDefinition(Name)]
public sealed class PostgresBrowserCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "browser on PostgreSQL";
}

using System.Collections.Concurrent;
using CountyHealth.Kernel.Data;
using CountyHealth.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// The real host on one database provider with the demo county seeded: SQLite in a fresh temp folder, or a fresh
/// PostgreSQL database on the server named by COUNTYHEALTH_TEST_PG (created before the host starts, dropped afterwards).
/// </summary>
public abstract class CountyHealthFactory(string provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PostgresVariable = "COUNTYHEALTH_TEST_PG";

    private readonly ConcurrentDictionary<string, Lazy<Task<ApiClient>>> clients = new(StringComparer.Ordinal);
    private string? dataFolder;
    private string? serverConnectionString;
    private string? databaseName;

    public string Provider => provider;

    /// <summary>The host's clock (see <see cref="TestClock"/>).</summary>
    public FakeTimeProvider Clock { get; } = TestClock.Create();

    /// <summary>A client signed in as the account (demo password unless given); one per account and host.</summary>
    public Task<ApiClient> As(string userName) =>
        clients.GetOrAdd(userName, name => new Lazy<Task<ApiClient>>(() => SignInAsync(name, DemoAccounts.Password))).Value;

    public async Task<ApiClient> SignInAsync(string userName, string password)
    {
        var client = new ApiClient(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await client.SignInAsync(userName, password);
        return client;
    }

    public ApiClient Anonymous() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("Seed:Demo", "true");
        // The demo township's generated history stays out of the API tests: they count what they do themselves.
        builder.UseSetting("Seed:DemoHistory", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        if (provider == DatabaseProviders.Postgres)
        {
            builder.UseSetting("ConnectionStrings:CountyHealth", $"{serverConnectionString};Database={databaseName}");
        }
        else
        {
            builder.UseSetting("Database:DataFolder", dataFolder);
        }
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        if (provider == DatabaseProviders.Postgres)
        {
            await CreatePostgresDatabaseAsync();
        }
        else
        {
            dataFolder = Directory.CreateTempSubdirectory("countyhealth-it-").FullName;
        }
        // Starts the host: Program migrates and seeds before it serves.
        using var warmUp = CreateClient();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in clients.Values.Where(c => c.IsValueCreated))
        {
            (await client.Value).Dispose();
        }
        await DisposeAsync();
        if (databaseName is not null)
        {
            await DropPostgresDatabaseAsync();
        }
        if (dataFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private async Task CreatePostgresDatabaseAsync()
    {
        serverConnectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(serverConnectionString))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL integration tests need the environment variable {PostgresVariable}, e.g. " +
                "\"Host=127.0.0.1;Port=55432;Username=postgres\" (scripts/test.sh starts a private server and sets it).");
        }
        databaseName = $"ch_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{databaseName}\"");
    }

    private async Task DropPostgresDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var conn = new NpgsqlConnection($"{serverConnectionString};Database=postgres;Pooling=false");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>The shared SQLite host.</summary>
public sealed class SqliteHost() : CountyHealthFactory(DatabaseProviders.Sqlite);

/// <summary>The shared PostgreSQL host.</summary>
public sealed class PostgresHost() : CountyHealthFactory(DatabaseProviders.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHost>
{
    public const string Name = "SQLite host";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHost>
{
    public const string Name = "PostgreSQL host";
}

using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Diagnostics;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CountyHealth.Server.Hosting;

/// <summary>Chooses the provider from configuration: SQLite (embedded default, a file under ./data) or PostgreSQL.</summary>
internal static class DatabaseSetup
{
    public static string Provider(IConfiguration config) =>
        string.Equals(config["Database:Provider"], DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase) ? DatabaseProviders.Postgres : DatabaseProviders.Sqlite;

    public static string ConnectionString(IConfiguration config)
    {
        var cs = config.GetConnectionString("CountyHealth");
        if (!string.IsNullOrWhiteSpace(cs))
        {
            return Provider(config) == DatabaseProviders.Postgres ? TunePostgres(cs) : cs;
        }
        if (Provider(config) == DatabaseProviders.Postgres)
        {
            throw new InvalidOperationException("PostgreSQL needs ConnectionStrings:CountyHealth (e.g. Host=127.0.0.1;Database=countyhealth;Username=…;Password=…)");
        }
        var folder = Path.GetFullPath(config["Database:DataFolder"] ?? "data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "countyhealth.db"), Pooling = true }.ToString();
    }

    /// <summary>
    /// Keeps prepared statements across pooled connections unless the connection string says otherwise: the server
    /// sets no session state, so the DISCARD ALL on every return is pure cost, and re-planning each statement cost
    /// a third of the outpatient day's throughput (31 → 47 visits/s at 16 users on the county, bench/results).
    /// Pools eight connections per core unless told otherwise: more backends than that only make PostgreSQL switch
    /// between them and spread each prepared statement over more connections (100 → 16 on 2 cores: 66 → 83–96
    /// visits/s at 64 users, and PostgreSQL's CPU per visit from about 15 to 9 ms; bench/results).
    /// </summary>
    public static string TunePostgres(string cs)
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        if (!cs.Contains("Pool Size", StringComparison.OrdinalIgnoreCase) && !cs.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            b.MaxPoolSize = Math.Max(8, Environment.ProcessorCount * 8);
        }
        if (!cs.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            b.NoResetOnClose = true;
        }
        if (!cs.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            b.MaxAutoPrepare = 100;
        }
        return b.ConnectionString;
    }

    /// <summary>
    /// The one DbContext, pooled: renting a context from the pool skips building EF's services for every request. The
    /// interceptors are singletons; the scope that rents a context sets who acts through it.
    /// </summary>
    public static IServiceCollection AddCountyHealthDatabase(this IServiceCollection services, IConfiguration config, IEnumerable<System.Reflection.Assembly> modules)
    {
        var provider = Provider(config);
        var cs = ConnectionString(config);
        var parts = modules.ToList();
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<ServerCounters>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<SingleBatchSaves>();
        services.AddSingleton<FactChangeInterceptor>();
        services.AddPooledDbContextFactory<CountyHealthDb>((sp, o) =>
        {
            if (provider == DatabaseProviders.Postgres)
            {
                o.UseNpgsql(cs, n => n.MigrationsAssembly(DatabaseProviders.PostgresMigrations));
            }
            else
            {
                o.UseSqlite(cs, s => s.MigrationsAssembly(DatabaseProviders.SqliteMigrations));
                o.AddInterceptors(sp.GetRequiredService<SqlitePragmas>());
                // SQLite rebuilds a table to change a constraint, switching foreign keys off around it, which cannot
                // happen inside the migration's transaction; EF says so on every first start. Upgrades of a county's
                // database run after the backup verb, so the warning tells an operator nothing to act on.
                o.ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
                // StretchedContracts fills the new charge kinds from the old column before SQLite's rebuild drops it:
                // the order EF warns about is the intended one.
                o.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.SqliteEventId.TableRebuildPendingWarning));
            }
            o.UseModelParts(parts);
            // The audit rows first: the single-batch decision counts them.
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<FactChangeInterceptor>(), sp.GetRequiredService<SingleBatchSaves>(), sp.GetRequiredService<ServerCounters>());
            // A page or a first row of a query without an order can come back different each time: a bug, not a warning.
            o.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        }, poolSize: 512);
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<CountyHealthDb>>().CreateDbContext();
            db.Actor = sp.GetRequiredService<ICurrentUser>();
            return db;
        });
        return services;
    }

    /// <summary>
    /// Applies pending migrations (an existing SQLite file is copied aside first, so a failed migration loses nothing),
    /// then puts the administrator's corrections of the reference tables in force, before anything reads them.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, ILogger log, TimeProvider clock)
    {
        await ApplyMigrationsAsync(services, log, clock);
        await Platform.ReferenceTables.ReferenceTableLoader.LoadAsync(services, log, CancellationToken.None);
    }

    private static async Task ApplyMigrationsAsync(IServiceProvider services, ILogger log, TimeProvider clock)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        // A new database has no history table: asking it for applied migrations would log a failed command as an error.
        var fresh = !await db.GetService<IHistoryRepository>().ExistsAsync();
        var pending = fresh ? db.Database.GetMigrations().ToList() : (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count == 0)
        {
            return;
        }
        if (db.IsSqlite)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (!fresh && File.Exists(file) && new FileInfo(file).Length > 0 && (await db.Database.GetAppliedMigrationsAsync()).Any())
            {
                var backup = $"{file}.{clock.GetUtcNow():yyyyMMddHHmmss}.before-migration";
                await using (var conn = new SqliteConnection(db.Database.GetConnectionString()))
                {
                    await conn.OpenAsync();
                    await using var cmd = conn.CreateCommand();
                    cmd.CommandText = "VACUUM INTO $path";
                    cmd.Parameters.AddWithValue("$path", backup);
                    await cmd.ExecuteNonQueryAsync();
                }
                log.LogInformation("Backed up {File} to {Backup} before migrating", file, backup);
            }
        }
        log.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
        // A migration that backfills or indexes a county's residents runs for minutes, not the 30 s of a request.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        await db.Database.MigrateAsync();
        if (!fresh && pending.Any(m => m.EndsWith("_" + StoredAuditText.Migration, StringComparison.Ordinal)))
        {
            // Rows written before search text was masked: masked once, now, so that no full number stays stored.
            var masked = await StoredAuditText.MaskAsync(db);
            log.LogInformation("Masked ID and phone numbers in {Count} stored audit rows", masked);
        }
    }
}

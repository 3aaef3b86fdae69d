using CountyHealth.Kernel.Data;
using CountyHealth.Server.Generation;
using CountyHealth.Server.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Server.Hosting;

internal static class Startup
{
    /// <summary>Migrates, then seeds the demo county into an empty database when Seed:Demo is on (the embedded default).</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CountyHealth.Startup");
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await DatabaseSetup.MigrateAsync(app.Services, log, clock);
        await using (var optimize = app.Services.CreateAsyncScope())
        {
            var db = optimize.ServiceProvider.GetRequiredService<CountyHealthDb>();
            if (db.IsSqlite)
            {
                // Keeps the planner's statistics current (cheap; analyses only tables that need it).
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize");
            }
        }
        if (app.Configuration.GetValue("Seed:Demo", true))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (await seeder.SeedIfEmptyAsync(CancellationToken.None))
            {
                log.LogInformation("Seeded the demo county");
            }
        }
    }

    /// <summary>`generate --residents N --seed S --years Y`: a synthetic county of any size (default: seed 001's 1,845,400 residents).</summary>
    public static async Task GenerateAsync(WebApplication app)
    {
        var d = GenerationOptions.Default;
        var options = new GenerationOptions(
            app.Configuration.GetValue("residents", d.Residents),
            app.Configuration.GetValue("seed", d.Seed),
            app.Configuration.GetValue("years", d.Years),
            app.Configuration.GetValue("visits-per-resident-year", d.VisitsPerResidentYear));
        await using var scope = app.Services.CreateAsyncScope();
        var generator = scope.ServiceProvider.GetRequiredService<CountyGenerator>();
        Console.WriteLine($"Generating a county of {options.Residents:N0} residents, {options.Years} years of visits, seed {options.Seed} …");
        var report = await generator.GenerateAsync(options, Console.WriteLine, CancellationToken.None);
        foreach (var (table, rows) in report.RowsByTable.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {table,-24} {rows,14:N0}");
        }
        Console.WriteLine($"{report.Rows:N0} rows in {report.Elapsed.TotalSeconds:N1} s = {report.RowsPerSecond:N0} rows/s");
    }

    /// <summary>`backup --to FILE`, `restore --from FILE` (into a new, empty database), `verify`: row counts and checksums of every table.</summary>
    public static async Task<int> BackupVerbAsync(WebApplication app, string verb)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        switch (verb)
        {
            case "backup":
                var to = app.Configuration["to"] ?? throw new InvalidOperationException("backup needs --to FILE");
                var manifest = await Operations.Backup.BackupAsync(db, to, CancellationToken.None);
                Console.WriteLine($"Backed up {manifest.Count} tables, {manifest.Sum(m => m.Rows):N0} rows, to {to} (manifest: {to}.manifest)");
                return 0;
            case "restore":
                var from = app.Configuration["from"] ?? throw new InvalidOperationException("restore needs --from FILE");
                var problems = await Operations.Backup.RestoreAsync(db, from, CancellationToken.None);
                foreach (var p in problems)
                {
                    Console.Error.WriteLine("MISMATCH " + p);
                }
                Console.WriteLine(problems.Count == 0 ? $"Restored {from}: every table's row count and checksum match the backup" : $"Restore of {from} does not match its manifest");
                return problems.Count == 0 ? 0 : 1;
            default:
                foreach (var f in await Operations.Backup.FingerprintAsync(db, CancellationToken.None))
                {
                    Console.WriteLine($"{f.Table,-28} {f.Rows,14:N0}  {f.Sha256}");
                }
                return 0;
        }
    }

    public static void PrintBanner(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var provider = DatabaseSetup.Provider(app.Configuration);
            var lines = new List<string>
            {
                "",
                "==============================================================",
                " CountyHealth 区县卫生健康信息平台 is running",
                $" Database: {provider}" + (provider == DatabaseProviders.Sqlite ? $" ({Path.GetFullPath(app.Configuration["Database:DataFolder"] ?? "data")})" : ""),
            };
            lines.AddRange(addresses.Select(a => $" Open: {a}"));
            lines.Add($" API reference: {addresses.FirstOrDefault()}/api-docs   Health: {addresses.FirstOrDefault()}/health");
            lines.Add($" Demo accounts (password for all: {DemoSeeder.DemoPassword}):");
            lines.AddRange(DemoSeeder.Accounts.Select(a => $"   {a.UserName,-16} {a.RoleName,-8} {a.InstitutionName}"));
            lines.Add("==============================================================");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }
}

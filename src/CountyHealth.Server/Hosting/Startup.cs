using CountyHealth.Kernel.Data;
using CountyHealth.Server.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CountyHealth.Server.Hosting;

internal static class Startup
{
    /// <summary>Migrates, then seeds the demo county into an empty database when Seed:Demo is on (the embedded default).</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CountyHealth.Startup");
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await DatabaseSetup.MigrateAsync(app.Services, log, clock);
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

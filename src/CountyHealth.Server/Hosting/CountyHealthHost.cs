using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Diagnostics;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Server.Components;
using CountyHealth.Server.Operations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Scalar.AspNetCore;
using Serilog;

namespace CountyHealth.Server.Hosting;

/// <summary>The one host: its services from the module catalogue, the database, and (for serving) the HTTP pipeline.</summary>
internal static class CountyHealthHost
{
    /// <summary>Builds the application with every module's services; <paramref name="args"/> are configuration settings.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Serve MudBlazor's and Blazor's assets from the build output too, so `dotnet run` works outside Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Host.UseSerilog((ctx, log) => log.ReadFrom.Configuration(ctx.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddCountyHealthDatabase(builder.Configuration, ModuleCatalogue.All.Select(m => m.GetType().Assembly));
        services.AddCountyHealthAuth();
        services.AddCountyHealthTelemetry(builder.Configuration);
        services.AddSingleton(new DeclaredPermissions(ModuleCatalogue.All.SelectMany(m => m.Permissions).ToList()));
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditWriter>();
        services.AddScoped<AccessMemory>();
        services.AddSingleton<PageVisits>();
        services.AddScoped<PageVisit>();
        services.AddScoped<DomainEvents>();
        services.AddScoped<BeforeCommit>();
        services.AddScoped(typeof(UiHandler<>));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = StatusTitles.Translate);
        services.AddInputDoor();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "CountyHealth 区县卫生健康信息平台 API";
            doc.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddLocalization();
        // Messages appear bottom left, over the menu rather than the page's own buttons (top right holds 完成接诊, 收费 …).
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft;
            config.SnackbarConfiguration.VisibleStateDuration = 4000;
            config.SnackbarConfiguration.MaxDisplayedSnackbars = 2;
        });
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<DemoCounty>();
        services.AddScoped<CountyGenerator>();
        services.AddSingleton<ITableReload, TableReload>();

        foreach (var module in ModuleCatalogue.All)
        {
            var assembly = module.GetType().Assembly;
            services.AddUseCases(assembly);
            services.AddAuditedRecords(assembly);
            module.AddServices(services);
        }
        return builder.Build();
    }

    /// <summary>Migrates, then seeds the demo county into an empty database when Seed:Demo is on (the embedded default).</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CountyHealth.Startup");
        await DatabaseSetup.MigrateAsync(app.Services, log, app.Services.GetRequiredService<TimeProvider>());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        if (db.IsSqlite)
        {
            // Keeps the planner's statistics current (cheap; analyses only tables that need it).
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize");
        }
        if (app.Configuration.GetValue("Seed:Demo", true)
            && await scope.ServiceProvider.GetRequiredService<DemoCounty>().SeedIfEmptyAsync(CancellationToken.None)
            && app.Configuration.GetValue("Seed:DemoHistory", true))
        {
            // Two years of the demo township's outpatient history, so its figures have a last year (同比) and a last month (环比).
            var history = new GenerationOptions(app.Configuration.GetValue("Seed:DemoHistoryResidents", 3_000), GenerationOptions.Default.Seed, 2,
                GenerationOptions.Default.VisitsPerResidentYear, IntoDemoTownship: true);
            var report = await scope.ServiceProvider.GetRequiredService<CountyGenerator>().GenerateAsync(history, _ => { }, CancellationToken.None);
            log.LogInformation("Seeded the demo township's history: {Visits:N0} visits of {Residents:N0} residents", report.RowsByTable.GetValueOrDefault("visits"),
                report.RowsByTable.GetValueOrDefault("residents"));
            log.LogInformation("Seeded the demo county's aggregate reports: {Reports:N0}", await Indicators.Facts.AggregateDemo.SeedAsync(scope.ServiceProvider, CancellationToken.None));
        }
        await RefreshSearchKeysAsync(scope.ServiceProvider, atStart: true, log, CancellationToken.None);
        await Indicators.MonthlyTables.BuildIfNeverBuiltAsync(scope.ServiceProvider, line => log.LogInformation("Monthly tables: {Line}", line), CancellationToken.None);
    }

    /// <summary>
    /// Rewrites stored search keys that this version's pinyin tables, rules and alias lists would write otherwise: at
    /// start the reference tables' (a few thousand rows), on the reindex-pinyin verb every table's; returns the rows changed.
    /// </summary>
    public static async Task<int> RefreshSearchKeysAsync(IServiceProvider services, bool atStart, Microsoft.Extensions.Logging.ILogger log, CancellationToken ct)
    {
        var total = 0;
        var countySized = new List<string>();
        foreach (var refresh in services.GetServices<ISearchKeyRefresh>())
        {
            if (atStart && !refresh.AtStart)
            {
                countySized.Add(refresh.Table);
                continue;
            }
            var changed = await refresh.RefreshAsync(ct);
            total += changed;
            log.Log(changed > 0 ? LogLevel.Information : LogLevel.Debug, "Search keys of {Table}: {Rows} rows rewritten", refresh.Table, changed);
        }
        if (atStart && total > 0 && countySized.Count > 0)
        {
            // The reference tables' keys were stale, so the county-sized ones written by the same old code may be too.
            log.LogWarning("Search keys changed with this version; run the reindex-pinyin verb once to rewrite those of {Tables}", string.Join(", ", countySized));
        }
        return total;
    }

    /// <summary>The HTTP pipeline: errors, localisation, sign-in, the API, the OpenAPI document, health and the screens.</summary>
    public static void MapPipeline(WebApplication app)
    {
        var counters = app.Services.GetRequiredService<ServerCounters>();
        app.Use((ctx, next) =>
        {
            counters.CountRequest();
            return next(ctx);
        });
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization(UiCulture.Options);
        app.UseSerilogRequestLogging();
        app.UseAuthentication();
        app.UseSignInSessions();
        app.UseAuthorization();
        app.UseAntiforgery();

        var openApi = app.MapOpenApi("/openapi/{documentName}.json");
        var reference = app.MapScalarApiReference("/api-docs", o => o.WithTitle("CountyHealth API"));
        if (app.Configuration.GetValue("Api:DocsRequireSignIn", false))
        {
            // Closed to anonymous callers: the document lists every operation an attacker could try.
            openApi.RequireAuthorization(CountyHealth.Platform.Contracts.PlatformPermissions.ReferenceRead);
            reference.RequireAuthorization(CountyHealth.Platform.Contracts.PlatformPermissions.ReferenceRead);
        }
        app.MapHealthChecks("/health");
        app.MapGet("/culture/{name}", UiCulture.Switch).ExcludeFromDescription();
        var api = app.MapApiDoor();
        foreach (var module in ModuleCatalogue.All)
        {
            module.MapEndpoints(api);
        }
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(UiAssemblies.Modules);
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
            lines.Add($" Demo accounts (password for all: {DemoAccounts.Password}):");
            lines.AddRange(DemoAccounts.All.Select(a => $"   {a.UserName,-16} {a.RoleName,-8} {a.InstitutionName}"));
            lines.Add("==============================================================");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        });
    }
}

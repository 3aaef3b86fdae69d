using CountyHealth.Billing;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient;
using CountyHealth.Pharmacy;
using CountyHealth.Platform;
using CountyHealth.Residents;
using CountyHealth.Server.Components;
using CountyHealth.Server.Generation;
using CountyHealth.Server.Hosting;
using CountyHealth.Server.Seeding;
using MudBlazor.Services;
using Scalar.AspNetCore;
using Serilog;

// Verbs: serve (default) | migrate | seed. The same host builds the services for each.
var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
var hostArgs = verb == "serve" && (args.Length == 0 || args[0].StartsWith('-')) ? args : args.Skip(1).ToArray();

var builder = WebApplication.CreateBuilder(hostArgs);
// Serve MudBlazor's and Blazor's assets from the build output too, so `dotnet run` works outside Development.
builder.WebHost.UseStaticWebAssets();
builder.Host.UseSerilog((ctx, log) => log.ReadFrom.Configuration(ctx.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddCountyHealthDatabase(builder.Configuration);
builder.Services.AddCountyHealthAuth();
builder.Services.AddScoped<DomainEvents>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "CountyHealth 区县卫生健康信息平台 API";
    doc.Info.Version = "v1";
    return Task.CompletedTask;
}));
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddLocalization();
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddScoped<CountyGenerator>();

builder.Services
    .AddPlatform()
    .AddResidents()
    .AddPharmacy()
    .AddBilling()
    .AddOutpatient();

var app = builder.Build();

if (verb is "backup" or "restore" or "verify")
{
    return await Startup.BackupVerbAsync(app, verb);
}
await Startup.PrepareDatabaseAsync(app);
if (verb is "migrate" or "seed")
{
    return 0;
}
if (verb == "generate")
{
    await Startup.GenerateAsync(app);
    return 0;
}

var counters = app.Services.GetRequiredService<CountyHealth.Kernel.Diagnostics.ServerCounters>();
app.Use((ctx, next) =>
{
    counters.CountRequest();
    return next(ctx);
});
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization(UiCulture.Options);
app.UseSerilogRequestLogging();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/api-docs", o => o.WithTitle("CountyHealth API"));
app.MapHealthChecks("/health");
app.MapGet("/culture/{name}", UiCulture.Switch).ExcludeFromDescription();

app.MapPlatform();
app.MapResidents();
app.MapPharmacy();
app.MapBilling();
app.MapOutpatient();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddAdditionalAssemblies(UiAssemblies.Modules);

Startup.PrintBanner(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CountyHealth.Server.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core, EF Core and Npgsql — off unless configured, so a server that
/// nobody watches pays nothing. <c>Telemetry:Otlp:Endpoint</c> (e.g. http://127.0.0.1:4317) sends them to a collector
/// (Jaeger, Tempo, Prometheus…); <c>Telemetry:Console=true</c> prints them; <c>Telemetry:Enabled=true</c> instruments
/// without an exporter (for tests that add their own).
/// </summary>
internal static class Telemetry
{
    public const string ServiceName = "CountyHealth";

    public static IServiceCollection AddCountyHealthTelemetry(this IServiceCollection services, IConfiguration config)
    {
        var otlp = config["Telemetry:Otlp:Endpoint"];
        var console = config.GetValue("Telemetry:Console", false);
        if (string.IsNullOrWhiteSpace(otlp) && !console && !config.GetValue("Telemetry:Enabled", false))
        {
            return services;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation().AddNpgsql();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
                if (console)
                {
                    t.AddConsoleExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
                if (console)
                {
                    m.AddConsoleExporter();
                }
            });
        return services;
    }
}

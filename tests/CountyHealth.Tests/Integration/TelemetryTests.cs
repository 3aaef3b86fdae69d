using System.Diagnostics;
using CountyHealth.Kernel.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>OpenTelemetry is off unless configured; switched on, a request is traced through ASP.NET Core down to its SQL.</summary>
public sealed class TelemetryTests(TelemetryTests.TracedHost traced) : IClassFixture<TelemetryTests.TracedHost>
{
    [Fact]
    public async Task A_traced_request_shows_its_http_span_and_its_database_commands()
    {
        var cashier = await traced.As(DemoAccounts.Cashier);
        await cashier.GetAsync<CountyHealth.Kernel.Web.Page<CountyHealth.Residents.Contracts.ResidentRow>>("/api/v1/residents?q=ZS");
        traced.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var spans = traced.Spans.ToList();
        var request = Assert.Single(spans, s => s.Kind == ActivityKind.Server && (s.DisplayName.Contains("/api/v1/residents", StringComparison.Ordinal) || Equals(s.GetTagItem("url.path"), "/api/v1/residents")));
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && s.TraceId == request.TraceId && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
    }

    /// <summary>The SQLite host with telemetry switched on and an in-memory exporter.</summary>
    public sealed class TracedHost() : CountyHealthFactory(DatabaseProviders.Sqlite)
    {
        public List<Activity> Spans { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Telemetry:Enabled", "true");
            builder.ConfigureTestServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans)));
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using CountyHealth.Kernel.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>OpenTelemetry is off unless configured; switched on, a request is traced through ASP.NET Core down to its SQL.</summary>
public sealed class TelemetryTests(TelemetryTests.TracedHost traced) : IClassFixture<TelemetryTests.TracedHost>
{
    [Fact]
    public async Task A_traced_request_shows_its_http_span_and_its_database_commands()
    {
        // The trace is named by the caller, so spans of other hosts running in parallel (the listener is process-wide) do not count.
        var trace = ActivityTraceId.CreateRandom();
        var cashier = await traced.As(DemoAccounts.Cashier);
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/residents?q=ZS", UriKind.Relative));
        get.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await cashier.SendAsync(get);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        // The server's span ends after the response has reached the client (the hosting layer stops it on completion):
        // wait for it to be exported rather than read the collector at once.
        var spans = new List<Activity>();
        for (var wait = 0; wait < 100 && !spans.Any(s => s.Kind == ActivityKind.Server); wait++)
        {
            traced.Services.GetRequiredService<TracerProvider>().ForceFlush();
            spans = traced.Spans.Where(s => s.TraceId == trace).ToList();
            if (!spans.Any(s => s.Kind == ActivityKind.Server))
            {
                await Task.Delay(50);
            }
        }
        var request = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.True(request.DisplayName.Contains("/api/v1/residents", StringComparison.Ordinal) || Equals(request.GetTagItem("url.path"), "/api/v1/residents"), request.DisplayName);
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
    }

    /// <summary>The SQLite host with telemetry switched on and its spans collected in memory.</summary>
    public sealed class TracedHost() : CountyHealthFactory(DatabaseProviders.Sqlite)
    {
        public ConcurrentQueue<Activity> Spans { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Telemetry:Enabled", "true");
            builder.ConfigureTestServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new Collector(Spans))));
        }

        /// <summary>Keeps every ended span; spans end on many threads at once.</summary>
        private sealed class Collector(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
        {
            public override void OnEnd(Activity data) => spans.Enqueue(data);
        }
    }
}

using System.Diagnostics;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Time;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Server.Operations;

internal sealed record GenerationReport(long Rows, TimeSpan Elapsed, IReadOnlyDictionary<string, long> RowsByTable)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// Generates a synthetic county, deterministic for a seed, one township at a time: each module's part
/// (<see cref="ISyntheticData"/>) in the order of the module catalogue, sharing one random stream and the bulk writer.
/// The county hangs off the demo county's bureau, which is seeded first when the database is empty.
/// </summary>
internal sealed class CountyGenerator(CountyHealthDb db, DemoCounty demo, IEnumerable<ISyntheticData> parts, TimeProvider clock, ILogger<CountyGenerator> log)
{
    /// <summary>Residents of a township (seed 001's district: 1,845,400 residents in 20 townships).</summary>
    private const int ResidentsPerTownship = 92_270;

    public async Task<GenerationReport> GenerateAsync(GenerationOptions options, Action<string> progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await demo.SeedIfEmptyAsync(ct);
        await using var writer = new BulkWriter(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new GenerationRun(options, ChinaTime.DayOf(now), now, writer)
        {
            Townships = Math.Max(1, (int)Math.Round(options.Residents / (double)ResidentsPerTownship)),
        };
        var steps = parts.ToList();
        foreach (var part in steps)
        {
            await part.PrepareAsync(run, ct);
        }
        // Dropped after the parts' preparations, which read the tables as they are.
        var deferred = options.DeferIndexes ? await DeferredIndexes.DropAsync(db, ct) : [];
        try
        {
            for (var t = 0; t < run.Townships; t++)
            {
                foreach (var part in steps)
                {
                    await part.GenerateTownshipAsync(run, t, ct);
                }
                var rows = writer.Rows;
                progress($"乡镇 {t + 1}/{run.Townships}：居民 {writer.RowsOf("residents"):N0}，就诊 {writer.RowsOf("visits"):N0}；累计 {rows:N0} 行，{rows / Math.Max(watch.Elapsed.TotalSeconds, 0.001):N0} 行/秒");
            }
            progress("等待写入完成 …");
            await writer.FlushAsync(ct);
        }
        finally
        {
            // Built again even when the load failed: a database is never left without them.
            await DeferredIndexes.RestoreAsync(db, deferred, progress, CancellationToken.None);
        }
        // Fresh statistics after a bulk load: without them SQLite's planner may pick an institution-wide index
        // over a visit's own, and PostgreSQL's autovacuum would only catch up later.
        progress("ANALYZE …");
        // A county's hundred million rows take minutes to sample on a small server, not a request's 30 s.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        db.Database.SetCommandTimeout(timeout);
        watch.Stop();
        var report = new GenerationReport(writer.Rows, watch.Elapsed, writer.RowsByTable);
        log.LogInformation("Generated {Rows} rows in {Elapsed} ({RowsPerSecond:N0} rows/s)", report.Rows, report.Elapsed, report.RowsPerSecond);
        return report;
    }
}

using System.Diagnostics;
using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Domain;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CountyHealth.Indicators.Facts;

/// <summary>
/// Keeps the monthly tables (<c>indicator_facts</c>) current: <see cref="RefreshAsync"/> counts again the months that
/// saves marked (<see cref="FactChange"/>), a handful of cells by the sources' own GROUP BY, and replaces them in one
/// transaction with the marks it took; <see cref="RebuildAsync"/> counts every month of every source from scratch.
/// </summary>
internal sealed class FactStore(CountyHealthDb db, IEnumerable<IFactSource> sources, IServiceScopeFactory scopes, TimeProvider clock, ITableReload tables)
{
    /// <summary>The most marks one refresh takes; the rest wait for the next, seconds later.</summary>
    private const int MarksPerRefresh = 5_000;

    /// <summary>
    /// PostgreSQL's advisory lock on the monthly tables: a rebuild holds it alone, the refresher shares it and skips its
    /// turn while a rebuild runs. Else a refresh in the middle of a rebuild would take the marks of a change that a
    /// source had counted before — its figure then lost when the rebuild's rows replace the refreshed ones.
    /// </summary>
    internal const long RebuildLock = 0x1_0F_AC_75;

    /// <summary>Counts the marked months again; the number of (source, institution, month) cells rewritten (0 while a rebuild runs).</summary>
    public Task<int> RefreshAsync(CancellationToken ct) => UnlessRebuildingAsync(RefreshMarksAsync, ct);

    private async Task<int> UnlessRebuildingAsync(Func<CancellationToken, Task<int>> work, CancellationToken ct)
    {
        if (db.IsSqlite)
        {
            return await work(ct);
        }
        await db.Database.OpenConnectionAsync(ct);
        if (!await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_lock_shared({RebuildLock}) AS \"Value\"").SingleAsync(ct))
        {
            return 0;
        }
        try
        {
            return await work(ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock_shared({RebuildLock})", CancellationToken.None);
        }
    }

    private async Task<int> RefreshMarksAsync(CancellationToken ct)
    {
        var marks = await db.Set<FactChange>().AsNoTracking().OrderBy(c => c.Id).Take(MarksPerRefresh).ToListAsync(ct);
        if (marks.Count == 0)
        {
            return 0;
        }
        var current = FactMonths.Of(ChinaTime.Today(clock));
        var cells = new HashSet<FactCell>();
        var bySource = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var m in marks)
        {
            if (!bySource.TryGetValue(m.Source, out var source))
            {
                continue;
            }
            cells.Add(new FactCell(m.Source, m.InstitutionId, m.Month));
            for (var month = FactMonths.Add(m.Month, 1); source.CarriesForward && month <= current; month = FactMonths.Add(month, 1))
            {
                cells.Add(new FactCell(m.Source, m.InstitutionId, month));
            }
        }
        foreach (var group in cells.GroupBy(c => (c.Source, c.Month)))
        {
            var institutions = group.Select(c => c.InstitutionId).ToList();
            var facts = await bySource[group.Key.Source].CountAsync(new FactRange(institutions, group.Key.Month, group.Key.Month), ct);
            await ReplaceAsync(db, db.Set<FactValue>().Where(f => f.Source == group.Key.Source && f.Month == group.Key.Month && institutions.Contains(f.InstitutionId)),
                group.Key.Source, facts.Where(f => institutions.Contains(f.InstitutionId)), ct);
        }
        // The marks go once their months are rewritten; a mark written meanwhile has a later id and waits for the next run.
        var ids = marks.Select(m => m.Id).ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            await db.Set<FactChange>().Where(c => chunk.Contains(c.Id)).ExecuteDeleteAsync(ct);
        }
        return cells.Count;
    }

    /// <summary>
    /// Counts the current month again of the sources whose figures move with the calendar alone (stock turning
    /// near-expiry or expired overnight); the refresher does it every few minutes and when the month turns.
    /// </summary>
    public Task<int> RecountTodayAsync(CancellationToken ct) => UnlessRebuildingAsync(RecountCurrentMonthAsync, ct);

    private async Task<int> RecountCurrentMonthAsync(CancellationToken ct)
    {
        var current = FactMonths.Of(ChinaTime.Today(clock));
        var rows = 0;
        foreach (var source in sources.Where(s => s.DependsOnToday))
        {
            var facts = await source.CountAsync(new FactRange(null, current, current), ct);
            await ReplaceAsync(db, db.Set<FactValue>().Where(f => f.Source == source.Name && f.Month == current), source.Name, facts, ct);
            rows += facts.Count;
        }
        return rows;
    }

    /// <summary>
    /// Counts every source from scratch (months since 2000), reporting each source's rows and time. The sources count
    /// side by side, one database connection each and as many as the server has cores (the largest — the visits',
    /// registered last — first); their writes take turns, so SQLite's single writer is never contended. Only the
    /// <paramref name="only"/> sources when named. On PostgreSQL a rebuild of every source fills a twin of the table and
    /// swaps it in (<see cref="ITableReload"/>); readers see the old figures until the swap.
    /// </summary>
    public async Task<int> RebuildAsync(Action<string> progress, CancellationToken ct, IReadOnlyCollection<string>? only = null)
    {
        if (!db.IsSqlite)
        {
            // The lock waits for a refresh under way; the swap builds the indexes of a county's figures.
            db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({RebuildLock})", ct);
        }
        try
        {
            var whole = only is null && await tables.BeginAsync<FactValue>(db, ct);
            var total = await CountEverySourceAsync(progress, whole, only, ct);
            if (whole)
            {
                var watch = Stopwatch.StartNew();
                await tables.SwapAsync<FactValue>(db, ct);
                progress($"索引与替换 {watch.Elapsed.TotalSeconds:N1} 秒");
            }
            return total;
        }
        finally
        {
            if (!db.IsSqlite)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({RebuildLock})", CancellationToken.None);
            }
        }
    }

    private async Task<int> CountEverySourceAsync(Action<string> progress, bool intoTwin, IReadOnlyCollection<string>? only, CancellationToken ct)
    {
        var current = FactMonths.Of(ChinaTime.Today(clock));
        var total = 0;
        using var writes = new SemaphoreSlim(1);
        var names = sources.Select(s => s.Name).Reverse().ToList();
        if (only is not null)
        {
            names = names.Where(only.Contains).ToList();
        }
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = ct }, async (name, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
            // A county's five years are scanned in one GROUP BY a measure: minutes, not the request's 30 seconds.
            own.Database.SetCommandTimeout(TimeSpan.FromHours(2));
            if (!own.IsSqlite)
            {
                // Compiling each county-sized GROUP BY took 1–2 s of a core, more than it saved: 127 s → 120 s on the full county.
                await own.Database.OpenConnectionAsync(token);
                await own.Database.ExecuteSqlRawAsync("SET jit = off", token);
            }
            var source = scope.ServiceProvider.GetServices<IFactSource>().Single(s => s.Name == name);
            var watch = Stopwatch.StartNew();
            var facts = await source.CountAsync(new FactRange(null, 200001, current), token);
            var counting = watch.Elapsed;
            await writes.WaitAsync(token);
            try
            {
                if (intoTwin)
                {
                    await tables.WriteAsync(own, facts.Where(f => f.Value != 0).Select(f => Row(name, f)), token);
                }
                else
                {
                    // Marks written meanwhile stay: the refresher counts their months again once the rebuild is done.
                    await ReplaceAsync(own, own.Set<FactValue>().Where(f => f.Source == name), name, facts, token);
                }
                Interlocked.Add(ref total, facts.Count);
                progress($"{name}: {facts.Count:N0} 行（计数 {counting.TotalSeconds:N1} 秒，写入 {(watch.Elapsed - counting).TotalSeconds:N1} 秒）");
            }
            finally
            {
                writes.Release();
            }
        });
        return total;
    }

    /// <summary>Whether the tables were never built (a database from before the engine): the start then builds them.</summary>
    public async Task<bool> NeverBuiltAsync(CancellationToken ct) => !await db.Set<FactValue>().AnyAsync(ct);

    /// <summary>Replaces stored figures by newly counted ones in one transaction (zeros are not stored: a missing row reads as 0).</summary>
    private static async Task ReplaceAsync(CountyHealthDb db, IQueryable<FactValue> old, string source, IEnumerable<MonthlyFact> facts, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await old.ExecuteDeleteAsync(ct);
        var rows = facts.Where(f => f.Value != 0);
        if (db.IsSqlite)
        {
            foreach (var chunk in rows.Chunk(2_000))
            {
                db.AddRange(chunk.Select(f => Row(source, f)));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        else
        {
            await InsertManyAsync(db, source, rows, ct);
        }
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>
    /// PostgreSQL: fifty thousand rows a statement, passed as six arrays and unnested — EF's tracked inserts wrote a
    /// county's 830,000 figures in 29 seconds, a third of the rebuild.
    /// </summary>
    private static async Task InsertManyAsync(CountyHealthDb db, string source, IEnumerable<MonthlyFact> facts, CancellationToken ct)
    {
        var type = db.Model.FindEntityType(typeof(FactValue))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        string Column(string property) => "\"" + type.FindProperty(property)!.GetColumnName(table) + "\"";
        var sql = $"INSERT INTO \"{table.Name}\" ({Column(nameof(FactValue.Source))}, {Column(nameof(FactValue.InstitutionId))}, {Column(nameof(FactValue.Month))}, " +
            $"{Column(nameof(FactValue.Measure))}, {Column(nameof(FactValue.Dimension))}, {Column(nameof(FactValue.Value))}) " +
            "SELECT @source, i, m, e, d, v FROM unnest(@institutions, @months, @measures, @dimensions, @values) AS f(i, m, e, d, v)";
        var connection = db.Database.GetDbConnection();
        // In the key's order, each index page is filled once instead of visited again and again: a million immunisation
        // figures went in in 9.0 s against 15.5 s in psql.
        var ordered = facts.OrderBy(f => f.InstitutionId).ThenBy(f => f.Month).ThenBy(f => f.Measure, StringComparer.Ordinal).ThenBy(f => f.Dimension, StringComparer.Ordinal);
        foreach (var chunk in ordered.Chunk(50_000))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            Add(command, "source", source);
            Add(command, "institutions", chunk.Select(f => f.InstitutionId).ToArray());
            Add(command, "months", chunk.Select(f => f.Month).ToArray());
            Add(command, "measures", chunk.Select(f => f.Measure).ToArray());
            Add(command, "dimensions", chunk.Select(f => f.Dimension).ToArray());
            Add(command, "values", chunk.Select(f => f.Value).ToArray());
            await command.ExecuteNonQueryAsync(ct);
        }

        static void Add(System.Data.Common.DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    private static FactValue Row(string source, MonthlyFact f) =>
        new() { Source = source, InstitutionId = f.InstitutionId, Month = f.Month, Measure = f.Measure, Dimension = f.Dimension, Value = f.Value };
}

/// <summary>Refreshes the monthly tables every few seconds (Indicators:RefreshSeconds, default 2) while the server runs.</summary>
internal sealed class FactRefresher(IServiceScopeFactory scopes, Microsoft.Extensions.Configuration.IConfiguration config, ILogger<FactRefresher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Indicators:RefreshSeconds", 2.0), 0.1, 600));
        var recountEvery = TimeSpan.FromMinutes(Math.Clamp(config.GetValue("Indicators:RecountTodayMinutes", 5.0), 0.1, 1440));
        var sinceRecount = TimeSpan.Zero;
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<FactStore>();
                await store.RefreshAsync(stoppingToken);
                sinceRecount += every;
                if (sinceRecount >= recountEvery)
                {
                    sinceRecount = TimeSpan.Zero;
                    await store.RecountTodayAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                // The marks stay; the next tick tries again.
                log.LogWarning(e, "Refreshing the monthly figures failed; retrying");
            }
        }
    }
}

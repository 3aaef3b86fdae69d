using CountyHealth.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Server.Operations;

/// <summary>
/// A bulk load on PostgreSQL without keeping every index in step row by row: the non-unique secondary indexes are
/// dropped before it and built again after it, once over all the rows, from the definitions the database itself gives
/// (<c>pg_indexes</c>). Primary keys and unique indexes stay: they guard the rows and the foreign keys. SQLite: nothing.
/// </summary>
internal static class DeferredIndexes
{
    /// <summary>Drops the schema's non-unique indexes; returns their definitions, to be given to <see cref="RestoreAsync"/>.</summary>
    public static async Task<IReadOnlyList<string>> DropAsync(CountyHealthDb db, CancellationToken ct)
    {
        if (db.IsSqlite)
        {
            return [];
        }
        var indexes = await db.Database.SqlQueryRaw<IndexDefinition>(
            "SELECT i.indexname AS \"Name\", i.indexdef AS \"Definition\" FROM pg_indexes i " +
            "JOIN pg_index x ON x.indexrelid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass " +
            "WHERE i.schemaname = current_schema() AND NOT x.indisunique AND NOT x.indisprimary ORDER BY i.tablename, i.indexname").ToListAsync(ct);
        foreach (var index in indexes)
        {
#pragma warning disable EF1002 // a name from the catalogue, quoted
            await db.Database.ExecuteSqlRawAsync($"DROP INDEX \"{index.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct);
#pragma warning restore EF1002
        }
        return indexes.Select(i => i.Definition).ToList();
    }

    /// <summary>Builds the dropped indexes again, with memory enough to sort a county's table in one go.</summary>
    public static async Task RestoreAsync(CountyHealthDb db, IReadOnlyList<string> definitions, Action<string> progress, CancellationToken ct)
    {
        if (definitions.Count == 0)
        {
            return;
        }
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SET maintenance_work_mem = '512MB'", ct);
            for (var i = 0; i < definitions.Count; i++)
            {
                progress($"重建索引 {i + 1}/{definitions.Count}");
                await db.Database.ExecuteSqlRawAsync(definitions[i], ct);
            }
            await db.Database.ExecuteSqlRawAsync("RESET maintenance_work_mem", ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class IndexDefinition
    {
        public string Name { get; init; } = "";
        public string Definition { get; init; } = "";
    }
}

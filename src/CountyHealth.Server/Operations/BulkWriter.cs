using System.Data.Common;
using System.Threading.Channels;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CountyHealth.Server.Operations;

/// <summary>
/// Writes entities in bulk, bypassing the change tracker but not the model: table and column names, value
/// conversions and parameter types all come from EF's mapping, so rows read back exactly as EF wrote them.
/// PostgreSQL uses binary COPY, on a connection of its own in the background: the rows are handed over in order and
/// copied while the generator makes the next ones (the generator's work and the server's copying, one after the other,
/// were the sum of both); <see cref="FlushAsync"/> waits until all are in. SQLite uses one prepared INSERT in one
/// transaction per batch, at once.
/// </summary>
internal sealed class BulkWriter(CountyHealthDb db) : IBulkWriter, IAsyncDisposable
{
    private const int SqliteBatch = 20_000;

    /// <summary>Batches handed over and not yet copied: enough to keep the copier busy, few enough to bound the memory they hold.</summary>
    private const int BatchesAhead = 4;

    private readonly Dictionary<string, long> rowsByTable = new(StringComparer.Ordinal);

    private Channel<Func<NpgsqlConnection, CancellationToken, Task>>? queue;
    private Task? copier;

    /// <summary>Rows written so far, in every table (on PostgreSQL, handed to the copier).</summary>
    public long Rows => rowsByTable.Values.Sum();

    public IReadOnlyDictionary<string, long> RowsByTable => new Dictionary<string, long>(rowsByTable, StringComparer.Ordinal);

    public long RowsOf(string table) => rowsByTable.GetValueOrDefault(table);

    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var tableName = entity.GetTableName()!;
        if (rows.Count == 0)
        {
            return;
        }
        if (db.IsSqlite)
        {
            rowsByTable[tableName] = rowsByTable.GetValueOrDefault(tableName) + await WriteRowsAsync(entity, rows, ct);
            return;
        }
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var columns = Columns(entity, table);
        // The copier gets its own array: callers clear and refill their lists once written.
        var batch = rows.ToArray();
        await Copier(ct).Writer.WriteAsync((connection, token) => WritePostgres(connection, tableName, columns, batch, token), ct);
        rowsByTable[tableName] = rowsByTable.GetValueOrDefault(tableName) + rows.Count;
    }

    /// <summary>Waits until every row handed over is in the database (a copy that failed throws here, or at the next write).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (queue is null || copier is null)
        {
            return;
        }
        queue.Writer.TryComplete();
        try
        {
            await copier.WaitAsync(ct);
        }
        finally
        {
            (queue, copier) = (null, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (queue is not null && copier is not null)
        {
            queue.Writer.TryComplete();
            await copier.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private Channel<Func<NpgsqlConnection, CancellationToken, Task>> Copier(CancellationToken ct)
    {
        if (queue is null)
        {
            var channel = Channel.CreateBounded<Func<NpgsqlConnection, CancellationToken, Task>>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
            var connectionString = db.Database.GetConnectionString()!;
            (queue, copier) = (channel, Task.Run(() => CopyAllAsync(channel, connectionString, ct), CancellationToken.None));
        }
        return queue;
    }

    private static async Task CopyAllAsync(Channel<Func<NpgsqlConnection, CancellationToken, Task>> channel, string connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await foreach (var copy in channel.Reader.ReadAllAsync(ct))
            {
                await copy(connection, ct);
            }
        }
        catch (Exception e)
        {
            // The generator's next write fails with it instead of waiting on a queue that no one empties.
            channel.Writer.TryComplete(e);
            throw;
        }
    }

    private async Task<long> WriteRowsAsync<T>(IEntityType entity, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return await WriteSqlite(await OpenAsync(db, ct), table.Name, Columns(entity, table), rows, ct);
    }

    /// <summary>The entity's columns with their EF mappings and getters.</summary>
    internal static List<(IProperty Property, string Column, RelationalTypeMapping Mapping, Func<object, object?> Getter)> Columns(IEntityType entity, StoreObjectIdentifier table) =>
        entity.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(),
                Getter: p.PropertyInfo is { } pi ? (Func<object, object?>)pi.GetValue : throw new InvalidOperationException($"Shadow property {p.Name} cannot be bulk-written")))
            .ToList();

    internal static async Task<DbConnection> OpenAsync(CountyHealthDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        return connection;
    }

    private static object? ToProvider(RelationalTypeMapping mapping, object? value) =>
        value is null ? null : mapping.Converter is { } c ? c.ConvertToProvider(value) : value;

    private static Task<long> WriteSqlite<T>(DbConnection connection, string table,
        List<(IProperty Property, string Column, RelationalTypeMapping Mapping, Func<object, object?> Getter)> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        long written = 0;
        foreach (var chunk in rows.Chunk(SqliteBatch))
        {
            ct.ThrowIfCancellationRequested();
            // SQLite is synchronous underneath; the synchronous calls save an allocation per row.
            using var tx = connection.BeginTransaction();
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
            // Parameters made by EF's own type mappings carry the provider type EF would use.
            var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(cmd, "@p" + i, ToProvider(c.Mapping, c.Getter(chunk[0])), c.Property.IsNullable)).ToArray();
            cmd.Parameters.AddRange(parameters);
            cmd.Prepare();
            foreach (var row in chunk)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[i].Value = ToProvider(columns[i].Mapping, columns[i].Getter(row)) ?? DBNull.Value;
                }
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
            written += chunk.Length;
        }
        return Task.FromResult(written);
    }

    internal static async Task WritePostgres<T>(NpgsqlConnection connection, string table,
        List<(IProperty Property, string Column, RelationalTypeMapping Mapping, Func<object, object?> Getter)> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var types = columns.Select(c => NpgsqlType(c.Mapping)).ToArray();
        await using var import = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        // Synchronous writes row by row: the importer buffers, and an await per value cost the generator a fifth of its time.
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            import.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                var value = ToProvider(columns[i].Mapping, columns[i].Getter(row));
                if (value is null)
                {
                    import.WriteNull();
                }
                else
                {
                    import.Write(value, types[i]);
                }
            }
        }
        await import.CompleteAsync(ct);
    }

    private static NpgsqlDbType NpgsqlType(RelationalTypeMapping mapping) =>
        mapping.GetType().GetProperty("NpgsqlDbType")?.GetValue(mapping) is NpgsqlDbType t ? t
        : mapping.StoreType switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "boolean" => NpgsqlDbType.Boolean,
            "date" => NpgsqlDbType.Date,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            _ when mapping.StoreType.StartsWith("numeric", StringComparison.Ordinal) => NpgsqlDbType.Numeric,
            _ => NpgsqlDbType.Text,
        };
}

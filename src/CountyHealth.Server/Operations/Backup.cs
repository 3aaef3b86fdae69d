using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CountyHealth.Kernel.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CountyHealth.Server.Operations;

/// <summary>One table's fingerprint: its row count and a SHA-256 over every row, in key order, as invariant text.</summary>
internal sealed record TableFingerprint(string Table, long Rows, string Sha256);

/// <summary>
/// Backs the database up and restores it, and proves the round trip: a manifest of row counts and checksums is
/// written beside the backup and compared after a restore. SQLite: `VACUUM INTO` (a consistent copy while the
/// server runs). PostgreSQL: `pg_dump --format=custom` and `pg_restore`.
/// </summary>
internal static class Backup
{
    public static async Task<IReadOnlyList<TableFingerprint>> BackupAsync(CountyHealthDb db, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        if (File.Exists(target))
        {
            throw new InvalidOperationException($"{target} exists already; a backup never overwrites one");
        }
        // The manifest describes the backup itself, not the live database a moment before or after it: the server keeps
        // writing (the indicators' refresher every few seconds).
        IReadOnlyList<TableFingerprint> manifest;
        if (db.IsSqlite)
        {
            var conn = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct);
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "VACUUM INTO $path";
                cmd.Parameters.AddWithValue("$path", Path.GetFullPath(target));
                await cmd.ExecuteNonQueryAsync(ct);
            }
            await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(target), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await copy.OpenAsync(ct);
            manifest = await FingerprintAsync(db.Model, copy, ct);
        }
        else
        {
            // pg_dump reads the snapshot this transaction exported, the one the manifest is read in.
            await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            var snapshot = await db.Database.SqlQueryRaw<string>("SELECT pg_export_snapshot() AS \"Value\"").SingleAsync(ct);
            manifest = await FingerprintAsync(db, ct);
            var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            await RunAsync(PgTool("pg_dump"), ["--format=custom", "--no-owner", "--snapshot", snapshot, "--file", target, "--host", cs.Host!,
                "--port", cs.Port.ToString(CultureInfo.InvariantCulture), "--username", cs.Username ?? "postgres", cs.Database!], cs.Password, ct);
            await tx.CommitAsync(ct);
        }
        await File.WriteAllLinesAsync(target + ".manifest", manifest.Select(f => $"{f.Table}\t{f.Rows}\t{f.Sha256}"), ct);
        return manifest;
    }

    /// <summary>Restores into the configured database (which should be new and empty), then checks it against the manifest.</summary>
    public static async Task<IReadOnlyList<string>> RestoreAsync(CountyHealthDb db, string source, CancellationToken ct)
    {
        if (!File.Exists(source) || !File.Exists(source + ".manifest"))
        {
            throw new InvalidOperationException($"{source} or its manifest is missing");
        }
        if (db.IsSqlite)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            await db.Database.CloseConnectionAsync();
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(f);
            }
            File.Copy(source, file);
        }
        else
        {
            var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            await RunAsync(PgTool("pg_restore"), ["--no-owner", "--clean", "--if-exists", "--host", cs.Host!, "--port", cs.Port.ToString(CultureInfo.InvariantCulture),
                "--username", cs.Username ?? "postgres", "--dbname", cs.Database!, source], cs.Password, ct);
            NpgsqlConnection.ClearAllPools();
        }
        var expected = (await File.ReadAllLinesAsync(source + ".manifest", ct)).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => (Rows: long.Parse(p[1], CultureInfo.InvariantCulture), Sha: p[2]), StringComparer.Ordinal);
        var actual = await FingerprintAsync(db, ct);
        var problems = new List<string>();
        foreach (var f in actual)
        {
            if (!expected.TryGetValue(f.Table, out var e))
            {
                problems.Add($"{f.Table}: not in the backup's manifest");
            }
            else if (e.Rows != f.Rows || e.Sha != f.Sha256)
            {
                problems.Add($"{f.Table}: {f.Rows} rows {f.Sha256[..12]} restored, {e.Rows} rows {e.Sha[..12]} backed up");
            }
        }
        problems.AddRange(expected.Keys.Except(actual.Select(a => a.Table), StringComparer.Ordinal).Select(t => $"{t}: missing after restore"));
        return problems;
    }

    /// <summary>Row count and checksum of every table of the model, read in primary-key order.</summary>
    public static async Task<IReadOnlyList<TableFingerprint>> FingerprintAsync(CountyHealthDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return await FingerprintAsync(db.Model, db.Database.GetDbConnection(), ct);
    }

    /// <summary>The same, of the model's tables in any open database (a backup's copy).</summary>
    private static async Task<IReadOnlyList<TableFingerprint>> FingerprintAsync(Microsoft.EntityFrameworkCore.Metadata.IModel model, DbConnection conn, CancellationToken ct)
    {
        var result = new List<TableFingerprint>();
        foreach (var entity in model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            var table = entity.GetTableName()!;
            var key = entity.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\"");
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", key)}";
            cmd.CommandTimeout = 0;
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Order(StringComparer.Ordinal).Select(reader.GetOrdinal).ToArray();
            long rows = 0;
            var line = new StringBuilder();
            while (await reader.ReadAsync(ct))
            {
                line.Clear();
                foreach (var i in columns)
                {
                    line.Append(Canonical(reader, i)).Append('\u001f');
                }
                sha.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
                rows++;
            }
            result.Add(new TableFingerprint(table, rows, Convert.ToHexStringLower(sha.GetHashAndReset())));
        }
        return result;
    }

    // The same value reads back the same text on a restored copy of the same provider.
    private static string Canonical(DbDataReader reader, int i) => reader.IsDBNull(i) ? "\u2400" : reader.GetValue(i) switch
    {
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToBase64String(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString() ?? "",
    };

    private static string PgTool(string name)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", name)).LastOrDefault(File.Exists)
            : null;
        return bin ?? name;
    }

    private static async Task RunAsync(string tool, IEnumerable<string> args, string? password, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var errors = await p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({p.ExitCode}): {errors}");
        }
    }
}

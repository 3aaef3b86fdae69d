using CountyHealth.Kernel.Data;
using CountyHealth.Server.Operations;
using CountyHealth.Tests.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>Back up and restore round-trips the database, proven by every table's row count and checksum.</summary>
public abstract class BackupTests(CountyHealthFactory host)
{
    [Fact]
    public async Task A_backup_restores_into_a_new_database_with_identical_rows_and_a_changed_row_is_caught()
    {
        var folder = Directory.CreateTempSubdirectory("countyhealth-backup-").FullName;
        var target = Path.Combine(folder, host.Provider == DatabaseProviders.Sqlite ? "county.db" : "county.dump");
        string? database = null;
        try
        {
            IReadOnlyList<TableFingerprint> manifest;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                manifest = await Backup.BackupAsync(scope.ServiceProvider.GetRequiredService<CountyHealthDb>(), target, CancellationToken.None);
            }
            Assert.Contains(manifest, m => m.Table == "residents" && m.Rows >= 200);
            Assert.True(File.Exists(target + ".manifest"));

            string cs;
            if (host.Provider == DatabaseProviders.Sqlite)
            {
                cs = $"Data Source={Path.Combine(folder, "restored.db")}";
            }
            else
            {
                var server = Environment.GetEnvironmentVariable(CountyHealthFactory.PostgresVariable)!;
                database = $"ch_restore_{Guid.NewGuid():N}";
                await TestDatabase.ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
                cs = $"{server};Database={database}";
            }
            await using (var restored = TestDatabase.Open(host.Provider, cs))
            {
                Assert.Empty(await Backup.RestoreAsync(restored, target, CancellationToken.None));
                var again = await Backup.FingerprintAsync(restored, CancellationToken.None);
                Assert.Equal(manifest, again);

                // One changed phone number in one row changes that table's checksum, and only that one.
                await restored.Database.ExecuteSqlRawAsync("UPDATE residents SET \"Phone\" = '13800000000' WHERE \"Id\" = (SELECT \"Id\" FROM residents ORDER BY \"Id\" LIMIT 1)");
                var tampered = await Backup.FingerprintAsync(restored, CancellationToken.None);
                var changed = manifest.Zip(tampered).Where(p => p.First != p.Second).Select(p => p.First.Table).ToList();
                Assert.Equal(["residents"], changed);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (database is not null)
            {
                await TestDatabase.ExecuteAsync(Environment.GetEnvironmentVariable(CountyHealthFactory.PostgresVariable)!, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
            Directory.Delete(folder, recursive: true);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBackupTests(SqliteHost host) : BackupTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBackupTests(PostgresHost host) : BackupTests(host);

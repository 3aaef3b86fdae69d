using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Diagnostics;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// A save is all or nothing, also where PostgreSQL sends an insert-only save as one batch without BEGIN and COMMIT
/// (SingleBatchSaves): a failing statement takes the rest of the batch with it. A save that changes rows keeps its
/// transaction on every provider.
/// </summary>
public abstract class BatchAtomicityTests(CountyHealthFactory host)
{
    [Fact]
    public async Task An_insert_only_save_with_a_failing_row_saves_nothing()
    {
        var taken = Code();
        await SaveAsync(db => db.Add(new Institution { Code = taken, Name = "已有机构", Kind = InstitutionKind.VillageClinic }));
        var fresh = Code();

        var failed = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(db =>
        {
            db.Add(new Institution { Code = fresh, Name = "新机构", Kind = InstitutionKind.VillageClinic });
            db.Add(new Institution { Code = taken, Name = "重复编码", Kind = InstitutionKind.VillageClinic });
        }));

        Assert.NotNull(failed);
        await using var scope = host.Services.CreateAsyncScope();
        var check = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        Assert.False(await check.Set<Institution>().AnyAsync(i => i.Code == fresh), "the good row of the failed batch must not be saved");
    }

    [Fact]
    public async Task Only_insert_only_saves_on_PostgreSQL_go_without_a_commit()
    {
        var counters = host.Services.GetRequiredService<ServerCounters>();
        var insert = long.MaxValue;
        var update = long.MaxValue;
        // The counter is the server's: the indicators' refresher may commit during a save, so the fewest of a few tries counts.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (a, b) = (Code(), Code());
            insert = Math.Min(insert, await CommitsOfAsync(counters, () => SaveAsync(db => db.AddRange(
                new Institution { Code = a, Name = "一", Kind = InstitutionKind.VillageClinic }, new Institution { Code = b, Name = "二", Kind = InstitutionKind.VillageClinic }))));
            update = Math.Min(update, await CommitsOfAsync(counters, () => SaveAsync(async db =>
            {
                foreach (var i in await db.Set<Institution>().Where(i => i.Code == a || i.Code == b).ToListAsync())
                {
                    i.Name += "（改）";
                }
            })));
        }

        Assert.Equal((host.Provider == DatabaseProviders.Postgres ? 0 : 1, 1), (insert, update));
    }

    private static string Code() => "BA" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<long> CommitsOfAsync(ServerCounters counters, Func<Task> save)
    {
        var before = counters.Snapshot().DbCommits;
        await save();
        return counters.Snapshot().DbCommits - before;
    }

    private Task SaveAsync(Action<CountyHealthDb> change) => SaveAsync(db =>
    {
        change(db);
        return Task.CompletedTask;
    });

    private async Task SaveAsync(Func<CountyHealthDb, Task> change)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        await change(db);
        await db.SaveChangesAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBatchAtomicityTests(SqliteHost host) : BatchAtomicityTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBatchAtomicityTests(PostgresHost host) : BatchAtomicityTests(host);

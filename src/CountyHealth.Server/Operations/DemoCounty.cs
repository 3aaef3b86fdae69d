using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;

namespace CountyHealth.Server.Operations;

/// <summary>
/// Seeds the demo county 清河县 into an empty database: every module's part (<see cref="IDemoData"/>), in the order of
/// the module catalogue, in one transaction. A database that holds any part already is left as it is.
/// </summary>
internal sealed class DemoCounty(CountyHealthDb db, IEnumerable<IDemoData> parts, ILogger<DemoCounty> log)
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        foreach (var part in parts)
        {
            if (await part.IsSeededAsync(ct))
            {
                return false;
            }
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var part in parts)
        {
            await part.SeedAsync(ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        log.LogInformation("Seeded the demo county");
        return true;
    }
}

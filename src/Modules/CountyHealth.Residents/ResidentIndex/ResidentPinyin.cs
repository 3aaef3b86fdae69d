using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Text;
using CountyHealth.Residents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CountyHealth.Residents.ResidentIndex;

/// <summary>
/// Rewrites residents' pinyin initials that the current reading rules would write otherwise (李长乐 was LZL before
/// given names were read as words, LCL since). County-sized, so only on the operator's reindex-pinyin verb: one read of
/// names through the table, then the few rows that differ, a batch at a time, each change audited like any other.
/// </summary>
internal sealed class ResidentPinyin(CountyHealthDb db, ILogger<ResidentPinyin> log) : ISearchKeyRefresh
{
    private const int Batch = 500;

    public string Table => "residents";

    public bool AtStart => false;

    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var stale = new List<Guid>();
        var read = 0;
        await foreach (var r in db.Set<Resident>().AsNoTracking().Select(r => new { r.Id, r.Name, r.Pinyin }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (PinyinInitials.OfName(r.Name) != r.Pinyin)
            {
                stale.Add(r.Id);
            }
            if (++read % 500_000 == 0)
            {
                log.LogInformation("Read {Read:N0} residents, {Stale:N0} with stale pinyin", read, stale.Count);
            }
        }

        var changed = 0;
        foreach (var ids in stale.Chunk(Batch))
        {
            // Read again, tracked: a name changed since the first read gets the key of its new name, and the
            // resident's concurrency token keeps a rename at the desk from being overwritten.
            var residents = await db.Set<Resident>().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
            foreach (var resident in residents)
            {
                var pinyin = PinyinInitials.OfName(resident.Name);
                if (pinyin != resident.Pinyin)
                {
                    resident.Pinyin = pinyin;
                    changed++;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        log.LogInformation("Read {Read:N0} residents, rewrote the pinyin initials of {Changed:N0}", read, changed);
        return changed;
    }
}

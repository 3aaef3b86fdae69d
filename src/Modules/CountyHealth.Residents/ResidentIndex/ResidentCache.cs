using System.Collections.Concurrent;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.Residents.ResidentIndex;

/// <summary>
/// Residents the desks looked at lately, in memory: the summary lists and receipts show and the institutions she is
/// known at (for the scope rule). A visit's requests name the same resident eight times; each would otherwise be a
/// query. Entries are dropped when the resident or her links change through this process (CountyHealth runs one
/// server per database), when the whole cache grows past its capacity, and after ten minutes in any case, so that a
/// change a concurrent read overtook is seen soon.
/// </summary>
internal sealed class ResidentCache
{
    private const int Capacity = 100_000;
    private const long LifetimeMilliseconds = 10 * 60 * 1000;

    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    /// <summary>A resident's summary and, when known, the institutions she is linked to.</summary>
    internal sealed record Entry(ResidentSummary Summary, IReadOnlyCollection<Guid>? Links, long Expires);

    public bool TryGet(Guid residentId, out Entry entry)
    {
        if (entries.TryGetValue(residentId, out entry!) && entry.Expires > Environment.TickCount64)
        {
            return true;
        }
        return false;
    }

    public void Put(ResidentSummary summary, IReadOnlyCollection<Guid>? links)
    {
        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }
        entries[summary.Id] = new Entry(summary, links, Environment.TickCount64 + LifetimeMilliseconds);
    }

    public void Forget(Guid residentId) => entries.TryRemove(residentId, out _);
}

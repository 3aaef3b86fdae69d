namespace CountyHealth.Kernel.Facts;

/// <summary>
/// Counts, per institution and for every month of a range, the spans of months that cover it (a child from its birth
/// month until the month of its seventh birthday): each span adds at its first month and leaves after its last, and
/// a running sum gives the months — one step a span and one a month, not one a span and month.
/// </summary>
public sealed class MonthSpans(int fromMonth, int toMonth)
{
    private readonly int first = Index(fromMonth);
    private readonly int length = Math.Max(Index(toMonth) - Index(fromMonth) + 1, 0);
    private readonly Dictionary<Guid, int[]> changes = [];

    private static int Index(int month) => month / 100 * 12 + month % 100 - 1;

    /// <summary>A span from the month <paramref name="from"/> up to, not including, the month <paramref name="until"/> (yyyyMM).</summary>
    public void Add(Guid institutionId, int from, int until)
    {
        var start = Math.Max(Index(from) - first, 0);
        var end = Math.Min(Index(until) - first, length);
        if (start >= end)
        {
            return;
        }
        if (!changes.TryGetValue(institutionId, out var steps))
        {
            steps = new int[length + 1];
            changes[institutionId] = steps;
        }
        steps[start]++;
        steps[end]--;
    }

    /// <summary>The months covered by one span or more, each with how many.</summary>
    public IEnumerable<(Guid InstitutionId, int Month, int Count)> Counts()
    {
        foreach (var (institutionId, steps) in changes)
        {
            var running = 0;
            for (var i = 0; i < length; i++)
            {
                running += steps[i];
                if (running != 0)
                {
                    var index = first + i;
                    yield return (institutionId, index / 12 * 100 + index % 12 + 1, running);
                }
            }
        }
    }
}

namespace CountyHealth.Kernel.Data;

/// <summary>
/// Steps a unit of work runs after its SaveChanges and before its commit, in the same transaction. Conditional updates
/// of contended rows (the last box of a drug) go here: a row stays locked from its UPDATE to the commit, one round trip,
/// instead of for the whole save. A step may throw to refuse the work; the owner of the transaction rolls it back.
/// </summary>
public sealed class BeforeCommit
{
    private readonly List<Func<CancellationToken, Task>> steps = [];

    public void Add(Func<CancellationToken, Task> step) => steps.Add(step);

    /// <summary>Runs the steps in the order they were added, once.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var pending = steps.ToList();
        steps.Clear();
        foreach (var step in pending)
        {
            await step(ct);
        }
    }
}

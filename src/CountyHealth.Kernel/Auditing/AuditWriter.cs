using System.Threading.Channels;
using CountyHealth.Kernel.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CountyHealth.Kernel.Auditing;

/// <summary>
/// Stores audit rows that go with no other write (reads, searches, prints, denials, sign-ins) by group commit: every
/// row waiting when a flush starts is inserted in one statement batch, and each caller's task completes when its row is
/// stored (or fails with the flush), so no response leaves before its audit row is durable. Under load one round trip
/// records the reads of many requests; alone, a read costs one insert as before.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, ILogger<AuditWriter> log) : IAsyncDisposable
{
    private const int MaxBatch = 500;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock startLock = new();
    private Task? loop;

    public Task WriteAsync(AuditEntry entry)
    {
        EnsureStarted();
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit writer has stopped; the access cannot be recorded.");
        }
        return pending.Stored.Task;
    }

    private void EnsureStarted()
    {
        if (loop is not null)
        {
            return;
        }
        lock (startLock)
        {
            loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
                db.AuditEntries.AddRange(batch.Select(p => p.Entry));
                await db.SaveChangesAsync(CancellationToken.None);
                foreach (var p in batch)
                {
                    p.Stored.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Could not store {Count} audit entries", batch.Count);
                foreach (var p in batch)
                {
                    p.Stored.TrySetException(ex);
                }
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (loop is not null)
        {
            await loop;
        }
    }

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Stored);
}

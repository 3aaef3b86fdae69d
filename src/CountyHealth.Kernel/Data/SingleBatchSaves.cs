using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CountyHealth.Kernel.Data;

/// <summary>
/// On PostgreSQL, a SaveChanges that only inserts (a new resident with her link and audit row, a new visit with its
/// charge, a flush of audit rows) is sent as one batch without BEGIN and COMMIT: the server runs the statements of one
/// batch in an implicit transaction, all or none, so the explicit transaction only cost a round trip. A save that
/// changes or deletes rows keeps its transaction: an optimistic-concurrency miss is found by EF after the batch,
/// and only a transaction can take the rest of the batch back.
/// </summary>
public sealed class SingleBatchSaves : SaveChangesInterceptor
{
    /// <summary>Far below the provider's batch size (1,000), so the save is certainly one batch.</summary>
    public const int MaxRows = 200;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Decide(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Decide(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Decide(DbContext? context)
    {
        if (context is null || context.Database.CurrentTransaction is not null || context.Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            return;
        }
        var rows = 0;
        var insertsOnly = true;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                insertsOnly = false;
                break;
            }
            rows += entry.State == EntityState.Added ? 1 : 0;
        }
        context.Database.AutoTransactionBehavior = insertsOnly && rows <= MaxRows ? AutoTransactionBehavior.Never : AutoTransactionBehavior.WhenNeeded;
    }
}

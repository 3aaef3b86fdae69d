using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CountyHealth.Kernel.Auditing;

/// <summary>
/// Writes an audit entry for every added, changed or deleted record of personal health data, in the same save (one
/// batch, one commit). It detects the context's changes once for the whole save: the other interceptors and EF itself
/// would otherwise each scan every tracked entity again.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Restore(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Restore(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Restore(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Restore(DbContext? context)
    {
        if (context is not null)
        {
            context.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CountyHealthDb db)
        {
            AddEntries(db);
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CountyHealthDb db)
        {
            AddEntries(db);
        }
        return base.SavingChanges(eventData, result);
    }

    private void AddEntries(CountyHealthDb db)
    {
        // Changes are detected here, once; until the save ends, nothing else needs to detect them again.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = clock.GetUtcNow().UtcDateTime;
        var user = db.Actor ?? SystemUser.Instance;
        var entries = db.ChangeTracker.Entries<IPersonalHealthData>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var e in entries)
        {
            var action = e.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => AuditActions.Update,
            };
            var detail = e.State == EntityState.Modified
                ? string.Join(",", e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                : null;
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserId = user.UserId,
                UserName = user.UserName,
                InstitutionId = user.InstitutionId,
                Action = action,
                EntityType = e.Metadata.ClrType.Name,
                EntityId = e.Entity.Id.ToString(),
                ResidentId = e.Entity.AuditResidentId,
                Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
                IpAddress = user.IpAddress,
            });
        }
    }
}

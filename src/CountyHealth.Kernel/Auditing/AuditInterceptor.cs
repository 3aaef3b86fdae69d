using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        var records = new List<EntityEntry>();
        Dictionary<Guid, List<string>>? parts = null;
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (e.Entity is IPersonalHealthData)
            {
                records.Add(e);
            }
            else if (e.Entity is IPersonalHealthDataPart part)
            {
                parts ??= [];
                var change = e.State switch
                {
                    EntityState.Added => ChangedParts.Added,
                    EntityState.Deleted => ChangedParts.Removed,
                    _ => ChangedParts.Changed,
                };
                (parts.TryGetValue(part.AuditOwnerId, out var list) ? list : parts[part.AuditOwnerId] = []).Add(ChangedParts.Token(e.Metadata.ClrType.Name, change, part.AuditLabel));
            }
        }
        if (records.Count == 0 && parts is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = db.Actor ?? SystemUser.Instance;
        foreach (var e in records)
        {
            var record = (IPersonalHealthData)e.Entity;
            var action = e.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => AuditActions.Update,
            };
            // The version column changes with every write: it says nothing to the auditor.
            var fields = e.State == EntityState.Modified
                ? e.Properties.Where(p => p.IsModified && !p.Metadata.IsConcurrencyToken).Select(p => p.Metadata.Name)
                : [];
            db.AuditEntries.Add(Entry(now, user, action, e.Metadata.ClrType.Name, record.Id, record.AuditResidentId, fields.Concat(TakeParts(parts, record.Id))));
        }
        if (parts is { Count: > 0 })
        {
            AddPartsOfUnchangedRecords(db, now, user, parts);
        }
    }

    /// <summary>
    /// Parts changed while the record they belong to was not (diagnoses replaced, nothing else): the record's row still
    /// tells it. A record that is not even loaded is named by the part's type and the record's key.
    /// </summary>
    private static void AddPartsOfUnchangedRecords(CountyHealthDb db, DateTime now, ICurrentUser user, Dictionary<Guid, List<string>> parts)
    {
        foreach (var e in db.ChangeTracker.Entries<IPersonalHealthData>().Where(e => parts.ContainsKey(e.Entity.Id)).ToList())
        {
            var tokens = TakeParts(parts, e.Entity.Id).ToList();
            if (tokens.Count > 0)
            {
                db.AuditEntries.Add(Entry(now, user, AuditActions.Update, e.Metadata.ClrType.Name, e.Entity.Id, e.Entity.AuditResidentId, tokens));
            }
        }
        foreach (var owner in parts.Keys.ToList())
        {
            var tokens = TakeParts(parts, owner).ToList();
            if (tokens.Count > 0 && ChangedParts.TryRead(tokens[0], out var partType, out _, out _))
            {
                db.AuditEntries.Add(Entry(now, user, AuditActions.Update, partType, owner, null, tokens));
            }
        }
    }

    /// <summary>The record's part tokens, a part removed and added again unchanged (a list replaced) left out.</summary>
    private static IEnumerable<string> TakeParts(Dictionary<Guid, List<string>>? parts, Guid owner)
    {
        if (parts is null || !parts.Remove(owner, out var tokens))
        {
            return [];
        }
        var kept = new List<string>(tokens);
        foreach (var removed in tokens.Where(t => ChangedParts.TryRead(t, out _, out var c, out _) && c == ChangedParts.Removed))
        {
            ChangedParts.TryRead(removed, out var type, out _, out var label);
            var added = ChangedParts.Token(type, ChangedParts.Added, label);
            if (kept.Remove(added))
            {
                kept.Remove(removed);
            }
        }
        return kept;
    }

    private static AuditEntry Entry(DateTime now, ICurrentUser user, string action, string entityType, Guid id, Guid? residentId, IEnumerable<string> changes)
    {
        var detail = string.Join(ChangedParts.Separator, changes);
        return new AuditEntry
        {
            At = now,
            UserId = user.UserId,
            UserName = user.UserName,
            InstitutionId = user.InstitutionId,
            Action = action,
            EntityType = entityType,
            EntityId = id.ToString(),
            ResidentId = residentId,
            Detail = detail.Length == 0 ? null : detail.Length > 1000 ? detail[..1000] : detail,
            IpAddress = user.IpAddress,
        };
    }
}

using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Text;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Kernel.Auditing;

/// <summary>
/// Masks the ID and phone numbers in audit rows stored before the audit log masked them (<see cref="PersonalNumbers"/>).
/// Runs once, when the migration named <see cref="Migration"/> is applied to a database that had rows.
/// </summary>
public static class StoredAuditText
{
    /// <summary>The migration that brought masked search text; applying it to an existing database masks the old rows.</summary>
    public const string Migration = "ReadableAudit";

    /// <summary>Masks every stored free text that holds a full number; returns how many rows changed.</summary>
    public static async Task<int> MaskAsync(CountyHealthDb db, CancellationToken ct = default)
    {
        // One pass over the log's free text (writes list field names, never numbers); the few rows that change are
        // collected first, then rewritten one by one, since a connection cannot update while it streams.
        var changed = new List<(Guid Id, string Detail)>();
        await foreach (var row in db.AuditEntries.AsNoTracking()
            .Where(a => a.Detail != null && a.Action != AuditActions.Create && a.Action != AuditActions.Update && a.Action != AuditActions.Delete)
            .Select(a => new { a.Id, a.Detail }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (PersonalNumbers.Mask(row.Detail) is { } masked && masked != row.Detail)
            {
                changed.Add((row.Id, masked));
            }
        }
        foreach (var (id, detail) in changed)
        {
            await db.AuditEntries.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, detail), ct);
        }
        return changed.Count;
    }
}

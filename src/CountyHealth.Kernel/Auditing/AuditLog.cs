using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Security;

namespace CountyHealth.Kernel.Auditing;

/// <summary>
/// The one path by which access to personal health data is recorded. A write adds its row to the work's own
/// SaveChanges (one statement batch, one commit; entity writes are added by <see cref="AuditInterceptor"/>); a read,
/// search, print, denial or sign-in saves nothing else, so its row goes through <see cref="AuditWriter"/>, which stores
/// the rows of concurrent requests in one statement and answers each caller only once its row is stored.
/// </summary>
public sealed class AuditLog(CountyHealthDb db, ICurrentUser user, TimeProvider clock, AuditWriter writer)
{
    /// <summary>Adds an entry to the caller's unit of work; it is saved with the caller's next SaveChanges.</summary>
    public void Add(string action, string entityType, string? entityId, Guid? residentId = null, string? detail = null) =>
        db.AuditEntries.Add(Entry(action, entityType, entityId, residentId, detail));

    /// <summary>One resident's record was shown.</summary>
    public Task ReadAsync(string entityType, Guid entityId, Guid residentId, string? detail = null) =>
        RecordAsync(AuditActions.Read, entityType, entityId.ToString(), residentId, detail);

    /// <summary>A list of residents' records was shown (a search, a queue, a desk's list).</summary>
    public Task SearchAsync(string entityType, string detail) => RecordAsync(AuditActions.Search, entityType, null, null, detail);

    /// <summary>A record was printed.</summary>
    public Task PrintAsync(string entityType, Guid entityId, Guid residentId, string? detail = null) =>
        RecordAsync(AuditActions.Print, entityType, entityId.ToString(), residentId, detail);

    /// <summary>An access was refused by the scope rules.</summary>
    public Task DeniedAsync(string entityType, Guid entityId, Guid? residentId, string detail) =>
        RecordAsync(AuditActions.Denied, entityType, entityId.ToString(), residentId, detail);

    /// <summary>Stores an entry that goes with no other write. Not cancellable: an access that happened is recorded.</summary>
    public Task RecordAsync(string action, string entityType, string? entityId, Guid? residentId = null, string? detail = null) =>
        writer.WriteAsync(Entry(action, entityType, entityId, residentId, detail));

    private AuditEntry Entry(string action, string entityType, string? entityId, Guid? residentId, string? detail) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        UserId = user.UserId,
        UserName = user.UserName,
        InstitutionId = user.InstitutionId,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        ResidentId = residentId,
        Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        IpAddress = user.IpAddress,
    };
}

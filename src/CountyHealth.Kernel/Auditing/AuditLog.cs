using CountyHealth.Kernel.Data;

namespace CountyHealth.Kernel.Auditing;

/// <summary>Records reads and security events. Writes of personal health data are audited by <see cref="AuditInterceptor"/>.</summary>
public sealed class AuditLog(CountyHealthDb db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Adds an entry to the context; it is saved with the caller's next SaveChanges.</summary>
    public void Add(string action, string entityType, string? entityId, Guid? residentId = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user.UserId,
            UserName = user.UserName,
            InstitutionId = user.InstitutionId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ResidentId = residentId,
            Detail = Truncate(detail),
            IpAddress = user.IpAddress,
        });

    /// <summary>Adds an entry and saves it at once (for reads and denials, which save nothing else). Not cancellable: an access that happened is recorded.</summary>
    public async Task WriteAsync(string action, string entityType, string? entityId, Guid? residentId = null, string? detail = null)
    {
        Add(action, entityType, entityId, residentId, detail);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string? Truncate(string? s) => s is { Length: > 1000 } ? s[..1000] : s;
}

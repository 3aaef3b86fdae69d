using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Text;

namespace CountyHealth.Kernel.Auditing;

/// <summary>
/// The one path by which access to personal health data is recorded. A write adds its row to the work's own
/// SaveChanges (one statement batch, one commit; entity writes are added by <see cref="AuditInterceptor"/>); a read,
/// search, print, denial or sign-in saves nothing else, so its row goes through <see cref="AuditWriter"/>, which stores
/// the rows of concurrent requests in one statement and answers each caller only once its row is stored. Free text is
/// stored with its ID and phone numbers masked (<see cref="PersonalNumbers"/>); a read repeated within one request is
/// stored once (<see cref="RequestAccesses"/>).
/// </summary>
public sealed class AuditLog(CountyHealthDb db, ICurrentUser user, TimeProvider clock, AuditWriter writer, AccessMemory memory)
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
    public Task RecordAsync(string action, string entityType, string? entityId, Guid? residentId = null, string? detail = null)
    {
        var entry = Entry(action, entityType, entityId, residentId, detail);
        return RequestAccesses.Collapses(action) ? memory.Current.Record(entry, writer.WriteAsync) : writer.WriteAsync(entry);
    }

    /// <summary>
    /// A sign-in to an account, or a refused attempt on one, in the account's name: the caller is not signed in yet, so
    /// the request's own user is nobody. (A token refresh is no sign-in and records nothing.)
    /// </summary>
    public Task SignInAsync(string action, UserAccount account, string detail)
    {
        var entry = Entry(action, nameof(UserAccount), account.Id, null, detail);
        entry.UserId = account.Id;
        entry.UserName = account.UserName ?? "";
        entry.InstitutionId = account.InstitutionId;
        return writer.WriteAsync(entry);
    }

    private AuditEntry Entry(string action, string entityType, string? entityId, Guid? residentId, string? detail)
    {
        detail = PersonalNumbers.Mask(detail);
        return new()
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
}

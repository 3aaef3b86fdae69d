using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace CountyHealth.Kernel.Auditing;

/// <summary>
/// The accesses one request has recorded. Reading a record again within the same request (a second look-up of the
/// same visit, its access checked twice, a screen's second render) is the same access: the first row stands for it,
/// and the caller waits for that row. What collapses is a read and the checks that go with it (a read, a denial, a use
/// of break-glass, keyed by the record) and a search shown again unchanged (keyed by what it says: its query and how
/// many it found). Writes, prints and sign-ins are each their own event.
/// </summary>
public sealed class RequestAccesses
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Action, string EntityType, string? EntityId, Guid? ResidentId, string? Search), Task> recorded = [];

    public static bool Collapses(string action) =>
        action is AuditActions.Read or AuditActions.Denied or AuditActions.BreakGlass or AuditActions.Search;

    /// <summary>Stores the entry unless the request already recorded the same access; either way, the stored row's task.</summary>
    public Task Record(AuditEntry entry, Func<AuditEntry, Task> store)
    {
        var key = (entry.Action, entry.EntityType, entry.EntityId, entry.ResidentId, entry.Action == AuditActions.Search ? entry.Detail : null);
        lock (gate)
        {
            if (!recorded.TryGetValue(key, out var stored))
            {
                recorded[key] = stored = store(entry);
            }
            return stored;
        }
    }
}

/// <summary>
/// Where a service scope remembers the accesses of its request: a screen's page visit when the screen's handler call
/// says so (<see cref="Ui.UiHandler{THandler}"/>), else the HTTP request (whose scopes share it), else the scope itself.
/// </summary>
public sealed class AccessMemory(IHttpContextAccessor http, PageVisits visits)
{
    private RequestAccesses? own;

    /// <summary>The screen's page visit this scope works for (<see cref="Ui.PageVisit"/>), if any.</summary>
    public Guid? PageVisit { get; set; }

    public RequestAccesses Current
    {
        get
        {
            if (PageVisit is { } visit)
            {
                return visits.For(visit);
            }
            if (http.HttpContext?.Items is not { } items)
            {
                return own ??= new RequestAccesses();
            }
            lock (items)
            {
                if (items.TryGetValue(typeof(RequestAccesses), out var found) && found is RequestAccesses shared)
                {
                    return shared;
                }
                var accesses = new RequestAccesses();
                items[typeof(RequestAccesses)] = accesses;
                return accesses;
            }
        }
    }
}

/// <summary>
/// The accesses of the screens' page visits, which outlive one HTTP request (the first render) and one circuit event.
/// A visit left untouched for an hour is forgotten: a read after that is recorded again.
/// </summary>
public sealed class PageVisits(TimeProvider clock)
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, Visit> visits = new();
    private DateTime lastSweep;

    public RequestAccesses For(Guid visit)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var found = visits.GetOrAdd(visit, _ => new Visit());
        found.LastUsed = now;
        if (now - lastSweep > TimeSpan.FromMinutes(5))
        {
            lastSweep = now;
            foreach (var (id, v) in visits)
            {
                if (now - v.LastUsed > Kept)
                {
                    visits.TryRemove(id, out _);
                }
            }
        }
        return found.Accesses;
    }

    private sealed class Visit
    {
        public RequestAccesses Accesses { get; } = new();

        public DateTime LastUsed { get; set; }
    }
}

using System.Collections.Concurrent;
using System.Security.Claims;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Security;
using CountyHealth.Platform.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Platform.Accounts;

/// <summary>
/// The sign-in sessions, in the database and (for the check every request makes) in memory: a session is read once and
/// then answered from memory; this process ends sessions in both places at once. One server per database is the
/// deployment (DESIGN §4); a second server would need a notification to drop what it holds.
/// </summary>
internal sealed class SignInSessions(IServiceScopeFactory scopes, TimeProvider clock) : ISignInSessions
{
    /// <summary>How long a sign-in lasts at most, refreshed or not: a working day and its overtime.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<Guid, State> known = new();

    private sealed record State(string UserId, DateTime ExpiresAt, DateTime? EndedAt, int Generation)
    {
        public bool IsLive(DateTime now) => EndedAt is null && now < ExpiresAt;
    }

    public async ValueTask<bool> IsLiveAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        SessionOf(user) is { } id && (await StateAsync(id, ct))?.IsLive(clock.GetUtcNow().UtcDateTime) == true;

    public static Guid? SessionOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(CountyClaims.Session), out var id) ? id : null;

    /// <summary>Opens a session for an account that has just given its password; the caller puts its id into the cookie or token.</summary>
    public async Task<Guid> StartAsync(UserAccount account, SessionKind kind, string? ip, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new SignInSession
        {
            UserId = account.Id,
            UserName = account.UserName!,
            Kind = kind,
            StartedAt = now,
            ExpiresAt = now + Lifetime,
            IpAddress = ip,
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        db.Add(session);
        await db.SaveChangesAsync(ct);
        known[session.Id] = new State(session.UserId, session.ExpiresAt, null, 0);
        if (known.Count > 20_000)
        {
            // Ended and expired sessions need not be remembered: a miss reads the database.
            foreach (var (id, state) in known)
            {
                if (!state.IsLive(now))
                {
                    known.TryRemove(id, out _);
                }
            }
        }
        return session.Id;
    }

    /// <summary>
    /// Moves a token session to its next refresh generation if <paramref name="generation"/> is its present one; a
    /// refresh token of an earlier generation ends the session (it was used before: stolen or replayed).
    /// </summary>
    public async Task<RefreshOutcome> RefreshAsync(Guid sessionId, int generation, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        var session = await db.Set<SignInSession>().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (session is null || !session.IsLive(now) || session.Kind != SessionKind.Token)
        {
            return new(RefreshResult.Ended, null, 0);
        }
        if (session.RefreshGeneration != generation)
        {
            session.EndedAt = now;
            session.EndReason = "刷新令牌被重复使用";
            await SaveEndedAsync(db, session, scope, ct);
            return new(RefreshResult.Reused, session.UserId, 0);
        }
        session.RefreshGeneration++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two refreshes with the same token at once: one wins, the other is a reuse.
            return new(RefreshResult.Reused, session.UserId, 0);
        }
        known[session.Id] = new State(session.UserId, session.ExpiresAt, null, session.RefreshGeneration);
        return new(RefreshResult.Refreshed, session.UserId, session.RefreshGeneration);
    }

    /// <summary>Ends one session (logging out).</summary>
    public async Task EndAsync(Guid sessionId, string reason, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<SignInSession>().Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), ct);
        known.AddOrUpdate(sessionId, _ => new State("", now, now, 0), (_, s) => s with { EndedAt = now });
    }

    /// <summary>Ends every live session of an account (lockout, password or role change, deactivation); audited.</summary>
    public async Task EndAllAsync(string userId, string reason, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.Set<SignInSession>().Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), ct);
        foreach (var (id, state) in known)
        {
            if (state.UserId == userId && state.EndedAt is null)
            {
                known[id] = state with { EndedAt = now };
            }
        }
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.SessionsRevoked, nameof(UserAccount), userId, detail: $"{reason}：结束 {ended} 个登录");
    }

    private async Task SaveEndedAsync(CountyHealthDb db, SignInSession session, AsyncServiceScope scope, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        known[session.Id] = new State(session.UserId, session.ExpiresAt, session.EndedAt, session.RefreshGeneration);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.SessionsRevoked, nameof(UserAccount), session.UserId, detail: session.EndReason);
    }

    private async Task<State?> StateAsync(Guid id, CancellationToken ct)
    {
        if (known.TryGetValue(id, out var state))
        {
            return state;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        var s = await db.Set<SignInSession>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new State(x.UserId, x.ExpiresAt, x.EndedAt, x.RefreshGeneration)).FirstOrDefaultAsync(ct);
        if (s is not null)
        {
            known[id] = s;
        }
        return s;
    }
}

internal enum RefreshResult
{
    Refreshed,
    Ended,
    Reused,
}

internal sealed record RefreshOutcome(RefreshResult Result, string? UserId, int Generation);

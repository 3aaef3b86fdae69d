using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Domain;
using CountyHealth.Residents.ResidentIndex;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.BreakGlass;

/// <summary>Opening one resident's records beyond one's reach: her full ID number and the reason (an outbreak, a complaint, an emergency).</summary>
public sealed record BreakGlassRequest(string IdNumber, [Text(200)] string Reason);

public sealed record BreakGlassRow(Guid Id, Guid ResidentId, string ResidentName, string UserName, string FullName, string InstitutionName, string Reason,
    string GrantedAtChina, string ExpiresAtChina, bool Live);

/// <summary>
/// Opens a break-glass access to one resident for <see cref="Lifetime"/>: the user then reads her identity and charts
/// wherever they are kept. The reason is required, the opening and every record read under it are audited, and the
/// directors of the institutions that know her see it in their list.
/// </summary>
internal sealed class OpenBreakGlass(CountyHealthDb db, ICurrentUser user, IAccessScope scope, AuditLog audit, TimeProvider clock) : IUseCase
{
    /// <summary>Long enough to read what the case needs, short enough that the access does not linger.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    public async Task<Results<Ok<BreakGlassRow>, ValidationProblem, ProblemHttpResult>> HandleAsync(BreakGlassRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r);
        var id = (r.IdNumber ?? "").Trim().ToUpperInvariant();
        if (!ChineseIdNumber.TryParse(id, ChinaTime.Today(clock), out var info, out var error))
        {
            e.Add("idNumber", error ?? "请填写完整的18位身份证号");
        }
        var reason = (r.Reason ?? "").Trim();
        if (reason.Length < 5)
        {
            e.Add("reason", "请说明紧急查阅的理由（至少5个字），如疫情调查、投诉核查、急救");
        }
        else if (reason.Length > 500)
        {
            e.Add("reason", "理由不能超过500个字");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var found = await db.Set<Resident>().AsNoTracking().Where(x => x.IdNumber == info!.Normalized)
            .Select(x => new { x.Id, x.Name, Links = db.Set<ResidentInstitution>().Where(l => l.ResidentId == x.Id).Select(l => l.InstitutionId).ToList() })
            .FirstOrDefaultAsync(ct);
        // Beyond the reach of the break-glass grant itself (a township director's reaches her township) is not found either.
        if (found is null || !await scope.AllowsAnyAsync(PlatformPermissions.BreakGlass, found.Links, nameof(Resident), found.Id, found.Id, ct))
        {
            return Problems.NotFound("未找到该身份证号的居民");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var grant = new BreakGlassGrant
        {
            ResidentId = found.Id,
            UserId = user.UserId!,
            UserName = user.UserName,
            FullName = user.FullName,
            InstitutionId = user.InstitutionId!.Value,
            Reason = reason,
            GrantedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.Add(grant);
        audit.Add(AuditActions.BreakGlass, nameof(Resident), found.Id.ToString(), found.Id, $"开启紧急查阅（{Lifetime.TotalHours:0}小时）：{reason}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new BreakGlassRow(grant.Id, found.Id, found.Name, grant.UserName, grant.FullName, "", reason,
            ChinaTime.Format(grant.GrantedAt), ChinaTime.Format(grant.ExpiresAt), true));
    }
}

/// <summary>
/// Break-glass accesses: those the user opened herself, or (for review) those to residents known at the institutions
/// the review permission reaches — a director sees who opened her patients' records, when and why.
/// </summary>
internal sealed class ListBreakGlass(CountyHealthDb db, ICurrentUser user, IAccessScope scope, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<List<BreakGlassRow>> HandleAsync(bool mine, CancellationToken ct)
    {
        var grants = db.Set<BreakGlassGrant>().AsNoTracking();
        if (mine)
        {
            grants = grants.Where(g => g.UserId == user.UserId);
        }
        else if (await scope.InstitutionsAsync(PlatformPermissions.BreakGlassReview, ct) is { } within)
        {
            grants = grants.Where(g => db.Set<ResidentInstitution>().Any(l => l.ResidentId == g.ResidentId && within.Contains(l.InstitutionId)));
        }
        var rows = await grants.OrderByDescending(g => g.GrantedAt).Take(500)
            .Select(g => new { Grant = g, Name = db.Set<Resident>().Where(r => r.Id == g.ResidentId).Select(r => r.Name).FirstOrDefault() })
            .ToListAsync(ct);
        await audit.SearchAsync(nameof(BreakGlassGrant), $"紧急查阅记录（{(mine ? "本人" : "本机构")}）：{rows.Count} 条");
        var now = clock.GetUtcNow().UtcDateTime;
        var list = new List<BreakGlassRow>(rows.Count);
        foreach (var x in rows)
        {
            var g = x.Grant;
            list.Add(new BreakGlassRow(g.Id, g.ResidentId, x.Name ?? "", g.UserName, g.FullName, (await institutions.FindAsync(g.InstitutionId, ct))?.Name ?? "",
                g.Reason, ChinaTime.Format(g.GrantedAt), ChinaTime.Format(g.ExpiresAt), g.ExpiresAt > now));
        }
        return list;
    }
}

/// <summary>The access path's view of break-glass accesses: does the signed-in user hold a live one for this resident.</summary>
internal sealed class BreakGlassGrants(CountyHealthDb db, ICurrentUser user, TimeProvider clock) : IAccessGrants
{
    private readonly Dictionary<Guid, bool> held = [];

    public async Task<bool> HoldsAsync(Guid residentId, CancellationToken ct = default)
    {
        if (user.UserId is not { } userId)
        {
            return false;
        }
        if (!held.TryGetValue(residentId, out var holds))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            held[residentId] = holds = await db.Set<BreakGlassGrant>().AnyAsync(g => g.UserId == userId && g.ResidentId == residentId && g.ExpiresAt > now, ct);
        }
        return holds;
    }
}

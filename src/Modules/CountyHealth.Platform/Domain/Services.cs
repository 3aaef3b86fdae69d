using System.Collections.Concurrent;
using System.Security.Claims;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Domain;

/// <summary>Claim types CountyHealth puts into the cookie and the bearer token.</summary>
public static class CountyClaims
{
    public const string Institution = "ch:institution";
    public const string Staff = "ch:staff";
    public const string FullName = "ch:fullname";
}

/// <summary>Holds the institution tree in memory; it is small (hundreds of rows) and read on every scoped query.</summary>
internal sealed class InstitutionTreeCache
{
    private volatile IReadOnlyList<(Guid Id, Guid? ParentId)>? tree;
    private readonly ConcurrentDictionary<Guid, IReadOnlyCollection<Guid>> subtrees = new();

    public void Invalidate()
    {
        tree = null;
        subtrees.Clear();
    }

    public async Task<IReadOnlyCollection<Guid>> SubtreeAsync(CountyHealthDb db, Guid root, CancellationToken ct)
    {
        if (subtrees.TryGetValue(root, out var cached))
        {
            return cached;
        }
        var nodes = tree ??= await db.Set<Institution>().AsNoTracking().Select(i => new ValueTuple<Guid, Guid?>(i.Id, i.ParentId)).ToListAsync(ct);
        var children = nodes.Where(n => n.Item2 is not null).ToLookup(n => n.Item2!.Value, n => n.Item1);
        var result = new HashSet<Guid>();
        var stack = new Stack<Guid>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (result.Add(id))
            {
                foreach (var c in children[id])
                {
                    stack.Push(c);
                }
            }
        }
        subtrees[root] = result;
        return result;
    }
}

internal sealed class InstitutionDirectory(CountyHealthDb db, InstitutionTreeCache cache) : IInstitutionDirectory
{
    public Task<IReadOnlyCollection<Guid>> SubtreeAsync(Guid institutionId, CancellationToken ct = default) =>
        cache.SubtreeAsync(db, institutionId, ct);

    public async Task<InstitutionInfo?> FindAsync(Guid institutionId, CancellationToken ct = default) =>
        await db.Set<Institution>().AsNoTracking().Where(i => i.Id == institutionId)
            .Select(i => new InstitutionInfo(i.Id, i.Code, i.Name, i.Kind, i.ParentId)).FirstOrDefaultAsync(ct);

    public async Task<DepartmentInfo?> FindDepartmentAsync(Guid departmentId, CancellationToken ct = default) =>
        await db.Set<Department>().AsNoTracking().Where(d => d.Id == departmentId)
            .Select(d => new DepartmentInfo(d.Id, d.InstitutionId, d.Name)).FirstOrDefaultAsync(ct);

    public async Task<StaffInfo?> FindStaffAsync(Guid staffId, CancellationToken ct = default) =>
        await db.Set<Staff>().AsNoTracking().Where(s => s.Id == staffId)
            .Select(s => new StaffInfo(s.Id, s.InstitutionId, s.DepartmentId, s.Name, s.Title)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<DepartmentInfo>> DepartmentsAsync(Guid institutionId, bool clinicalOnly, CancellationToken ct = default) =>
        await db.Set<Department>().AsNoTracking().Where(d => d.InstitutionId == institutionId && d.IsActive && (!clinicalOnly || d.IsClinical))
            .OrderBy(d => d.Name).Select(d => new DepartmentInfo(d.Id, d.InstitutionId, d.Name)).ToListAsync(ct);

    public async Task<IReadOnlyList<StaffInfo>> StaffInRoleAsync(Guid institutionId, string role, CancellationToken ct = default) =>
        await (from s in db.Set<Staff>().AsNoTracking()
               join u in db.Users on (Guid?)s.Id equals u.StaffId
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where s.InstitutionId == institutionId && s.IsActive && r.Name == role
               orderby s.Name
               select new StaffInfo(s.Id, s.InstitutionId, s.DepartmentId, s.Name, s.Title)).ToListAsync(ct);
}

internal sealed class AccessScope(ICurrentUser user, IInstitutionDirectory directory) : IAccessScope
{
    private IReadOnlyCollection<Guid>? visible;

    public async Task<IReadOnlyCollection<Guid>> VisibleInstitutionsAsync(CancellationToken ct = default)
    {
        if (visible is not null)
        {
            return visible;
        }
        visible = user.InstitutionId is { } id ? await directory.SubtreeAsync(id, ct) : [];
        return visible;
    }

    public async Task<bool> CanSeeInstitutionAsync(Guid institutionId, CancellationToken ct = default) =>
        (await VisibleInstitutionsAsync(ct)).Contains(institutionId);

    public async Task<bool> SeesEverythingAsync(CancellationToken ct = default) =>
        user.InstitutionId is { } id && (await directory.FindAsync(id, ct))?.ParentId is null;
}

/// <summary>The acting user: the request's principal for the API, the circuit's principal for Blazor (set by the layout).</summary>
internal sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal? principal;
    private string? ip;

    public void Use(ClaimsPrincipal user, string? ipAddress)
    {
        principal = user;
        ip = ipAddress;
    }

    private ClaimsPrincipal? Principal => principal ?? http.HttpContext?.User;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string UserName => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? "" : "system";
    public string FullName => Principal?.FindFirstValue(CountyClaims.FullName) ?? UserName;
    public Guid? InstitutionId => Guid.TryParse(Principal?.FindFirstValue(CountyClaims.Institution), out var g) ? g : null;
    public Guid? StaffId => Guid.TryParse(Principal?.FindFirstValue(CountyClaims.Staff), out var g) ? g : null;
    public string? IpAddress => ip ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();
    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}

internal sealed class DiagnosisDictionary(CountyHealthDb db) : IDiagnosisDictionary
{
    public async Task<IReadOnlyList<DiagnosisCode>> SearchAsync(string query, int take, CancellationToken ct = default)
    {
        var q = query.Trim();
        if (q.Length == 0)
        {
            return [];
        }
        var upper = q.ToUpperInvariant();
        var rows = db.Set<Icd10Entry>().AsNoTracking().Where(e => e.IsActive);
        rows = IsAsciiLetters(q)
            ? rows.Where(e => e.Code.StartsWith(upper) || e.Pinyin.StartsWith(upper))
            : rows.Where(e => e.Code.StartsWith(upper) || e.Name.Contains(q));
        return await rows.OrderBy(e => e.Code.Length).ThenBy(e => e.Code).Take(take)
            .Select(e => new DiagnosisCode(e.Code, e.Name, e.Pinyin)).ToListAsync(ct);
    }

    public async Task<DiagnosisCode?> FindAsync(string code, CancellationToken ct = default) =>
        await db.Set<Icd10Entry>().AsNoTracking().Where(e => e.Code == code.Trim().ToUpperInvariant())
            .Select(e => new DiagnosisCode(e.Code, e.Name, e.Pinyin)).FirstOrDefaultAsync(ct);

    private static bool IsAsciiLetters(string s) => s.All(char.IsAsciiLetterOrDigit) && s.Any(char.IsAsciiLetter);
}

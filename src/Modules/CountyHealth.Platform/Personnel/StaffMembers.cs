using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using CountyHealth.Platform.Institutions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Personnel;

public sealed record StaffRow(Guid Id, Guid InstitutionId, string InstitutionName, Guid? DepartmentId, string? DepartmentName, string Name, string? Title, string? Phone, string? UserName, IReadOnlyList<string> Roles,
    bool AccountActive = false, bool AccountLocked = false);

public sealed record StaffRequest(Guid InstitutionId, Guid? DepartmentId, string Name, string? Title, string? Phone);

/// <summary>Filters of the staff list: institution, department, and a role (e.g. doctor) that the account must hold.</summary>
public sealed record StaffFilter(Guid? InstitutionId, Guid? DepartmentId, string? Role);

/// <summary>Active staff of the institutions the user's directory permission reaches, with their accounts and roles.</summary>
internal sealed class ListStaff(CountyHealthDb db, IAccessScope scope, IInstitutionDirectory directory, TimeProvider clock) : IUseCase
{
    public async Task<List<StaffRow>> HandleAsync(StaffFilter filter, CancellationToken ct)
    {
        var q = await scope.WithinAsync(db.Set<Staff>().AsNoTracking().Where(s => s.IsActive), PlatformPermissions.DirectoryRead, s => s.InstitutionId, ct);
        q = filter.InstitutionId is { } i ? q.Where(s => s.InstitutionId == i) : q;
        q = filter.DepartmentId is { } d ? q.Where(s => s.DepartmentId == d) : q;
        var staff = await q.OrderBy(s => s.Name).ToListAsync(ct);
        var ids = staff.Select(s => (Guid?)s.Id).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.StaffId)).Select(u => new { u.Id, u.UserName, u.StaffId, u.IsActive, u.LockoutEnd }).ToListAsync(ct);
        var accountIds = accounts.Select(a => a.Id).ToList();
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where accountIds.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        var rows = new List<StaffRow>(staff.Count);
        foreach (var s in staff)
        {
            var acc = accounts.FirstOrDefault(a => a.StaffId == s.Id);
            var roles = acc is null ? [] : roleRows.Where(r => r.UserId == acc.Id).Select(r => r.Name!).ToList();
            var institution = await directory.FindAsync(s.InstitutionId, ct);
            var department = s.DepartmentId is { } dd ? await directory.FindDepartmentAsync(dd, ct) : null;
            rows.Add(new StaffRow(s.Id, s.InstitutionId, institution?.Name ?? "", s.DepartmentId, department?.Name, s.Name, s.Title, s.Phone, acc?.UserName, roles,
                acc?.IsActive ?? false, acc?.LockoutEnd is { } end && end > clock.GetUtcNow()));
        }
        return (filter.Role is null ? rows : rows.Where(r => r.Roles.Contains(filter.Role))).ToList();
    }
}

/// <summary>Adds a member of staff to an institution (and, optionally, a department of it).</summary>
internal sealed class CreateStaff(CountyHealthDb db, DirectoryCache cache) : IUseCase
{
    public async Task<Results<Created<StaffRow>, ValidationProblem>> HandleAsync(StaffRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r).Require("name", r.Name, "姓名", 50);
        if (!await db.Set<Institution>().AnyAsync(i => i.Id == r.InstitutionId, ct))
        {
            e.Add("institutionId", "机构不存在");
        }
        if (r.DepartmentId is { } d && !await db.Set<Department>().AnyAsync(x => x.Id == d && x.InstitutionId == r.InstitutionId, ct))
        {
            e.Add("departmentId", "科室不属于该机构");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var s = new Staff { InstitutionId = r.InstitutionId, DepartmentId = r.DepartmentId, Name = r.Name.Trim(), Title = r.Title, Phone = r.Phone };
        db.Add(s);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/v1/staff/{s.Id}", new StaffRow(s.Id, s.InstitutionId, "", s.DepartmentId, null, s.Name, s.Title, s.Phone, null, []));
    }
}

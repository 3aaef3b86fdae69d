using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Diagnostics;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Api;

public sealed record InstitutionRow(Guid Id, string Code, string Name, InstitutionKind Kind, string KindName, Guid? ParentId, string? ParentName, bool IsActive);
public sealed record InstitutionRequest(string Code, string Name, InstitutionKind Kind, Guid? ParentId, string? Address, string? Phone);
public sealed record DepartmentRow(Guid Id, Guid InstitutionId, string Name, bool IsClinical, bool IsActive);
public sealed record DepartmentRequest(Guid InstitutionId, string Name, bool IsClinical);
public sealed record StaffRow(Guid Id, Guid InstitutionId, string InstitutionName, Guid? DepartmentId, string? DepartmentName, string Name, string? Title, string? Phone, string? UserName, IReadOnlyList<string> Roles);
public sealed record StaffRequest(Guid InstitutionId, Guid? DepartmentId, string Name, string? Title, string? Phone);
public sealed record UserRequest(string UserName, string FullName, string Password, Guid InstitutionId, Guid? StaffId, IReadOnlyList<string> Roles);
public sealed record AuditRow(Guid Id, DateTime At, string AtChina, string UserName, string Action, string EntityType, string? EntityId, Guid? ResidentId, string? Detail, string? IpAddress);
public sealed record MeResponse(string UserName, string FullName, Guid? InstitutionId, string? InstitutionName, Guid? StaffId, IReadOnlyList<string> Roles);

internal static class AdminApi
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", Me).RequireAuthorization().WithTags("登录").WithName("Me").WithSummary("当前用户");

        var g = app.MapGroup("/api/v1").WithTags("机构与人员");
        g.MapGet("/institutions", ListInstitutions).RequireAuthorization().WithName("ListInstitutions").WithSummary("机构列表（本机构及下级）");
        g.MapPost("/institutions", CreateInstitution).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithName("CreateInstitution").WithSummary("新增机构");
        g.MapPut("/institutions/{id:guid}", UpdateInstitution).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithName("UpdateInstitution").WithSummary("修改机构");
        g.MapGet("/departments", ListDepartments).RequireAuthorization().WithName("ListDepartments").WithSummary("科室列表");
        g.MapPost("/departments", CreateDepartment).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithName("CreateDepartment").WithSummary("新增科室");
        g.MapGet("/staff", ListStaff).RequireAuthorization().WithName("ListStaff").WithSummary("人员列表；role 过滤出某角色（如 doctor）");
        g.MapPost("/staff", CreateStaff).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithName("CreateStaff").WithSummary("新增人员");
        g.MapPost("/users", CreateUser).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithName("CreateUser").WithSummary("新增登录账户并分配角色");
        g.MapPost("/users/{userName}/unlock", Unlock).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithName("UnlockUser").WithSummary("解除账户锁定");
        g.MapGet("/roles", () => Roles.ChineseNames.Select(r => new { code = r.Key, name = r.Value })).RequireAuthorization().WithName("ListRoles").WithSummary("角色");
        g.MapGet("/audit", SearchAudit).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("审计").WithName("SearchAudit").WithSummary("查询审计日志");
        g.MapGet("/system/counters", (ServerCounters counters) => counters.Snapshot()).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithTags("系统").WithName("ServerCounters").WithSummary("服务器累计 CPU 时间与数据库语句数（用于性能测量）");
        g.MapGet("/diagnoses", SearchDiagnoses).RequireAuthorization().WithTags("字典").WithName("SearchDiagnoses").WithSummary("按 ICD-10 编码、中文名或拼音首字母查诊断");
    }

    private static async Task<MeResponse> Me(ICurrentUser user, CountyHealthDb db, CancellationToken ct)
    {
        var inst = user.InstitutionId is { } id ? await db.Set<Institution>().Where(i => i.Id == id).Select(i => i.Name).FirstOrDefaultAsync(ct) : null;
        return new MeResponse(user.UserName, user.FullName, user.InstitutionId, inst, user.StaffId,
            Roles.ChineseNames.Keys.Where(user.IsInRole).ToList());
    }

    internal static async Task<List<InstitutionRow>> ListInstitutions(CountyHealthDb db, IAccessScope scope, CancellationToken ct)
    {
        var visible = await scope.VisibleInstitutionsAsync(ct);
        var all = await db.Set<Institution>().AsNoTracking().ToListAsync(ct);
        var names = all.ToDictionary(i => i.Id, i => i.Name);
        return all.Where(i => visible.Contains(i.Id)).OrderBy(i => i.Code)
            .Select(i => new InstitutionRow(i.Id, i.Code, i.Name, i.Kind, InstitutionKinds.ChineseName(i.Kind), i.ParentId,
                i.ParentId is { } p && names.TryGetValue(p, out var pn) ? pn : null, i.IsActive)).ToList();
    }

    private static FieldErrors Validate(InstitutionRequest r)
    {
        var e = new FieldErrors().Require("code", r.Code, "机构编码", 32).Require("name", r.Name, "机构名称", 100);
        if (!Enum.IsDefined(r.Kind))
        {
            e.Add("kind", "机构类别无效");
        }
        return e;
    }

    internal static async Task<Results<Created<InstitutionRow>, ValidationProblem>> CreateInstitution(
        InstitutionRequest r, CountyHealthDb db, InstitutionTreeCache cache, CancellationToken ct)
    {
        var e = Validate(r);
        if (r.ParentId is { } p && !await db.Set<Institution>().AnyAsync(i => i.Id == p, ct))
        {
            e.Add("parentId", "上级机构不存在");
        }
        if (await db.Set<Institution>().AnyAsync(i => i.Code == r.Code.Trim(), ct))
        {
            e.Add("code", "机构编码已存在");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var inst = new Institution { Code = r.Code.Trim(), Name = r.Name.Trim(), Kind = r.Kind, ParentId = r.ParentId, Address = r.Address, Phone = r.Phone };
        db.Add(inst);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/v1/institutions/{inst.Id}",
            new InstitutionRow(inst.Id, inst.Code, inst.Name, inst.Kind, InstitutionKinds.ChineseName(inst.Kind), inst.ParentId, null, true));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> UpdateInstitution(
        Guid id, InstitutionRequest r, CountyHealthDb db, InstitutionTreeCache cache, IInstitutionDirectory directory, CancellationToken ct)
    {
        var inst = await db.Set<Institution>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inst is null)
        {
            return TypedResults.NotFound();
        }
        var e = Validate(r);
        if (r.ParentId is { } p && (await directory.SubtreeAsync(id, ct)).Contains(p))
        {
            e.Add("parentId", "上级机构不能是本机构或其下级");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        (inst.Code, inst.Name, inst.Kind, inst.ParentId, inst.Address, inst.Phone) = (r.Code.Trim(), r.Name.Trim(), r.Kind, r.ParentId, r.Address, r.Phone);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.NoContent();
    }

    internal static async Task<List<DepartmentRow>> ListDepartments(Guid? institutionId, ICurrentUser user, CountyHealthDb db, CancellationToken ct)
    {
        var inst = institutionId ?? user.InstitutionId;
        return await db.Set<Department>().AsNoTracking().Where(d => d.InstitutionId == inst).OrderBy(d => d.Name)
            .Select(d => new DepartmentRow(d.Id, d.InstitutionId, d.Name, d.IsClinical, d.IsActive)).ToListAsync(ct);
    }

    internal static async Task<Results<Created<DepartmentRow>, ValidationProblem>> CreateDepartment(DepartmentRequest r, CountyHealthDb db, CancellationToken ct)
    {
        var e = new FieldErrors().Require("name", r.Name, "科室名称", 50);
        if (!await db.Set<Institution>().AnyAsync(i => i.Id == r.InstitutionId, ct))
        {
            e.Add("institutionId", "机构不存在");
        }
        else if (await db.Set<Department>().AnyAsync(d => d.InstitutionId == r.InstitutionId && d.Name == r.Name.Trim(), ct))
        {
            e.Add("name", "该机构已有同名科室");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var d = new Department { InstitutionId = r.InstitutionId, Name = r.Name.Trim(), IsClinical = r.IsClinical };
        db.Add(d);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/departments/{d.Id}", new DepartmentRow(d.Id, d.InstitutionId, d.Name, d.IsClinical, true));
    }

    internal static async Task<List<StaffRow>> ListStaff(Guid? institutionId, Guid? departmentId, string? role, ICurrentUser user, IAccessScope scope, CountyHealthDb db, CancellationToken ct)
    {
        var visible = await scope.VisibleInstitutionsAsync(ct);
        var q = db.Set<Staff>().AsNoTracking().Where(s => s.IsActive && visible.Contains(s.InstitutionId));
        q = institutionId is { } i ? q.Where(s => s.InstitutionId == i) : q;
        q = departmentId is { } d ? q.Where(s => s.DepartmentId == d) : q;
        var staff = await q.OrderBy(s => s.Name).ToListAsync(ct);
        var ids = staff.Select(s => (Guid?)s.Id).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.StaffId)).Select(u => new { u.Id, u.UserName, u.StaffId }).ToListAsync(ct);
        var accountIds = accounts.Select(a => a.Id).ToList();
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where accountIds.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        var insts = await db.Set<Institution>().AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var depts = await db.Set<Department>().AsNoTracking().Where(x => visible.Contains(x.InstitutionId)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var rows = staff.Select(s =>
        {
            var acc = accounts.FirstOrDefault(a => a.StaffId == s.Id);
            var roles = acc is null ? [] : roleRows.Where(r => r.UserId == acc.Id).Select(r => r.Name!).ToList();
            return new StaffRow(s.Id, s.InstitutionId, insts.GetValueOrDefault(s.InstitutionId, ""), s.DepartmentId,
                s.DepartmentId is { } dd ? depts.GetValueOrDefault(dd) : null, s.Name, s.Title, s.Phone, acc?.UserName, roles);
        });
        return (role is null ? rows : rows.Where(r => r.Roles.Contains(role))).ToList();
    }

    internal static async Task<Results<Created<StaffRow>, ValidationProblem>> CreateStaff(StaffRequest r, CountyHealthDb db, CancellationToken ct)
    {
        var e = new FieldErrors().Require("name", r.Name, "姓名", 50);
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
        return TypedResults.Created($"/api/v1/staff/{s.Id}", new StaffRow(s.Id, s.InstitutionId, "", s.DepartmentId, null, s.Name, s.Title, s.Phone, null, []));
    }

    internal static async Task<Results<Created, ValidationProblem>> CreateUser(UserRequest r, UserManager<UserAccount> users, CountyHealthDb db, CancellationToken ct)
    {
        var e = new FieldErrors().Require("userName", r.UserName, "用户名", 64).Require("fullName", r.FullName, "姓名", 50);
        if (string.IsNullOrEmpty(r.Password) || r.Password.Length < 8)
        {
            e.Add("password", "密码至少8位");
        }
        if (!await db.Set<Institution>().AnyAsync(i => i.Id == r.InstitutionId, ct))
        {
            e.Add("institutionId", "机构不存在");
        }
        if (r.Roles is null || r.Roles.Count == 0 || r.Roles.Any(x => !Roles.ChineseNames.ContainsKey(x)))
        {
            e.Add("roles", "请选择有效的角色");
        }
        if (!string.IsNullOrWhiteSpace(r.UserName) && await users.FindByNameAsync(r.UserName.Trim()) is not null)
        {
            e.Add("userName", "用户名已存在");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var account = new UserAccount { UserName = r.UserName.Trim(), FullName = r.FullName.Trim(), InstitutionId = r.InstitutionId, StaffId = r.StaffId, LockoutEnabled = true };
        var result = await users.CreateAsync(account, r.Password);
        if (!result.Succeeded)
        {
            return Problems.Field("password", "密码不符合要求：" + string.Join("；", result.Errors.Select(x => x.Description)));
        }
        await users.AddToRolesAsync(account, r.Roles!);
        return TypedResults.Created($"/api/v1/users/{account.UserName}");
    }

    private static async Task<Results<NoContent, NotFound>> Unlock(string userName, UserManager<UserAccount> users)
    {
        var u = await users.FindByNameAsync(userName);
        if (u is null)
        {
            return TypedResults.NotFound();
        }
        await users.SetLockoutEndDateAsync(u, null);
        await users.ResetAccessFailedCountAsync(u);
        return TypedResults.NoContent();
    }

    internal static async Task<Page<AuditRow>> SearchAudit(string? userName, string? action, Guid? residentId, DateOnly? from, DateOnly? to, int? page, int? pageSize, CountyHealthDb db, CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        q = string.IsNullOrWhiteSpace(userName) ? q : q.Where(a => a.UserName == userName.Trim());
        q = string.IsNullOrWhiteSpace(action) ? q : q.Where(a => a.Action == action);
        q = residentId is { } rid ? q.Where(a => a.ResidentId == rid) : q;
        if (from is { } f)
        {
            var start = ChinaTime.StartOfDayUtc(f);
            q = q.Where(a => a.At >= start);
        }
        if (to is { } t)
        {
            var end = ChinaTime.StartOfDayUtc(t.AddDays(1));
            q = q.Where(a => a.At < end);
        }
        var size = Math.Clamp(pageSize ?? 50, 1, 500);
        var skip = Math.Max(0, (page ?? 0) * size);
        // Every request writes an audit row: counting a county's log (hundreds of millions of rows) on each page would
        // take seconds. One row beyond the page tells whether another page exists; the total is "at least".
        var rows = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(skip).Take(size + 1).ToListAsync(ct);
        var total = skip + rows.Count;
        return new Page<AuditRow>(rows.Take(size).Select(a => new AuditRow(a.Id, a.At, ChinaTime.Format(a.At), a.UserName, a.Action, a.EntityType, a.EntityId, a.ResidentId, a.Detail, a.IpAddress)).ToList(), total);
    }

    private static Task<IReadOnlyList<DiagnosisCode>> SearchDiagnoses(string q, int? take, IDiagnosisDictionary dict, CancellationToken ct) =>
        dict.SearchAsync(q ?? "", Math.Clamp(take ?? 20, 1, 100), ct);
}

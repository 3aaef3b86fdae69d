using CountyHealth.Platform.Accounts;
using CountyHealth.Platform.Audit;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Diagnoses;
using CountyHealth.Platform.Institutions;
using CountyHealth.Platform.Operations;
using CountyHealth.Platform.Personnel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CountyHealth.Platform;

/// <summary>The Platform's routes, each to one use case.</summary>
internal static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("登录");
        auth.MapPost("/token", (SignInRequest r, IssueToken h) => h.HandleAsync(r)).AllowAnonymous()
            .WithName("IssueToken").WithSummary("用户名和密码换取访问令牌（Bearer）");
        // The browser signs in with a form post: Blazor's interactive circuit cannot set cookies.
        app.MapPost("/account/login", (HttpContext ctx, FormSignIn h) => h.HandleAsync(ctx)).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/account/logout", (HttpContext ctx, SignOut h) => h.HandleAsync(ctx)).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/api/v1/me", (Me h, CancellationToken ct) => h.HandleAsync(ct)).RequireAuthorization().WithTags("登录").WithName("Me").WithSummary("当前用户");

        var g = app.MapGroup("/api/v1").WithTags("机构与人员");
        var admin = g.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        g.MapGet("/institutions", (ListInstitutions h, CancellationToken ct) => h.HandleAsync(ct)).RequireAuthorization()
            .WithName("ListInstitutions").WithSummary("机构列表（本机构及下级）");
        admin.MapPost("/institutions", (InstitutionRequest r, CreateInstitution h, CancellationToken ct) => h.HandleAsync(r, ct))
            .WithName("CreateInstitution").WithSummary("新增机构");
        admin.MapPut("/institutions/{id:guid}", (Guid id, InstitutionRequest r, UpdateInstitution h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .WithName("UpdateInstitution").WithSummary("修改机构");
        g.MapGet("/departments", (Guid? institutionId, ListDepartments h, CancellationToken ct) => h.HandleAsync(institutionId, ct)).RequireAuthorization()
            .WithName("ListDepartments").WithSummary("科室列表");
        admin.MapPost("/departments", (DepartmentRequest r, CreateDepartment h, CancellationToken ct) => h.HandleAsync(r, ct))
            .WithName("CreateDepartment").WithSummary("新增科室");
        g.MapGet("/staff", ([AsParameters] StaffFilter f, ListStaff h, CancellationToken ct) => h.HandleAsync(f, ct)).RequireAuthorization()
            .WithName("ListStaff").WithSummary("人员列表；role 过滤出某角色（如 doctor）");
        admin.MapPost("/staff", (StaffRequest r, CreateStaff h, CancellationToken ct) => h.HandleAsync(r, ct))
            .WithName("CreateStaff").WithSummary("新增人员");
        admin.MapPost("/users", (UserRequest r, CreateUser h, CancellationToken ct) => h.HandleAsync(r, ct))
            .WithName("CreateUser").WithSummary("新增登录账户并分配角色");
        admin.MapPost("/users/{userName}/unlock", (string userName, UnlockUser h) => h.HandleAsync(userName))
            .WithName("UnlockUser").WithSummary("解除账户锁定");
        g.MapGet("/roles", (ListRoles h) => h.Handle()).RequireAuthorization().WithName("ListRoles").WithSummary("角色");
        admin.MapGet("/audit", ([AsParameters] AuditFilter f, SearchAudit h, CancellationToken ct) => h.HandleAsync(f, ct))
            .WithTags("审计").WithName("SearchAudit").WithSummary("查询审计日志");
        admin.MapGet("/system/counters", (ReadServerCounters h) => h.Handle())
            .WithTags("系统").WithName("ServerCounters").WithSummary("服务器累计 CPU 时间与数据库语句数（用于性能测量）");
        g.MapGet("/diagnoses", (string? q, int? take, SearchDiagnoses h, CancellationToken ct) => h.HandleAsync(q, take, ct)).RequireAuthorization()
            .WithTags("字典").WithName("SearchDiagnoses").WithSummary("按 ICD-10 编码、中文名或拼音首字母查诊断");
    }
}

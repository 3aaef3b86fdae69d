using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.BreakGlass;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Households;
using CountyHealth.Residents.ResidentIndex;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CountyHealth.Residents;

/// <summary>The resident index's routes, each to one use case.</summary>
internal static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/residents").WithTags("居民");
        g.MapGet("/", ([AsParameters] ResidentQuery q, SearchResidents h, CancellationToken ct) => h.HandleAsync(q, ct)).Requires(ResidentsPermissions.Read)
            .WithName("SearchResidents").WithSummary("按姓名、拼音首字母、身份证号（全部或后几位）或电话（全部或尾号）查找居民（本账户权限所及的机构）")
            .WithDescription(Paging.Describe(20, ResidentQuery.MaxPageSize));
        g.MapGet("/{id:guid}", (Guid id, GetResident h, CancellationToken ct) => h.HandleAsync(id, ct)).Requires(ResidentsPermissions.Read)
            .WithName("GetResident").WithSummary("居民详情");
        g.MapGet("/{id:guid}/household", (Guid id, GetHousehold h, CancellationToken ct) => h.HandleAsync(id, ct)).Requires(ResidentsPermissions.ReadHousehold)
            .WithName("GetResidentHousehold").WithSummary("居民所在家庭户及其成员（户主在前；归建档机构）");
        g.MapPost("/", (ResidentRequest r, RegisterResident h, CancellationToken ct) => h.HandleAsync(r, ct)).Requires(ResidentsPermissions.Register)
            .WithName("RegisterResident").WithSummary("登记居民；身份证号已建档时，姓名、性别、出生日期一致则关联本机构并返回已有居民，不一致则拒绝");
        g.MapPut("/{id:guid}", (Guid id, ResidentContactRequest r, UpdateResident h, CancellationToken ct) => h.HandleAsync(id, r, ct)).Requires(ResidentsPermissions.EditContact)
            .WithName("UpdateResident").WithSummary("修改居民电话与地址（两项都须给出，空值为清除）");
        g.MapPut("/{id:guid}/identity", (Guid id, ResidentIdentityRequest r, CorrectIdentity h, CancellationToken ct) => h.HandleAsync(id, r, ct)).Requires(ResidentsPermissions.EditIdentity)
            .WithName("CorrectResidentIdentity").WithSummary("更正居民姓名、性别、出生日期或身份证号（建档机构的档案管理员；保留原值与原因）");
        g.MapGet("/{id:guid}/identity-changes", (Guid id, IdentityChanges h, CancellationToken ct) => h.HandleAsync(id, ct)).Requires(ResidentsPermissions.Read)
            .WithName("ResidentIdentityChanges").WithSummary("居民身份信息的更正记录");

        var glass = app.MapGroup("/api/v1/break-glass").WithTags("紧急查阅");
        glass.MapPost("/", (BreakGlassRequest r, OpenBreakGlass h, CancellationToken ct) => h.HandleAsync(r, ct)).Requires(PlatformPermissions.BreakGlass)
            .WithName("OpenBreakGlass").WithSummary("紧急查阅：凭完整身份证号与理由，限时（2小时）查阅一位居民的档案与病历，全程留痕");
        glass.MapGet("/mine", (ListBreakGlass h, CancellationToken ct) => h.HandleAsync(true, ct)).Requires(PlatformPermissions.BreakGlass)
            .WithName("MyBreakGlass").WithSummary("本人开启的紧急查阅");
        glass.MapGet("/", (ListBreakGlass h, CancellationToken ct) => h.HandleAsync(false, ct)).Requires(PlatformPermissions.BreakGlassReview)
            .WithName("ReviewBreakGlass").WithSummary("对本机构居民的紧急查阅记录（院长、系统管理员）");
    }
}

using CountyHealth.Platform.Contracts;
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
        var g = app.MapGroup("/api/v1/residents").WithTags("居民").RequireAuthorization(p => p.RequireRole(Roles.ResidentReaders.Split(',')));
        g.MapGet("/", ([AsParameters] ResidentQuery q, SearchResidents h, CancellationToken ct) => h.HandleAsync(q, ct))
            .WithName("SearchResidents").WithSummary("按姓名、拼音首字母、身份证号（全部或后几位）或电话（全部或尾号）查找居民（本机构及下级）");
        g.MapGet("/{id:guid}", (Guid id, GetResident h, CancellationToken ct) => h.HandleAsync(id, ct)).WithName("GetResident").WithSummary("居民详情");
        g.MapGet("/{id:guid}/household", (Guid id, GetHousehold h, CancellationToken ct) => h.HandleAsync(id, ct))
            .WithName("GetResidentHousehold").WithSummary("居民所在家庭户及其成员（户主在前）");
        g.MapPost("/", (ResidentRequest r, RegisterResident h, CancellationToken ct) => h.HandleAsync(r, ct))
            .WithName("RegisterResident").WithSummary("登记居民；身份证号已存在时返回已有居民，不重复建档");
        g.MapPut("/{id:guid}", (Guid id, ResidentRequest r, UpdateResident h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .WithName("UpdateResident").WithSummary("修改居民联系方式与地址");
    }
}

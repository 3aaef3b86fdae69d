using CountyHealth.Kernel.Security;
using CountyHealth.PublicHealth.Chronic;
using CountyHealth.PublicHealth.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CountyHealth.PublicHealth;

/// <summary>Basic public health's routes, each to one use case.</summary>
internal static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/public-health").WithTags("公共卫生");
        g.MapGet("/chronic", ([AsParameters] DueQuery q, ListDuePatients h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(PublicHealthPermissions.Read).WithName("ChronicDueList").WithSummary("慢病随访名单：到期、逾期或全部在管患者");
        g.MapGet("/visits/{id:guid}/enrolment-proposal", (Guid id, [AsParameters] ProposalQuery q, GetEnrolmentProposal h, CancellationToken ct) => h.HandleAsync(id, q, ct))
            .Requires(PublicHealthPermissions.Chronic).WithName("ChronicEnrolmentProposal").WithSummary("就诊诊断建议纳入高血压/糖尿病患者管理");
        g.MapPost("/enrolments", (EnrolRequest r, Enrol h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(PublicHealthPermissions.Chronic).WithName("ChronicEnrol").WithSummary("纳入高血压/2型糖尿病患者管理");
        g.MapGet("/enrolments/{id:guid}", (Guid id, [AsParameters] EnrolmentQuery q, GetEnrolment h, CancellationToken ct) => h.HandleAsync(id, q, ct))
            .Requires(PublicHealthPermissions.Read).WithName("GetChronicEnrolment").WithSummary("慢病管理患者及其随访记录");
        g.MapPost("/enrolments/{id:guid}/follow-ups", (Guid id, FollowUpRequest r, RecordFollowUp h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Chronic).WithName("RecordChronicFollowUp").WithSummary("记录随访：自动分类、确定下次随访与转诊");
        g.MapPost("/enrolments/{id:guid}/end", (Guid id, EndEnrolmentRequest r, EndEnrolment h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Chronic).WithName("EndChronicEnrolment").WithSummary("结案：死亡、迁出或排除诊断");
    }
}

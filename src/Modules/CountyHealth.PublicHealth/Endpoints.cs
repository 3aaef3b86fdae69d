using CountyHealth.Kernel.Security;
using CountyHealth.PublicHealth.ChildHealth;
using CountyHealth.PublicHealth.Chronic;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Elderly;
using CountyHealth.PublicHealth.Immunisation;
using CountyHealth.PublicHealth.Mental;
using CountyHealth.PublicHealth.Records;
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

        g.MapGet("/records", ([AsParameters] RecordsQuery q, ListHealthRecords h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(PublicHealthPermissions.Records).WithName("ListHealthRecords").WithSummary("居民健康档案名单：已建档、未建档的居民");
        g.MapGet("/records/fields", (ListRecordFields h) => h.Handle())
            .Requires(PublicHealthPermissions.Records).WithName("HealthRecordFields").WithSummary("个人基本信息表的项目与代码（表单代码，非数据标准值域）");
        g.MapGet("/records/{id:guid}", (Guid id, GetHealthRecord h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(PublicHealthPermissions.Records).WithName("GetHealthRecord").WithSummary("居民健康档案：编号、个人基本信息、服务记录、家庭成员");
        g.MapPut("/records/{id:guid}", (Guid id, HealthRecordRequest r, SaveHealthRecord h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Records).WithName("SaveHealthRecord").WithSummary("建档（首次保存编17位档案号）或更新个人基本信息");
        g.MapPost("/records/{id:guid}/close", (Guid id, CloseRecordRequest r, CloseHealthRecord h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Records).WithName("CloseHealthRecord").WithSummary("档案结案：死亡或迁出");

        g.MapGet("/elderly", ([AsParameters] ElderlyQuery q, ListElderly h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(PublicHealthPermissions.Read).WithName("ListElderly").WithSummary("老年人健康管理名单：今年未完成体检、已完成或全部65岁及以上居民");
        g.MapGet("/elderly/{id:guid}", (Guid id, GetElderly h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(PublicHealthPermissions.Read).WithName("GetElderly").WithSummary("老年人年度健康体检记录");
        g.MapPost("/elderly/{id:guid}/checks", (Guid id, ElderlyCheckRequest r, RecordElderlyCheck h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Elderly).WithName("RecordElderlyCheck").WithSummary("记录老年人年度健康体检：自理能力评估、体检、辅助检查、健康指导");

        g.MapGet("/mental", ([AsParameters] MentalQuery q, ListMentalPatients h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(PublicHealthPermissions.Mental).WithName("ListMentalPatients").WithSummary("严重精神障碍患者随访名单：到期、逾期或全部在册患者");
        g.MapPost("/mental", (MentalRegistration r, RegisterMentalPatient h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(PublicHealthPermissions.Mental).WithName("RegisterMentalPatient").WithSummary("登记确诊的严重精神障碍患者（诊断、确诊医院、监护人、知情同意）");
        g.MapGet("/mental/{id:guid}", (Guid id, GetMentalPatient h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(PublicHealthPermissions.Mental).WithName("GetMentalPatient").WithSummary("严重精神障碍患者及其随访记录");
        g.MapPost("/mental/{id:guid}/follow-ups", (Guid id, MentalFollowUpRequest r, RecordMentalFollowUp h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Mental).WithName("RecordMentalFollowUp").WithSummary("记录随访：危险性评估、分类、转诊与下次随访日期");

        g.MapGet("/child-health", ([AsParameters] ChildHealthQuery q, ListChildHealth h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(PublicHealthPermissions.ChildRead).WithName("ListChildHealth").WithSummary("0～6岁儿童健康管理名单：到期、逾期或全部0～6岁儿童及其下次检查");
        g.MapGet("/child-health/{id:guid}", (Guid id, GetChildHealth h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(PublicHealthPermissions.ChildRead).WithName("GetChildHealth").WithSummary("儿童健康管理：13次检查的完成情况与检查记录");
        g.MapPost("/child-health/{id:guid}/checks", (Guid id, ChildCheckRequest r, RecordChildCheck h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Child).WithName("RecordChildCheck").WithSummary("记录新生儿家庭访视或儿童健康检查（按该次检查的表单项目）");

        g.MapGet("/immunisation", ([AsParameters] ChildrenDueQuery q, ListChildrenDue h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(PublicHealthPermissions.ImmunisationRead).WithName("ImmunisationDueList").WithSummary("预防接种应种名单：到期、逾期或全部0～6岁儿童");
        g.MapGet("/immunisation/catch-up", ([AsParameters] CatchUpQuery q, ListCatchUp h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(PublicHealthPermissions.ImmunisationRead).WithName("ImmunisationCatchUp").WithSummary("查漏补种名单：入托入学查验发现漏种的儿童及仍需补种的剂次");
        g.MapGet("/immunisation/children/{id:guid}", (Guid id, GetChildCard h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(PublicHealthPermissions.ImmunisationRead).WithName("GetChildImmunisation").WithSummary("儿童预防接种证：各疫苗剂次、下次应种、查验记录");
        g.MapGet("/immunisation/children/{id:guid}/dose-check", (Guid id, [AsParameters] DoseCheckQuery q, CheckDose h, CancellationToken ct) => h.HandleAsync(id, q, ct))
            .Requires(PublicHealthPermissions.Immunise).WithName("CheckVaccinationDose").WithSummary("接种前核对：本次为第几剂、是否未到月龄或间隔、能否接种");
        g.MapPost("/immunisation/children/{id:guid}/vaccinations", (Guid id, VaccinationRequest r, RecordVaccination h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Immunise).WithName("RecordVaccination").WithSummary("登记接种（或补录接种证）；未到月龄或间隔须填写原因确认");
        g.MapPost("/immunisation/children/{id:guid}/certificate-checks", (Guid id, CertificateCheckRequest r, CheckCertificate h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Immunise).WithName("CheckVaccinationCertificate").WithSummary("入托入学查验接种证，记录需补种的剂次");
    }
}

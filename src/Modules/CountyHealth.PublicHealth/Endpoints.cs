using CountyHealth.Kernel.Security;
using CountyHealth.PublicHealth.ChildHealth;
using CountyHealth.PublicHealth.Chronic;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Education;
using CountyHealth.PublicHealth.Elderly;
using CountyHealth.PublicHealth.Immunisation;
using CountyHealth.PublicHealth.Maternal;
using CountyHealth.PublicHealth.Mental;
using CountyHealth.PublicHealth.Records;
using CountyHealth.PublicHealth.Tuberculosis;
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

        g.MapGet("/maternal", ([AsParameters] MaternalQuery q, ListPregnancies h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(PublicHealthPermissions.Read).WithName("ListPregnancies").WithSummary("孕产妇随访名单：到期、逾期或全部在管孕产妇（按下次服务的时间窗）");
        g.MapPost("/maternal", (PregnancyRegistration r, RegisterPregnancy h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(PublicHealthPermissions.Maternal).WithName("RegisterPregnancy").WithSummary("孕产妇建册并记录第1次产前检查（孕13周前为早孕建册）");
        g.MapGet("/maternal/{id:guid}", (Guid id, GetPregnancy h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(PublicHealthPermissions.Read).WithName("GetPregnancy").WithSummary("孕产妇保健记录：建册信息、产前随访、分娩、产后访视与42天检查");
        g.MapPost("/maternal/{id:guid}/antenatal", (Guid id, AntenatalVisitRequest r, RecordAntenatalVisit h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Maternal).WithName("RecordAntenatalVisit").WithSummary("记录第2～5次产前随访（及高危孕妇增加的随访）");
        g.MapPost("/maternal/{id:guid}/delivery", (Guid id, DeliveryRequest r, RecordDelivery h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Maternal).WithName("RecordDelivery").WithSummary("登记分娩（分娩日期、出院日期、助产机构、分娩方式、活产数）");
        g.MapPost("/maternal/{id:guid}/postpartum", (Guid id, PostpartumRequest r, RecordPostpartumVisit h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Maternal).WithName("RecordPostpartumVisit").WithSummary("记录产后访视或产后42天健康检查（42天检查后结案）");
        g.MapPost("/maternal/{id:guid}/newborns", (Guid id, NewbornRequest r, RegisterNewborn h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Maternal).WithName("RegisterNewborn").WithSummary("新生儿登记：按分娩日期登记入母亲的家庭户（无家庭户时以母亲为户主建户），不超过活产数");
        g.MapPost("/maternal/{id:guid}/end", (Guid id, EndPregnancyRequest r, EndPregnancy h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Maternal).WithName("EndPregnancy").WithSummary("终止管理：流产、引产、迁出或死亡");

        g.MapGet("/tb", ([AsParameters] TbQuery q, ListTbPatients h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(PublicHealthPermissions.Tuberculosis).WithName("ListTbPatients").WithSummary("肺结核患者随访名单：到期、逾期或全部治疗中的患者");
        g.MapPost("/tb", (TbRegistration r, RegisterTbPatient h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(PublicHealthPermissions.Tuberculosis).WithName("RegisterTbPatient").WithSummary("登记定点医疗机构通知管理的肺结核患者（72小时内第一次入户随访）");
        g.MapGet("/tb/{id:guid}", (Guid id, GetTbPatient h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(PublicHealthPermissions.Tuberculosis).WithName("GetTbPatient").WithSummary("肺结核患者管理记录：通知、治疗、督导人员、随访与全程管理情况");
        g.MapPost("/tb/{id:guid}/visits", (Guid id, TbVisitRequest r, RecordTbVisit h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Tuberculosis).WithName("RecordTbVisit").WithSummary("记录第一次入户随访或督导服药随访：按督导人员与治疗阶段确定下次随访");
        g.MapPost("/tb/{id:guid}/stop", (Guid id, TbStopRequest r, StopTbTreatment h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Tuberculosis).WithName("StopTbTreatment").WithSummary("停止治疗及全程管理情况（应访视、实际访视、应服药、实际服药）");
        g.MapGet("/child-health", ([AsParameters] ChildHealthQuery q, ListChildHealth h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(PublicHealthPermissions.ChildRead).WithName("ListChildHealth").WithSummary("0～6岁儿童健康管理名单：到期、逾期或全部0～6岁儿童及其下次检查");
        g.MapGet("/child-health/{id:guid}", (Guid id, GetChildHealth h, CancellationToken ct) => h.HandleAsync(id, ct))
            .Requires(PublicHealthPermissions.ChildRead).WithName("GetChildHealth").WithSummary("儿童健康管理：13次检查的完成情况与检查记录");
        g.MapPost("/child-health/{id:guid}/checks", (Guid id, ChildCheckRequest r, RecordChildCheck h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Child).WithName("RecordChildCheck").WithSummary("记录新生儿家庭访视或儿童健康检查（按该次检查的表单项目）");

        g.MapGet("/education", ([AsParameters] EducationQuery q, GetEducationSheet h, CancellationToken ct) => h.HandleAsync(q, ct))
            .Requires(PublicHealthPermissions.Read).WithName("GetEducationSheet").WithSummary("健康教育：本年各类活动次数与规范要求、时间进度，活动记录");
        g.MapPost("/education", (EducationRequest r, RecordEducationActivity h, CancellationToken ct) => h.HandleAsync(r, ct))
            .Requires(PublicHealthPermissions.Education).WithName("RecordEducationActivity").WithSummary("登记健康教育活动（健康教育活动记录表）");

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
        g.MapPost("/immunisation/children/{id:guid}/vaccinations/{doseId:guid}/void", (Guid id, Guid doseId, VoidVaccinationRequest r, VoidVaccination h, CancellationToken ct) => h.HandleAsync(id, doseId, r, ct))
            .Requires(PublicHealthPermissions.Immunise).WithName("VoidVaccination").WithSummary("作废录错的接种记录（须填原因；同一疫苗从最后一剂起作废），原记录保留在作废记录中");
        g.MapPost("/immunisation/children/{id:guid}/certificate-checks", (Guid id, CertificateCheckRequest r, CheckCertificate h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .Requires(PublicHealthPermissions.Immunise).WithName("CheckVaccinationCertificate").WithSummary("入托入学查验接种证，记录需补种的剂次");
    }
}

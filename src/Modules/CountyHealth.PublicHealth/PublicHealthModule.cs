using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Security;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.PublicHealth.ChildHealth;
using CountyHealth.PublicHealth.Chronic;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Education;
using CountyHealth.PublicHealth.Elderly;
using CountyHealth.PublicHealth.Immunisation;
using CountyHealth.PublicHealth.Maternal;
using CountyHealth.PublicHealth.Mental;
using CountyHealth.PublicHealth.Records;
using CountyHealth.PublicHealth.Seeding;
using CountyHealth.PublicHealth.Tuberculosis;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.PublicHealth;

/// <summary>
/// Basic public health (国家基本公共卫生服务) on the resident record. This first part: the hypertension and type 2
/// diabetes programmes — enrolment proposed from the diagnosis, follow-ups on the national form with their
/// classification, the due lists, and the management and control rates; and children's immunisation by the national
/// schedule (versioned data) — doses with their checks, due lists, certificate checks and catch-up, coverage.
/// </summary>
public sealed class PublicHealthModule : IModule
{
    public string Name => "PublicHealth";

    public static NavigationDesk Desk { get; } = new("publichealth", "公共卫生", "Public health", "HealthAndSafety", 45);

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ChronicRecords>();
        services.AddScoped<EnrolmentRules>();
        services.AddScoped<IVisitNotices, ChronicNotices>();
        services.AddScoped<IHomeCards, ChronicHomeCard>();
        services.AddScoped<IFactSource, ChronicFacts>();
        services.AddScoped<ISyntheticData, ChronicHistory>();
        ChronicFacts.AddFeeds(services);
        services.AddScoped<HealthRecordPages>();
        services.AddScoped<IFactSource, RecordFacts>();
        services.AddScoped<ISyntheticData, RecordHistory>();
        RecordFacts.AddFeeds(services);
        services.AddScoped<ElderlyPages>();
        services.AddScoped<IFactSource, ElderlyFacts>();
        services.AddScoped<ISyntheticData, ElderlyHistory>();
        ElderlyFacts.AddFeeds(services);
        services.AddScoped<MentalPages>();
        services.AddScoped<IFactSource, MentalFacts>();
        services.AddScoped<ISyntheticData, MentalHistory>();
        MentalFacts.AddFeeds(services);
        services.AddScoped<MaternalPages>();
        services.AddScoped<IFactSource, MaternalFacts>();
        services.AddScoped<ISyntheticData, MaternalHistory>();
        MaternalFacts.AddFeeds(services);
        services.AddScoped<TbPages>();
        services.AddScoped<IFactSource, TbFacts>();
        services.AddScoped<ISyntheticData, TbHistory>();
        TbFacts.AddFeeds(services);
        services.AddScoped<ChildHealthPages>();
        services.AddScoped<IFactSource, ChildHealthFacts>();
        services.AddScoped<ISyntheticData, ChildHealthHistory>();
        ChildHealthFacts.AddFeeds(services);
        services.AddScoped<IFactSource, EducationFacts>();
        services.AddScoped<ISyntheticData, EducationHistory>();
        EducationFacts.AddFeeds(services);
        services.AddReferenceTable(ChronicThresholdTable.Create());
        services.AddReferenceTable(MentalIntervalTable.Create());
        services.AddReferenceTable(TbIntervalTable.Create());
        services.AddReferenceTable(MaternalScheduleTable.Create());
        services.AddReferenceTable(NationalSchedule.Create());
        services.AddReferenceTable(ChildSchedule.Create());
        services.AddScoped<ImmunisationRecords>();
        services.AddScoped<IFactSource, ImmunisationFacts>();
        services.AddScoped<IHomeCards, ImmunisationHomeCard>();
        services.AddScoped<ISyntheticData, ImmunisationHistory>();
        ImmunisationFacts.AddFeeds(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Endpoints.Map(endpoints);

    public IReadOnlyList<NavigationLink> Navigation { get; } =
    [
        new(Desk, "/public-health/chronic", "慢病随访名单", "Chronic follow-ups", PublicHealthPermissions.Read, 1, "高血压、2型糖尿病患者到期与逾期随访，可打印；随访分类与转诊按规范自动判定"),
        new(Desk, "/public-health/records", "居民健康档案", "Health records", PublicHealthPermissions.Records, 0, "建档（17位档案号）、个人基本信息表、家庭成员与动态使用情况"),
        new(Desk, "/public-health/elderly", "老年人健康管理", "Older people", PublicHealthPermissions.Read, 2, "65岁及以上居民年度体检名单：今年未体检者在前；自理能力评分、体检与健康指导"),
        new(Desk, "/public-health/mental", "严重精神障碍患者", "Severe mental disorders", PublicHealthPermissions.Mental, 3, "登记在册患者的到期与逾期随访；危险性评估分级、随访分类与转诊按规范判定"),
        new(Desk, "/public-health/child-health", "0～6岁儿童健康管理", "Child health", PublicHealthPermissions.ChildRead, 4, "新生儿访视与13次儿童健康检查的应查、逾期名单，可打印；按月龄只填该次表单项目"),
        new(Desk, "/public-health/maternal", "孕产妇健康管理", "Maternal care", PublicHealthPermissions.Read, 5, "孕产妇建册与产前随访、分娩、产后访视、42天检查：按孕周时间窗列出到期与逾期"),
        new(Desk, "/public-health/tb", "肺结核患者", "Tuberculosis", PublicHealthPermissions.Tuberculosis, 6, "定点医疗机构通知管理的肺结核患者：72小时内入户，按督导人员与治疗阶段随访，停止治疗时统计服药率"),
        new(Desk, "/public-health/education", "健康教育", "Health education", PublicHealthPermissions.Read, 7, "讲座、咨询、宣传栏、资料发放与义诊的活动记录；本年各类活动对照规范要求与时间进度"),
        new(Desk, "/public-health/immunisation", "预防接种", "Immunisation", PublicHealthPermissions.ImmunisationRead, 8, "0～6岁儿童应种、逾期名单，接种登记与月龄、间隔核对，可打印"),
        new(Desk, "/public-health/immunisation/catch-up", "查验补种", "Certificate checks", PublicHealthPermissions.ImmunisationRead, 9, "入托入学查验接种证发现的漏种儿童，补种完成前一直列出"),
    ];

    public IReadOnlyList<Permission> Permissions => PublicHealthPermissions.All;
}

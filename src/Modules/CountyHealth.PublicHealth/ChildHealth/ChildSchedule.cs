using CountyHealth.Kernel.Reference;
using CountyHealth.PublicHealth.Domain;

namespace CountyHealth.PublicHealth.ChildHealth;

/// <summary>The child health schedule: shipped with the module (Resources/child-check-schedule.tsv), corrected by the administrator.</summary>
public static class ChildSchedule
{
    public const string Key = "phs.child-check-schedule";

    public static ReferenceTable<ChildCheckSchedule> Create() => new(Key, "0～6岁儿童健康检查时间表",
        "新生儿访视与13次健康检查的应查、逾期月龄、所用表单、检查项目和各月龄的预警征象。应查与逾期名单、儿童健康管理率按此表计算；逾期月龄以省级规定为准，核对后修订。",
        ReferenceTableRegistration.Embedded(typeof(ChildSchedule).Assembly, "CountyHealth.PublicHealth.child-check-schedule.tsv"), ChildCheckSchedule.Parse);

    /// <summary>The shipped table, for rules tested without a host.</summary>
    public static ChildCheckSchedule Shipped { get; } = Create().Current;
}

using CountyHealth.Kernel.Reference;
using CountyHealth.PublicHealth.Domain;

namespace CountyHealth.PublicHealth.Maternal;

/// <summary>The maternal visit windows and findings: shipped with the module (Resources/maternal-schedule.tsv), corrected by the administrator.</summary>
public static class MaternalScheduleTable
{
    public const string Key = "phs.maternal-schedule";

    public static ReferenceTable<MaternalSchedule> Create() => new(Key, "孕产妇随访时间与异常阈值",
        "第2～5次产前随访的孕周窗口、产后访视与产后42天健康检查的期限，以及产前随访中血压、血红蛋白、胎心率的异常阈值。下次随访排期、逾期名单和异常判断按此表；修订只影响此后保存的随访与排期。",
        ReferenceTableRegistration.Embedded(typeof(MaternalScheduleTable).Assembly, "CountyHealth.PublicHealth.maternal-schedule.tsv"), MaternalSchedule.Parse);

    /// <summary>The shipped schedule, for rules tested without a host.</summary>
    public static MaternalSchedule Shipped { get; } = Create().Current;
}

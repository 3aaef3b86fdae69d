using CountyHealth.Kernel.Reference;
using CountyHealth.PublicHealth.Domain;

namespace CountyHealth.PublicHealth.Tuberculosis;

/// <summary>The TB visit intervals: shipped with the module (Resources/tb-follow-up.tsv), corrected by the administrator.</summary>
public static class TbIntervalTable
{
    public const string Key = "phs.tb-follow-up";

    public static ReferenceTable<TbIntervals> Create() => new(Key, "肺结核患者随访间隔",
        "第一次入户随访的期限、家属督导强化期与其余时期的随访间隔、转诊后随访天数和须报告上级的漏服次数。下次随访日期与处理意见按此表判定；修订只影响此后保存的随访。",
        ReferenceTableRegistration.Embedded(typeof(TbIntervalTable).Assembly, "CountyHealth.PublicHealth.tb-follow-up.tsv"), TbIntervals.Parse);

    /// <summary>The shipped intervals, for rules tested without a host.</summary>
    public static TbIntervals Shipped { get; } = Create().Current;
}

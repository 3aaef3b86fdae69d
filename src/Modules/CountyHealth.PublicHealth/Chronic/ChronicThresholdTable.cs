using CountyHealth.Kernel.Reference;
using CountyHealth.PublicHealth.Domain;

namespace CountyHealth.PublicHealth.Chronic;

/// <summary>The follow-up thresholds: shipped with the module (Resources/chronic-thresholds.tsv), corrected by the administrator.</summary>
public static class ChronicThresholdTable
{
    public const string Key = "phs.chronic-thresholds";

    public static ReferenceTable<ChronicThresholds> Create() => new(Key, "高血压、糖尿病随访分类与转诊阈值",
        "随访时血压、空腹血糖的控制目标（65岁及以上的收缩压目标），紧急转诊的血压、血糖、心率阈值，以及再随访与常规随访的间隔。随访分类、下次随访日期和转诊按此表判定；修订只影响此后保存的随访。",
        ReferenceTableRegistration.Embedded(typeof(ChronicThresholdTable).Assembly, "CountyHealth.PublicHealth.chronic-thresholds.tsv"), ChronicThresholds.Parse);

    /// <summary>The shipped thresholds, for rules tested without a host.</summary>
    public static ChronicThresholds Shipped { get; } = Create().Current;
}

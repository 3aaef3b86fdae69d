using CountyHealth.Kernel.Reference;
using CountyHealth.PublicHealth.Domain;

namespace CountyHealth.PublicHealth.Mental;

/// <summary>The mental-disorder follow-up rule: shipped with the module (Resources/mental-follow-up.tsv), corrected by the administrator.</summary>
public static class MentalIntervalTable
{
    public const string Key = "phs.mental-follow-up";

    public static ReferenceTable<MentalIntervals> Create() => new(Key, "严重精神障碍随访分类与间隔",
        "危险性达到几级即为病情不稳定，以及不稳定、基本稳定、稳定患者的下次随访间隔。随访分类、转诊和下次随访日期按此表判定；修订只影响此后保存的随访。",
        ReferenceTableRegistration.Embedded(typeof(MentalIntervalTable).Assembly, "CountyHealth.PublicHealth.mental-follow-up.tsv"), MentalIntervals.Parse);

    /// <summary>The shipped rule, for rules tested without a host.</summary>
    public static MentalIntervals Shipped { get; } = Create().Current;
}

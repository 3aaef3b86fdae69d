using CountyHealth.Platform.Contracts;

namespace CountyHealth.Platform.Seeding;

/// <summary>A township with its health centre (乡镇卫生院) and village clinics (村卫生室).</summary>
internal sealed record DemoTownship(string Name, string HealthCentreName, IReadOnlyList<string> VillageClinicNames);

/// <summary>A department of a demo institution; clinical ones see patients.</summary>
internal sealed record DemoDepartment(string Name, bool IsClinical);

/// <summary>
/// 清河县 (河北省邢台市, 行政区划代码 130534): the county-level institutions, three townships with two village clinics
/// each, and the departments of each kind of institution. Village names are illustrative.
/// </summary>
internal static class DemoCounty
{
    public static IReadOnlyList<DemoTownship> Townships { get; } =
    [
        new("葛仙庄镇", "葛仙庄镇卫生院", ["东王庄村卫生室", "李家庄村卫生室"]),
        new("连庄镇", "连庄镇卫生院", ["前屯村卫生室", "后屯村卫生室"]),
        new("油坊镇", "油坊镇卫生院", ["北街村卫生室", "马庄村卫生室"]),
    ];

    public static IReadOnlyList<DemoDepartment> CountyHospitalDepartments { get; } =
    [
        new("内科", true), new("外科", true), new("妇产科", true), new("儿科", true), new("急诊科", true), new("中医科", true),
        new("五官科", true), new("口腔科", true), new("检验科", false), new("放射科", false), new("超声科", false), new("心电图室", false),
        new("药剂科", false), new("预防保健科", false), new("挂号处", false), new("收费处", false), new("医务科", false),
    ];

    public static IReadOnlyList<DemoDepartment> HealthCentreDepartments { get; } =
    [
        new("全科", true), new("内科", true), new("中医科", true), new("检验科", false), new("放射科", false),
        new("药房", false), new("预防保健科", false), new("公共卫生科", false), new("收费处", false),
    ];

    public static IReadOnlyList<DemoDepartment> VillageClinicDepartments { get; } = [new("全科", true)];

    public static string Address => DemoAccounts.ParentRegionName + DemoAccounts.CountyName;
}

using CountyHealth.Billing.Domain;

namespace CountyHealth.Billing.Seeding;

/// <summary>
/// The demo county's yearly policies of the two schemes. Illustrative figures in the ranges of the domain
/// reference (§7.2) and seed 004 篇3 (70 and over: inpatient ratio up; TCM institutions: inpatient deductible 20 points
/// lower) — not a real province's policy.
/// </summary>
internal static class DemoInsurance
{
    /// <summary>The residents' scheme's policy of a year (from 1 January), and the employees' one.</summary>
    public static InsurancePolicy ResidentsPolicy(Guid schemeId, int year, DateTime at) => new()
    {
        SchemeId = schemeId,
        Name = $"{year}年度城乡居民医保门诊住院补偿方案",
        EffectiveFrom = new DateOnly(year, 1, 1),
        PersonalContribution = year >= 2026 ? 400m : 380m,
        SubsidyPerPerson = year >= 2026 ? 700m : 670m,
        AnnualCap = 150_000m,
        ClassBSelfPayShare = 0.10m,
        ElderlyAge = 70,
        TcmInpatientDeductibleCut = 0.20m,
        CreatedBy = "系统管理员",
        CreatedAt = at,
        Rates =
        [
            Rate(CareSetting.Outpatient, CareLevel.Village, 0m, 0.65m),
            Rate(CareSetting.Outpatient, CareLevel.Township, 50m, 0.60m),
            Rate(CareSetting.Outpatient, CareLevel.County, 200m, 0.50m),
            Rate(CareSetting.Outpatient, CareLevel.AboveCounty, 500m, 0.40m),
            Rate(CareSetting.Inpatient, CareLevel.Township, 200m, 0.85m, 0.30m),
            Rate(CareSetting.Inpatient, CareLevel.County, 500m, 0.75m, 0.20m),
            Rate(CareSetting.Inpatient, CareLevel.AboveCounty, 1000m, 0.60m, 0.10m),
        ],
    };

    public static InsurancePolicy EmployeesPolicy(Guid schemeId, int year, DateTime at) => new()
    {
        SchemeId = schemeId,
        Name = $"{year}年度职工医保统筹基金支付办法",
        EffectiveFrom = new DateOnly(year, 1, 1),
        PersonalContribution = 0m,
        SubsidyPerPerson = 0m,
        AnnualCap = 300_000m,
        ClassBSelfPayShare = 0.10m,
        ElderlyAge = 70,
        TcmInpatientDeductibleCut = 0m,
        CreatedBy = "系统管理员",
        CreatedAt = at,
        Rates =
        [
            Rate(CareSetting.Outpatient, CareLevel.Village, 0m, 0.70m),
            Rate(CareSetting.Outpatient, CareLevel.Township, 100m, 0.70m),
            Rate(CareSetting.Outpatient, CareLevel.County, 300m, 0.60m),
            Rate(CareSetting.Outpatient, CareLevel.AboveCounty, 600m, 0.50m),
            Rate(CareSetting.Inpatient, CareLevel.Township, 300m, 0.90m),
            Rate(CareSetting.Inpatient, CareLevel.County, 600m, 0.85m),
            Rate(CareSetting.Inpatient, CareLevel.AboveCounty, 1200m, 0.80m),
        ],
    };

    private static InsurancePolicyRate Rate(CareSetting setting, CareLevel level, decimal deductible, decimal ratio, decimal elderlyUplift = 0m) =>
        new() { Setting = setting, Level = level, Deductible = deductible, Ratio = ratio, ElderlyUplift = elderlyUplift };
}

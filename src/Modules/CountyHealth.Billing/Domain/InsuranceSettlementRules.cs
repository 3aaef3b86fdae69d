using System.Globalization;
using CountyHealth.Kernel.Amounts;

namespace CountyHealth.Billing.Domain;

/// <summary>Whether the care settled was an outpatient visit (门诊) or an inpatient stay (住院).</summary>
internal enum CareSetting
{
    Outpatient = 1,
    Inpatient = 2,
}

/// <summary>The level of the institution the care was given at; deductibles rise and ratios fall with it.</summary>
internal enum CareLevel
{
    Village = 1,
    Township = 2,
    County = 3,
    AboveCounty = 4,
}

internal static class CareLevels
{
    public static string ChineseName(CareLevel l) => l switch
    {
        CareLevel.Village => "村卫生室",
        CareLevel.Township => "乡镇卫生院",
        CareLevel.County => "县级医疗机构",
        CareLevel.AboveCounty => "县外医疗机构",
        _ => l.ToString(),
    };

    public static string SettingName(CareSetting s) => s == CareSetting.Outpatient ? "门诊" : "住院";
}

/// <summary>
/// One line of a policy: at this setting and level, the deductible (起付线) and the share of eligible costs the fund pays
/// (0–1), raised by <paramref name="ElderlyUplift"/> (in points, 0–1) for inpatients at or over the policy's elderly age.
/// </summary>
internal sealed record PolicyRate(CareSetting Setting, CareLevel Level, decimal Deductible, decimal Ratio, decimal ElderlyUplift = 0);

/// <summary>
/// What a scheme's policy of one year says: the annual cap (封顶线) of fund payments per person, the share of a 乙类 item
/// the patient pays first (先行自付), the age from which inpatients get the uplift, the cut of the inpatient deductible at
/// a TCM institution (0.2 = twenty points lower, seed 004 篇3), and the rates by setting and level.
/// </summary>
internal sealed record PolicyTerms(decimal AnnualCap, decimal ClassBSelfPayShare, int ElderlyAge, decimal TcmInpatientDeductibleCut, IReadOnlyList<PolicyRate> Rates)
{
    public PolicyRate? RateFor(CareSetting setting, CareLevel level) => Rates.FirstOrDefault(r => r.Setting == setting && r.Level == level);
}

/// <summary>An item to settle: its amount (元, to the fen) and its class in the insurance catalogue.</summary>
internal sealed record CoveredItem(string Description, decimal Amount, InsuranceClass Class);

/// <summary>
/// What the person has used of this year's policy before this settlement: the outpatient deductible borne so far (the
/// outpatient 起付线 is counted over the year; an inpatient stay bears its own each time) and what the fund has paid.
/// </summary>
internal sealed record YearToDate(decimal OutpatientDeductibleMet, decimal FundPaid)
{
    public static readonly YearToDate None = new(0, 0);
}

/// <summary>A settlement to compute: the items, where and how the care was given, the person's age that day and their year so far.</summary>
internal sealed record ClaimCase(IReadOnlyList<CoveredItem> Items, CareSetting Setting, CareLevel Level, bool TcmInstitution, int Age, YearToDate Used);

/// <summary>One step of a settlement, as the slip prints it: what it is, the amount, and the rule that gave it.</summary>
internal sealed record ClaimStep(string Code, string Name, decimal Amount, string Rule);

/// <summary>
/// A settlement's result, to the fen. <see cref="FundPays"/> + <see cref="PersonPays"/> = <see cref="Total"/>;
/// <see cref="DeductibleApplied"/> is what this settlement bore of the deductible, which the year's figures add up.
/// </summary>
internal sealed record ClaimOutcome(decimal Total, decimal Excluded, decimal ClassBSelfPaid, decimal Eligible, decimal DeductibleApplied, decimal Ratio,
    decimal FundPays, decimal PersonPays, decimal CapLeftAfter, IReadOnlyList<ClaimStep> Steps);

/// <summary>
/// The settlement engine (即时结报), pure and deterministic: given the items, the person's year so far and the policy, every
/// step to the fen (domain reference §7.3):
/// 政策范围内费用 E = 总费用 − 自费 − Σ乙类 × 自付比例; 起付线 D = min(E, the deductible still to bear);
/// 基金支付 = min(round((E − D) × 比例), 封顶线 − 本年已付); 个人支付 = 总费用 − 基金支付.
/// Amounts round half away from zero to the fen.
/// </summary>
internal static class InsuranceSettlementRules
{
    public static ClaimOutcome Settle(ClaimCase c, PolicyTerms policy)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(policy);
        if (c.Items.Any(i => i.Amount < 0))
        {
            throw new ArgumentException("An item's amount is negative.", nameof(c));
        }
        var rate = policy.RateFor(c.Setting, c.Level)
            ?? throw new InvalidOperationException($"The policy has no rate for {c.Setting} at {c.Level}.");
        var where = CareLevels.ChineseName(c.Level) + CareLevels.SettingName(c.Setting);
        var steps = new List<ClaimStep>();

        var total = c.Items.Sum(i => i.Amount);
        steps.Add(new("total", "医疗费用总额", total, $"本次结算的全部费用，{c.Items.Count}项"));

        var excluded = c.Items.Where(i => i.Class == InsuranceClass.SelfPay).Sum(i => i.Amount);
        steps.Add(new("excluded", "自费（目录外）", excluded, "丙类及自费项目不属医保支付范围，全部由个人支付"));

        var classB = c.Items.Where(i => i.Class == InsuranceClass.ClassB).Sum(i => i.Amount);
        var classBSelf = Money.Round(classB * policy.ClassBSelfPayShare);
        steps.Add(new("class_b_self", "乙类先行自付", classBSelf, $"乙类项目{Money.Format(classB)} × 先行自付{Percent(policy.ClassBSelfPayShare)}"));

        var eligible = total - excluded - classBSelf;
        steps.Add(new("eligible", "政策范围内费用", eligible, "总额 − 自费 − 乙类先行自付"));

        var (deductible, deductibleRule) = Deductible(c, policy, rate, where);
        var applied = Math.Min(eligible, deductible);
        steps.Add(new("deductible", "起付线", applied, deductibleRule));

        var ratio = rate.Ratio;
        var ratioRule = $"{where}报销比例{Percent(rate.Ratio)}";
        if (c.Setting == CareSetting.Inpatient && rate.ElderlyUplift > 0 && c.Age >= policy.ElderlyAge)
        {
            ratio = Math.Min(1m, rate.Ratio + rate.ElderlyUplift);
            ratioRule += $"；{policy.ElderlyAge}周岁及以上提高{Points(rate.ElderlyUplift)}个百分点，为{Percent(ratio)}";
        }
        var byRatio = Money.Round((eligible - applied) * ratio);
        steps.Add(new("by_ratio", "按比例计算的基金支付", byRatio, $"（政策范围内费用 − 起付线）× {ratioRule}"));

        var capLeft = Math.Max(0, policy.AnnualCap - c.Used.FundPaid);
        var fund = Math.Min(byRatio, capLeft);
        steps.Add(new("cap", "封顶线余额", capLeft,
            fund < byRatio
                ? $"年度封顶线{Money.Format(policy.AnnualCap)}，本年已支付{Money.Format(c.Used.FundPaid)}，本次最多支付{Money.Format(capLeft)}，超出部分{Money.Format(byRatio - fund)}由个人支付"
                : $"年度封顶线{Money.Format(policy.AnnualCap)}，本年已支付{Money.Format(c.Used.FundPaid)}，未超过"));

        steps.Add(new("fund", "统筹基金支付", fund, "按比例计算的支付，不超过封顶线余额"));
        var person = total - fund;
        steps.Add(new("person", "个人支付", person, "总额 − 统筹基金支付（含自费、乙类先行自付、起付线和比例外部分）"));
        return new ClaimOutcome(total, excluded, classBSelf, eligible, applied, ratio, fund, person, capLeft - fund, steps);
    }

    private static (decimal Amount, string Rule) Deductible(ClaimCase c, PolicyTerms policy, PolicyRate rate, string where)
    {
        if (c.Setting == CareSetting.Outpatient)
        {
            var left = Math.Max(0, rate.Deductible - c.Used.OutpatientDeductibleMet);
            return (left, $"{where}起付线{Money.Format(rate.Deductible)}，按年度累计；本年已计{Money.Format(Math.Min(rate.Deductible, c.Used.OutpatientDeductibleMet))}，尚余{Money.Format(left)}");
        }
        if (c.TcmInstitution && policy.TcmInpatientDeductibleCut > 0)
        {
            var cut = Money.Round(rate.Deductible * (1 - policy.TcmInpatientDeductibleCut));
            return (cut, $"{where}起付线{Money.Format(rate.Deductible)}，中医医疗机构降低{Points(policy.TcmInpatientDeductibleCut)}个百分点，为{Money.Format(cut)}（每次住院）");
        }
        return (rate.Deductible, $"{where}起付线{Money.Format(rate.Deductible)}（每次住院）");
    }

    private static string Percent(decimal share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Points(decimal share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture);
}

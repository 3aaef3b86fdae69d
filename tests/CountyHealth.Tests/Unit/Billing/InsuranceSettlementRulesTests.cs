using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Amounts;
using CsCheck;
using Xunit;

namespace CountyHealth.Tests.Unit.Billing;

/// <summary>
/// The settlement engine against cases worked by hand (every rule at its boundary), and its invariants over random
/// cases: the fund and the person together pay the total to the fen, nothing is negative, the cap holds over a year.
/// </summary>
public sealed class InsuranceSettlementRulesTests
{
    private static readonly PolicyTerms Policy = new(AnnualCap: 100_000m, ClassBSelfPayShare: 0.10m, ElderlyAge: 70, TcmInpatientDeductibleCut: 0.20m,
    [
        new(CareSetting.Outpatient, CareLevel.Village, 0m, 0.70m),
        new(CareSetting.Outpatient, CareLevel.Township, 50m, 0.60m),
        new(CareSetting.Inpatient, CareLevel.Township, 200m, 0.90m, ElderlyUplift: 0.20m),
        new(CareSetting.Inpatient, CareLevel.County, 500m, 0.75m, ElderlyUplift: 0.20m),
    ]);

    private static readonly CoveredItem[] Ward = [A(5000m), B(1000m), Own(300m)];

    private static CoveredItem A(decimal amount) => new("甲类项目", amount, InsuranceClass.ClassA);

    private static CoveredItem B(decimal amount) => new("乙类项目", amount, InsuranceClass.ClassB);

    private static CoveredItem Own(decimal amount) => new("自费项目", amount, InsuranceClass.SelfPay);

    private static ClaimOutcome Settle(CareSetting setting, CareLevel level, CoveredItem[] items, int age = 50, bool tcm = false, YearToDate? used = null, PolicyTerms? policy = null) =>
        InsuranceSettlementRules.Settle(new ClaimCase(items, setting, level, tcm, age, used ?? YearToDate.None), policy ?? Policy);

    private sealed record Worked(string Name, CareSetting Setting, CareLevel Level, CoveredItem[] Items, int Age, bool Tcm,
        decimal DeductibleMet, decimal FundPaid, decimal Excluded, decimal ClassBSelf, decimal Deductible, decimal Fund);

    private static readonly Worked[] Cases =
    [
        // name, setting, level, items, age, tcm, outpatient deductible met, fund paid so far → excluded, 乙类 self-paid, deductible, fund
        new("门诊：甲100 乙50 自费20，起付50，60%", CareSetting.Outpatient, CareLevel.Township, [A(100m), B(50m), Own(20m)], 50, false, 0m, 0m, 20m, 5m, 50m, 57m),
        new("门诊：本年已计起付30，余20", CareSetting.Outpatient, CareLevel.Township, [A(100m), B(50m), Own(20m)], 50, false, 30m, 0m, 20m, 5m, 20m, 75m),
        new("门诊：本年起付已满", CareSetting.Outpatient, CareLevel.Township, [A(100m)], 50, false, 80m, 0m, 0m, 0m, 0m, 60m),
        new("门诊：费用不足起付线，基金不付", CareSetting.Outpatient, CareLevel.Township, [A(30m)], 50, false, 0m, 0m, 0m, 0m, 30m, 0m),
        new("门诊：全部自费", CareSetting.Outpatient, CareLevel.Township, [Own(88.8m)], 50, false, 0m, 0m, 88.8m, 0m, 0m, 0m),
        new("门诊：分位四舍五入（乙0.05×10%=0.005→0.01；33.37×70%=23.359→23.36）", CareSetting.Outpatient, CareLevel.Village, [A(33.33m), B(0.05m)], 50, false, 0m, 0m, 0m, 0.01m, 0m, 23.36m),
        new("门诊：70岁不提高门诊比例", CareSetting.Outpatient, CareLevel.Township, [A(150m)], 80, false, 0m, 0m, 0m, 0m, 50m, 60m),
        new("住院：县级，起付500，75%", CareSetting.Inpatient, CareLevel.County, Ward, 50, false, 0m, 0m, 300m, 100m, 500m, 4050m),
        new("住院：69岁不提高", CareSetting.Inpatient, CareLevel.County, Ward, 69, false, 0m, 0m, 300m, 100m, 500m, 4050m),
        new("住院：70岁提高20个百分点为95%", CareSetting.Inpatient, CareLevel.County, Ward, 70, false, 0m, 0m, 300m, 100m, 500m, 5130m),
        new("住院：提高后不超过100%", CareSetting.Inpatient, CareLevel.Township, Ward, 75, false, 0m, 0m, 300m, 100m, 200m, 5700m),
        new("住院：中医医疗机构起付线降低20个百分点为400", CareSetting.Inpatient, CareLevel.County, Ward, 50, true, 0m, 0m, 300m, 100m, 400m, 4125m),
        new("住院：每次住院都计起付线，不看门诊累计", CareSetting.Inpatient, CareLevel.County, Ward, 50, false, 50m, 0m, 300m, 100m, 500m, 4050m),
        new("住院：封顶线余1000", CareSetting.Inpatient, CareLevel.County, Ward, 50, false, 0m, 99_000m, 300m, 100m, 500m, 1000m),
        new("住院：封顶线已用完", CareSetting.Inpatient, CareLevel.County, Ward, 50, false, 0m, 100_000m, 300m, 100m, 500m, 0m),
    ];

    public static TheoryData<string> HandWorked => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(HandWorked))]
    public void Hand_worked_cases_come_out_to_the_fen(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var o = Settle(c.Setting, c.Level, c.Items, c.Age, c.Tcm, new YearToDate(c.DeductibleMet, c.FundPaid));
        var total = c.Items.Sum(i => i.Amount);
        Assert.Equal(total, o.Total);
        Assert.Equal(c.Excluded, o.Excluded);
        Assert.Equal(c.ClassBSelf, o.ClassBSelfPaid);
        Assert.Equal(c.Deductible, o.DeductibleApplied);
        Assert.Equal(c.Fund, o.FundPays);
        Assert.Equal(total - c.Fund, o.PersonPays);
        Assert.Equal(o.FundPays, o.Steps.Single(s => s.Code == "fund").Amount);
        Assert.Equal(o.PersonPays, o.Steps.Single(s => s.Code == "person").Amount);
    }

    [Fact]
    public void Each_step_names_the_rule_that_gave_it()
    {
        var elderly = Settle(CareSetting.Inpatient, CareLevel.County, Ward, age: 72, tcm: true, used: new YearToDate(0, 99_000m));
        Assert.Equal(["total", "excluded", "class_b_self", "eligible", "deductible", "by_ratio", "cap", "fund", "person"], elderly.Steps.Select(s => s.Code));
        Assert.Contains("中医医疗机构降低20个百分点，为¥400.00", elderly.Steps.Single(s => s.Code == "deductible").Rule, StringComparison.Ordinal);
        Assert.Contains("70周岁及以上提高20个百分点，为95%", elderly.Steps.Single(s => s.Code == "by_ratio").Rule, StringComparison.Ordinal);
        Assert.Contains("超出部分", elderly.Steps.Single(s => s.Code == "cap").Rule, StringComparison.Ordinal);
        Assert.Contains("乙类项目¥1,000.00 × 先行自付10%", elderly.Steps.Single(s => s.Code == "class_b_self").Rule, StringComparison.Ordinal);
        var outpatient = Settle(CareSetting.Outpatient, CareLevel.Township, [A(100m)], used: new YearToDate(30m, 0));
        Assert.Contains("乡镇卫生院门诊起付线¥50.00，按年度累计；本年已计¥30.00，尚余¥20.00", outpatient.Steps.Single(s => s.Code == "deductible").Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_the_policy_does_not_rate_and_a_negative_item_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Settle(CareSetting.Outpatient, CareLevel.County, [A(10m)]));
        Assert.Throws<ArgumentException>(() => Settle(CareSetting.Outpatient, CareLevel.Township, [A(-0.01m)]));
    }

    private static readonly Gen<CoveredItem> Item = Gen.Select(Gen.Int[0, 2_000_000], Gen.Enum<InsuranceClass>(), (fen, c) => new CoveredItem("项目", fen / 100m, c));

    private static readonly Gen<PolicyTerms> Policies = Gen.Select(Gen.Int[0, 200_000], Gen.Int[0, 30], Gen.Int[0, 100_000], Gen.Int[0, 100], Gen.Int[0, 30], Gen.Int[0, 40],
        (cap, bShare, deductible, ratio, uplift, tcmCut) => new PolicyTerms(cap * 1m, bShare / 100m, 70, tcmCut / 100m,
            [.. Enum.GetValues<CareSetting>().SelectMany(s => Enum.GetValues<CareLevel>().Select(l => new PolicyRate(s, l, deductible / 100m, ratio / 100m, uplift / 100m)))]));

    private static readonly Gen<ClaimCase> RandomCases = Gen.Select(Item.Array[0, 12], Gen.Enum<CareSetting>(), Gen.Enum<CareLevel>(), Gen.Bool, Gen.Int[0, 110],
        Gen.Int[0, 100_000], Gen.Int[0, 20_000_000],
        (items, setting, level, tcm, age, met, paid) => new ClaimCase(items, setting, level, tcm, age, new YearToDate(met / 100m, paid / 100m)));

    [Fact]
    public void Fund_and_person_together_pay_the_total_to_the_fen_and_nothing_is_negative()
    {
        Gen.Select(RandomCases, Policies).Sample((c, policy) =>
        {
            var o = InsuranceSettlementRules.Settle(c, policy);
            return o.FundPays + o.PersonPays == o.Total
                && o.Total == c.Items.Sum(i => i.Amount)
                && o.FundPays >= 0 && o.PersonPays >= 0 && o.Eligible >= 0 && o.DeductibleApplied >= 0 && o.CapLeftAfter >= 0
                && o.DeductibleApplied <= o.Eligible
                && o.FundPays <= o.Eligible
                && o.FundPays <= Math.Max(0, policy.AnnualCap - c.Used.FundPaid)
                && decimal.Round(o.FundPays, 2) == o.FundPays
                && Same(o, InsuranceSettlementRules.Settle(c, policy));
        }, iter: 5_000);
    }

    [Fact]
    public void The_cap_is_never_exceeded_and_the_outpatient_deductible_is_borne_once_over_a_year_of_visits()
    {
        Gen.Select(Policies, Gen.Select(Item.Array[1, 6], Gen.Enum<CareSetting>(), Gen.Enum<CareLevel>()).List[1, 40]).Sample((policy, visits) =>
        {
            var used = YearToDate.None;
            var deductibles = 0m;
            foreach (var (items, setting, level) in visits)
            {
                var o = InsuranceSettlementRules.Settle(new ClaimCase(items, setting, level, false, 50, used), policy);
                if (setting == CareSetting.Outpatient)
                {
                    deductibles += o.DeductibleApplied;
                }
                used = new YearToDate(used.OutpatientDeductibleMet + (setting == CareSetting.Outpatient ? o.DeductibleApplied : 0), used.FundPaid + o.FundPays);
            }
            return used.FundPaid <= policy.AnnualCap && deductibles <= policy.Rates[0].Deductible;
        }, iter: 2_000);
    }

    private static bool Same(ClaimOutcome a, ClaimOutcome b) =>
        a.Total == b.Total && a.FundPays == b.FundPays && a.PersonPays == b.PersonPays && a.Steps.SequenceEqual(b.Steps);
}

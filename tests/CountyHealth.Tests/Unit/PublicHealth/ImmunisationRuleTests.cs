using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Immunisation;
using Xunit;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The national immunisation schedule (2021, DTaP from 2025) and its rules at their boundaries.</summary>
public sealed class ImmunisationRuleTests
{
    private static readonly ImmunisationSchedule Schedule = NationalSchedule.Shipped;

    private static GivenDose Dose(string series, int dose, DateOnly on) => Schedule.Given(series, dose, on);

    private static DueDose Next(string series, DateOnly birth, DateOnly asOf, params GivenDose[] given) =>
        VaccinationRules.Next(Schedule, series, birth, given, asOf) ?? throw new InvalidOperationException("complete");

    [Fact]
    public void The_shipped_schedule_has_every_dose_of_the_2021_programme_and_the_2025_DTaP_change()
    {
        Assert.Equal(["HepB", "BCG", "Polio", "DTP", "MMR", "JE", "Men", "HepA"], Schedule.Series.Select(s => s.Code));
        var in2024 = Schedule.On(new DateOnly(2024, 6, 1));
        var in2026 = Schedule.On(new DateOnly(2026, 6, 1));
        Assert.Equal(22, in2024.Count);
        Assert.Equal(22, in2026.Count);
        Assert.Equal("DT", in2024.Single(d => d.Key == "DTP5").Vaccine);
        Assert.Equal("DTaP", in2026.Single(d => d.Key == "DTP5").Vaccine);
        Assert.Equal([3, 4, 5, 18], in2024.Where(d => d.Series == "DTP" && d.Dose <= 4).Select(d => d.MinAge.Count));
        Assert.Equal([2, 4, 6, 18], in2026.Where(d => d.Series == "DTP" && d.Dose <= 4).Select(d => d.MinAge.Count));
        // Two IPV then two bOPV since 2019 (apps in the wild swap them).
        Assert.Equal(["IPV", "IPV", "bOPV", "bOPV"], in2026.Where(d => d.Series == "Polio").Select(d => d.Vaccine));
    }

    [Fact]
    public void A_newborn_is_due_for_hepatitis_B_and_BCG_at_birth_and_the_rest_at_their_minimum_ages()
    {
        var birth = new DateOnly(2026, 3, 31);
        var due = VaccinationRules.Due(Schedule, birth, [], birth).ToDictionary(d => d.Dose.Key, d => d.DueOn);
        Assert.Equal(birth, due["HepB1"]);
        Assert.Equal(birth, due["BCG1"]);
        // Calendar months: 2 months after 31 March is 31 May; 8 months is 30 November (no 31st).
        Assert.Equal(new DateOnly(2026, 5, 31), due["Polio1"]);
        Assert.Equal(new DateOnly(2026, 5, 31), due["DTP1"]);
        Assert.Equal(new DateOnly(2026, 11, 30), due["MMR1"]);
        Assert.Equal(new DateOnly(2027, 9, 30), due["HepA1"]);
    }

    [Fact]
    public void A_later_dose_waits_for_its_minimum_interval_when_that_is_later_than_its_age()
    {
        var birth = new DateOnly(2026, 1, 10);
        // HepB 2 given late at 5 months: dose 3 is due 60 days later, not at 6 months.
        var late = Next("HepB", birth, new DateOnly(2026, 6, 15), Dose("HepB", 1, birth), Dose("HepB", 2, new DateOnly(2026, 6, 10)));
        Assert.Equal((3, new DateOnly(2026, 8, 9)), (late.Dose.Dose, late.DueOn));
        // Given on time at 1 month: dose 3 at 6 months.
        var onTime = Next("HepB", birth, new DateOnly(2026, 3, 1), Dose("HepB", 1, birth), Dose("HepB", 2, new DateOnly(2026, 2, 10)));
        Assert.Equal(new DateOnly(2026, 7, 10), onTime.DueOn);
    }

    [Fact]
    public void A_dose_before_its_minimum_age_or_interval_warns_and_on_the_day_does_not()
    {
        var birth = new DateOnly(2026, 1, 10);
        var given = new[] { Dose("HepB", 1, birth) };
        var early = VaccinationRules.Check(Schedule, "HepB", birth, given, new DateOnly(2026, 2, 9), new DateOnly(2026, 12, 1));
        Assert.Empty(early.Refusals);
        Assert.Contains(early.Warnings, w => w.StartsWith("未到乙肝疫苗第2剂的最小接种月龄（1月龄，2026-02-10起）", StringComparison.Ordinal));
        var onTheDay = VaccinationRules.Check(Schedule, "HepB", birth, given, new DateOnly(2026, 2, 10), new DateOnly(2026, 12, 1));
        Assert.Empty(onTheDay.Warnings);
        Assert.Equal(2, onTheDay.Dose!.Dose);

        // Dose 2 at one month and a day, dose 3 at six months but 59 days after it: the interval warns.
        var two = new[] { Dose("HepB", 1, birth), Dose("HepB", 2, new DateOnly(2026, 5, 12)) };
        var shortGap = VaccinationRules.Check(Schedule, "HepB", birth, two, new DateOnly(2026, 7, 10), new DateOnly(2026, 12, 1));
        Assert.Equal(["距乙肝疫苗上一剂（2026-05-12）不足最小间隔60天"], shortGap.Warnings);
        Assert.Empty(VaccinationRules.Check(Schedule, "HepB", birth, two, new DateOnly(2026, 7, 11), new DateOnly(2026, 12, 1)).Warnings);
    }

    [Fact]
    public void Two_injected_live_vaccines_are_given_the_same_day_or_28_days_apart_and_oral_polio_does_not_count()
    {
        var birth = new DateOnly(2025, 1, 5);
        var mmr = Dose("MMR", 1, new DateOnly(2025, 9, 5));
        Assert.Equal(VaccineKind.Live, mmr.Kind);
        Assert.Empty(VaccinationRules.Check(Schedule, "JE", birth, [mmr], new DateOnly(2025, 9, 5), new DateOnly(2026, 1, 1)).Warnings);
        Assert.Contains("间隔28天以上", Assert.Single(VaccinationRules.Check(Schedule, "JE", birth, [mmr], new DateOnly(2025, 10, 2), new DateOnly(2026, 1, 1)).Warnings),
            StringComparison.Ordinal);
        Assert.Empty(VaccinationRules.Check(Schedule, "JE", birth, [mmr], new DateOnly(2025, 10, 3), new DateOnly(2026, 1, 1)).Warnings);
        // bOPV is live but oral: no gap with an injected live vaccine.
        var opv = Dose("Polio", 3, new DateOnly(2025, 8, 25));
        Assert.Equal(VaccineKind.LiveOral, opv.Kind);
        Assert.Empty(VaccinationRules.Check(Schedule, "MMR", birth, [opv], new DateOnly(2025, 9, 5), new DateOnly(2026, 1, 1)).Warnings);
    }

    [Fact]
    public void Doses_no_longer_given_at_the_age_are_refused_or_skipped()
    {
        var birth = new DateOnly(2021, 6, 1);
        // BCG from four years: not given.
        var bcg = VaccinationRules.Check(Schedule, "BCG", birth, [], new DateOnly(2025, 6, 1), new DateOnly(2026, 1, 1));
        Assert.Equal(["该儿童已超过卡介苗的接种年龄，不再接种"], bcg.Refusals);
        Assert.Empty(VaccinationRules.Check(Schedule, "BCG", birth, [], new DateOnly(2025, 5, 31), new DateOnly(2026, 1, 1)).Refusals);
        // MPSV-A from 24 months: a child without it goes on to MPSV-AC at three (12 months after the last A dose when she had one).
        Assert.Equal(3, Next("Men", birth, new DateOnly(2024, 7, 1)).Dose.Dose);
        var afterA = Next("Men", birth, new DateOnly(2024, 7, 1), Dose("Men", 1, new DateOnly(2023, 12, 1)));
        Assert.Equal((3, new DateOnly(2024, 12, 1)), (afterA.Dose.Dose, afterA.DueOn));
    }

    [Fact]
    public void A_complete_series_a_future_day_and_a_day_before_birth_are_refused()
    {
        var birth = new DateOnly(2026, 1, 10);
        Assert.Equal(["卡介苗已全程接种"], VaccinationRules.Check(Schedule, "BCG", birth, [Dose("BCG", 1, birth)], new DateOnly(2026, 2, 1), new DateOnly(2026, 12, 1)).Refusals);
        Assert.Contains("接种日期不能晚于今天", VaccinationRules.Check(Schedule, "HepB", birth, [], new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 1)).Refusals);
        Assert.Contains("接种日期不能早于出生日期（2026-01-10）", VaccinationRules.Check(Schedule, "HepB", birth, [], new DateOnly(2026, 1, 9), new DateOnly(2026, 12, 1)).Refusals);
        Assert.Equal(["不是国家免疫规划疫苗"], VaccinationRules.Check(Schedule, "Rabies", birth, [], birth, birth).Refusals);
    }

    [Fact]
    public void The_2025_DTaP_schedule_applies_from_its_first_day_and_the_2021_one_before()
    {
        // Born in August 2024: 3 months fell in 2024 under the 2021 schedule.
        var august = Schedule.DueDays(new DateOnly(2024, 8, 15)).ToDictionary(d => d.Dose.Key);
        Assert.Equal((new DateOnly(2024, 11, 15), 3), (august["DTP1"].Day, august["DTP1"].Dose.MinAge.Count));
        // Born in October 2024: 2 months passed before 2025 and 3 months fell after the 2021 schedule ended — due on 2025-01-01.
        var october = Schedule.DueDays(new DateOnly(2024, 10, 15)).ToDictionary(d => d.Dose.Key);
        Assert.Equal((new DateOnly(2025, 1, 1), 2), (october["DTP1"].Day, october["DTP1"].Dose.MinAge.Count));
        Assert.Equal("DTaP", october["DTP5"].Dose.Vaccine);
        // Born in 2019, before the table's first version: that version stands for the earlier days.
        var older = Schedule.DueDays(new DateOnly(2019, 12, 20)).ToDictionary(d => d.Dose.Key);
        Assert.Equal(new DateOnly(2019, 12, 20), older["HepB1"].Day);
        // Six in December 2025: DTaP, not the 2021 schedule's DT; six in 2024: DT.
        Assert.Equal("DTaP", older["DTP5"].Dose.Vaccine);
        Assert.Equal("DT", Schedule.DueDays(new DateOnly(2018, 6, 1)).Single(d => d.Dose.Key == "DTP5").Dose.Vaccine);
        Assert.Empty(VaccinationRules.Check(Schedule, "HepB", new DateOnly(2019, 12, 20), [], new DateOnly(2019, 12, 20), new DateOnly(2026, 1, 1)).Refusals);
    }

    [Fact]
    public void A_school_entry_check_lists_every_dose_missing_for_the_age_not_only_the_next()
    {
        var birth = new DateOnly(2022, 6, 1);
        var given = new[] { Dose("HepB", 1, birth), Dose("HepB", 2, new DateOnly(2022, 7, 1)), Dose("BCG", 1, birth) };
        var missing = Schedule.Missing(birth, given, new DateOnly(2025, 9, 1)).Select(d => d.Key).ToList();
        Assert.Contains("HepB3", missing);
        Assert.Contains("DTP4", missing);
        Assert.Contains("Men3", missing);
        // Not yet due at 3 years 3 months: polio 4 (4 years); MPSV-A no longer given after 24 months.
        Assert.DoesNotContain("Polio4", missing);
        Assert.DoesNotContain("Men1", missing);
        Assert.DoesNotContain("BCG1", missing);
    }

    [Theory]
    [InlineData("15天", 2026, 11, 16)]
    [InlineData("1月龄", 2026, 11, 1)]
    [InlineData("11月龄", 2026, 1, 1)]
    [InlineData("1岁", 2025, 12, 1)]
    [InlineData("2岁3月", 2024, 9, 1)]
    public void Ages_read_as_the_clinic_says_them(string text, int y, int m, int d) =>
        Assert.Equal(text, ImmunisationRecords.AgeText(new DateOnly(y, m, d), new DateOnly(2026, 12, 1)));

    [Theory]
    [InlineData("HepB\t乙肝疫苗\t1\tHepB\t乙肝疫苗\t肌内注射\tinactivated\t0d\t\t1d\t\t2021-02-23", "应有 13 列")]
    [InlineData("HepB\t乙肝疫苗\t1\tHepB\t乙肝疫苗\t肌内注射\tlive-ish\t0d\t\t1d\t\t2021-02-23\t", "疫苗类型")]
    [InlineData("HepB\t乙肝疫苗\t1\tHepB\t乙肝疫苗\t肌内注射\tinactivated\t6w\t\t1d\t\t2021-02-23\t", "起始月龄“6w”")]
    [InlineData("HepB\t乙肝疫苗\t1\tHepB\t乙肝疫苗\t肌内注射\tinactivated\t0d\t\t1d\t\t2021-02-23\t2020-01-01", "早于启用日期")]
    public void A_malformed_schedule_line_is_refused_with_its_line_number(string line, string says)
    {
        const string header = "series\tseries_name\tdose\tvaccine\tvaccine_name\troute\tlive\tmin_age\tmin_interval\tcomplete_by\tmax_age\tfrom\tto\n";
        var e = Assert.Throws<FormatException>(() => ImmunisationSchedule.Parse(header + line));
        Assert.Contains("第 2 行", e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_versions_of_a_dose_in_force_on_the_same_day_are_refused()
    {
        const string text = "series\tseries_name\tdose\tvaccine\tvaccine_name\troute\tlive\tmin_age\tmin_interval\tcomplete_by\tmax_age\tfrom\tto\n"
            + "DTP\t百白破疫苗\t1\tDTaP\t百白破疫苗\t肌内注射\tinactivated\t3m\t\t12m\t\t2021-02-23\t2025-01-31\n"
            + "DTP\t百白破疫苗\t1\tDTaP\t百白破疫苗\t肌内注射\tinactivated\t2m\t\t12m\t\t2025-01-01\t\n";
        Assert.Contains("在同一段日期内出现了两行", Assert.Throws<FormatException>(() => ImmunisationSchedule.Parse(text)).Message, StringComparison.Ordinal);
    }
}

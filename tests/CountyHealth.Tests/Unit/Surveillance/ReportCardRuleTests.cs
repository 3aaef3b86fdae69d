using CountyHealth.Kernel.Time;
using CountyHealth.Residents.Contracts;
using CountyHealth.Surveillance.Cards;
using CountyHealth.Surveillance.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.Surveillance;

/// <summary>The notifiable-disease table as shipped, matching a diagnosis to a disease, deadlines and the card's required fields.</summary>
public sealed class ReportCardRuleTests
{
    private static readonly DiseaseList Diseases = DiseaseCatalogue.Create().Current;
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void The_law_of_2025_lists_forty_diseases_two_of_class_a_twenty_seven_of_b_eleven_of_c()
    {
        var live = Diseases.InForce(Today).Where(d => d.PartOf is null).ToList();
        Assert.Equal(40, live.Count);
        Assert.Equal(2, live.Count(d => d.Class == DiseaseClass.A));
        Assert.Equal(27, live.Count(d => d.Class == DiseaseClass.B));
        Assert.Equal(11, live.Count(d => d.Class == DiseaseClass.C));
        // 人感染新亚型流感 replaced 人感染高致病性禽流感 on 2025-09-01; 猴痘 was added on 2023-09-20.
        Assert.Equal("人感染高致病性禽流感", Diseases.Match("J09", new DateOnly(2025, 8, 31))!.Name);
        Assert.Equal("人感染新亚型流感", Diseases.Match("J09", new DateOnly(2025, 9, 1))!.Name);
        Assert.Null(Diseases.Match("B04", new DateOnly(2023, 9, 19)));
        Assert.Equal("猴痘", Diseases.Match("B04", new DateOnly(2023, 9, 20))!.Name);
    }

    [Theory]
    [InlineData("A00", "霍乱", 2)]
    [InlineData("A20.9", "鼠疫", 2)]
    [InlineData("A22", "炭疽", 24)]
    [InlineData("A22.1", "肺炭疽", 2)]
    [InlineData("U04", "传染性非典型肺炎", 2)]
    [InlineData("A15", "肺结核", 24)]
    [InlineData("a03 ", "细菌性和阿米巴性痢疾", 24)]
    [InlineData("B08", "手足口病", 24)]
    [InlineData("A98", "流行性出血热", 24)]
    [InlineData("A09", "其他感染性腹泻病", 24)]
    [InlineData("J11", "流行性感冒", 24)]
    public void A_diagnosis_names_its_disease_and_the_class_sets_the_limit(string icd, string disease, int hours)
    {
        var d = Diseases.Match(icd, Today);
        Assert.NotNull(d);
        Assert.Equal(disease, d!.Name);
        Assert.Equal(TimeSpan.FromHours(hours), d.ReportWithin);
    }

    [Theory]
    [InlineData("I10")]
    [InlineData("J06")]
    [InlineData("")]
    [InlineData("A2")]
    public void Other_diagnoses_need_no_card(string icd) => Assert.Null(Diseases.Match(icd, Today));

    [Fact]
    public void A_malformed_table_is_refused_with_its_line()
    {
        const string Header = "code\tname\tclass\tas_class_a\tpart_of\ticd10\tfrom\tto\n";
        Assert.Contains("第 2 行", Assert.Throws<FormatException>(() => DiseaseList.Parse(Header + "0101\t鼠疫\t丁\t0\t\tA20\t2004-12-01\t\n")).Message);
        Assert.Contains("重复", Assert.Throws<FormatException>(() => DiseaseList.Parse(Header + "0101\t鼠疫\t甲\t0\t\tA20\t2004-12-01\t\n0101\t霍乱\t甲\t0\t\tA00\t2004-12-01\t\n")).Message);
        Assert.Contains("停用日期", Assert.Throws<FormatException>(() => DiseaseList.Parse(Header + "0101\t鼠疫\t甲\t0\t\tA20\t2004-12-01\t2004-11-30\n")).Message);
        Assert.Contains("上级病种 9999", Assert.Throws<FormatException>(() => DiseaseList.Parse(Header + "0101\t鼠疫\t甲\t0\t9999\tA20\t2004-12-01\t\n")).Message);
    }

    private static CardRules.Fields Complete(Action<Builder>? change = null)
    {
        var b = new Builder();
        change?.Invoke(b);
        return new CardRules.Fields(b.Name, b.Parent, "330101199001011234", Sex.Female, b.Birth, "本县区", "清河县葛仙庄镇东村 12 号", "农民",
            CaseClassification.Clinical, b.AcuteOrChronic, b.Disease, b.Onset, Today, b.Death);
    }

    private sealed class Builder
    {
        public string? Name { get; set; } = "王秀英";
        public string? Parent { get; set; }
        public DateOnly? Birth { get; set; } = new(1990, 1, 1);
        public DateOnly? Onset { get; set; } = Today.AddDays(-2);
        public DateOnly? Death { get; set; }
        public string Disease { get; set; } = "0215";
        public string? AcuteOrChronic { get; set; }
    }

    [Fact]
    public void A_complete_card_may_be_sent_and_each_required_field_is_named_when_missing()
    {
        Assert.Empty(CardRules.Check(Complete(), Today));
        var empty = new CardRules.Fields(" ", null, null, Sex.Unknown, null, null, null, null, null, null, "0215", null, Today, null);
        Assert.Equal(["patientName", "idNumber", "sex", "birthDate", "residenceCategory", "address", "occupation", "classification", "onsetDate"],
            CardRules.Check(empty, Today).Select(e => e.Field));
        Assert.Contains(CardRules.Check(empty with { Occupation = "学生" }, Today), e => e.Field == "occupation");
    }

    [Fact]
    public void Dates_must_be_in_order_at_their_boundaries()
    {
        Assert.Empty(CardRules.Check(Complete(b => b.Onset = Today), Today));
        Assert.Equal("发病日期不能晚于诊断日期", Assert.Single(CardRules.Check(Complete(b => b.Onset = Today.AddDays(1)), Today)).Message);
        Assert.Empty(CardRules.Check(Complete(b => b.Onset = b.Birth), Today));
        Assert.Equal("onsetDate", Assert.Single(CardRules.Check(Complete(b => b.Onset = new DateOnly(1989, 12, 31)), Today)).Field);
        Assert.Empty(CardRules.Check(Complete(b => b.Death = b.Onset), Today));
        Assert.Equal("死亡日期不能早于发病日期", Assert.Single(CardRules.Check(Complete(b => b.Death = Today.AddDays(-3)), Today)).Message);
        Assert.Equal("deathDate", Assert.Single(CardRules.Check(Complete(b => b.Death = Today.AddDays(1)), Today)).Field);
    }

    [Fact]
    public void A_child_of_fourteen_is_reported_with_a_parent_and_one_of_fifteen_is_not()
    {
        var fourteen = Today.AddYears(-15).AddDays(1);
        Assert.Equal("parentName", Assert.Single(CardRules.Check(Complete(b => (b.Birth, b.Onset) = (fourteen, Today)), Today)).Field);
        Assert.Empty(CardRules.Check(Complete(b => (b.Birth, b.Onset, b.Parent) = (fourteen, Today, "王建国")), Today));
        Assert.Empty(CardRules.Check(Complete(b => (b.Birth, b.Onset) = (Today.AddYears(-15), Today)), Today));
    }

    [Fact]
    public void Hepatitis_says_acute_or_chronic()
    {
        Assert.Equal("acuteOrChronic", Assert.Single(CardRules.Check(Complete(b => b.Disease = "0204"), Today)).Field);
        Assert.Empty(CardRules.Check(Complete(b => (b.Disease, b.AcuteOrChronic) = ("0204", "慢性")), Today));
    }

    [Fact]
    public void Reported_in_time_means_by_the_deadline_itself()
    {
        var due = new DateTime(2026, 12, 2, 4, 0, 0, DateTimeKind.Utc);
        Assert.True(CardRules.ReportedInTime(due, due));
        Assert.False(CardRules.ReportedInTime(due, due.AddSeconds(1)));
        Assert.False(CardRules.ReportedInTime(due, null));
        var sent = due.AddHours(-1);
        Assert.True(CardRules.ReviewedInTime(TimeSpan.FromHours(2), sent, sent.AddHours(2)));
        Assert.False(CardRules.ReviewedInTime(TimeSpan.FromHours(2), sent, sent.AddHours(2).AddSeconds(1)));
        Assert.False(CardRules.ReviewedInTime(TimeSpan.FromHours(24), sent, null));
    }

    [Fact]
    public void The_time_left_counts_a_started_minute_and_the_time_over_whole_minutes()
    {
        var due = new DateTime(2026, 12, 2, 4, 0, 0, DateTimeKind.Utc);
        Assert.Equal(("剩余 1 小时 52 分", false), Deadlines.Describe(due, due.AddMinutes(-112)));
        Assert.Equal(("剩余 1 分", false), Deadlines.Describe(due, due.AddSeconds(-10)));
        Assert.Equal(("剩余 0 分", false), Deadlines.Describe(due, due));
        Assert.Equal(("已超时 0 分", true), Deadlines.Describe(due, due.AddSeconds(30)));
        Assert.Equal(("已超时 25 小时 0 分", true), Deadlines.Describe(due, due.AddHours(25)));
    }

    [Fact]
    public void A_cluster_is_three_cases_of_one_disease_in_one_township_within_seven_days_or_one_of_class_a()
    {
        var now = new DateTime(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc);
        var town = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();
        ClusterCase Case(string code, Guid where, double daysAgo, bool classA = false) => new(code, code, classA, where, now.AddDays(-daysAgo));
        var rule = ClusterRule.Default;
        Assert.Empty(rule.Find([Case("0207", town, 1), Case("0207", town, 2), Case("0207", other, 0)], now));
        // Seven days to the second is too old; a second less still counts.
        Assert.Empty(rule.Find([Case("0207", town, 1), Case("0207", town, 2), Case("0207", town, 7)], now));
        var alert = Assert.Single(rule.Find([Case("0207", town, 1), Case("0207", town, 2), Case("0207", town, 7 - 1.0 / 86400), Case("0215", town, 1)], now));
        Assert.Equal(("0207", town, 3), (alert.DiseaseCode, alert.Township, alert.Cases));
        Assert.Equal(now.AddDays(-7 + 1.0 / 86400), alert.First);
        Assert.Single(rule.Find([Case("0102", other, 3, classA: true)], now));
        Assert.Empty(rule.Find([Case("0102", other, -0.01, classA: true)], now));
        Assert.Equal(2, new ClusterRule(3, 2, 1).Find([Case("0207", town, 1), Case("0207", town, 2)], now).Single().Cases);
        Assert.Equal("同一乡镇 7 天内同一病种 ≥ 3 例（甲类及按甲类管理的 ≥ 1 例）", rule.Describe());
    }

    [Fact]
    public void The_shipped_cluster_thresholds_are_the_default_and_a_figure_out_of_range_is_refused()
    {
        Assert.Equal(ClusterRule.Default, ClusterRules.Create().Current);
        const string header = "days\tcases\tclass_a_cases\n";
        Assert.Equal(new ClusterRule(14, 5, 1), ClusterRule.Parse(header + "14\t5\t1\n"));
        Assert.Contains("天数“91”应为 1～90", Assert.Throws<FormatException>(() => ClusterRule.Parse(header + "91\t3\t1\n")).Message, StringComparison.Ordinal);
        Assert.Contains("例数“0”", Assert.Throws<FormatException>(() => ClusterRule.Parse(header + "7\t0\t1\n")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ClusterRule.Parse(header + "7\t3\t1\n7\t3\t1\n"));
        Assert.Throws<FormatException>(() => ClusterRule.Parse(header));
    }
}

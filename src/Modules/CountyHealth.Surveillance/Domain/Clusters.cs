using CountyHealth.Kernel.Text;

namespace CountyHealth.Surveillance.Domain;

/// <summary>
/// When cases of one disease in one township raise a cluster alert (聚集性疫情预警): at least <paramref name="Cases"/>
/// within the last <paramref name="Days"/> days, or <paramref name="ClassACases"/> for class A and class B managed as
/// class A. The defaults (7 days, 3 cases, 1 case) are the county CDC's working rule, a reference table the administrator
/// corrects (Resources/cluster-rule.tsv).
/// </summary>
public sealed record ClusterRule(int Days, int Cases, int ClassACases)
{
    public static ClusterRule Default { get; } = new(7, 3, 1);

    /// <summary>Reads the table's one line of thresholds; a figure out of its range is refused with the line.</summary>
    public static ClusterRule Parse(string text)
    {
        var rows = TabSeparated.Rows(text).ToList();
        if (rows.Count != 1 || rows[0].Cells.Length != 3)
        {
            throw new FormatException("表中应恰有一行阈值：天数、例数、甲类及按甲类管理的例数，以制表符分隔");
        }
        var (n, c) = rows[0];
        int Figure(int i, string what, int max) => int.TryParse(c[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 1 && v <= max
            ? v : throw new FormatException($"第 {n} 行：{what}“{c[i]}”应为 1～{max} 的整数");
        return new ClusterRule(Figure(0, "天数", 90), Figure(1, "例数", 1000), Figure(2, "甲类及按甲类管理的例数", 1000));
    }

    public string Describe() => $"同一乡镇 {Days} 天内同一病种 ≥ {Cases} 例（甲类及按甲类管理的 ≥ {ClassACases} 例）";

    /// <summary>The alerts at <paramref name="now"/>: a case counts while it is less than <see cref="Days"/> days old.</summary>
    public IReadOnlyList<ClusterAlert> Find(IEnumerable<ClusterCase> cases, DateTime now)
    {
        var since = now - TimeSpan.FromDays(Days);
        return cases.Where(c => c.DiagnosedAt > since && c.DiagnosedAt <= now)
            .GroupBy(c => (c.DiseaseCode, c.Township))
            .Where(g => g.Count() >= (g.First().ClassA ? ClassACases : Cases))
            .Select(g => new ClusterAlert(g.Key.DiseaseCode, g.First().DiseaseName, g.Key.Township, g.Count(), g.Min(c => c.DiagnosedAt), g.Max(c => c.DiagnosedAt)))
            .OrderByDescending(a => a.Cases).ThenBy(a => a.DiseaseCode).ToList();
    }
}

/// <summary>A case as the cluster rule sees it: its disease (and whether it is managed as class A), township and time.</summary>
public sealed record ClusterCase(string DiseaseCode, string DiseaseName, bool ClassA, Guid Township, DateTime DiagnosedAt);

public sealed record ClusterAlert(string DiseaseCode, string DiseaseName, Guid Township, int Cases, DateTime First, DateTime Last);

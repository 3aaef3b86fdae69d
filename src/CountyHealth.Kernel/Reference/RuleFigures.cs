using System.Globalization;
using CountyHealth.Kernel.Text;

namespace CountyHealth.Kernel.Reference;

/// <summary>One figure a rule reads (a threshold, an interval): its key in the table, Chinese name and allowed range.</summary>
public sealed record RuleFigure(string Key, string Name, decimal Min, decimal Max, bool Whole = true);

/// <summary>
/// A rule's figures as a reference table the administrator corrects: one "项目 TAB 数值 TAB 说明" line a figure. Every
/// declared figure must be there once, in its range (a whole number where it must be one); anything else is refused
/// with the line, in Chinese, so a wrong correction never reaches the rules.
/// </summary>
public sealed class RuleFigures
{
    private readonly Dictionary<string, decimal> values;

    private RuleFigures(Dictionary<string, decimal> values) => this.values = values;

    /// <summary>The figure's value (the key must be one of those the table was read with).</summary>
    public decimal this[string key] => values[key];

    public int Whole(string key) => (int)values[key];

    public static RuleFigures Parse(string text, IReadOnlyList<RuleFigure> declared)
    {
        var byKey = declared.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (line, cells) in TabSeparated.Rows(text))
        {
            var key = cells[0].Trim();
            if (!byKey.TryGetValue(key, out var figure))
            {
                throw new FormatException($"第 {line} 行：没有“{key}”这一项（应为 {string.Join("、", declared.Select(f => f.Key))} 之一）");
            }
            if (values.ContainsKey(key))
            {
                throw new FormatException($"第 {line} 行：“{key}”（{figure.Name}）重复");
            }
            var raw = cells.Length > 1 ? cells[1].Trim() : "";
            var kind = figure.Whole ? "整数" : "数";
            if (!decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || (figure.Whole && value != decimal.Truncate(value)) || value < figure.Min || value > figure.Max)
            {
                throw new FormatException($"第 {line} 行：{figure.Name}“{raw}”应为 {figure.Min}～{figure.Max} 的{kind}");
            }
            values[key] = value;
        }
        if (declared.FirstOrDefault(f => !values.ContainsKey(f.Key)) is { } missing)
        {
            throw new FormatException($"缺少“{missing.Key}”（{missing.Name}）这一行");
        }
        return new RuleFigures(values);
    }

    /// <summary>A span of days as the forms say it: "2周" for 14, "10天" for 10.</summary>
    public static string Days(int days) => days % 7 == 0 ? $"{days / 7}周" : $"{days}天";
}

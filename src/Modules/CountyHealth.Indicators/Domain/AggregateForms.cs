using System.Globalization;
using CountyHealth.Platform.Contracts;

namespace CountyHealth.Indicators.Domain;

/// <summary>What a field of a form holds, which decides how its months add up and which rules apply to it by default.</summary>
public enum FieldKind
{
    /// <summary>A count of the month (people, events): the period adds its months; never negative.</summary>
    Count = 1,

    /// <summary>An amount of the month (millilitres, 万元): the period adds its months; never negative.</summary>
    Amount = 2,

    /// <summary>A level at the month's end (units to supervise, units supervised so far this year): the period takes its last month.</summary>
    Level = 3,

    /// <summary>A percentage at the month's end (construction progress): the period takes its last month; 0–100.</summary>
    Percent = 4,
}

/// <summary>A figure of a form: its key (the measure <c>forms.{form}_{key}</c>), Chinese name, unit and kind.</summary>
public sealed record FormField(string Key, string Name, string Unit, FieldKind Kind, int Decimals)
{
    public bool AddsUp => Kind is FieldKind.Count or FieldKind.Amount;

    public string Format(decimal value) => value.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + (Kind == FieldKind.Percent ? "%" : "");
}

/// <summary>
/// A monthly aggregate form (汇总填报表) for figures that no record holds yet — blood collected, campaign counts,
/// construction progress — filled by the institutions of the kinds named, reviewed by the bureau (填报 → 审核).
/// </summary>
public sealed record AggregateForm(string Code, string Name, string Purpose, IReadOnlyList<InstitutionKind> FilledBy, IReadOnlyList<FormField> Fields)
{
    public FormField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    /// <summary>The measure a field's approved values are counted under.</summary>
    public string MeasureOf(FormField field) => $"{AggregateFormFile.Source}.{Code}_{field.Key}";
}

/// <summary>
/// Reads the forms and their validation rules, both tab-separated data embedded in the module that owns them:
/// <c>aggregate-forms.tsv</c> (form lines, then field lines) and <c>aggregate-rules.tsv</c>.
/// </summary>
public static class AggregateFormFile
{
    /// <summary>The fact source of approved form values.</summary>
    public const string Source = "forms";

    /// <summary>
    /// Lines "form code name purpose filled-by" (filled-by: institution kinds, comma-separated) and
    /// "field form key name unit kind decimals" (kind: count, amount, level, percent).
    /// </summary>
    public static IReadOnlyList<AggregateForm> ParseForms(string tsv, string origin)
    {
        var forms = new List<(string Code, string Name, string Purpose, List<InstitutionKind> By, List<FormField> Fields)>();
        foreach (var (f, line) in Lines(tsv))
        {
            switch (f[0])
            {
                case "form" when f.Length >= 5:
                    var by = f[4].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(k => Enum.TryParse<InstitutionKind>(k, out var kind) ? kind : throw new FormatException($"{origin} 第 {line} 行：未知机构类别 {k}")).ToList();
                    forms.Add((f[1], f[2], f[3], by, []));
                    break;
                case "field" when f.Length >= 7:
                    var form = forms.FirstOrDefault(x => x.Code == f[1]);
                    if (form.Code is null)
                    {
                        throw new FormatException($"{origin} 第 {line} 行：字段属于未定义的表 {f[1]}");
                    }
                    if (form.Fields.Any(x => x.Key == f[2]) || f[2].Contains('-', StringComparison.Ordinal) || f[2].Contains('.', StringComparison.Ordinal))
                    {
                        throw new FormatException($"{origin} 第 {line} 行：字段代码 {f[2]} 重复或含 '-'、'.'");
                    }
                    var kind = f[5] switch
                    {
                        "count" => FieldKind.Count,
                        "amount" => FieldKind.Amount,
                        "level" => FieldKind.Level,
                        "percent" => FieldKind.Percent,
                        _ => throw new FormatException($"{origin} 第 {line} 行：类别应为 count、amount、level 或 percent"),
                    };
                    form.Fields.Add(new FormField(f[2], f[3], f[4], kind, int.Parse(f[6], CultureInfo.InvariantCulture)));
                    break;
                default:
                    throw new FormatException($"{origin} 第 {line} 行：应以 form 或 field 开头且列数足够");
            }
        }
        return forms.Select(x => new AggregateForm(x.Code, x.Name, x.Purpose, x.By, x.Fields)).ToList();
    }

    /// <summary>
    /// Lines "form rule fields value" — rule: not_negative, at_most (value: the limit), part_of (fields: "part whole"),
    /// deviation (value: per cent against the mean of the last three approved months); "*" for every form or field.
    /// </summary>
    public static IReadOnlyList<ValidationRule> ParseRules(string tsv, IReadOnlyList<AggregateForm> forms, string origin)
    {
        var rules = new List<ValidationRule>();
        foreach (var (f, line) in Lines(tsv))
        {
            if (f.Length < 4)
            {
                throw new FormatException($"{origin} 第 {line} 行：应有 4 列");
            }
            var form = f[0] == "*" ? null : forms.FirstOrDefault(x => x.Code == f[0]) ?? throw new FormatException($"{origin} 第 {line} 行：未定义的表 {f[0]}");
            var fields = f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // not_below_records names a field and then a counted measure, not a second field.
            if (form is not null && fields.Take(f[1] == "not_below_records" ? 1 : fields.Length).Any(k => k != "*" && form.Field(k) is null))
            {
                throw new FormatException($"{origin} 第 {line} 行：表 {form.Code} 没有字段 {f[2]}");
            }
            decimal Value() => decimal.TryParse(f[3], NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"{origin} 第 {line} 行：数值无效 {f[3]}");
            rules.Add(f[1] switch
            {
                "not_negative" => new ValidationRule(RuleKind.NotNegative, form?.Code, fields[0], null, 0),
                "at_most" => new ValidationRule(RuleKind.AtMost, form?.Code, fields[0], null, Value()),
                "part_of" when fields.Length == 2 && form is not null => new ValidationRule(RuleKind.PartOf, form.Code, fields[0], fields[1], 0),
                "deviation" => new ValidationRule(RuleKind.Deviation, form?.Code, fields[0], null, Value()),
                "not_below_records" when fields.Length == 2 && form is not null && f.Length > 4 => new ValidationRule(RuleKind.NotBelowRecords, form.Code, fields[0], fields[1], 0, f[4]),
                _ => throw new FormatException($"{origin} 第 {line} 行：规则应为 not_negative、at_most、part_of（需指明表和两个字段）、deviation 或 not_below_records（需指明表、字段、指标项和名称）"),
            });
        }
        return rules;
    }

    private static IEnumerable<(string[] Fields, int Line)> Lines(string tsv)
    {
        var n = 0;
        foreach (var raw in tsv.Split('\n'))
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return (line.Split('\t'), n);
            }
        }
    }
}

public enum RuleKind
{
    NotNegative = 1,
    AtMost = 2,
    PartOf = 3,
    Deviation = 4,
    /// <summary>A reported number of people below what CountyHealth's records count for them (more health records than residents).</summary>
    NotBelowRecords = 5,
}

/// <summary>A finding of a rule: an impossible figure (refused) or an unusual one (flagged, to be explained).</summary>
public sealed record Violation(string Field, string Message, bool Refused);

/// <summary>
/// A validation rule of the aggregate forms, as data: a figure below zero, above a limit, or greater than the whole it is
/// part of is impossible and refused; one far from the mean of its last approved months is unusual and flagged.
/// <paramref name="Form"/> and <paramref name="Field"/> null or "*" mean every form or field it fits. A reported number
/// below the records counted for it (<paramref name="Whole"/> names the counted measure, <paramref name="Label"/> says what
/// it counts) is flagged: either the report or the records are wrong, and the records may be the ones to correct.
/// </summary>
public sealed record ValidationRule(RuleKind Kind, string? Form, string Field, string? Whole, decimal Value, string? Label = null)
{
    /// <summary>The months a deviation is measured against.</summary>
    public const int DeviationMonths = 3;

    public string Describe(AggregateForm form)
    {
        string Name(string key) => key == "*" ? "每个数字" : form.Field(key)?.Name ?? key;
        return Kind switch
        {
            RuleKind.NotNegative => $"{Name(Field)}不能为负数",
            RuleKind.AtMost => $"{Name(Field)}不能超过 {Value.ToString("0.##", CultureInfo.InvariantCulture)}",
            RuleKind.PartOf => $"{Name(Field)}不能大于{Name(Whole!)}",
            RuleKind.NotBelowRecords => $"{Name(Field)}少于系统中的{Label}时提示核实",
            _ => $"{Name(Field)}与前{DeviationMonths}个月已审核数的平均值相差超过 {Value.ToString("0.##", CultureInfo.InvariantCulture)}% 时提示核实",
        };
    }

    /// <summary>Whether the rule is about <paramref name="form"/>; a percent field's own limit of 100 is a rule too (see <see cref="AggregateRules.For"/>).</summary>
    public bool AppliesTo(AggregateForm form) => Form is null or "*" || Form == form.Code;

    /// <summary>
    /// Checks one report's values (a missing key is not yet filled and not checked) against the rule;
    /// <paramref name="history"/> holds each field's approved values of the months before, newest first.
    /// </summary>
    public IEnumerable<Violation> Check(AggregateForm form, IReadOnlyDictionary<string, decimal> values, IReadOnlyDictionary<string, IReadOnlyList<decimal>> history,
        IReadOnlyDictionary<string, decimal>? counted = null)
    {
        var fields = Field == "*" ? form.Fields : form.Field(Field) is { } one ? [one] : [];
        foreach (var f in fields)
        {
            if (!values.TryGetValue(f.Key, out var v))
            {
                continue;
            }
            switch (Kind)
            {
                case RuleKind.NotNegative when v < 0:
                    yield return new(f.Key, $"{f.Name}不能为负数（填了 {f.Format(v)}）", true);
                    break;
                case RuleKind.AtMost when v > Value:
                    yield return new(f.Key, $"{f.Name}不能超过 {f.Format(Value)}（填了 {f.Format(v)}）", true);
                    break;
                case RuleKind.PartOf when form.Field(Whole!) is { } whole && values.TryGetValue(whole.Key, out var w) && v > w:
                    yield return new(f.Key, $"{f.Name}（{f.Format(v)}）不能大于{whole.Name}（{whole.Format(w)}）", true);
                    break;
                case RuleKind.NotBelowRecords when counted is not null && counted.TryGetValue(Whole!, out var records) && v < records:
                    yield return new(f.Key, $"{f.Name}（{f.Format(v)}）少于系统中的{Label}（{f.Format(records)}）：记录不可能多于人数，请核实填报数，或将已迁出、死亡居民的记录结案", false);
                    break;
                case RuleKind.Deviation when history.TryGetValue(f.Key, out var past) && past.Count > 0:
                    var recent = past.Take(DeviationMonths).ToList();
                    var mean = recent.Average();
                    if (mean != 0 && Math.Abs(v - mean) / Math.Abs(mean) * 100 > Value)
                    {
                        var change = (v - mean) / Math.Abs(mean) * 100;
                        yield return new(f.Key, $"{f.Name} {f.Format(v)} 较前{recent.Count}个月平均 {f.Format(Math.Round(mean, f.Decimals))} {(change > 0 ? "增加" : "减少")} {Math.Abs(change):0.#}%，超过 {Value:0.##}%，请核实并说明", false);
                    }
                    break;
            }
        }
    }
}

/// <summary>The rules of every form, and the findings of one report.</summary>
public sealed class AggregateRules(IReadOnlyList<AggregateForm> forms, IReadOnlyList<ValidationRule> rules)
{
    public IReadOnlyList<AggregateForm> Forms => forms;

    public AggregateForm? Form(string code) => forms.FirstOrDefault(f => f.Code == code);

    /// <summary>The rules of a form: those written for it or for every form, and 0–100 for each percentage.</summary>
    public IReadOnlyList<ValidationRule> For(AggregateForm form) =>
        rules.Where(r => r.AppliesTo(form) && (r.Field == "*" || form.Field(r.Field) is not null))
            .Concat(form.Fields.Where(f => f.Kind == FieldKind.Percent).Select(f => new ValidationRule(RuleKind.AtMost, form.Code, f.Key, null, 100)))
            .ToList();

    /// <summary>The counted measures a form's reports are checked against (more records than people).</summary>
    public IReadOnlyList<string> CountedMeasures(AggregateForm form) =>
        For(form).Where(r => r.Kind == RuleKind.NotBelowRecords).Select(r => r.Whole!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Every finding on one report: impossible figures first, then unusual ones.</summary>
    public IReadOnlyList<Violation> Check(AggregateForm form, IReadOnlyDictionary<string, decimal> values, IReadOnlyDictionary<string, IReadOnlyList<decimal>> history,
        IReadOnlyDictionary<string, decimal>? counted = null) =>
        For(form).SelectMany(r => r.Check(form, values, history, counted)).DistinctBy(v => (v.Field, v.Message)).OrderBy(v => v.Refused ? 0 : 1).ToList();
}

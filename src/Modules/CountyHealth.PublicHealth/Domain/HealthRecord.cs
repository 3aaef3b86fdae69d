using System.Globalization;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Text;

namespace CountyHealth.PublicHealth.Domain;

/// <summary>Where a record stands: kept, or closed (the resident died or moved away).</summary>
public enum RecordStatus
{
    Active = 1,
    Closed = 2,
}

/// <summary>
/// A resident's health record (居民健康档案): its 17-digit number, who made it and when, the responsible doctor, and the
/// answers of the 个人基本信息表 as form codes ("blood=1;payment=3,7"), read against the versioned code table. Kept by
/// the institution that manages the resident (her village's clinic, or the centre).
/// </summary>
internal sealed class HealthRecord : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public string Number { get; set; } = "";
    public DateOnly CreatedOn { get; set; }
    public string CreatedBy { get; set; } = "";
    public string ResponsibleDoctor { get; set; } = "";
    public string Answers { get; set; } = "";
    public RecordStatus Status { get; set; } = RecordStatus.Active;
    public DateOnly? ClosedOn { get; set; }
    public string? CloseReason { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>One field of the 个人基本信息表 and its options, from the code table.</summary>
public sealed record RecordField(string Key, string Name, bool Multi, bool Required, IReadOnlyList<(string Code, string Name)> Options);

/// <summary>
/// The 个人基本信息表's code table (Resources/record-codes.tsv) and its rules: a known code for each answered field, one
/// code where the form has one box, "无" never ticked with another, the required fields present; the record number.
/// </summary>
public sealed class RecordCodes
{
    /// <summary>The fields the form must have answered (the others may be left for a later visit).</summary>
    public static readonly IReadOnlySet<string> RequiredFields = new HashSet<string>(StringComparer.Ordinal) { "residence", "blood", "rh", "marital", "payment", "allergy" };

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["residence"] = "常住类型",
        ["blood"] = "血型",
        ["rh"] = "RH",
        ["education"] = "文化程度",
        ["occupation"] = "职业",
        ["marital"] = "婚姻状况",
        ["payment"] = "医疗费用支付方式",
        ["allergy"] = "药物过敏史",
        ["exposure"] = "暴露史",
        ["illness"] = "既往史（疾病）",
        ["family"] = "家族史",
        ["disability"] = "残疾情况",
        ["kitchen"] = "厨房排风设施",
        ["fuel"] = "燃料类型",
        ["water"] = "饮水",
        ["toilet"] = "厕所",
        ["livestock"] = "禽畜栏",
    };

    public RecordCodes(IReadOnlyList<RecordField> fields) => Fields = fields;

    public IReadOnlyList<RecordField> Fields { get; }

    public RecordField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    /// <summary>The answers' errors by field ("无" is the code of the option named 无 or 无残疾).</summary>
    public Dictionary<string, string> Check(IReadOnlyDictionary<string, string> answers)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in answers)
        {
            if (Field(key) is not { } field)
            {
                errors[key] = "个人基本信息表没有这一项";
                continue;
            }
            var codes = Split(value);
            if (codes.Count == 0)
            {
                continue;
            }
            if (codes.FirstOrDefault(c => field.Options.All(o => o.Code != c)) is { } unknown)
            {
                errors[key] = $"{field.Name}没有代码 {unknown}";
            }
            else if (!field.Multi && codes.Count > 1)
            {
                errors[key] = $"{field.Name}只能选一项";
            }
            else if (field.Multi && codes.Count > 1 && field.Options.FirstOrDefault(o => o.Name.StartsWith('无')) is { } none && codes.Contains(none.Code))
            {
                errors[key] = $"{field.Name}选了“{none.Name}”就不能再选其他项";
            }
        }
        foreach (var required in RequiredFields.Where(r => !answers.TryGetValue(r, out var v) || Split(v).Count == 0))
        {
            errors[required] = $"请填写{Field(required)?.Name ?? required}";
        }
        return errors;
    }

    /// <summary>The answers in one canonical text: fields in the table's order, codes in the options' order.</summary>
    public string Format(IReadOnlyDictionary<string, string> answers) => string.Join(";", Fields
        .Where(f => answers.TryGetValue(f.Key, out var v) && Split(v).Count > 0)
        .Select(f => f.Key + "=" + string.Join(",", f.Options.Select(o => o.Code).Where(Split(answers[f.Key]).Contains))));

    public static Dictionary<string, string> Read(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>The answers as the form reads them: "血型：A型；药物过敏史：青霉素、磺胺".</summary>
    public IReadOnlyList<(string Field, string Answer)> Describe(string text)
    {
        var answers = Read(text);
        return Fields.Where(f => answers.ContainsKey(f.Key))
            .Select(f => (f.Name, string.Join("、", Split(answers[f.Key]).Select(c => f.Options.FirstOrDefault(o => o.Code == c).Name ?? c)))).ToList();
    }

    private static List<string> Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    /// <summary>
    /// The record number's first twelve digits (6 county + 3 township + 3 village, 规范 §9.1) from the keeping
    /// institution's code: a village clinic 13053410101 → 130534101001, a township centre 130534101 → 130534101000.
    /// </summary>
    public static string NumberPrefix(string institutionCode) => institutionCode.Length switch
    {
        11 => string.Concat(institutionCode.AsSpan(0, 9), "0", institutionCode.AsSpan(9)),
        9 => institutionCode + "000",
        _ => institutionCode.PadRight(12, '0')[..12],
    };

    /// <summary>The 17-digit number: the prefix and a five-digit serial within the village.</summary>
    public static string Number(string prefix, int serial) => prefix + serial.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>动态使用: a service (follow-up, vaccination, check, visit) within the twelve months up to the day.</summary>
    public static bool InUse(DateOnly? lastService, DateOnly asOf) => lastService is { } d && d <= asOf && d > asOf.AddMonths(-12);

    public static RecordCodes Parse(string text)
    {
        const string file = "record-codes.tsv";
        var rows = new List<(string Field, bool Multi, string Code, string Name)>();
        foreach (var (n, c) in TabSeparated.Rows(text))
        {
            if (c.Length != 4 || c[0].Length == 0 || c[2].Length == 0 || c[3].Length == 0 || c[1] is not ("0" or "1"))
            {
                throw new FormatException($"{file} line {n}: field, multi (0 or 1), code and name expected");
            }
            if (!Names.ContainsKey(c[0]))
            {
                throw new FormatException($"{file} line {n}: field '{c[0]}' is not on the 个人基本信息表");
            }
            if (rows.Any(r => r.Field == c[0] && r.Code == c[2]))
            {
                throw new FormatException($"{file} line {n}: {c[0]} code {c[2]} appears twice");
            }
            rows.Add((c[0], c[1] == "1", c[2], c[3]));
        }
        return new RecordCodes(rows.GroupBy(r => r.Field).Select(g => new RecordField(g.Key, Names[g.Key], g.First().Multi, RequiredFields.Contains(g.Key),
            g.Select(r => (r.Code, r.Name)).ToList())).ToList());
    }
}

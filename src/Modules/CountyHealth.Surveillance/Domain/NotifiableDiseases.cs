using System.Globalization;
using CountyHealth.Kernel.Text;

namespace CountyHealth.Surveillance.Domain;

/// <summary>The classes of the law: 甲类, 乙类, 丙类.</summary>
public enum DiseaseClass
{
    A = 1,
    B = 2,
    C = 3,
}

/// <summary>
/// A notifiable disease (法定传染病) as a line of the versioned disease table: its class, whether a class-B disease is
/// managed as class A (乙类按甲类管理), the ICD-10 codes that name it and the days it is in force.
/// </summary>
public sealed record NotifiableDisease(string Code, string Name, DiseaseClass Class, bool AsClassA, string? PartOf, IReadOnlyList<string> Icd10, DateOnly From, DateOnly? To)
{
    /// <summary>Two hours for class A and class B managed as class A; twenty-four hours for the others (传染病信息报告管理规范).</summary>
    public TimeSpan ReportWithin => Class == DiseaseClass.A || AsClassA ? TimeSpan.FromHours(2) : TimeSpan.FromHours(24);

    public bool InForceOn(DateOnly day) => day >= From && (To is null || day <= To);

    public string ClassName => ClassNameOf(Class, AsClassA);

    public static string ClassNameOf(DiseaseClass c, bool asClassA) => c switch
    {
        DiseaseClass.A => "甲类",
        DiseaseClass.B => asClassA ? "乙类（按甲类管理）" : "乙类",
        _ => "丙类",
    };
}

/// <summary>The disease table read from its tab-separated file; finds the disease a diagnosis names on a day.</summary>
public sealed class DiseaseList
{
    private readonly List<NotifiableDisease> diseases;

    public DiseaseList(IEnumerable<NotifiableDisease> diseases) => this.diseases = diseases.ToList();

    public IReadOnlyList<NotifiableDisease> All => diseases;

    /// <summary>The diseases in force on a day (a form of another, 肺炭疽, included).</summary>
    public IReadOnlyList<NotifiableDisease> InForce(DateOnly day) => diseases.Where(d => d.InForceOn(day)).ToList();

    public NotifiableDisease? Find(string code) => diseases.FirstOrDefault(d => d.Code == code);

    /// <summary>
    /// The disease in force on <paramref name="day"/> that an ICD-10 code names: the longest code of the table the
    /// diagnosis falls under (A22.1 肺炭疽 before A22 炭疽); failing that, a disease the diagnosis's wider category
    /// contains (a category-level A98 is proposed as 流行性出血热 A98.5 — the doctor confirms it on the card).
    /// </summary>
    public NotifiableDisease? Match(string icd10, DateOnly day)
    {
        var code = Normalise(icd10);
        if (code.Length == 0)
        {
            return null;
        }
        var live = diseases.Where(d => d.InForceOn(day)).ToList();
        var within = live.SelectMany(d => d.Icd10.Where(p => code.StartsWith(p, StringComparison.Ordinal)).Select(p => (d, p.Length)))
            .OrderByDescending(x => x.Length).Select(x => x.d).FirstOrDefault();
        return within ?? live.FirstOrDefault(d => d.Icd10.Any(p => p.StartsWith(code + ".", StringComparison.Ordinal)));
    }

    private static string Normalise(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Reads the table; a malformed line throws with its number (the start refuses a table it cannot read).</summary>
    public static DiseaseList Parse(string text)
    {
        var list = new List<NotifiableDisease>();
        foreach (var (n, c) in TabSeparated.Rows(text))
        {
            if (c.Length != 8)
            {
                throw new FormatException($"第 {n} 行：应有 8 列（以制表符分隔），实为 {c.Length} 列");
            }
            var cls = c[2] switch
            {
                "甲" => DiseaseClass.A,
                "乙" => DiseaseClass.B,
                "丙" => DiseaseClass.C,
                _ => throw new FormatException($"第 {n} 行：类别“{c[2]}”应为 甲、乙 或 丙"),
            };
            var codes = c[5].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normalise).ToList();
            if (c[0].Length == 0 || c[1].Length == 0 || codes.Count == 0)
            {
                throw new FormatException($"第 {n} 行：病种代码、名称和 ICD-10 编码都须填写");
            }
            if (!DateOnly.TryParseExact(c[6], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                throw new FormatException($"第 {n} 行：生效日期“{c[6]}”应写作 yyyy-MM-dd");
            }
            DateOnly? to = null;
            if (c[7].Length > 0)
            {
                to = DateOnly.TryParseExact(c[7], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && t >= from
                    ? t : throw new FormatException($"第 {n} 行：停用日期“{c[7]}”应写作 yyyy-MM-dd，且不早于生效日期 {c[6]}");
            }
            if (list.Any(d => d.Code == c[0]))
            {
                throw new FormatException($"第 {n} 行：病种代码 {c[0]} 重复");
            }
            list.Add(new NotifiableDisease(c[0], c[1], cls, c[3] == "1", c[4].Length > 0 ? c[4] : null, codes, from, to));
        }
        foreach (var d in list.Where(d => d.PartOf is { } p && list.All(o => o.Code != p)))
        {
            throw new FormatException($"病种 {d.Code} 的上级病种 {d.PartOf} 不在表中");
        }
        if (list.Count == 0)
        {
            throw new FormatException("表中没有任何病种");
        }
        return new DiseaseList(list);
    }
}

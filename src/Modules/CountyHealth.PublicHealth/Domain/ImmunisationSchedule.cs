using System.Globalization;
using CountyHealth.Kernel.Text;

namespace CountyHealth.PublicHealth.Domain;

/// <summary>What kind of vaccine a dose is: two injected live vaccines not given on the same day must be 28 days apart.</summary>
public enum VaccineKind
{
    Inactivated = 1,
    Live = 2,
    LiveOral = 3,
}

/// <summary>An age or interval as the schedule writes it: 0d, 28d, 6m, 4y — counted on the calendar from a day.</summary>
public readonly record struct AgeSpan(int Count, char Unit)
{
    public DateOnly After(DateOnly day) => Unit switch
    {
        'y' => day.AddYears(Count),
        'm' => day.AddMonths(Count),
        _ => day.AddDays(Count),
    };

    /// <summary>As a schedule names an age: "出生时", "8月龄", "6岁", "28天".</summary>
    public string Text => (Count, Unit) switch
    {
        (0, _) => "出生时",
        (_, 'y') => $"{Count}岁",
        (_, 'm') => $"{Count}月龄",
        _ => $"{Count}天",
    };

    /// <summary>As an interval: "28天", "6个月", "3年".</summary>
    public string IntervalText => Unit switch
    {
        'y' => $"{Count}年",
        'm' => $"{Count}个月",
        _ => $"{Count}天",
    };

    public static bool TryParse(string text, out AgeSpan span)
    {
        span = default;
        if (text.Length < 2 || text[^1] is not ('d' or 'm' or 'y')
            || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 1000)
        {
            return false;
        }
        span = new AgeSpan(n, text[^1]);
        return true;
    }
}

/// <summary>
/// One dose of the national immunisation schedule as a line of its versioned table: the series it belongs to (the diseases
/// it protects against), its number, the vaccine, its minimum age and interval after the series' previous dose, the age
/// by which it should be complete, the age from which it is no longer given, and the days the line is in force.
/// </summary>
public sealed record ScheduledDose(string Series, string SeriesName, int Dose, string Vaccine, string VaccineName, string Route, VaccineKind Kind,
    AgeSpan MinAge, AgeSpan? MinInterval, AgeSpan CompleteBy, AgeSpan? MaxAge, DateOnly From, DateOnly? To)
{
    public bool InForceOn(DateOnly day) => day >= From && (To is null || day <= To);

    /// <summary>The dose's key in figures and requests: "DTP3" (no hyphen: formulas read it as a minus).</summary>
    public string Key => KeyOf(Series, Dose);

    /// <summary>As lists name it: "百白破疫苗第3剂（百白破疫苗）" reads badly, so the vaccine only when it differs from the series.</summary>
    public string Label => VaccineName == SeriesName ? $"{SeriesName}第{Dose}剂" : $"{SeriesName}第{Dose}剂（{VaccineName}）";

    public static string KeyOf(string series, int dose) => $"{series}{dose}";
}

/// <summary>The national immunisation schedule read from its tab-separated file: every version, each line with its days.</summary>
public sealed class ImmunisationSchedule
{
    private readonly List<ScheduledDose> doses;

    /// <summary>The lines of each dose (its versions), grouped once: the coverage figures ask for every child's due days.</summary>
    private readonly ScheduledDose[][] byKey;

    /// <summary>
    /// The first version of each dose also stands for the days before it: the children vaccinated before 2021 had the 2016
    /// schedule, the same but for polio, and the table does not go further back.
    /// </summary>
    public ImmunisationSchedule(IEnumerable<ScheduledDose> doses)
    {
        var all = doses.ToList();
        this.doses = all.Select(d => all.Any(o => o.Key == d.Key && o.From < d.From) ? d : d with { From = DateOnly.MinValue }).ToList();
        Series = this.doses.Select(d => (d.Series, d.SeriesName)).Distinct().ToList();
        byKey = this.doses.GroupBy(d => d.Key).Select(g => g.ToArray()).ToArray();
    }

    public IReadOnlyList<ScheduledDose> All => doses;

    /// <summary>The series in the table's order (乙肝疫苗, 卡介苗, …), each with its name.</summary>
    public IReadOnlyList<(string Code, string Name)> Series { get; }

    /// <summary>The doses of a series in force on a day, first dose first.</summary>
    public IReadOnlyList<ScheduledDose> SeriesOn(string series, DateOnly day) => doses.Where(d => d.Series == series && d.InForceOn(day)).OrderBy(d => d.Dose).ToList();

    /// <summary>Every dose in force on a day, in the table's order.</summary>
    public IReadOnlyList<ScheduledDose> On(DateOnly day) => doses.Where(d => d.InForceOn(day)).ToList();

    public ScheduledDose? Find(string series, int dose, DateOnly day) => doses.FirstOrDefault(d => d.Series == series && d.Dose == dose && d.InForceOn(day));

    /// <summary>The kind of the vaccine a recorded dose was (its line on the day it was given, else any line of that dose).</summary>
    public VaccineKind KindOf(string series, int dose, DateOnly on) =>
        Find(series, dose, on)?.Kind ?? doses.FirstOrDefault(d => d.Series == series && d.Dose == dose)?.Kind ?? VaccineKind.Inactivated;

    public GivenDose Given(string series, int dose, DateOnly on) => new(series, dose, KindOf(series, dose, on), on);

    /// <summary>
    /// The day each dose fell due for a child born on <paramref name="birth"/>, for the coverage figures: its minimum age
    /// under the line in force that day — or, when the schedule changed meanwhile, the first day a line in force made it
    /// due (a child already past 2 months on 2025-01-01 is due for the 2025 DTaP dose 1 that day). One day per dose.
    /// </summary>
    public IEnumerable<(ScheduledDose Dose, DateOnly Day)> DueDays(DateOnly birth)
    {
        foreach (var lines in byKey)
        {
            (ScheduledDose? Dose, DateOnly Day) best = (null, DateOnly.MaxValue);
            foreach (var d in lines)
            {
                var day = d.MinAge.After(birth) is var age && age > d.From ? age : d.From;
                if ((d.To is null || day <= d.To) && (d.MaxAge is not { } max || day < max.After(birth)) && day < best.Day)
                {
                    best = (d, day);
                }
            }
            if (best.Dose is not null)
            {
                yield return (best.Dose, best.Day);
            }
        }
    }

    /// <summary>Every dose missing on a day: those of the schedule after the highest given in each series, due by the child's age and not past their maximum age.</summary>
    public IReadOnlyList<ScheduledDose> Missing(DateOnly birth, IReadOnlyCollection<GivenDose> given, DateOnly on)
    {
        var missing = new List<ScheduledDose>();
        foreach (var (series, _) in Series)
        {
            var highest = given.Where(g => g.Series == series).Select(g => g.Dose).DefaultIfEmpty(0).Max();
            missing.AddRange(SeriesOn(series, on).Where(d => d.Dose > highest && d.MinAge.After(birth) <= on && (d.MaxAge is not { } max || on < max.After(birth))));
        }
        return missing;
    }

    public string? SeriesName(string series) => Series.FirstOrDefault(s => s.Code == series).Name;

    /// <summary>Reads the table; a malformed line throws with its number (the start refuses a table it cannot read).</summary>
    public static ImmunisationSchedule Parse(string text)
    {
        var list = new List<ScheduledDose>();
        foreach (var (n, c) in TabSeparated.Rows(text))
        {
            if (c.Length != 13)
            {
                throw new FormatException($"第 {n} 行：应有 13 列（以制表符分隔），实为 {c.Length} 列");
            }
            AgeSpan Span(int i, string what) => AgeSpan.TryParse(c[i], out var s) ? s : throw new FormatException($"第 {n} 行：{what}“{c[i]}”应写作 0d、6m 或 4y（天、月、岁）");
            AgeSpan? Optional(int i, string what) => c[i].Length == 0 ? null : Span(i, what);
            DateOnly Day(int i) => DateOnly.TryParseExact(c[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new FormatException($"第 {n} 行：日期“{c[i]}”应写作 yyyy-MM-dd");
            if (c[0].Length == 0 || c[1].Length == 0 || c[3].Length == 0 || c[4].Length == 0 || !int.TryParse(c[2], NumberStyles.None, CultureInfo.InvariantCulture, out var dose) || dose < 1)
            {
                throw new FormatException($"第 {n} 行：系列、系列名称、剂次（从 1 起的整数）、疫苗及疫苗名称都须填写");
            }
            var kind = c[6] switch
            {
                "inactivated" => VaccineKind.Inactivated,
                "live" => VaccineKind.Live,
                "live-oral" => VaccineKind.LiveOral,
                _ => throw new FormatException($"第 {n} 行：疫苗类型“{c[6]}”应为 inactivated（灭活）、live（注射减毒活疫苗）或 live-oral（口服减毒活疫苗）"),
            };
            var from = Day(11);
            DateOnly? to = c[12].Length == 0 ? null : Day(12);
            if (to < from)
            {
                throw new FormatException($"第 {n} 行：停用日期 {c[12]} 早于启用日期 {c[11]}");
            }
            var row = new ScheduledDose(c[0], c[1], dose, c[3], c[4], c[5], kind, Span(7, "起始月龄"), Optional(8, "最短间隔"), Span(9, "完成月龄"), Optional(10, "最大月龄"), from, to);
            if (list.Any(d => d.Series == row.Series && d.Dose == row.Dose && d.From <= (row.To ?? DateOnly.MaxValue) && row.From <= (d.To ?? DateOnly.MaxValue)))
            {
                throw new FormatException($"第 {n} 行：{row.Label}在同一段日期内出现了两行");
            }
            list.Add(row);
        }
        if (list.Count == 0)
        {
            throw new FormatException("表中没有任何剂次");
        }
        return new ImmunisationSchedule(list);
    }
}

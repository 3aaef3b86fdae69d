using System.Globalization;

namespace CountyHealth.Indicators.Domain;

/// <summary>Which way is better for an indicator: it decides ranks and the colour of a change.</summary>
public enum Direction
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
    Neutral = 3,
}

/// <summary>
/// An indicator of the catalogue: a formula over measures with its Chinese name, definition in words, unit, direction,
/// the levels and periods it exists at, and the date it took effect. Read from a module's <c>indicators.tsv</c>.
/// </summary>
public sealed record Indicator(string Code, string Name, string Group, Formula Formula, string Unit, int Decimals, Direction Direction, string Levels, string Periods,
    DateOnly EffectiveFrom, string Definition, string Note)
{
    public string DirectionName => Direction switch
    {
        Direction.HigherIsBetter => "越高越好",
        Direction.LowerIsBetter => "越低越好",
        _ => "不比高低",
    };

    /// <summary>A value as shown: thousands separated, the indicator's decimals, the unit after a percentage.</summary>
    public string Format(decimal? value) => value is not { } v ? "—"
        : v.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + (Unit == "%" ? "%" : "");

    /// <summary>
    /// Reads the catalogue lines (tab-separated; '#' starts a comment): code, name, group, formula, unit, decimals,
    /// direction (higher/lower/neutral), levels, periods, effective date, definition, note.
    /// </summary>
    public static IReadOnlyList<Indicator> Parse(string tsv, string origin)
    {
        var list = new List<Indicator>();
        var lineNumber = 0;
        foreach (var raw in tsv.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("code\t", StringComparison.Ordinal))
            {
                continue;
            }
            var f = line.Split('\t');
            if (f.Length < 11)
            {
                throw new FormatException($"{origin} 第 {lineNumber} 行：应有 11 列以上，实有 {f.Length} 列");
            }
            var direction = f[6] switch
            {
                "higher" => Direction.HigherIsBetter,
                "lower" => Direction.LowerIsBetter,
                "neutral" => Direction.Neutral,
                _ => throw new FormatException($"{origin} 第 {lineNumber} 行：方向应为 higher、lower 或 neutral"),
            };
            list.Add(new Indicator(f[0], f[1], f[2], Formula.Parse(f[3]), f[4], int.Parse(f[5], CultureInfo.InvariantCulture), direction, f[7], f[8],
                DateOnly.ParseExact(f[9], "yyyy-MM-dd", CultureInfo.InvariantCulture), f[10], f.Length > 11 ? f[11] : ""));
        }
        return list;
    }
}

/// <summary>The kinds of period a figure is asked for.</summary>
public enum PeriodKind
{
    Month = 1,
    Quarter = 2,
    Year = 3,

    /// <summary>From January to the month named (1—10月).</summary>
    YearToDate = 4,
}

/// <summary>A period of months (yyyyMM, both ends included), named as the reports name it.</summary>
public sealed record Period(PeriodKind Kind, int FromMonth, int ToMonth)
{
    public int Year => FromMonth / 100;

    public IEnumerable<int> Months
    {
        get
        {
            for (var m = FromMonth; m <= ToMonth; m = Kernel.Facts.FactMonths.Add(m, 1))
            {
                yield return m;
            }
        }
    }

    /// <summary>The period of <paramref name="kind"/> that ends with (or, for a quarter or year, contains) <paramref name="month"/>.</summary>
    public static Period Of(PeriodKind kind, int month)
    {
        var year = month / 100;
        var m = month % 100;
        return kind switch
        {
            PeriodKind.Month => new(kind, month, month),
            PeriodKind.Quarter => new(kind, year * 100 + ((m - 1) / 3 * 3) + 1, year * 100 + ((m - 1) / 3 * 3) + 3),
            PeriodKind.Year => new(kind, year * 100 + 1, year * 100 + 12),
            _ => new(kind, year * 100 + 1, month),
        };
    }

    /// <summary>The same period a year before (同比).</summary>
    public Period YearBefore => new(Kind, FromMonth - 100, ToMonth - 100);

    /// <summary>The period just before, of the same length (环比): the month before, the quarter before; none for a year or year-to-date.</summary>
    public Period? Before => Kind switch
    {
        PeriodKind.Month => Of(Kind, Kernel.Facts.FactMonths.Add(FromMonth, -1)),
        PeriodKind.Quarter => Of(Kind, Kernel.Facts.FactMonths.Add(FromMonth, -3)),
        _ => null,
    };

    public string Name => Kind switch
    {
        PeriodKind.Month => Kernel.Facts.FactMonths.Name(FromMonth),
        PeriodKind.Quarter => $"{Year}年第{"一二三四"[(FromMonth % 100 - 1) / 3]}季度",
        PeriodKind.Year => $"{Year}年",
        _ => ToMonth % 100 == 1 ? $"{Year}年1月" : $"{Year}年1—{ToMonth % 100}月",
    };

    /// <summary>Reads "2026-11" with a kind, as the API and the screens pass it.</summary>
    public static bool TryParse(string? kind, string? month, out Period period)
    {
        period = Of(PeriodKind.Month, 200001);
        if (!Kernel.Facts.FactMonths.TryParse(month, out var m))
        {
            return false;
        }
        PeriodKind? k = kind switch
        {
            null or "" or "month" => PeriodKind.Month,
            "quarter" => PeriodKind.Quarter,
            "year" => PeriodKind.Year,
            "ytd" => PeriodKind.YearToDate,
            _ => null,
        };
        if (k is null)
        {
            return false;
        }
        period = Of(k.Value, m);
        return true;
    }
}

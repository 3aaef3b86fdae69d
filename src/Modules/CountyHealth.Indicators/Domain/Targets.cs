namespace CountyHealth.Indicators.Domain;

/// <summary>An indicator's target for one institution (or the county: the bureau's id) and year.</summary>
internal sealed class IndicatorTarget
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string IndicatorCode { get; set; } = "";
    public Guid InstitutionId { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
    public string SetBy { get; set; } = "";
    public DateTime SetAt { get; set; }
}

/// <summary>How a figure stands against its target: on track (green), a little behind (amber), behind (red).</summary>
public enum TargetStatus
{
    None = 0,
    OnTrack = 1,
    SlightlyBehind = 2,
    Behind = 3,
}

/// <summary>Progress against a target, in words the bureau uses: "完成 52.3%，时间进度 50.0%".</summary>
public sealed record TargetProgress(TargetStatus Status, string Text)
{
    /// <summary>How far behind the elapsed share a flow may be and still be amber (ten points of the target).</summary>
    public const decimal AmberMargin = 0.10m;

    /// <summary>How far a rate may miss its target and still be amber (five per cent of the target).</summary>
    public const decimal RateMargin = 0.05m;

    public static TargetProgress None { get; } = new(TargetStatus.None, "");

    /// <summary>
    /// The share of the year gone by the last day of a period ending in <paramref name="lastMonth"/> (yyyyMM), or by
    /// <paramref name="today"/> while that period is still open: the 时间进度 of 时间过半任务过半.
    /// </summary>
    public static decimal YearElapsed(int lastMonth, DateOnly today)
    {
        var end = Kernel.Facts.FactMonths.LastDay(lastMonth);
        var upTo = end < today ? end : today;
        return Math.Min(1m, upTo.DayOfYear / (decimal)(DateTime.IsLeapYear(upTo.Year) ? 366 : 365));
    }

    /// <summary>An indicator against its target: a rate by its level in the period, a flow by its year to date against the time gone.</summary>
    public static TargetProgress Of(Indicator indicator, decimal? periodValue, decimal? yearToDate, decimal target, decimal elapsed) =>
        indicator.Formula.IsRatio ? OfLevel(periodValue, target, indicator.Direction, indicator.Unit) : OfFlow(yearToDate, target, elapsed, indicator.Direction);

    /// <summary>
    /// 时间过半任务过半 for a flow that adds up over the year (visits, revenue): the year-to-date value against the annual
    /// target times the share of the year elapsed (months closed ÷ 12). Green at or above it, amber within ten points
    /// of the target below it, red further behind. A flow better low (refunds) turns it around: the target is a cap.
    /// </summary>
    public static TargetProgress OfFlow(decimal? yearToDate, decimal target, decimal elapsed, Direction direction)
    {
        if (yearToDate is not { } v || target <= 0 || direction == Direction.Neutral)
        {
            return None;
        }
        var done = v / target;
        var text = $"完成 {done * 100:0.0}%，时间进度 {elapsed * 100:0.0}%";
        var status = direction == Direction.HigherIsBetter
            ? done >= elapsed ? TargetStatus.OnTrack : done >= elapsed - AmberMargin ? TargetStatus.SlightlyBehind : TargetStatus.Behind
            : done <= elapsed ? TargetStatus.OnTrack : done <= elapsed + AmberMargin ? TargetStatus.SlightlyBehind : TargetStatus.Behind;
        return new(status, text);
    }

    /// <summary>
    /// A rate or a stock (药占比, a share of prescriptions) against its target: met is green, missed by at most five per
    /// cent of the target amber, further red.
    /// </summary>
    public static TargetProgress OfLevel(decimal? value, decimal target, Direction direction, string unit)
    {
        if (value is not { } v || direction == Direction.Neutral)
        {
            return None;
        }
        var margin = Math.Abs(target) * RateMargin;
        var status = direction == Direction.HigherIsBetter
            ? v >= target ? TargetStatus.OnTrack : v >= target - margin ? TargetStatus.SlightlyBehind : TargetStatus.Behind
            : v <= target ? TargetStatus.OnTrack : v <= target + margin ? TargetStatus.SlightlyBehind : TargetStatus.Behind;
        return new(status, $"目标{(direction == Direction.HigherIsBetter ? "≥" : "≤")}{target:0.##}{unit}");
    }

    /// <summary>
    /// Splits a county target over institutions in proportion to their last-year values (equally where there are
    /// none), rounded to the indicator's decimals; the rounding remainder goes to the largest share, so the parts add
    /// up to the whole exactly.
    /// </summary>
    public static IReadOnlyDictionary<Guid, decimal> Decompose(decimal county, IReadOnlyDictionary<Guid, decimal> lastYear, int decimals)
    {
        if (lastYear.Count == 0)
        {
            return new Dictionary<Guid, decimal>();
        }
        var total = lastYear.Values.Where(v => v > 0).Sum();
        var shares = lastYear.ToDictionary(x => x.Key, x => total > 0 ? Math.Max(x.Value, 0) / total : 1m / lastYear.Count);
        var parts = shares.ToDictionary(x => x.Key, x => Math.Round(county * x.Value, decimals, MidpointRounding.AwayFromZero));
        var largest = shares.OrderByDescending(x => x.Value).ThenBy(x => x.Key).First().Key;
        parts[largest] += county - parts.Values.Sum();
        return parts;
    }
}

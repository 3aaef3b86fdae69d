namespace CountyHealth.Indicators.Domain;

/// <summary>
/// Ranks among peers (名次): by value, best first as the indicator's direction says; equal values share a rank (1, 2,
/// 2, 4); a figure without a value and an indicator that is neither better high nor low have no rank.
/// </summary>
public static class Ranks
{
    public static IReadOnlyDictionary<TKey, int> Of<TKey>(IEnumerable<(TKey Key, decimal? Value)> figures, Direction direction)
        where TKey : notnull
    {
        if (direction == Direction.Neutral)
        {
            return new Dictionary<TKey, int>();
        }
        var valued = figures.Where(f => f.Value is not null).Select(f => (f.Key, Value: f.Value!.Value)).ToList();
        var ordered = direction == Direction.HigherIsBetter ? valued.OrderByDescending(f => f.Value).ToList() : valued.OrderBy(f => f.Value).ToList();
        var ranks = new Dictionary<TKey, int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].Key] = i > 0 && ordered[i].Value == ordered[i - 1].Value ? ranks[ordered[i - 1].Key] : i + 1;
        }
        return ranks;
    }

    /// <summary>
    /// Whether a change is for the better (1), for the worse (−1) or neither (0) as the indicator's direction says: a
    /// fall of the cost per visit is good news, a fall of the visits is not.
    /// </summary>
    public static int Judge(Direction direction, decimal? change) => change switch
    {
        null or 0 => 0,
        _ when direction == Direction.Neutral => 0,
        > 0 => direction == Direction.HigherIsBetter ? 1 : -1,
        _ => direction == Direction.HigherIsBetter ? -1 : 1,
    };

    /// <summary>The change from an earlier value in percent (同比/环比增长率); none when the earlier value is missing or zero.</summary>
    public static decimal? Growth(decimal? now, decimal? before) =>
        now is { } n && before is { } b && b != 0 ? Math.Round((n - b) / Math.Abs(b) * 100, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// The change of a figure on an earlier one as the reports state it: for a percentage the difference in points
    /// (个百分点), for anything else the growth in per cent; none when either value is missing.
    /// </summary>
    public static (decimal? Change, string Unit) Change(Indicator indicator, decimal? now, decimal? before) =>
        indicator.Unit == "%"
            ? (now is { } n && before is { } b ? Math.Round(n - b, 1, MidpointRounding.AwayFromZero) : null, "个百分点")
            : (Growth(now, before), "%");
}

namespace CountyHealth.PublicHealth.Domain;

/// <summary>A dose a child has had, as the rules need it.</summary>
public sealed record GivenDose(string Series, int Dose, VaccineKind Kind, DateOnly On);

/// <summary>
/// A child's next dose of one series: the day it is due (its minimum age, or the minimum interval after the previous
/// dose when that is later) and the age by which the schedule wants it done.
/// </summary>
public sealed record DueDose(ScheduledDose Dose, DateOnly DueOn, DateOnly CompleteBy);

/// <summary>What recording a dose on a day would mean: refused outright, or allowed with warnings the nurse confirms.</summary>
public sealed record DoseCheck(ScheduledDose? Dose, DateOnly? DueOn, IReadOnlyList<string> Refusals, IReadOnlyList<string> Warnings);

/// <summary>
/// The immunisation schedule's rules for one child (2021 说明 and §9.3 of the domain reference): the dose due next in each
/// series, only the missing doses (a series is never restarted), none from the age it is no longer given; a dose before
/// its minimum age or interval, or an injected live vaccine within 28 days of another not given the same day, is a warning.
/// </summary>
public static class VaccinationRules
{
    /// <summary>Two injected live vaccines not given on the same day are at least this many days apart.</summary>
    public const int LiveInjectedGapDays = 28;

    /// <summary>
    /// The next dose of each series not complete on <paramref name="asOf"/>: the first dose after the highest one given
    /// whose maximum age has not passed (MPSV-A doses left out after 24 months lead on to MPSV-AC).
    /// </summary>
    public static IReadOnlyList<DueDose> Due(ImmunisationSchedule schedule, DateOnly birth, IReadOnlyCollection<GivenDose> given, DateOnly asOf)
    {
        var due = new List<DueDose>();
        foreach (var (series, _) in schedule.Series)
        {
            if (Next(schedule, series, birth, given, asOf) is { } next)
            {
                due.Add(next);
            }
        }
        return due;
    }

    public static DueDose? Next(ImmunisationSchedule schedule, string series, DateOnly birth, IReadOnlyCollection<GivenDose> given, DateOnly asOf)
    {
        var mine = given.Where(g => g.Series == series).ToList();
        var highest = mine.Count == 0 ? 0 : mine.Max(g => g.Dose);
        var dose = schedule.SeriesOn(series, asOf).FirstOrDefault(d => d.Dose > highest && (d.MaxAge is not { } max || asOf < max.After(birth)));
        if (dose is null)
        {
            return null;
        }
        var dueOn = dose.MinAge.After(birth);
        if (dose.MinInterval is { } interval && mine.Count > 0 && interval.After(mine.Max(g => g.On)) is var afterLast && afterLast > dueOn)
        {
            dueOn = afterLast;
        }
        return new DueDose(dose, dueOn, dose.CompleteBy.After(birth));
    }

    /// <summary>Checks a dose of <paramref name="series"/> given on <paramref name="on"/> to a child born on <paramref name="birth"/>.</summary>
    public static DoseCheck Check(ImmunisationSchedule schedule, string series, DateOnly birth, IReadOnlyCollection<GivenDose> given, DateOnly on, DateOnly today)
    {
        var refusals = new List<string>();
        var warnings = new List<string>();
        if (schedule.SeriesName(series) is not { } name)
        {
            return new DoseCheck(null, null, ["不是国家免疫规划疫苗"], []);
        }
        if (on > today)
        {
            refusals.Add("接种日期不能晚于今天");
        }
        if (on < birth)
        {
            refusals.Add($"接种日期不能早于出生日期（{birth:yyyy-MM-dd}）");
        }
        var next = Next(schedule, series, birth, given, on);
        if (next is null)
        {
            var anyLeft = schedule.SeriesOn(series, on).Any(d => d.Dose > (given.Where(g => g.Series == series).Select(g => g.Dose).DefaultIfEmpty(0).Max()));
            refusals.Add(anyLeft ? $"该儿童已超过{name}的接种年龄，不再接种" : $"{name}已全程接种");
            return new DoseCheck(null, null, refusals, warnings);
        }
        var d = next.Dose;
        var minAgeDay = d.MinAge.After(birth);
        if (on < minAgeDay)
        {
            warnings.Add($"未到{d.Label}的最小接种月龄（{d.MinAge.Text}，{minAgeDay:yyyy-MM-dd}起）");
        }
        var previous = given.Where(g => g.Series == series).OrderBy(g => g.On).LastOrDefault();
        if (d.MinInterval is { } interval && previous is not null && on < interval.After(previous.On))
        {
            warnings.Add($"距{name}上一剂（{previous.On:yyyy-MM-dd}）不足最小间隔{interval.IntervalText}");
        }
        if (d.Kind == VaccineKind.Live && given.FirstOrDefault(g => g.Kind == VaccineKind.Live && g.On != on && Math.Abs(g.On.DayNumber - on.DayNumber) < LiveInjectedGapDays) is { } near)
        {
            warnings.Add($"两种注射类减毒活疫苗未同时接种的应间隔{LiveInjectedGapDays}天以上（{schedule.SeriesName(near.Series)}于{near.On:yyyy-MM-dd}接种）");
        }
        return new DoseCheck(d, next.DueOn, refusals, warnings);
    }
}

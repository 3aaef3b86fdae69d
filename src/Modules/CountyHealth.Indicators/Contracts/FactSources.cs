namespace CountyHealth.Indicators.Contracts;

/// <summary>How a measure's months add up to a longer period.</summary>
public enum MeasureKind
{
    /// <summary>A flow: the period's value is the sum of its months (visits, revenue).</summary>
    Sum = 1,

    /// <summary>A stock: the period's value is its last month's, as at the month's end (stock value, residents in the index).</summary>
    EndOfPeriod = 2,
}

/// <summary>
/// A number a module counts from its records per institution and month, e.g. <c>outpatient.visits</c>: what the
/// indicator formulas are made of. <paramref name="Counts"/> says in words which records count, and in which month.
/// <paramref name="Breakdowns"/> names the dimensions it is also kept by (department, doctor, revenue category).
/// </summary>
public sealed record Measure(string Key, string Name, string Unit, MeasureKind Kind, string Counts, params string[] Breakdowns);

/// <summary>
/// One value of a measure for an institution and month; <paramref name="Dimension"/> is empty for the total, else
/// "department:{id}", "doctor:{id}" or "category:{code}" for one part of it.
/// </summary>
public sealed record MonthlyFact(Guid InstitutionId, int Month, string Measure, string Dimension, decimal Value);

/// <summary>A record behind a figure, as the drill-down lists it: de-identified (a masked name, no ID number).</summary>
public sealed record FactRecord(Guid Id, string Number, string Date, string Person, string Detail, decimal? Value);

/// <summary>
/// The months to count: every institution (null) or some, from one month to another (yyyyMM, both included).
/// </summary>
public sealed record FactRange(IReadOnlyCollection<Guid>? Institutions, int FromMonth, int ToMonth);

/// <summary>
/// A module's source of monthly figures: its measures, how to count them from its own tables for any range of months
/// (one GROUP BY over the records, for a rebuild or a handful of marked months alike), and the records behind one
/// figure. Which record changes mark which months is declared beside it as <see cref="Kernel.Facts.FactFeed{T}"/>.
/// </summary>
public interface IFactSource
{
    /// <summary>The source's name, the first part of its measures' keys (e.g. "outpatient").</summary>
    string Name { get; }

    IReadOnlyList<Measure> Measures { get; }

    /// <summary>
    /// Whether a change in a month changes every later month too (a cumulative stock such as residents in the index);
    /// the refresher then counts the marked month and the months after it.
    /// </summary>
    bool CarriesForward => false;

    /// <summary>Whether the current month changes with the calendar alone (stock turning near-expiry); recounted every few minutes.</summary>
    bool DependsOnToday => false;

    /// <summary>Counts the measures of the range. Zero values may be left out.</summary>
    Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct);

    /// <summary>The records behind one figure (a measure of one institution and month, optionally one part of it), a page at a time.</summary>
    Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct);
}

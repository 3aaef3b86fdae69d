namespace CountyHealth.Kernel.Time;

/// <summary>China Standard Time (UTC+8, no daylight saving). Times are stored in UTC and shown in China time.</summary>
public static class ChinaTime
{
    /// <summary>
    /// The offset in hours, a constant so that a query's <c>AddHours(ChinaTime.OffsetHours)</c> goes to the database as an
    /// interval literal: a captured variable became a text-to-interval cast evaluated for every row.
    /// </summary>
    public const double OffsetHours = 8;

    public static readonly TimeSpan Offset = TimeSpan.FromHours(OffsetHours);

    public static DateTime ToChina(DateTime utc) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset), DateTimeKind.Unspecified);

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The China calendar day of a UTC instant.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(ToChina(utc));

    /// <summary>The UTC instant at which the given China calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly chinaDay) =>
        DateTime.SpecifyKind(chinaDay.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    public static string Format(DateTime utc) =>
        ToChina(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

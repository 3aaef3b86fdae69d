namespace CountyHealth.Outpatient.Domain;

/// <summary>A dosing frequency (给药频次) by its usual Latin abbreviation.</summary>
/// <param name="Code">Lower-case abbreviation, e.g. "tid".</param>
/// <param name="ChineseName">Name shown to users, e.g. "每日三次".</param>
/// <param name="AdministrationsPerDay">Average administrations per day (qod 0.5, qw 1/7; prn counts as 1).</param>
/// <param name="Once">True for a single administration regardless of days (st).</param>
internal sealed record Frequency(string Code, string ChineseName, decimal AdministrationsPerDay, bool Once);

/// <summary>The catalogue of supported frequencies.</summary>
internal static class Frequencies
{
    public static Frequency Qd { get; } = new("qd", "每日一次", 1m, false);
    public static Frequency Bid { get; } = new("bid", "每日两次", 2m, false);
    public static Frequency Tid { get; } = new("tid", "每日三次", 3m, false);
    public static Frequency Qid { get; } = new("qid", "每日四次", 4m, false);
    public static Frequency Qn { get; } = new("qn", "每晚一次", 1m, false);
    public static Frequency Q8h { get; } = new("q8h", "每8小时一次", 3m, false);
    public static Frequency Q12h { get; } = new("q12h", "每12小时一次", 2m, false);
    public static Frequency Qod { get; } = new("qod", "隔日一次", 0.5m, false);
    public static Frequency Qw { get; } = new("qw", "每周一次", 1m / 7m, false);
    public static Frequency St { get; } = new("st", "立即", 1m, true);

    /// <summary>As needed; counted as once a day when working out how much to dispense.</summary>
    public static Frequency Prn { get; } = new("prn", "必要时", 1m, false);

    public static IReadOnlyList<Frequency> All { get; } = [Qd, Bid, Tid, Qid, Qn, Q8h, Q12h, Qod, Qw, St, Prn];

    /// <summary>Finds a frequency by code, ignoring case and surrounding whitespace; null when unknown.</summary>
    public static Frequency? Find(string code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        foreach (var frequency in All)
        {
            if (string.Equals(frequency.Code, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return frequency;
            }
        }

        return null;
    }
}

/// <summary>How much to dispense: whole base units (tablets, capsules, ampoules...) and whole packs.</summary>
internal sealed record DispenseResult(decimal BaseUnits, int Packs);

/// <summary>Works out the quantity to dispense for one prescription line.</summary>
internal static class DispenseQuantity
{
    // Products such as (1/7) × 7 carry decimal noise in the last of 28 digits; round it away before ceiling.
    private const int NoiseDecimals = 9;

    /// <summary>
    /// Base units per administration = ceiling(dose ÷ doseUnitsPerBaseUnit) (a part of a tablet is given as a whole tablet);
    /// administrations = 1 for <see cref="Frequency.Once"/>, else ceiling(administrations per day × days);
    /// packs = ceiling(total base units ÷ base units per pack).
    /// </summary>
    /// <param name="dose">Dose per administration in the drug's dose unit (e.g. 5 for 5 mg).</param>
    /// <param name="doseUnitsPerBaseUnit">Strength: dose units in one base unit (e.g. 5 mg per tablet).</param>
    /// <param name="baseUnitsPerPack">Base units in one pack (e.g. 7 tablets per box).</param>
    /// <param name="frequency">Dosing frequency.</param>
    /// <param name="days">Days of treatment.</param>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive dose, strength, pack size or day count.</exception>
    /// <exception cref="OverflowException">The pack count does not fit in an <see cref="int"/>.</exception>
    public static DispenseResult Compute(decimal dose, decimal doseUnitsPerBaseUnit, int baseUnitsPerPack, Frequency frequency, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dose);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(doseUnitsPerBaseUnit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseUnitsPerPack);
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);

        var baseUnitsPerAdministration = CeilingIgnoringNoise(dose / doseUnitsPerBaseUnit);
        var administrations = frequency.Once ? 1m : CeilingIgnoringNoise(frequency.AdministrationsPerDay * days);
        var baseUnits = baseUnitsPerAdministration * administrations;
        var packs = checked((int)CeilingIgnoringNoise(baseUnits / baseUnitsPerPack));
        return new DispenseResult(baseUnits, packs);
    }

    private static decimal CeilingIgnoringNoise(decimal value) => Math.Ceiling(Math.Round(value, NoiseDecimals, MidpointRounding.ToEven));
}

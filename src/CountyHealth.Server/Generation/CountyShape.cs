namespace CountyHealth.Server.Generation;

/// <summary>
/// The shape of a synthetic county: age and sex structure after China's 7th census (2020, five-year groups),
/// and age-specific prevalence of hypertension and diabetes after the national surveys (CHS 2012–2015, 27.9% of
/// adults; China Chronic Disease and Risk Factor Surveillance 2018, 12.4% of adults). Pure and deterministic.
/// </summary>
internal static class CountyShape
{
    /// <summary>Share (%) of the population in each five-year age group from 0–4 to 85+ (7th census).</summary>
    public static readonly double[] AgeGroupShares = [5.4, 6.4, 6.3, 5.2, 5.3, 6.6, 8.7, 7.0, 6.6, 8.3, 8.7, 7.2, 5.2, 5.1, 3.5, 2.2, 1.4, 0.9];

    /// <summary>Males per 100 females (7th census: 105.07).</summary>
    public const double SexRatio = 105.07;

    private static readonly double[] Cumulative = BuildCumulative();

    private static double[] BuildCumulative()
    {
        var total = AgeGroupShares.Sum();
        var c = new double[AgeGroupShares.Length];
        var run = 0.0;
        for (var i = 0; i < c.Length; i++)
        {
            run += AgeGroupShares[i] / total;
            c[i] = run;
        }
        c[^1] = 1.0;
        return c;
    }

    /// <summary>An age in whole years drawn from the census structure (85+ spread over 85–99).</summary>
    public static int DrawAge(Random rng)
    {
        var u = rng.NextDouble();
        var group = Array.FindIndex(Cumulative, c => u <= c);
        return group == Cumulative.Length - 1 ? 85 + rng.Next(15) : group * 5 + rng.Next(5);
    }

    public static bool DrawMale(Random rng) => rng.NextDouble() < SexRatio / (100 + SexRatio);

    /// <summary>Expected share of residents with hypertension or diabetes, over the census age structure.</summary>
    public static double ExpectedChronicShare()
    {
        var total = AgeGroupShares.Sum();
        return AgeGroupShares.Select((share, group) =>
        {
            var age = group * 5 + 2;
            return share / total * (1 - (1 - HypertensionPrevalence(age)) * (1 - DiabetesPrevalence(age)));
        }).Sum();
    }

    /// <summary>Probability of diagnosed hypertension at an age.</summary>
    public static double HypertensionPrevalence(int age) => age switch
    {
        < 18 => 0.0,
        < 35 => 0.06,
        < 45 => 0.15,
        < 55 => 0.29,
        < 65 => 0.44,
        < 75 => 0.55,
        _ => 0.60,
    };

    /// <summary>Probability of diagnosed type-2 diabetes at an age.</summary>
    public static double DiabetesPrevalence(int age) => age switch
    {
        < 18 => 0.0,
        < 40 => 0.04,
        < 60 => 0.12,
        _ => 0.20,
    };
}

namespace CountyHealth.Kernel.Generation;

/// <summary>
/// The age and sex structure of China's 7th census (2020, five-year groups), for synthetic residents. Pure and
/// deterministic for a random stream.
/// </summary>
public static class Census
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

#pragma warning disable CA5394 // synthetic data, not security
    /// <summary>An age in whole years drawn from the census structure (85+ spread over 85–99).</summary>
    public static int DrawAge(Random rng)
    {
        var u = rng.NextDouble();
        var group = Array.FindIndex(Cumulative, c => u <= c);
        return group == Cumulative.Length - 1 ? 85 + rng.Next(15) : group * 5 + rng.Next(5);
    }

    public static bool DrawMale(Random rng) => rng.NextDouble() < SexRatio / (100 + SexRatio);
#pragma warning restore CA5394

    /// <summary>The expected value of a rate that depends on age, over the census structure (each group at its middle age).</summary>
    public static double Expected(Func<int, double> rateAtAge)
    {
        var total = AgeGroupShares.Sum();
        return AgeGroupShares.Select((share, group) => share / total * rateAtAge(group * 5 + 2)).Sum();
    }
}

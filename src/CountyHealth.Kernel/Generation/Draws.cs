namespace CountyHealth.Kernel.Generation;

/// <summary>Random draws the synthetic county's parts share (counts of events at a known mean rate).</summary>
public static class Draws
{
    /// <summary>A Poisson count of the given mean: Knuth's method for small means, the normal approximation above 30.</summary>
    public static int Poisson(Random rng, double mean)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (mean <= 0)
        {
            return 0;
        }
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Gaussian(rng)));
        }
        var l = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
#pragma warning disable CA5394 // synthetic data, not security
            p *= rng.NextDouble();
        }
        while (p > l);
        return k - 1;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
#pragma warning restore CA5394
    }
}

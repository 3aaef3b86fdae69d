using System.Globalization;

namespace CountyHealth.Tests.Support;

/// <summary>
/// The one random stream of a test run's data (names, ID numbers, phones), from COUNTYHEALTH_TEST_SEED when it is set,
/// else a fresh seed. The seed is written to artifacts/test-seed-&lt;assembly&gt;.txt as soon as it is drawn, and the
/// test command prints it when a test fails, so a failing run can be repeated with the same data.
/// </summary>
public static class TestSeed
{
    public const string Variable = "COUNTYHEALTH_TEST_SEED";

    /// <summary>
    /// The sequence code of a test resident's ID number: 900–999, a band the synthetic county never issues
    /// (SyntheticResidents.SequencePairs), so a test's new resident never meets the demo county's.
    /// </summary>
    public static int IdSequence(bool male) => Next(450, 500) * 2 + (male ? 1 : 0);

    private static readonly Lock Gate = new();
    private static readonly Random Stream;

    static TestSeed()
    {
        Value = int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given)
            ? given
            : Random.Shared.Next();
        Stream = new Random(Value);
        var artifacts = Environment.GetEnvironmentVariable("COUNTYHEALTH_ARTIFACTS");
        if (!string.IsNullOrEmpty(artifacts))
        {
            Directory.CreateDirectory(artifacts);
            // This file is compiled into each test assembly: the name tells which run drew the seed.
            var assembly = typeof(TestSeed).Assembly.GetName().Name;
            File.WriteAllText(Path.Combine(artifacts, $"test-seed-{assembly}.txt"), $"{Variable}={Value.ToString(CultureInfo.InvariantCulture)} ({assembly})\n");
        }
    }

    /// <summary>The seed of this run.</summary>
    public static int Value { get; }

    /// <summary>A number in [0, max), from the run's stream (safe from several threads).</summary>
    public static int Next(int max)
    {
        lock (Gate)
        {
            return Stream.Next(max);
        }
    }

    /// <summary>A number in [min, max), from the run's stream.</summary>
    public static int Next(int min, int max)
    {
        lock (Gate)
        {
            return Stream.Next(min, max);
        }
    }
}

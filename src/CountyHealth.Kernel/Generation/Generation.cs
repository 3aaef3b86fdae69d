namespace CountyHealth.Kernel.Generation;

/// <summary>
/// What to generate: residents, the random seed, the years of history and the visits per resident and year. With
/// <paramref name="IntoDemoTownship"/> the residents and their history go into the demo county's own township (its
/// health centre and village clinics, their departments and doctors) instead of new townships: the demo's history.
/// With <paramref name="DeferIndexes"/> (the generate verb, on PostgreSQL) the secondary indexes are dropped for the
/// load and built again after it.
/// </summary>
public sealed record GenerationOptions(int Residents, int Seed, int Years, double VisitsPerResidentYear, bool IntoDemoTownship = false, bool DeferIndexes = false)
{
    /// <summary>Seed 001's district: 1,845,400 residents; about 1.08 outpatient visits per resident and year.</summary>
    public static GenerationOptions Default => new(1_845_400, 2026, 5, 1.08);
}

/// <summary>Writes generated rows in bulk, bypassing the change tracker but not the model's mapping.</summary>
public interface IBulkWriter
{
    Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct) where T : class;
}

/// <summary>
/// One run of the synthetic-county generator, shared by the modules' parts: the options, one random stream (so a seed
/// gives the same county), the clock, the bulk writer, and the facts each part leaves for the parts after it about the
/// township being generated (the clinics, the residents) — contract types of the module that made them.
/// </summary>
public sealed class GenerationRun(GenerationOptions options, DateOnly today, DateTime now, IBulkWriter writer)
{
    private readonly Dictionary<Type, object> facts = [];

    public GenerationOptions Options { get; } = options;

#pragma warning disable CA5394 // synthetic data, not security
    public Random Random { get; } = new(options.Seed);
#pragma warning restore CA5394

    /// <summary>Today in China; history is generated up to it.</summary>
    public DateOnly Today { get; } = today;

    /// <summary>The moment of the run, stamped on records as their creation time.</summary>
    public DateTime Now { get; } = now;

    public IBulkWriter Writer { get; } = writer;

    /// <summary>The number of townships the residents are spread over.</summary>
    public int Townships { get; set; } = 1;

    /// <summary>Leaves a fact for the parts that follow (replacing one of the same type).</summary>
    public void Put<T>(T fact) where T : class => facts[typeof(T)] = fact;

    public T Get<T>() where T : class =>
        facts.TryGetValue(typeof(T), out var f) ? (T)f : throw new InvalidOperationException($"No part of the generator has produced {typeof(T).Name} yet");
}

/// <summary>A module's part of the synthetic county: its reference data once, then its records one township at a time.</summary>
public interface ISyntheticData
{
    /// <summary>Reads what the part needs before the first township (catalogues, the demo county's bureau).</summary>
    Task PrepareAsync(GenerationRun run, CancellationToken ct);

    /// <summary>Generates and writes the part's records for the township <paramref name="index"/> (0-based).</summary>
    Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct);
}

/// <summary>A module's part of the demo county, seeded into an empty database in the order of the module catalogue.</summary>
public interface IDemoData
{
    /// <summary>True when the database already holds this part (the demo county is seeded once).</summary>
    Task<bool> IsSeededAsync(CancellationToken ct);

    /// <summary>Adds the part's records; the caller saves them in one transaction with the other parts'.</summary>
    Task SeedAsync(CancellationToken ct);
}

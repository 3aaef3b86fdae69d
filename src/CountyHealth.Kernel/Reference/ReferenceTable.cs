using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Kernel.Reference;

/// <summary>
/// A table of rules or codes that a module ships and an administrator may correct (the immunisation schedule, the
/// notifiable-disease list …). The shipped text is version 1; every correction is a new, whole version kept with its
/// author and reason, and the newest one is the table in force. Rows that must change on a date (the 2025 DTaP change)
/// carry their own from/to days inside the table, so a correction never rewrites what held before.
/// </summary>
public interface IReferenceTable
{
    /// <summary>Stable key, as in the URL: <c>phs.immunisation-schedule</c>.</summary>
    string Key { get; }

    string Name { get; }

    /// <summary>What the table decides and who should correct it, in a sentence or two.</summary>
    string Description { get; }

    /// <summary>The text shipped with this release (version 1).</summary>
    string Shipped { get; }

    /// <summary>The text in force and its version.</summary>
    string Text { get; }

    int Version { get; }

    /// <summary>Why the text cannot be the table (the first problem, with its line), or null when it can.</summary>
    string? Problem(string text);

    /// <summary>Puts a checked version in force.</summary>
    void Apply(string text, int version);
}

/// <summary>One table, parsed: <see cref="Current"/> is what the rules read, swapped whole when a version is applied.</summary>
public sealed class ReferenceTable<T> : IReferenceTable where T : class
{
    private readonly Func<string, T> parse;
    private volatile State state;

    public ReferenceTable(string key, string name, string description, string shipped, Func<string, T> parse)
    {
        (Key, Name, Description, Shipped, this.parse) = (key, name, description, shipped, parse);
        state = new State(parse(shipped), shipped, 1);
    }

    public string Key { get; }
    public string Name { get; }
    public string Description { get; }
    public string Shipped { get; }
    public string Text => state.Text;
    public int Version => state.Version;

    /// <summary>The table in force.</summary>
    public T Current => state.Value;

    public string? Problem(string text)
    {
        try
        {
            parse(text);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
        {
            // A reader's own slip on text it did not expect: the table is refused all the same.
            return $"表内容无法读取（{e.Message}）";
        }
    }

    public void Apply(string text, int version) => state = new State(parse(text), text, version);

    private sealed record State(T Value, string Text, int Version);
}

public static class ReferenceTableRegistration
{
    /// <summary>The text of an embedded resource (the shipped version of a table).</summary>
    public static string Embedded(Assembly assembly, string logicalName)
    {
        using var stream = assembly.GetManifestResourceStream(logicalName) ?? throw new InvalidOperationException($"{logicalName} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Registers a table as itself (for the rules that read it) and as one of the tables the administrator edits.</summary>
    public static IServiceCollection AddReferenceTable<T>(this IServiceCollection services, ReferenceTable<T> table) where T : class
    {
        services.AddSingleton(table);
        services.AddSingleton<IReferenceTable>(table);
        return services;
    }
}

using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Domain;

namespace CountyHealth.Platform.Diagnoses;

/// <summary>One name doctors use for an ICD-10 category, and where the alias comes from.</summary>
internal sealed record DiagnosisAlias(string Alias, string Code, string Source);

/// <summary>
/// The names doctors use for ICD-10 categories (高血压 → I10, 慢阻肺 → J44), from the embedded icd10-aliases.tsv
/// (alias, code, source). They are data, not code: the dictionary's search columns fold them in.
/// </summary>
internal static class DiagnosisAliases
{
    public const string ResourceName = "CountyHealth.Platform.icd10-aliases.tsv";

    private static readonly Lazy<IReadOnlyList<DiagnosisAlias>> Rows = new(Load);
    private static readonly Lazy<ILookup<string, string>> ByCodeLookup = new(() => All.ToLookup(a => a.Code, a => a.Alias, StringComparer.Ordinal));

    public static IReadOnlyList<DiagnosisAlias> All => Rows.Value;

    /// <summary>The aliases of each code.</summary>
    public static ILookup<string, string> ByCode => ByCodeLookup.Value;

    /// <summary>The search columns of a dictionary entry: its name and the aliases of its code.</summary>
    public static SearchKeys KeysFor(string code, string name) => SearchKeys.For(name, ByCode[code]);

    private static List<DiagnosisAlias> Load()
    {
        using var stream = typeof(DiagnosisAliases).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<DiagnosisAlias>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split('\t');
            if (parts.Length != 3 || parts.Any(p => p.Trim().Length == 0))
            {
                throw new InvalidOperationException($"Embedded resource {ResourceName} has a malformed line: {line}");
            }
            if (header)
            {
                header = false;
                continue;
            }
            rows.Add(new DiagnosisAlias(parts[0].Trim(), parts[1].Trim().ToUpperInvariant(), parts[2].Trim()));
        }
        return rows;
    }
}

/// <summary>Keeps the dictionary's search columns in step with the pinyin tables, the reading rules and the alias list.</summary>
internal sealed class DiagnosisSearchKeys(CountyHealthDb db, DiagnosisCodes codes) : ISearchKeyRefresh
{
    public string Table => "icd10_codes";

    public bool AtStart => true;

    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var changed = await SearchableRows.RefreshAsync<Icd10Entry>(db, e => DiagnosisAliases.KeysFor(e.Code, e.Name), ct);
        if (changed > 0)
        {
            codes.Invalidate();
        }
        return changed;
    }
}

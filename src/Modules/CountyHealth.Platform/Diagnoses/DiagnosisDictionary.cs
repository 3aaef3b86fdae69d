using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Diagnoses;

/// <summary>
/// The ICD-10 dictionary. Lookups by code (every diagnosis a doctor saves) come from memory: the dictionary is a few
/// thousand rows and changes only with a new edition; searches go to the database through the one catalogue matcher,
/// by code, by any reading of the name's or an alias's pinyin initials, or by the name or an alias.
/// </summary>
internal sealed class DiagnosisDictionary(CountyHealthDb db, DiagnosisCodes codes) : IDiagnosisDictionary
{
    public async Task<IReadOnlyList<DiagnosisCode>> SearchAsync(string query, int take, CancellationToken ct = default)
    {
        var term = SearchTerm.Parse(query);
        if (term.Kind == SearchKind.Empty)
        {
            return [];
        }
        return await Matching(db.Set<Icd10Entry>().AsNoTracking(), term).Take(take)
            .Select(e => new DiagnosisCode(e.Code, e.Name, e.Pinyin)).ToListAsync(ct);
    }

    /// <summary>Active entries matching a (non-empty) search term, best matches first, then shorter codes first.</summary>
    internal static IOrderedQueryable<Icd10Entry> Matching(IQueryable<Icd10Entry> entries, SearchTerm term) =>
        entries.Where(e => e.IsActive).WhereMatches(term, Columns).OrderByMatch(term, Columns, e => e.Code.Length).ThenBy(e => e.Code);

    private static readonly CatalogueColumns<Icd10Entry> Columns = new(e => e.Code, e => e.SearchKey, e => e.SearchText);

    public async Task<DiagnosisCode?> FindAsync(string code, CancellationToken ct = default) =>
        (await codes.GetAsync(db, ct)).GetValueOrDefault(code.Trim().ToUpperInvariant());
}

/// <summary>The active ICD-10 codes by code, loaded once.</summary>
internal sealed class DiagnosisCodes
{
    private volatile Dictionary<string, DiagnosisCode>? codes;

    public async ValueTask<IReadOnlyDictionary<string, DiagnosisCode>> GetAsync(CountyHealthDb db, CancellationToken ct) =>
        codes ??= await db.Set<Icd10Entry>().AsNoTracking().Where(e => e.IsActive)
            .Select(e => new DiagnosisCode(e.Code, e.Name, e.Pinyin)).ToDictionaryAsync(e => e.Code, StringComparer.Ordinal, ct);

    public void Invalidate() => codes = null;
}

/// <summary>Diagnoses by ICD-10 code, Chinese name or pinyin initials, for the doctor's search box.</summary>
internal sealed class SearchDiagnoses(IDiagnosisDictionary dictionary) : IUseCase
{
    public Task<IReadOnlyList<DiagnosisCode>> HandleAsync(string? q, int? take, CancellationToken ct) =>
        dictionary.SearchAsync(q ?? "", Math.Clamp(take ?? 20, 1, 100), ct);
}

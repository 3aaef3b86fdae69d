using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Diagnoses;

/// <summary>
/// The ICD-10 dictionary. Lookups by code (every diagnosis a doctor saves) come from memory: the dictionary is a few
/// thousand rows and changes only with a new edition; searches go to the database through the one catalogue matcher.
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
        return await db.Set<Icd10Entry>().AsNoTracking().Where(e => e.IsActive)
            .WhereMatches(term, e => e.Name, e => e.Pinyin, e => e.Code)
            .OrderBy(e => e.Code.Length).ThenBy(e => e.Code).Take(take)
            .Select(e => new DiagnosisCode(e.Code, e.Name, e.Pinyin)).ToListAsync(ct);
    }

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

using System.Linq.Expressions;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Catalogue;

/// <summary>
/// The drug catalogue in memory: hundreds to a few thousand rows read by every prescription, dispensing and stock list.
/// Loaded on first use and again after a change through this process; searches still go to the database.
/// </summary>
internal sealed class DrugCache
{
    private volatile Dictionary<Guid, Drug>? drugs;
    private int version;

    public void Invalidate()
    {
        Interlocked.Increment(ref version);
        drugs = null;
    }

    public async ValueTask<IReadOnlyDictionary<Guid, Drug>> GetAsync(CountyHealthDb db, CancellationToken ct)
    {
        if (drugs is { } ready)
        {
            return ready;
        }
        var seen = Volatile.Read(ref version);
        var loaded = await db.Set<Drug>().AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        if (Volatile.Read(ref version) == seen)
        {
            drugs = loaded;
        }
        return loaded;
    }
}

/// <summary>Keeps the catalogue's search columns in step with the pinyin tables and the reading rules.</summary>
internal sealed class DrugSearchKeys(CountyHealthDb db, DrugCache cache) : ISearchKeyRefresh
{
    public string Table => "drugs";

    public bool AtStart => true;

    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var changed = await SearchableRows.RefreshAsync<Drug>(db, d => SearchKeys.For(d.Name), ct);
        if (changed > 0)
        {
            cache.Invalidate();
        }
        return changed;
    }
}

internal sealed class DrugCatalogue(CountyHealthDb db, DrugCache cache, TimeProvider clock) : IDrugCatalogue
{
    public async Task<IReadOnlyList<DrugInfo>> SearchAsync(Guid institutionId, string query, int take, CancellationToken ct = default)
    {
        var rows = await Matching(db.Set<Drug>().AsNoTracking(), query, d => d.Name).Take(take).ToListAsync(ct);
        var stock = await AvailableAsync(institutionId, rows.Select(d => d.Id), ct);
        return rows.Select(d => ToInfo(d, stock.GetValueOrDefault(d.Id))).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, DrugInfo>> GetManyAsync(Guid institutionId, IEnumerable<Guid> drugIds, CancellationToken ct = default)
    {
        var drugs = await cache.GetAsync(db, ct);
        var ids = drugIds.Distinct().Where(drugs.ContainsKey).ToList();
        var stock = await AvailableAsync(institutionId, ids, ct);
        return ids.ToDictionary(id => id, id => ToInfo(drugs[id], stock.GetValueOrDefault(id)));
    }

    /// <summary>
    /// Active drugs matching a search box, best matches first and then by <paramref name="then"/>: ASCII is a code prefix
    /// or pinyin initials anywhere in the name (ALDP finds 苯磺酸氨氯地平片), Chinese a part of the name.
    /// </summary>
    internal static IOrderedQueryable<Drug> Matching<TKey>(IQueryable<Drug> drugs, string? query, Expression<Func<Drug, TKey>> then)
    {
        var term = SearchTerm.Parse(query);
        return drugs.Where(d => d.IsActive).WhereMatches(term, Columns).OrderByMatch(term, Columns, then);
    }

    private static readonly CatalogueColumns<Drug> Columns = new(d => d.Code, d => d.SearchKey, d => d.SearchText);

    /// <summary>Packs that can still be prescribed and sold: on hand in unexpired batches, less what paid orders hold, per drug.</summary>
    internal async Task<Dictionary<Guid, int>> AvailableAsync(Guid institutionId, IEnumerable<Guid> drugIds, CancellationToken ct)
    {
        var ids = drugIds.ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var today = ChinaTime.Today(clock);
        return await db.Set<StockBatch>().AsNoTracking()
            .Where(b => b.InstitutionId == institutionId && ids.Contains(b.DrugId) && b.ExpiryDate > today && b.QuantityOnHand > b.QuantityReserved)
            .GroupBy(b => b.DrugId).Select(g => new { g.Key, Sum = g.Sum(b => b.QuantityOnHand - b.QuantityReserved) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
    }

    internal static DrugInfo ToInfo(Drug d, int available) => new(d.Id, d.Code, d.Name, d.Specification, d.DosageForm, d.DoseUnit,
        d.DoseUnitsPerBaseUnit, d.BaseUnit, d.BaseUnitsPerPack, d.PackUnit, d.DefaultRoute, d.DefaultFrequency, d.DefaultDose,
        d.RetailPrice, d.NeedsSkinTest, available, d.IsAntibacterial, d.InsuranceClass);
}

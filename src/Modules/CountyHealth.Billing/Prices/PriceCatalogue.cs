using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Text;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Prices;

/// <summary>The active price items by code, in memory: every registration reads its fee.</summary>
internal sealed class PriceCache
{
    private volatile Dictionary<string, PriceItemInfo>? items;

    public async ValueTask<IReadOnlyDictionary<string, PriceItemInfo>> GetAsync(CountyHealthDb db, CancellationToken ct) =>
        items ??= await db.Set<PriceItem>().AsNoTracking().Where(p => p.IsActive)
            .Select(p => new PriceItemInfo(p.Id, p.Code, p.Name, p.Unit, p.Price, p.Kind, p.InsuranceClass)).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);

    public void Invalidate() => items = null;
}

/// <summary>Keeps the price items' search columns in step with the pinyin tables and the reading rules.</summary>
internal sealed class PriceSearchKeys(CountyHealthDb db, PriceCache cache) : ISearchKeyRefresh
{
    public string Table => "price_items";

    public bool AtStart => true;

    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var changed = await SearchableRows.RefreshAsync<PriceItem>(db, p => SearchKeys.For(p.Name), ct);
        if (changed > 0)
        {
            cache.Invalidate();
        }
        return changed;
    }
}

internal sealed class PriceCatalogue(CountyHealthDb db, PriceCache cache) : IPriceCatalogue
{
    public async Task<IReadOnlyList<PriceItemInfo>> SearchAsync(string? kind, string? query, CancellationToken ct = default)
    {
        var q = db.Set<PriceItem>().AsNoTracking().Where(p => p.IsActive);
        q = string.IsNullOrWhiteSpace(kind) ? q : q.Where(p => p.Kind == kind);
        var term = SearchTerm.Parse(query);
        return await q.WhereMatches(term, Columns).OrderByMatch(term, Columns, p => p.Code)
            .Take(100).Select(p => new PriceItemInfo(p.Id, p.Code, p.Name, p.Unit, p.Price, p.Kind, p.InsuranceClass)).ToListAsync(ct);
    }

    private static readonly CatalogueColumns<PriceItem> Columns = new(p => p.Code, p => p.SearchKey, p => p.SearchText);

    public async Task<PriceItemInfo?> FindAsync(string code, CancellationToken ct = default) =>
        (await cache.GetAsync(db, ct)).GetValueOrDefault(code);
}

/// <summary>Price items (registration, examinations, lab, treatment) by kind, code, name or pinyin initials.</summary>
internal sealed class SearchPriceItems(IPriceCatalogue prices) : IUseCase
{
    public Task<IReadOnlyList<PriceItemInfo>> HandleAsync(string? kind, string? q, CancellationToken ct) => prices.SearchAsync(kind, q, ct);
}

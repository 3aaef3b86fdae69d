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
            .Select(p => new PriceItemInfo(p.Id, p.Code, p.Name, p.Unit, p.Price, p.Kind)).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);

    public void Invalidate() => items = null;
}

internal sealed class PriceCatalogue(CountyHealthDb db, PriceCache cache) : IPriceCatalogue
{
    public async Task<IReadOnlyList<PriceItemInfo>> SearchAsync(string? kind, string? query, CancellationToken ct = default)
    {
        var q = db.Set<PriceItem>().AsNoTracking().Where(p => p.IsActive);
        q = string.IsNullOrWhiteSpace(kind) ? q : q.Where(p => p.Kind == kind);
        return await q.WhereMatches(SearchTerm.Parse(query), p => p.Name, p => p.Pinyin, p => p.Code)
            .OrderBy(p => p.Code).Take(100).Select(p => new PriceItemInfo(p.Id, p.Code, p.Name, p.Unit, p.Price, p.Kind)).ToListAsync(ct);
    }

    public async Task<PriceItemInfo?> FindAsync(string code, CancellationToken ct = default) =>
        (await cache.GetAsync(db, ct)).GetValueOrDefault(code);
}

/// <summary>Price items (registration, examinations, lab, treatment) by kind, code, name or pinyin initials.</summary>
internal sealed class SearchPriceItems(IPriceCatalogue prices) : IUseCase
{
    public Task<IReadOnlyList<PriceItemInfo>> HandleAsync(string? kind, string? q, CancellationToken ct) => prices.SearchAsync(kind, q, ct);
}

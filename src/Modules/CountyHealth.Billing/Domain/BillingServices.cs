using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Domain;

internal sealed class ChargeService(CountyHealthDb db, TimeProvider clock) : IChargeService
{
    public Task<IReadOnlyList<Guid>> AddAsync(VisitBilling visit, IEnumerable<ChargeLine> lines, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = new List<Guid>();
        foreach (var l in lines)
        {
            var charge = new Charge
            {
                VisitId = visit.VisitId,
                ResidentId = visit.ResidentId,
                InstitutionId = visit.InstitutionId,
                DepartmentId = visit.DepartmentId,
                Source = l.Source,
                GroupId = l.GroupId,
                SourceId = l.SourceId,
                ItemCode = l.ItemCode,
                Description = l.Description,
                Unit = l.Unit,
                Quantity = l.Quantity,
                UnitPrice = l.UnitPrice,
                Amount = MoneyRules.LineAmount(l.Quantity, l.UnitPrice),
                CreatedAt = now,
            };
            db.Add(charge);
            ids.Add(charge.Id);
        }
        return Task.FromResult<IReadOnlyList<Guid>>(ids);
    }

    public async Task<bool> RemoveOpenAsync(Guid groupId, CancellationToken ct = default)
    {
        var charges = await db.Set<Charge>().Where(c => c.GroupId == groupId).ToListAsync(ct);
        if (charges.Any(c => c.Status != ChargeStatus.Open))
        {
            return false;
        }
        db.RemoveRange(charges);
        return true;
    }

    public Task<bool> AnyPaidAsync(Guid groupId, CancellationToken ct = default) =>
        db.Set<Charge>().AnyAsync(c => c.GroupId == groupId && c.Status != ChargeStatus.Open, ct);
}

internal sealed class PriceCatalogue(CountyHealthDb db) : IPriceCatalogue
{
    public async Task<IReadOnlyList<PriceItemInfo>> SearchAsync(string? kind, string? query, CancellationToken ct = default)
    {
        var q = db.Set<PriceItem>().AsNoTracking().Where(p => p.IsActive);
        q = string.IsNullOrWhiteSpace(kind) ? q : q.Where(p => p.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var t = query.Trim();
            q = t.All(char.IsAsciiLetterOrDigit) ? q.Where(p => p.Pinyin.StartsWith(t.ToUpperInvariant()) || p.Code.StartsWith(t.ToUpperInvariant())) : q.Where(p => p.Name.Contains(t));
        }
        return await q.OrderBy(p => p.Code).Take(100).Select(p => new PriceItemInfo(p.Id, p.Code, p.Name, p.Unit, p.Price, p.Kind)).ToListAsync(ct);
    }

    public async Task<PriceItemInfo?> FindAsync(string code, CancellationToken ct = default) =>
        await db.Set<PriceItem>().AsNoTracking().Where(p => p.Code == code && p.IsActive)
            .Select(p => new PriceItemInfo(p.Id, p.Code, p.Name, p.Unit, p.Price, p.Kind)).FirstOrDefaultAsync(ct);
}

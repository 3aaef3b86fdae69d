using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Time;
using CountyHealth.Pharmacy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Domain;

internal sealed class DrugCatalogue(CountyHealthDb db, TimeProvider clock) : IDrugCatalogue
{
    public async Task<IReadOnlyList<DrugInfo>> SearchAsync(Guid institutionId, string query, int take, CancellationToken ct = default)
    {
        var rows = await Matching(db.Set<Drug>().AsNoTracking(), query).OrderBy(d => d.Name).Take(take).ToListAsync(ct);
        var stock = await AvailableAsync(institutionId, rows.Select(d => d.Id), ct);
        return rows.Select(d => ToInfo(d, stock.GetValueOrDefault(d.Id))).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, DrugInfo>> GetManyAsync(Guid institutionId, IEnumerable<Guid> drugIds, CancellationToken ct = default)
    {
        var ids = drugIds.Distinct().ToList();
        var rows = await db.Set<Drug>().AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var stock = await AvailableAsync(institutionId, ids, ct);
        return rows.ToDictionary(d => d.Id, d => ToInfo(d, stock.GetValueOrDefault(d.Id)));
    }

    /// <summary>Active drugs matching a search box: ASCII is pinyin initials or a code prefix, Chinese a part of the name.</summary>
    internal static IQueryable<Drug> Matching(IQueryable<Drug> drugs, string? query)
    {
        var q = (query ?? "").Trim();
        drugs = drugs.Where(d => d.IsActive);
        if (q.Length == 0)
        {
            return drugs;
        }
        var upper = q.ToUpperInvariant();
        return q.All(char.IsAsciiLetterOrDigit)
            ? drugs.Where(d => d.Pinyin.StartsWith(upper) || d.Code.StartsWith(upper))
            : drugs.Where(d => d.Name.Contains(q));
    }

    /// <summary>Packs on hand in unexpired batches, per drug.</summary>
    internal async Task<Dictionary<Guid, int>> AvailableAsync(Guid institutionId, IEnumerable<Guid> drugIds, CancellationToken ct)
    {
        var ids = drugIds.ToList();
        var today = ChinaTime.Today(clock);
        return await db.Set<StockBatch>().AsNoTracking()
            .Where(b => b.InstitutionId == institutionId && ids.Contains(b.DrugId) && b.ExpiryDate > today && b.QuantityOnHand > 0)
            .GroupBy(b => b.DrugId).Select(g => new { g.Key, Sum = g.Sum(b => b.QuantityOnHand) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
    }

    internal static DrugInfo ToInfo(Drug d, int available) => new(d.Id, d.Code, d.Name, d.Specification, d.DosageForm, d.DoseUnit,
        d.DoseUnitsPerBaseUnit, d.BaseUnit, d.BaseUnitsPerPack, d.PackUnit, d.DefaultRoute, d.DefaultFrequency, d.DefaultDose,
        d.RetailPrice, d.NeedsSkinTest, available);
}

internal sealed class DispensingQueue(CountyHealthDb db, TimeProvider clock) : IDispensingQueue
{
    public Task EnqueueAsync(DispenseRequest request, CancellationToken ct = default)
    {
        db.Add(new DispenseOrder
        {
            InstitutionId = request.InstitutionId,
            PrescriptionId = request.PrescriptionId,
            PrescriptionNumber = request.PrescriptionNumber,
            VisitId = request.VisitId,
            ResidentId = request.ResidentId,
            DoctorName = request.DoctorName,
            QueuedAt = clock.GetUtcNow().UtcDateTime,
            Lines = request.Lines.Select(l => new DispenseLine { SourceItemId = l.SourceItemId, DrugId = l.DrugId, Quantity = l.Quantity, Usage = l.Usage }).ToList(),
        });
        return Task.CompletedTask;
    }

    public async Task<IReadOnlySet<Guid>> DispensedItemsAsync(IEnumerable<Guid> sourceItemIds, CancellationToken ct = default)
    {
        var ids = sourceItemIds.ToList();
        var rows = await db.Set<DispenseLine>().AsNoTracking()
            .Where(l => ids.Contains(l.SourceItemId) && l.Status == DispenseStatus.Dispensed).Select(l => l.SourceItemId).ToListAsync(ct);
        return rows.ToHashSet();
    }

    public async Task CancelLinesAsync(IEnumerable<Guid> sourceItemIds, CancellationToken ct = default)
    {
        var ids = sourceItemIds.ToList();
        var lines = await db.Set<DispenseLine>().Where(l => ids.Contains(l.SourceItemId) && l.Status == DispenseStatus.Waiting).ToListAsync(ct);
        foreach (var l in lines)
        {
            l.Status = DispenseStatus.Cancelled;
        }
        var orderIds = lines.Select(l => l.OrderId).Distinct().ToList();
        var orders = await db.Set<DispenseOrder>().Include(o => o.Lines).Where(o => orderIds.Contains(o.Id)).ToListAsync(ct);
        foreach (var o in orders.Where(o => o.Status == DispenseStatus.Waiting && o.Lines.All(l => l.Status == DispenseStatus.Cancelled)))
        {
            o.Status = DispenseStatus.Cancelled;
            o.Version++;
        }
    }
}

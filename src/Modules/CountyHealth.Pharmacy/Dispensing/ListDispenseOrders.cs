using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Dispensing;

/// <summary>A line of an order: <paramref name="Reserved"/> packs held for it by the payment, <paramref name="Available"/> unheld stock of its drug.</summary>
public sealed record DispenseLineRow(Guid LineId, Guid DrugId, string DrugName, string Specification, int Quantity, string PackUnit, string Usage, string Status, int Available,
    int Reserved = 0)
{
    /// <summary>Its payment holds all of it, or free stock covers it.</summary>
    public bool CanFill => Reserved >= Quantity || Available >= Quantity;
}

/// <summary>An order at the desk; <paramref name="Blocker"/> says why it cannot be handed out now (then the dispense button is off).</summary>
public sealed record DispenseOrderRow(Guid Id, string PrescriptionNumber, Guid ResidentId, string ResidentName, string SexName, int Age, string DoctorName,
    string Status, DateTime QueuedAt, string QueuedAtChina, string? DispensedAtChina, string? DispensedBy, IReadOnlyList<DispenseLineRow> Lines,
    string Diagnoses = "", string? Allergies = null, string? PrintUrl = null, string? CheckedBy = null, string? Blocker = null);

/// <summary>
/// The pharmacy's desk list: what waits to be handed out (oldest first), or what was handed out since yesterday
/// (newest first); a number scanned from the slip finds its order directly.
/// </summary>
internal sealed class ListDispenseOrders(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, DrugCache drugCache, IEnumerable<IDispenseSources> sources,
    AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<List<DispenseOrderRow>> HandleAsync(string? status, string? prescription, CancellationToken ct)
    {
        var wanted = status == "Dispensed" ? DispenseStatus.Dispensed : DispenseStatus.Waiting;
        var today = ChinaTime.Today(clock);
        var since = ChinaTime.StartOfDayUtc(today.AddDays(-1));
        var q = (await scope.WithinAsync(db.Set<DispenseOrder>().AsNoTracking(), PharmacyPermissions.Dispense, o => o.InstitutionId, ct)).Where(o => o.Status == wanted);
        q = !string.IsNullOrWhiteSpace(prescription) ? q.Where(o => o.SourceNumber == prescription.Trim()).OrderBy(o => o.QueuedAt)
            : wanted == DispenseStatus.Dispensed ? q.Where(o => o.DispensedAt >= since).OrderByDescending(o => o.DispensedAt) : q.OrderBy(o => o.QueuedAt);
        // The orders, their lines and what the pharmacy can hand out of each line's drug (unexpired stock), in one round
        // trip. The stock is the user's own institution's, as the orders are (a correlation to the order would need APPLY).
        var own = scope.OwnInstitution ?? Guid.Empty;
        var orders = await q.Take(200).Select(o => new
        {
            Order = o,
            Lines = o.Lines.Where(l => l.Status != DispenseStatus.Cancelled).OrderBy(l => l.Id).Select(l => new
            {
                Line = l,
                Available = db.Set<StockBatch>().Where(b => b.InstitutionId == own && b.DrugId == l.DrugId && b.ExpiryDate > today && b.QuantityOnHand > b.QuantityReserved)
                    .Sum(b => (int?)(b.QuantityOnHand - b.QuantityReserved)) ?? 0,
                Reserved = db.Set<StockReservation>().Where(r => r.LineId == l.Id)
                    .Join(db.Set<StockBatch>().Where(b => b.ExpiryDate > today), r => r.BatchId, b => b.Id, (r, b) => r.Quantity).Sum(q => (int?)q) ?? 0,
            }).ToList(),
        }).ToListAsync(ct);
        if (orders.Count == 0)
        {
            return [];
        }
        var names = await residents.GetManyAsync(orders.Select(o => o.Order.ResidentId), ct);
        var drugs = await drugCache.GetAsync(db, ct);
        var details = new Dictionary<Guid, DispenseSourceDetails>();
        foreach (var kind in orders.Select(o => o.Order.SourceKind).Distinct())
        {
            var ids = orders.Where(o => o.Order.SourceKind == kind).Select(o => o.Order.SourceId).ToList();
            foreach (var s in sources)
            {
                foreach (var (id, d) in await s.DetailsAsync(kind, ids, ct))
                {
                    details.TryAdd(id, d);
                }
            }
        }
        await audit.SearchAsync(nameof(DispenseOrder), $"发药队列 {wanted}: {orders.Count} 张");
        return orders.Select(x =>
        {
            var o = x.Order;
            var r = names.GetValueOrDefault(o.ResidentId);
            var lines = x.Lines.Select(l => new DispenseLineRow(l.Line.Id, l.Line.DrugId, drugs[l.Line.DrugId].Name, drugs[l.Line.DrugId].Specification,
                l.Line.Quantity, drugs[l.Line.DrugId].PackUnit, l.Line.Usage, l.Line.Status.ToString(), l.Available, l.Reserved)).ToList();
            var detail = details.GetValueOrDefault(o.SourceId);
            var blocker = o.Status != DispenseStatus.Waiting ? null : string.Join("；", lines.Where(l => l.Status == nameof(DispenseStatus.Waiting) && !l.CanFill)
                .Select(l => $"{l.DrugName}库存不足：需 {l.Quantity} {l.PackUnit}，可发 {Math.Max(l.Available, l.Reserved)} {l.PackUnit}")) is { Length: > 0 } b ? b : null;
            return new DispenseOrderRow(o.Id, o.SourceNumber, o.ResidentId, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, o.OrderedBy, o.Status.ToString(),
                o.QueuedAt, ChinaTime.Format(o.QueuedAt), o.DispensedAt is { } d ? ChinaTime.Format(d) : null, o.DispensedBy, lines,
                detail?.Diagnoses ?? "", detail?.Allergies, detail?.PrintUrl, o.CheckedBy, blocker);
        }).ToList();
    }
}

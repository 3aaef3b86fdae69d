using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Events;
using CountyHealth.Pharmacy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Domain;

/// <summary>Payment releases a prescription to the pharmacy; refunds withdraw it; dispensing and returns are mirrored on the items.</summary>
internal sealed class OutpatientBillingHandlers(CountyHealthDb db, IDispensingQueue queue)
    : IDomainEventHandler<ChargesPaid>, IDomainEventHandler<ChargesRefunded>, IDomainEventHandler<PrescriptionDispensed>, IDomainEventHandler<DispensedItemsReturned>
{
    public async Task HandleAsync(ChargesPaid e, CancellationToken ct)
    {
        var itemIds = e.Items.Where(i => i.Source == ChargeSource.PrescriptionItem).Select(i => i.SourceId).ToList();
        var orderIds = e.Items.Where(i => i.Source == ChargeSource.OrderItem).Select(i => i.SourceId).ToList();
        await MarkOrders(orderIds, ItemStatus.Paid, ct);
        var groups = e.Items.Where(i => i.Source == ChargeSource.PrescriptionItem).Select(i => i.GroupId).Distinct().ToList();
        var prescriptions = await db.Set<Prescription>().Include(p => p.Items).Where(p => groups.Contains(p.Id)).ToListAsync(ct);
        foreach (var p in prescriptions)
        {
            var paid = p.Items.Where(i => itemIds.Contains(i.Id)).ToList();
            foreach (var i in paid)
            {
                i.Status = ItemStatus.Paid;
            }
            p.Status = PrescriptionStatus.Paid;
            p.Version++;
            await queue.EnqueueAsync(new DispenseRequest(p.Id, p.Number, p.VisitId, p.ResidentId, p.InstitutionId, p.PrescriberName,
                paid.Select(i => new DispenseLineRequest(i.Id, i.DrugId, i.Quantity, Usage(i))).ToList()), ct);
        }
    }

    public async Task HandleAsync(ChargesRefunded e, CancellationToken ct)
    {
        var itemIds = e.Items.Where(i => i.Source == ChargeSource.PrescriptionItem).Select(i => i.SourceId).ToList();
        var orderIds = e.Items.Where(i => i.Source == ChargeSource.OrderItem).Select(i => i.SourceId).ToList();
        await MarkOrders(orderIds, ItemStatus.Refunded, ct);
        if (itemIds.Count > 0)
        {
            await queue.CancelLinesAsync(itemIds, ct);
            await MarkItems(itemIds, ItemStatus.Refunded, ct);
        }
    }

    public Task HandleAsync(PrescriptionDispensed e, CancellationToken ct) => MarkItems(e.SourceItemIds, ItemStatus.Dispensed, ct);

    public Task HandleAsync(DispensedItemsReturned e, CancellationToken ct) => MarkItems(e.SourceItemIds, ItemStatus.Returned, ct);

    private async Task MarkOrders(List<Guid> orderIds, ItemStatus status, CancellationToken ct)
    {
        // Most payments hold no exam or lab order: no query for them (a round trip, and a scan on SQLite's "WHERE 0").
        if (orderIds.Count == 0)
        {
            return;
        }
        foreach (var o in await db.Set<VisitOrder>().Where(o => orderIds.Contains(o.Id)).ToListAsync(ct))
        {
            o.Status = status;
        }
    }

    private async Task MarkItems(IReadOnlyCollection<Guid> itemIds, ItemStatus status, CancellationToken ct)
    {
        // Items first, then their prescriptions by key: "prescriptions having such an item" as one query made SQLite
        // scan every prescription in the county (about a second per dispensing at 200,000 residents).
        var prescriptionIds = await db.Set<PrescriptionItem>().Where(i => itemIds.Contains(i.Id)).Select(i => i.PrescriptionId).Distinct().ToListAsync(ct);
        var prescriptions = await db.Set<Prescription>().Include(p => p.Items).Where(p => prescriptionIds.Contains(p.Id)).ToListAsync(ct);
        foreach (var p in prescriptions)
        {
            foreach (var i in p.Items.Where(i => itemIds.Contains(i.Id)))
            {
                i.Status = status;
            }
            p.Status = p.Items.All(i => i.Status == ItemStatus.Refunded) ? PrescriptionStatus.Cancelled
                : p.Items.Any(i => i.Status == ItemStatus.Dispensed) ? PrescriptionStatus.Dispensed
                : p.Status;
            p.Version++;
        }
    }

    internal static string Usage(PrescriptionItem i) =>
        $"{i.Dose.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}{i.DoseUnit} {Frequencies.Find(i.FrequencyCode)?.ChineseName ?? i.FrequencyCode} {i.Route} {i.Days}天";
}

using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Charges;

internal sealed class ChargeService(CountyHealthDb db, TimeProvider clock) : IChargeService
{
    public Task<IReadOnlyList<Guid>> AddAsync(BillingEncounter encounter, IEnumerable<ChargeLine> lines, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = new List<Guid>();
        foreach (var l in lines)
        {
            var charge = New(encounter, l, now);
            db.Add(charge);
            ids.Add(charge.Id);
        }
        return Task.FromResult<IReadOnlyList<Guid>>(ids);
    }

    public async Task<bool> RemoveOpenAsync(Guid groupId, CancellationToken ct = default)
    {
        var charges = await db.Set<Charge>().Where(c => c.GroupId == groupId).ToListAsync(ct);
        if (charges.Any(c => c.Status != ChargeStatus.Open || c.InsuranceSettlementId is not null))
        {
            return false;
        }
        db.RemoveRange(charges);
        return true;
    }

    public Task<bool> AnySettledAsync(Guid groupId, CancellationToken ct = default) =>
        db.Set<Charge>().AnyAsync(c => c.GroupId == groupId && c.Status == ChargeStatus.Open && c.InsuranceSettlementId != null, ct);

    public Task<bool> AnyPaidAsync(Guid groupId, CancellationToken ct = default) =>
        db.Set<Charge>().AnyAsync(c => c.GroupId == groupId && c.Status != ChargeStatus.Open, ct);

    /// <summary>An open charge for a line: its amount is quantity × unit price, rounded to the fen.</summary>
    internal static Charge New(BillingEncounter encounter, ChargeLine l, DateTime at) => new()
    {
        VisitId = encounter.EncounterId,
        ResidentId = encounter.ResidentId,
        InstitutionId = encounter.InstitutionId,
        DepartmentId = encounter.DepartmentId,
        Kind = l.Kind,
        Category = l.Category,
        InsuranceClass = l.InsuranceClass,
        GroupId = l.GroupId,
        SourceId = l.SourceId,
        ItemCode = l.ItemCode,
        Description = l.Description,
        Unit = l.Unit,
        Quantity = l.Quantity,
        UnitPrice = l.UnitPrice,
        Amount = Money.LineAmount(l.Quantity, l.UnitPrice),
        CreatedAt = at,
    };
}

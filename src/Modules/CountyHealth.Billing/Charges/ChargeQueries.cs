using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Charges;

public sealed record ChargeRow(Guid Id, string Kind, string ItemCode, string Description, string Unit, decimal Quantity, decimal UnitPrice, decimal Amount, string Status, string StatusName, Guid? PaymentId,
    string InsuranceClassName = "", Guid? SettlementId = null);

/// <summary>A settlement of the visit as the cashier's screen lists it.</summary>
public sealed record VisitSettlement(Guid Id, string Number, string Status, string StatusName, decimal Total, decimal FundPays, decimal PersonPays);

/// <summary>
/// The charges of a visit; <paramref name="SchemeName"/> is the patient's insurance scheme of the year (null when not
/// enrolled: the visit is paid in full), <paramref name="Settlements"/> the visit's settlements not reversed.
/// </summary>
public sealed record VisitCharges(Guid VisitId, Guid ResidentId, string ResidentName, IReadOnlyList<ChargeRow> Charges, decimal OpenAmount,
    string? SchemeName = null, IReadOnlyList<VisitSettlement>? Settlements = null);

public sealed record PendingVisit(Guid VisitId, Guid ResidentId, string ResidentName, string SexName, int Age, int OpenCount, decimal OpenAmount, DateTime FirstAt, string FirstAtChina,
    string VisitNumber, string DepartmentName, string? DoctorName);

internal static class ChargeStatusNames
{
    public static string Of(ChargeStatus s) => s switch { ChargeStatus.Open => "待收费", ChargeStatus.Paid => "已收费", _ => "已退费" };
}

/// <summary>The cashier's list: visits of the institution with charges waiting to be paid, oldest first.</summary>
internal sealed class PendingCharges(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IEnumerable<IEncounterLabels> encounters, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<List<PendingVisit>> HandleAsync(CancellationToken ct)
    {
        var rows = await (await scope.WithinAsync(db.Set<Charge>().AsNoTracking(), BillingPermissions.ReadCharges, c => c.InstitutionId, ct)).Where(c => c.Status == ChargeStatus.Open)
            .Select(c => new { c.VisitId, c.ResidentId, c.Amount, c.CreatedAt }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var names = await residents.GetManyAsync(rows.Select(r => r.ResidentId), ct);
        var visitIds = rows.Select(r => r.VisitId).Distinct().ToList();
        var labels = await encounters.LabelsAsync(visitIds, ct);
        var today = ChinaTime.Today(clock);
        var pending = rows.GroupBy(r => r.VisitId).Select(g =>
        {
            var r = names.GetValueOrDefault(g.First().ResidentId);
            var first = g.Min(x => x.CreatedAt);
            var label = labels.GetValueOrDefault(g.Key);
            return new PendingVisit(g.Key, g.First().ResidentId, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, g.Count(), g.Sum(x => x.Amount), first, ChinaTime.Format(first),
                label?.Number ?? "", label?.DepartmentName ?? "", label?.DoctorName);
        }).OrderBy(p => p.FirstAt).ToList();
        await audit.SearchAsync(nameof(Charge), $"待收费列表: {pending.Count} 人");
        return pending;
    }
}

/// <summary>Every charge of one visit at the user's institution, with what is still open.</summary>
internal sealed class ChargesOfVisit(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<VisitCharges>, ProblemHttpResult>> HandleAsync(Guid visitId, CancellationToken ct)
    {
        // By the visit's index; the scope rule on the rows found (a predicate on the institution can lead the planner
        // to the institution's index, a scan of all its charges, when its statistics are old).
        var charges = await db.Set<Charge>().AsNoTracking().Where(c => c.VisitId == visitId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
        if (charges.Count == 0 || !await scope.AllowsAsync(BillingPermissions.ReadCharges, charges[0].InstitutionId, nameof(Charge), visitId, charges[0].ResidentId, ct))
        {
            return Problems.NotFound("本机构没有该次就诊的费用");
        }
        // The charges are within the cashier's reach: her name comes with them.
        var resident = (await residents.GetManyAsync([charges[0].ResidentId], ct)).GetValueOrDefault(charges[0].ResidentId);
        await audit.RecordAsync(AuditActions.Read, nameof(Charge), visitId.ToString(), charges[0].ResidentId, "就诊费用");
        var year = ChinaTime.Today(clock).Year;
        var residentId = charges[0].ResidentId;
        var scheme = await db.Set<InsuranceEnrolment>().AsNoTracking().Where(e => e.ResidentId == residentId && e.Year == year)
            .Join(db.Set<InsuranceScheme>(), e => e.SchemeId, s => s.Id, (e, s) => s.Name).FirstOrDefaultAsync(ct);
        var settlements = await db.Set<InsuranceSettlement>().AsNoTracking().Where(s => s.VisitId == visitId && s.Status != InsuranceSettlementStatus.Reversed)
            .OrderBy(s => s.SettledAt).ToListAsync(ct);
        return TypedResults.Ok(new VisitCharges(visitId, residentId, resident?.Name ?? "",
            charges.Select(c => new ChargeRow(c.Id, c.Kind, c.ItemCode, c.Description, c.Unit, c.Quantity, c.UnitPrice, c.Amount, c.Status.ToString(), ChargeStatusNames.Of(c.Status), c.PaymentId,
                InsuranceClasses.ChineseName(c.InsuranceClass), c.InsuranceSettlementId)).ToList(),
            charges.Where(c => c.Status == ChargeStatus.Open).Sum(c => c.Amount), scheme,
            settlements.Select(s => new VisitSettlement(s.Id, s.Number, s.Status.ToString(), Insurance.InsuranceSettlements.StatusName(s.Status), s.Total, s.FundPays, s.PersonPays)).ToList()));
    }
}

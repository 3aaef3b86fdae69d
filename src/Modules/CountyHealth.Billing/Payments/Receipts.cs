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

namespace CountyHealth.Billing.Payments;

public sealed record ReceiptLine(string Description, string Unit, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <summary>A receipt as printed; <paramref name="AmountInWords"/> is the total in Chinese capitals (大写金额).</summary>
public sealed record Receipt(Guid PaymentId, string ReceiptNumber, string InstitutionName, string ResidentName, string SexName, int Age, string Method, string MethodName,
    decimal Amount, string AmountText, string AmountInWords, decimal Tendered, decimal Change, string CashierName, string PaidAtChina,
    IReadOnlyList<ReceiptLine> Lines, bool Replayed, string? VisitNumber = null, string? DepartmentName = null, decimal FundAmount = 0, Guid? SettlementId = null)
{
    /// <summary>What the patient paid: the total less the insurance fund's share (个人支付).</summary>
    public decimal PersonAmount => Amount - FundAmount;
}

/// <summary>The receipt of a payment, as printed: the one way a receipt is put together (after paying, and when printed again).</summary>
internal sealed class Receipts(CountyHealthDb db, IInstitutionDirectory institutions, IResidentDirectory residents, IEnumerable<IEncounterLabels> encounters, TimeProvider clock)
{
    public async Task<Receipt> LoadAsync(Guid paymentId, bool replayed, CancellationToken ct)
    {
        var p = await db.Set<Payment>().AsNoTracking().FirstAsync(x => x.Id == paymentId, ct);
        var charges = await db.Set<Charge>().AsNoTracking().Where(c => c.PaymentId == paymentId).ToListAsync(ct);
        return await BuildAsync(p, charges, replayed, ct);
    }

    /// <summary>From a payment and its charges already in hand (no query for them).</summary>
    public async Task<Receipt> BuildAsync(Payment p, IEnumerable<Charge> charges, bool replayed, CancellationToken ct)
    {
        var lines = charges.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => new ReceiptLine(c.Description, c.Unit, c.Quantity, c.UnitPrice, c.Amount)).ToList();
        var inst = await institutions.FindAsync(p.InstitutionId, ct);
        var res = (await residents.GetManyAsync([p.ResidentId], ct)).GetValueOrDefault(p.ResidentId);
        var encounter = (await encounters.LabelsAsync([p.VisitId], ct)).GetValueOrDefault(p.VisitId);
        return new Receipt(p.Id, p.ReceiptNumber, inst?.Name ?? "", res?.Name ?? "", res?.SexName ?? "", res?.AgeOn(ChinaTime.Today(clock)) ?? 0, p.Method.ToString(),
            PaymentMethods.ChineseName(p.Method), p.Amount, Money.Format(p.Amount), ChineseAmount.Capitals(p.Amount), p.Tendered, p.Change, p.CashierName,
            ChinaTime.Format(p.PaidAt), lines, replayed, encounter?.Number, encounter?.DepartmentName, p.FundAmount, p.InsuranceSettlementId);
    }
}

/// <summary>A receipt of the user's institution, to print again; the print is audited.</summary>
internal sealed class GetReceipt(CountyHealthDb db, IAccessScope scope, Receipts receipts, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<Receipt>, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        var p = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !await scope.AllowsAsync(BillingPermissions.ReadCharges, p.InstitutionId, nameof(Payment), id, p.ResidentId, ct))
        {
            return Problems.NotFound("未找到该收据");
        }
        var charges = await db.Set<Charge>().AsNoTracking().Where(c => c.PaymentId == id).ToListAsync(ct);
        var receipt = await receipts.BuildAsync(p, charges, false, ct);
        await audit.PrintAsync(nameof(Payment), id, p.ResidentId, "收据");
        return TypedResults.Ok(receipt);
    }
}

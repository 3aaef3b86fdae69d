using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Insurance;

public sealed record SettlementReversalRequest([Text(200)] string? Reason);

/// <summary>
/// Reverses a settlement not yet paid (撤销结算): its charges are open again and the person's year gets back the deductible
/// and the fund payment it took, so settling them again gives the same result. A paid settlement is reversed by refunding
/// its receipt; a reversed one answers as it is.
/// </summary>
internal sealed class ReverseSettlement(CountyHealthDb db, IAccessScope scope, ICurrentUser user, IInstitutionDirectory institutions, IResidentDirectory residents,
    TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<SettlementView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, SettlementReversalRequest r, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var s = await db.Set<InsuranceSettlement>().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (s is null || !await scope.AllowsAsync(BillingPermissions.InsuranceSettle, s.InstitutionId, nameof(InsuranceSettlement), s.Id, s.ResidentId, ct))
            {
                return Problems.NotFound("未找到该医保结算");
            }
            if (s.Status == InsuranceSettlementStatus.Paid)
            {
                return Problems.Conflict("该结算已收费，须先退费（退费时自动撤销结算）");
            }
            if (s.Status == InsuranceSettlementStatus.Settled)
            {
                if (string.IsNullOrWhiteSpace(r.Reason))
                {
                    return Problems.Field("reason", "请填写撤销结算的原因");
                }
                await InsuranceSettlements.UndoAsync(db, s, ct);
                foreach (var c in await db.Set<Charge>().Where(c => c.InsuranceSettlementId == s.Id).ToListAsync(ct))
                {
                    c.InsuranceSettlementId = null;
                    c.Version++;
                }
                s.Status = InsuranceSettlementStatus.Reversed;
                s.ReversedAt = clock.GetUtcNow().UtcDateTime;
                s.ReversedBy = user.FullName;
                s.ReversalReason = r.Reason.Trim();
                s.Version++;
                try
                {
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                }
                catch (DbUpdateConcurrencyException) when (attempt < 5)
                {
                    // A settlement of the same person moved the year's figures meanwhile: take them again.
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    continue;
                }
            }
            return TypedResults.Ok(await InsuranceSettlements.ViewAsync(db, residents, institutions, s, false, ct));
        }
    }
}

/// <summary>A settlement of the user's institution, as the slip prints it; the read is audited.</summary>
internal sealed class GetSettlement(CountyHealthDb db, IAccessScope scope, IInstitutionDirectory institutions, IResidentDirectory residents, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<SettlementView>, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        var s = await db.Set<InsuranceSettlement>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !await scope.AllowsAsync(BillingPermissions.InsuranceRead, s.InstitutionId, nameof(InsuranceSettlement), s.Id, s.ResidentId, ct))
        {
            return Problems.NotFound("未找到该医保结算");
        }
        await audit.PrintAsync(nameof(InsuranceSettlement), s.Id, s.ResidentId, "医保结算单");
        return TypedResults.Ok(await InsuranceSettlements.ViewAsync(db, residents, institutions, s, false, ct));
    }
}

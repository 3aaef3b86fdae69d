using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Documents;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Insurance;

/// <summary>Open charges of one visit to settle with the patient's insurance; the request id makes a retry settle once.</summary>
public sealed record SettlementRequest(string RequestId, Guid VisitId, IReadOnlyList<Guid> ChargeIds);

/// <summary>
/// Settles open charges of an outpatient visit with the patient's insurance (即时结报): the enrolment of the year, the
/// scheme's policy in force today, the institution's level, the patient's age and the year so far go into the engine;
/// the settlement, its charges and the year's running figures are saved together. Two settlements of one person at
/// once meet on the year's version token: the later is worked again from the earlier's figures, so they never both
/// spend the same remaining deductible or cap.
/// </summary>
internal sealed class SettleCharges(CountyHealthDb db, IAccessScope scope, ICurrentUser user, IInstitutionDirectory institutions, IResidentDirectory residents,
    AuditLog audit, TimeProvider clock) : IUseCase
{
    private const int Attempts = 5;

    public async Task<Results<Ok<SettlementView>, Created<SettlementView>, ValidationProblem, ProblemHttpResult>> HandleAsync(SettlementRequest r, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.RequestId) || r.RequestId.Length > 64)
        {
            return Problems.Field("requestId", "缺少请求编号（requestId），无法防止重复结算");
        }
        if (await ReplayAsync(r.RequestId, ct) is { } replay)
        {
            return replay;
        }
        var chargeIds = (r.ChargeIds ?? []).Distinct().ToList();
        var first = await db.Set<Charge>().AsNoTracking().Where(c => chargeIds.Contains(c.Id) && c.VisitId == r.VisitId)
            .Select(c => new { c.InstitutionId, c.ResidentId }).FirstOrDefaultAsync(ct);
        if (first is null || !await scope.AllowsAsync(BillingPermissions.InsuranceSettle, first.InstitutionId, nameof(Charge), r.VisitId, first.ResidentId, ct))
        {
            return Problems.Field("chargeIds", "请选择本次就诊待收费的项目");
        }
        var institution = await institutions.FindAsync(first.InstitutionId, ct);
        if (institution is null || InsuranceSettlements.LevelOf(institution.Kind) is not { } level)
        {
            return Problems.Conflict("本机构不是医保定点医疗机构，不能医保结算");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var day = ChinaTime.DayOf(now);
        var enrolment = await db.Set<InsuranceEnrolment>().AsNoTracking().FirstOrDefaultAsync(e => e.ResidentId == first.ResidentId && e.Year == day.Year, ct);
        if (enrolment is null)
        {
            return Problems.Conflict($"该居民未登记{day.Year}年度参保，不能医保结算，请按自费收费");
        }
        var policy = await db.Set<InsurancePolicy>().AsNoTracking().Include(p => p.Rates)
            .Where(p => p.SchemeId == enrolment.SchemeId && p.EffectiveFrom <= day).OrderByDescending(p => p.EffectiveFrom).FirstOrDefaultAsync(ct);
        if (policy is null)
        {
            return Problems.Conflict($"险种在{ChinaTime.FormatDate(day)}没有生效的补偿方案，请管理员先录入");
        }
        var terms = policy.Terms();
        if (terms.RateFor(CareSetting.Outpatient, level) is null)
        {
            return Problems.Conflict($"补偿方案“{policy.Name}”未规定{CareLevels.ChineseName(level)}门诊的起付线和报销比例");
        }
        var person = (await residents.GetManyAsync([first.ResidentId], ct)).GetValueOrDefault(first.ResidentId);
        if (person is null)
        {
            return Problems.Field("chargeIds", "请选择本次就诊待收费的项目");
        }
        var age = person.AgeOn(day);
        var number = await DocumentNumbers.NextAsync(db, first.InstitutionId, DocumentNumbers.InsuranceSettlement, day, ct);
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var charges = await db.Set<Charge>().Where(c => chargeIds.Contains(c.Id) && c.VisitId == r.VisitId).ToListAsync(ct);
            if (charges.Count != chargeIds.Count || chargeIds.Count == 0)
            {
                return Problems.Field("chargeIds", "请选择本次就诊待收费的项目");
            }
            if (charges.Any(c => c.Status != ChargeStatus.Open || c.InsuranceSettlementId is not null))
            {
                await tx.RollbackAsync(ct);
                return await ReplayAsync(r.RequestId, ct) ?? Problems.Conflict("所选项目中有已结算或已收费的项目，请刷新后重试");
            }
            var year = await db.Set<InsuranceYearUse>().FirstOrDefaultAsync(y => y.ResidentId == first.ResidentId && y.Year == day.Year, ct);
            if (year is null)
            {
                year = new InsuranceYearUse { ResidentId = first.ResidentId, Year = day.Year };
                db.Add(year);
            }
            var items = charges.Select(c => new CoveredItem(c.Description, c.Amount, c.InsuranceClass)).ToList();
            var outcome = InsuranceSettlementRules.Settle(
                new ClaimCase(items, CareSetting.Outpatient, level, institution.IsTcm, age, year.SoFar), terms);
            var settlement = new InsuranceSettlement
            {
                RequestId = r.RequestId,
                Number = number,
                VisitId = r.VisitId,
                ResidentId = first.ResidentId,
                InstitutionId = first.InstitutionId,
                SchemeId = enrolment.SchemeId,
                PolicyId = policy.Id,
                EnrolmentId = enrolment.Id,
                HomeInstitutionId = enrolment.InstitutionId,
                Year = day.Year,
                Setting = CareSetting.Outpatient,
                Level = level,
                TcmInstitution = institution.IsTcm,
                Age = age,
                Steps = InsuranceSettlements.WriteSteps(outcome.Steps),
                SettledBy = user.UserName,
                SettledByName = user.FullName,
                SettledAt = now,
            };
            settlement.Take(outcome, year.SoFar);
            db.Add(settlement);
            foreach (var c in charges)
            {
                c.InsuranceSettlementId = settlement.Id;
                c.Version++;
            }
            year.Add(CareSetting.Outpatient, outcome.DeductibleApplied, outcome.FundPays);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return TypedResults.Created($"/api/v1/billing/insurance/settlements/{settlement.Id}",
                    await InsuranceSettlements.ViewAsync(db, settlement, person.Name, person.SexName, institution.Name, false, ct));
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another settlement of the person (or of these charges, or this very request) committed first: work
                // this one again from what is now saved.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Results<Ok<SettlementView>, Created<SettlementView>, ValidationProblem, ProblemHttpResult>?> ReplayAsync(string requestId, CancellationToken ct)
    {
        var earlier = await db.Set<InsuranceSettlement>().AsNoTracking().FirstOrDefaultAsync(s => s.RequestId == requestId, ct);
        if (earlier is null)
        {
            return null;
        }
        if (!await scope.AllowsAsync(BillingPermissions.InsuranceSettle, earlier.InstitutionId, nameof(InsuranceSettlement), earlier.Id, earlier.ResidentId, ct))
        {
            return Problems.Conflict("结算请求编号已被使用");
        }
        await audit.ReadAsync(nameof(InsuranceSettlement), earlier.Id, earlier.ResidentId, "重复的结算请求，返回原结算");
        return TypedResults.Ok(await InsuranceSettlements.ViewAsync(db, residents, institutions, earlier, true, ct));
    }
}

using System.Text.Json;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Insurance;

public sealed record SettlementStepView(string Code, string Name, decimal Amount, string Rule);

/// <summary>A settlement as the cashier's screen and the settlement slip (医保结算单) show it.</summary>
public sealed record SettlementView(Guid Id, string Number, Guid VisitId, Guid ResidentId, string ResidentName, string SexName, int Age, string InstitutionName,
    string SchemeName, string PolicyName, int Year, string SettingName, string LevelName, decimal Total, decimal Excluded, decimal ClassBSelfPaid, decimal Eligible,
    decimal DeductibleApplied, decimal Ratio, decimal FundPays, decimal PersonPays, decimal DeductibleMetBefore, decimal FundPaidBefore, decimal FundPaidAfter,
    string Status, string StatusName, string SettledByName, string SettledAtChina, string? ReversedAtChina, string? ReversalReason, IReadOnlyList<Guid> ChargeIds,
    IReadOnlyList<SettlementStepView> Steps, bool Replayed = false)
{
    public string PersonPaysInWords => ChineseAmount.Capitals(PersonPays);
}

/// <summary>What settlement shares: the level an institution settles at, the steps' storage, the year's running figures, the view.</summary>
internal static class InsuranceSettlements
{
    private static readonly JsonSerializerOptions StepJson = new(JsonSerializerDefaults.Web);

    /// <summary>The level an institution's care is settled at; null for one that gives no care (the bureau, the CDC, the supervision institute).</summary>
    public static CareLevel? LevelOf(InstitutionKind kind) => kind switch
    {
        InstitutionKind.VillageClinic => CareLevel.Village,
        InstitutionKind.TownshipHealthCentre => CareLevel.Township,
        InstitutionKind.CountyHospital => CareLevel.County,
        _ => null,
    };

    public static string StatusName(InsuranceSettlementStatus s) => s switch
    {
        InsuranceSettlementStatus.Settled => "已结算待收费",
        InsuranceSettlementStatus.Paid => "已收费",
        _ => "已撤销",
    };

    public static string WriteSteps(IEnumerable<ClaimStep> steps) => JsonSerializer.Serialize(steps.ToList(), StepJson);

    public static IReadOnlyList<SettlementStepView> ReadSteps(string json) =>
        (JsonSerializer.Deserialize<List<ClaimStep>>(json, StepJson) ?? []).Select(s => new SettlementStepView(s.Code, s.Name, s.Amount, s.Rule)).ToList();

    /// <summary>
    /// Gives back to the person's year what a settlement took (its deductible and fund payment), when it is reversed or
    /// refunded; the caller saves, and the year's version token stops a concurrent settlement reading the old figures.
    /// </summary>
    public static async Task UndoAsync(CountyHealthDb db, InsuranceSettlement s, CancellationToken ct)
    {
        var year = await db.Set<InsuranceYearUse>().FirstAsync(y => y.ResidentId == s.ResidentId && y.Year == s.Year, ct);
        year.Add(s.Setting, s.DeductibleApplied, s.FundPays, sign: -1);
    }

    /// <summary>
    /// The steps of a settlement generated in bulk (which stores none), worked again from what it stored: its charges, its
    /// policy (never changed once used), the level, age and year so far it was worked with. Deterministic, so the same.
    /// </summary>
    private static async Task<IReadOnlyList<SettlementStepView>> WorkAgainAsync(CountyHealthDb db, InsuranceSettlement s, IReadOnlyList<Charge> charges, CancellationToken ct)
    {
        var policy = await db.Set<InsurancePolicy>().AsNoTracking().Include(p => p.Rates).FirstAsync(p => p.Id == s.PolicyId, ct);
        var outcome = InsuranceSettlementRules.Settle(new ClaimCase(charges.Select(c => new CoveredItem(c.Description, c.Amount, c.InsuranceClass)).ToList(),
            s.Setting, s.Level, s.TcmInstitution, s.Age, new YearToDate(s.DeductibleMetBefore, s.FundPaidBefore)), policy.Terms());
        return outcome.Steps.Select(x => new SettlementStepView(x.Code, x.Name, x.Amount, x.Rule)).ToList();
    }

    /// <summary>The view with the patient's name and the institution's looked up (the caller has been allowed the settlement).</summary>
    public static async Task<SettlementView> ViewAsync(CountyHealthDb db, IResidentDirectory residents, IInstitutionDirectory institutions, InsuranceSettlement s, bool replayed,
        CancellationToken ct)
    {
        var person = (await residents.GetManyAsync([s.ResidentId], ct)).GetValueOrDefault(s.ResidentId);
        var institution = await institutions.FindAsync(s.InstitutionId, ct);
        return await ViewAsync(db, s, person?.Name ?? "", person?.SexName ?? "", institution?.Name ?? "", replayed, ct);
    }

    public static async Task<SettlementView> ViewAsync(CountyHealthDb db, InsuranceSettlement s, string residentName, string sexName, string institutionName, bool replayed, CancellationToken ct)
    {
        var scheme = await db.Set<InsuranceScheme>().AsNoTracking().Where(x => x.Id == s.SchemeId).Select(x => x.Name).FirstOrDefaultAsync(ct);
        var policy = await db.Set<InsurancePolicy>().AsNoTracking().Where(p => p.Id == s.PolicyId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var charges = await db.Set<Charge>().AsNoTracking().Where(c => c.InsuranceSettlementId == s.Id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
        var steps = s.Steps.Length > 0 ? ReadSteps(s.Steps) : await WorkAgainAsync(db, s, charges, ct);
        return new SettlementView(s.Id, s.Number, s.VisitId, s.ResidentId, residentName, sexName, s.Age, institutionName, scheme ?? "",
            policy ?? "", s.Year, CareLevels.SettingName(s.Setting), CareLevels.ChineseName(s.Level), s.Total, s.Excluded, s.ClassBSelfPaid, s.Eligible,
            s.DeductibleApplied, s.Ratio, s.FundPays, s.PersonPays, s.DeductibleMetBefore, s.FundPaidBefore, s.FundPaidBefore + s.FundPays, s.Status.ToString(), StatusName(s.Status),
            s.SettledByName, ChinaTime.Format(s.SettledAt), s.ReversedAt is { } r ? ChinaTime.Format(r) : null, s.ReversalReason, charges.Select(c => c.Id).ToList(), steps, replayed);
    }
}

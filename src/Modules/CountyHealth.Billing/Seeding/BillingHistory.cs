using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Documents;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Seeding;

/// <summary>
/// The synthetic county's charges and payments (by a method drawn at random), kept until written; the township's
/// residents enrolled in the residents' scheme for each year with a policy (most of them), and every payment of an
/// enrolled patient settled under the policy of its year, in the order of the days, so each settlement starts from the
/// year's figures left by the one before.
/// </summary>
internal sealed class BillingHistory(CountyHealthDb db) : IBillingHistory, ISyntheticData
{
    private const double EnrolledShare = 0.96;
    private static readonly PaymentMethod[] Methods = Enum.GetValues<PaymentMethod>();

    private readonly List<Charge> charges = [];
    private readonly List<Payment> payments = [];
    private readonly List<InsuranceEnrolment> enrolments = [];
    private readonly Dictionary<(Guid Resident, int Year), InsuranceEnrolment> enrolled = [];
    private readonly Dictionary<Guid, DateOnly> births = [];
    private readonly Dictionary<Guid, CareLevel> levels = [];
    private readonly DocumentSequence numbers = new();
    private Dictionary<int, InsurancePolicy> policies = [];
    private Random rng = new(0);

    public async Task PrepareAsync(GenerationRun run, CancellationToken ct)
    {
        rng = run.Random;
        var scheme = await db.Set<InsuranceScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == InsuranceSchemes.Residents, ct);
        policies = scheme is null ? [] : (await db.Set<InsurancePolicy>().AsNoTracking().Include(p => p.Rates).Where(p => p.SchemeId == scheme.Id).ToListAsync(ct))
            .GroupBy(p => p.EffectiveFrom.Year).ToDictionary(g => g.Key, g => g.OrderBy(p => p.EffectiveFrom).First());
    }

    public Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
        var town = run.Get<GeneratedTownship>();
        levels[town.Centre.InstitutionId] = CareLevel.Township;
        foreach (var v in town.Villages)
        {
            levels[v.InstitutionId] = CareLevel.Village;
        }
        var firstYear = run.Today.AddYears(-run.Options.Years).Year;
        foreach (var r in run.Get<GeneratedResidents>().Residents)
        {
            births[r.Id] = r.BirthDate;
            for (var year = Math.Max(firstYear, r.BirthDate.Year); year <= run.Today.Year; year++)
            {
                if (!policies.TryGetValue(year, out var policy) || rng.NextDouble() >= EnrolledShare)
                {
                    continue;
                }
                var e = new InsuranceEnrolment
                {
                    ResidentId = r.Id,
                    SchemeId = policy.SchemeId,
                    Year = year,
                    InstitutionId = r.ManagingInstitutionId,
                    Contribution = policy.PersonalContribution,
                    EnrolledAt = ChinaTime.StartOfDayUtc(new DateOnly(year - 1, 12, 1)).AddHours(1),
                    RecordedBy = "参保登记员",
                };
                enrolments.Add(e);
                enrolled[(r.Id, year)] = e;
            }
        }
        return Task.CompletedTask;
    }

    public void Paid(BillingEncounter encounter, IReadOnlyList<ChargeLine> lines, DateTime chargedAt, DateTime paidAt)
    {
        var payment = new Payment
        {
            RequestId = "gen-" + encounter.EncounterId.ToString("N"),
            VisitId = encounter.EncounterId,
            ResidentId = encounter.ResidentId,
            InstitutionId = encounter.InstitutionId,
            Method = Methods[rng.Next(Methods.Length)],
            CashierUserName = "generator",
            CashierName = "收费员",
            PaidAt = paidAt,
        };
        payment.ReceiptNumber = numbers.Next(encounter.InstitutionId, DocumentNumbers.Receipt, ChinaTime.DayOf(paidAt));
        foreach (var line in lines)
        {
            var c = ChargeService.New(encounter, line, chargedAt);
            c.Status = ChargeStatus.Paid;
            c.PaymentId = payment.Id;
            payment.Amount += c.Amount;
            charges.Add(c);
        }
        payments.Add(payment);
    }

    public async Task WriteAsync(GenerationRun run, CancellationToken ct)
    {
        var (settlements, years) = Settle();
        await run.Writer.WriteAsync(enrolments, ct);
        await run.Writer.WriteAsync(charges, ct);
        await run.Writer.WriteAsync(payments, ct);
        await run.Writer.WriteAsync(settlements, ct);
        await run.Writer.WriteAsync(years, ct);
        charges.Clear();
        payments.Clear();
        enrolments.Clear();
        enrolled.Clear();
        births.Clear();
    }

    /// <summary>Settles the enrolled patients' payments day by day; their steps are worked again from the inputs when a slip is printed.</summary>
    private (List<InsuranceSettlement> Settlements, List<InsuranceYearUse> Years) Settle()
    {
        var settlements = new List<InsuranceSettlement>();
        var years = new Dictionary<(Guid, int), InsuranceYearUse>();
        var chargesOf = charges.ToLookup(c => c.PaymentId);
        foreach (var p in payments.OrderBy(p => p.ResidentId).ThenBy(p => p.PaidAt))
        {
            var day = ChinaTime.DayOf(p.PaidAt);
            if (!enrolled.TryGetValue((p.ResidentId, day.Year), out var enrolment) || !levels.TryGetValue(p.InstitutionId, out var level)
                || !policies.TryGetValue(day.Year, out var policy) || policy.EffectiveFrom > day)
            {
                continue;
            }
            if (!years.TryGetValue((p.ResidentId, day.Year), out var year))
            {
                year = new InsuranceYearUse { ResidentId = p.ResidentId, Year = day.Year };
                years[(p.ResidentId, day.Year)] = year;
            }
            var lines = chargesOf[p.Id].ToList();
            var age = Age.On(births.GetValueOrDefault(p.ResidentId, day), day);
            var outcome = InsuranceSettlementRules.Settle(new ClaimCase(lines.Select(c => new CoveredItem(c.Description, c.Amount, c.InsuranceClass)).ToList(),
                CareSetting.Outpatient, level, false, age, year.SoFar), policy.Terms());
            var s = new InsuranceSettlement
            {
                RequestId = "gen-" + p.Id.ToString("N"),
                Number = numbers.Next(p.InstitutionId, DocumentNumbers.InsuranceSettlement, day),
                VisitId = p.VisitId,
                ResidentId = p.ResidentId,
                InstitutionId = p.InstitutionId,
                SchemeId = enrolment.SchemeId,
                PolicyId = policy.Id,
                EnrolmentId = enrolment.Id,
                HomeInstitutionId = enrolment.InstitutionId,
                Year = day.Year,
                Setting = CareSetting.Outpatient,
                Level = level,
                Age = age,
                Steps = "",
                Status = InsuranceSettlementStatus.Paid,
                PaymentId = p.Id,
                SettledBy = p.CashierUserName,
                SettledByName = p.CashierName,
                SettledAt = p.PaidAt,
            };
            s.Take(outcome, year.SoFar);
            settlements.Add(s);
            p.FundAmount = s.FundPays;
            p.InsuranceSettlementId = s.Id;
            foreach (var c in lines)
            {
                c.InsuranceSettlementId = s.Id;
            }
            year.Add(CareSetting.Outpatient, s.DeductibleApplied, s.FundPays);
        }
        return (settlements, years.Values.ToList());
    }
}

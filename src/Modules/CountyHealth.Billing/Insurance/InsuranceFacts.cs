using CountyHealth.Billing.Domain;
using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Billing.Insurance;

/// <summary>
/// The fund's claims (基金支付) at the institution that gave the care, in the month of the settlement: settlements not
/// reversed. A settlement reversed later (by its refund) leaves the month it was settled in.
/// </summary>
internal sealed class InsuranceFacts(CountyHealthDb db, IResidentDirectory residents) : IFactSource
{
    public const string Source = "insurance";
    public const string Reimbursed = "insurance.visits_reimbursed";
    public const string Total = "insurance.total";
    public const string Eligible = "insurance.eligible";
    public const string FundPaid = "insurance.fund_paid";

    public string Name => Source;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Reimbursed, "补偿人次", "人次", MeasureKind.Sum, "统筹基金支付大于零的门诊结算（未撤销），按结算日所在月份计入就诊机构"),
        new(Total, "结算医疗费用", "元", MeasureKind.Sum, "未撤销结算的医疗费用总额，按结算月份计入就诊机构"),
        new(Eligible, "政策范围内费用", "元", MeasureKind.Sum, "未撤销结算的政策范围内费用（总额 − 自费 − 乙类先行自付），按结算月份计入就诊机构"),
        new(FundPaid, "统筹基金支付", "元", MeasureKind.Sum, "未撤销结算的统筹基金支付，按结算月份计入就诊机构"),
    ];

    public static void AddFeeds(IServiceCollection services) =>
        services.AddSingleton<IFactFeed>(new FactFeed<InsuranceSettlement>(Source, s => (s.InstitutionId, ChinaTime.DayOf(s.SettledAt)), nameof(InsuranceSettlement.Status)));

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var (from, to) = (ChinaTime.StartOfDayUtc(FactMonths.FirstDay(range.FromMonth)), ChinaTime.StartOfDayUtc(FactMonths.FirstDay(range.ToMonth).AddMonths(1)));
        var settlements = db.Set<InsuranceSettlement>().AsNoTracking()
            .Where(s => s.SettledAt >= from && s.SettledAt < to && s.Status != InsuranceSettlementStatus.Reversed);
        if (range.Institutions is { } some)
        {
            settlements = settlements.Where(s => some.Contains(s.InstitutionId));
        }
        var rows = await settlements.Select(s => new { s.InstitutionId, At = s.SettledAt.AddHours(ChinaTime.OffsetHours), s.FundPays, s.Total, s.Eligible })
            .GroupBy(x => new { x.InstitutionId, Month = x.At.Year * 100 + x.At.Month })
            .Select(g => new
            {
                g.Key.InstitutionId,
                g.Key.Month,
                Reimbursed = g.Count(x => x.FundPays > 0),
                Total = g.Sum(x => x.Total),
                Eligible = g.Sum(x => x.Eligible),
                Fund = g.Sum(x => x.FundPays),
            }).ToListAsync(ct);
        return rows.SelectMany(r => new[]
        {
            new MonthlyFact(r.InstitutionId, r.Month, Reimbursed, "", r.Reimbursed),
            new MonthlyFact(r.InstitutionId, r.Month, Total, "", r.Total),
            new MonthlyFact(r.InstitutionId, r.Month, Eligible, "", r.Eligible),
            new MonthlyFact(r.InstitutionId, r.Month, FundPaid, "", r.Fund),
        }).ToList();
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var (from, to) = (ChinaTime.StartOfDayUtc(FactMonths.FirstDay(month)), ChinaTime.StartOfDayUtc(FactMonths.FirstDay(month).AddMonths(1)));
        var q = db.Set<InsuranceSettlement>().AsNoTracking()
            .Where(s => s.InstitutionId == institutionId && s.SettledAt >= from && s.SettledAt < to && s.Status != InsuranceSettlementStatus.Reversed);
        if (measure == Reimbursed)
        {
            q = q.Where(s => s.FundPays > 0);
        }
        var rows = await q.OrderBy(s => s.SettledAt).ThenBy(s => s.Id).Skip(skip).Take(take).ToListAsync(ct);
        var names = await residents.GetManyAsync(rows.Select(r => r.ResidentId), ct);
        return rows.Select(s => new FactRecord(s.Id, s.Number, ChinaTime.Format(s.SettledAt), PersonalNames.Mask(names.GetValueOrDefault(s.ResidentId)?.Name),
            $"总额{s.Total:0.00}，政策范围内{s.Eligible:0.00}，统筹支付{s.FundPays:0.00}",
            measure switch { Total => s.Total, Eligible => s.Eligible, FundPaid => s.FundPays, _ => 1 })).ToList();
    }
}

/// <summary>
/// The enrolled population by the clinic that keeps each resident (参保人数, 筹集基金) and its use of the year so far:
/// the people who have had a fund payment this year (受益人数) and what the fund has paid for them (基金使用), each as at
/// the month's end of the year the month is in. A change carries forward: an enrolment or a settlement changes its month
/// and every later month of the year.
/// </summary>
internal sealed class EnrolmentFacts(CountyHealthDb db, IResidentDirectory residents) : IFactSource
{
    public const string Source = "enrolment";
    public const string Enrolled = "enrolment.enrolled";
    public const string Raised = "enrolment.raised";
    public const string Beneficiaries = "enrolment.beneficiaries";
    public const string FundUsed = "enrolment.fund_used";

    public string Name => Source;

    public bool CarriesForward => true;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Enrolled, "参保人数", "人", MeasureKind.EndOfPeriod, "登记本年度参保的居民，按其档案所在机构；一年内各月相同"),
        new(Raised, "筹集基金", "元", MeasureKind.EndOfPeriod, "本年度参保人的个人缴费与补偿方案的人均财政补助之和，按参保人档案所在机构"),
        new(Beneficiaries, "受益人数", "人", MeasureKind.EndOfPeriod, "本年度截至月末获得过统筹基金支付（结算未撤销）的参保人数，按其档案所在机构"),
        new(FundUsed, "基金使用", "元", MeasureKind.EndOfPeriod, "本年度截至月末为参保人支付的统筹基金（结算未撤销），按其档案所在机构"),
    ];

    public static void AddFeeds(IServiceCollection services)
    {
        services.AddSingleton<IFactFeed>(new FactFeed<InsuranceEnrolment>(Source, e => (e.InstitutionId, new DateOnly(e.Year, 1, 1))));
        services.AddSingleton<IFactFeed>(new FactFeed<InsuranceSettlement>(Source, s => (s.HomeInstitutionId, ChinaTime.DayOf(s.SettledAt)), nameof(InsuranceSettlement.Status)));
    }

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var (firstYear, lastYear) = (range.FromMonth / 100, range.ToMonth / 100);
        var enrolments = db.Set<InsuranceEnrolment>().AsNoTracking().Where(e => e.Year >= firstYear && e.Year <= lastYear);
        if (range.Institutions is { } some)
        {
            enrolments = enrolments.Where(e => some.Contains(e.InstitutionId));
        }
        var subsidies = await db.Set<InsurancePolicy>().AsNoTracking().Select(p => new { p.SchemeId, p.EffectiveFrom, p.SubsidyPerPerson }).ToListAsync(ct);
        var enrolled = await enrolments.GroupBy(e => new { e.InstitutionId, e.Year, e.SchemeId })
            .Select(g => new { g.Key.InstitutionId, g.Key.Year, g.Key.SchemeId, People = g.Count(), Contributions = g.Sum(e => e.Contribution) }).ToListAsync(ct);
        // Each enrolled person's first fund payment of the year and the fund's payments by month, by the clinic that keeps her.
        // By the clinic each settlement carries (its enrolment's), on its own index: the refresher recounts one clinic's
        // year after every settlement, and must not read the county's.
        var settlements = db.Set<InsuranceSettlement>().AsNoTracking().Where(s => s.Year >= firstYear && s.Year <= lastYear && s.Status != InsuranceSettlementStatus.Reversed && s.FundPays > 0);
        if (range.Institutions is { } clinics)
        {
            settlements = settlements.Where(s => clinics.Contains(s.HomeInstitutionId));
        }
        var paid = settlements.Select(s => new { InstitutionId = s.HomeInstitutionId, s.ResidentId, s.Year, At = s.SettledAt.AddHours(ChinaTime.OffsetHours), s.FundPays });
        var firsts = await paid.GroupBy(x => new { x.InstitutionId, x.ResidentId, x.Year }).Select(g => new { g.Key.InstitutionId, g.Key.Year, First = g.Min(x => x.At) })
            .GroupBy(x => new { x.InstitutionId, x.Year, Month = x.First.Year * 100 + x.First.Month })
            .Select(g => new { g.Key.InstitutionId, g.Key.Month, People = g.Count() }).ToListAsync(ct);
        var used = await paid.GroupBy(x => new { x.InstitutionId, Month = x.At.Year * 100 + x.At.Month })
            .Select(g => new { g.Key.InstitutionId, g.Key.Month, Fund = g.Sum(x => x.FundPays) }).ToListAsync(ct);

        // Keyed once: a full rebuild has thousands of clinics and sixty months.
        var firstsBy = firsts.ToDictionary(f => (f.InstitutionId, f.Month), f => f.People);
        var usedBy = used.ToDictionary(f => (f.InstitutionId, f.Month), f => f.Fund);
        var subsidyOf = new Dictionary<(Guid Scheme, int Year), decimal>();
        decimal Subsidy(Guid scheme, int year)
        {
            if (!subsidyOf.TryGetValue((scheme, year), out var value))
            {
                value = subsidies.Where(p => p.SchemeId == scheme && p.EffectiveFrom <= new DateOnly(year, 1, 1)).OrderByDescending(p => p.EffectiveFrom)
                    .Select(p => p.SubsidyPerPerson).FirstOrDefault();
                subsidyOf[(scheme, year)] = value;
            }
            return value;
        }
        var facts = new List<MonthlyFact>();
        foreach (var byYear in enrolled.GroupBy(x => (x.InstitutionId, x.Year)))
        {
            var (institution, year) = byYear.Key;
            var people = byYear.Sum(x => x.People);
            var raised = byYear.Sum(x => x.Contributions + x.People * Subsidy(x.SchemeId, year));
            var (beneficiaries, fundUsed) = (0, 0m);
            // The year's months in order, the use carried from January; only the range's months are kept.
            for (var month = year * 100 + 1; month <= Math.Min(year * 100 + 12, range.ToMonth); month++)
            {
                beneficiaries += firstsBy.GetValueOrDefault((institution, month));
                fundUsed += usedBy.GetValueOrDefault((institution, month));
                if (month < range.FromMonth)
                {
                    continue;
                }
                facts.Add(new MonthlyFact(institution, month, Enrolled, "", people));
                facts.Add(new MonthlyFact(institution, month, Raised, "", raised));
                facts.Add(new MonthlyFact(institution, month, Beneficiaries, "", beneficiaries));
                facts.Add(new MonthlyFact(institution, month, FundUsed, "", fundUsed));
            }
        }
        return facts;
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var year = month / 100;
        var end = ChinaTime.StartOfDayUtc(FactMonths.FirstDay(month).AddMonths(1));
        if (measure is Enrolled or Raised)
        {
            var rows = await db.Set<InsuranceEnrolment>().AsNoTracking().Where(e => e.InstitutionId == institutionId && e.Year == year)
                .OrderBy(e => e.EnrolledAt).ThenBy(e => e.Id).Skip(skip).Take(take).ToListAsync(ct);
            var names = await residents.GetManyAsync(rows.Select(r => r.ResidentId), ct);
            return rows.Select(e => new FactRecord(e.Id, $"{e.Year}年度", ChinaTime.Format(e.EnrolledAt), PersonalNames.Mask(names.GetValueOrDefault(e.ResidentId)?.Name),
                $"个人缴费{e.Contribution:0.00}", measure == Raised ? e.Contribution : 1)).ToList();
        }
        var settlements = await db.Set<InsuranceSettlement>().AsNoTracking()
            .Where(s => s.Year == year && s.SettledAt < end && s.Status != InsuranceSettlementStatus.Reversed && s.FundPays > 0)
            .Join(db.Set<InsuranceEnrolment>().Where(e => e.InstitutionId == institutionId), s => s.EnrolmentId, e => e.Id, (s, _) => s)
            .OrderBy(s => s.SettledAt).ThenBy(s => s.Id).Skip(skip).Take(take).ToListAsync(ct);
        var people = await residents.GetManyAsync(settlements.Select(r => r.ResidentId), ct);
        return settlements.Select(s => new FactRecord(s.Id, s.Number, ChinaTime.Format(s.SettledAt), PersonalNames.Mask(people.GetValueOrDefault(s.ResidentId)?.Name),
            $"统筹支付{s.FundPays:0.00}", measure == FundUsed ? s.FundPays : 1)).ToList();
    }
}

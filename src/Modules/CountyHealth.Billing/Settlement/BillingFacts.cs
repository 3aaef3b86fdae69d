using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Billing.Settlement;

/// <summary>
/// The cashier's monthly figures: revenue by category and department, refunds, payments. Revenue counts in the month
/// it was taken (the payment's China date); a refund takes its amount off the revenue of the month of the refund, not of
/// the payment it refunds — a month already reported is never rewritten by a later refund.
/// </summary>
internal sealed class BillingFacts(CountyHealthDb db, IResidentDirectory residents) : IFactSource
{
    public const string Source = "billing";
    public const string Revenue = "billing.revenue";
    public const string Refunds = "billing.refunds";
    public const string Payments = "billing.payments";

    public string Name => Source;

    public IReadOnlyList<Measure> Measures { get; } =
    [
        new(Revenue, "门诊收入", "元", MeasureKind.Sum,
            "收费的项目金额计入收费日所在月份，退费的项目金额从退费日所在月份扣减（不改写收费月）；按收入类别（挂号、检查、化验、治疗、西药、中成药、中草药、其他）与科室分列", "category", "department"),
        new(Refunds, "退费金额", "元", MeasureKind.Sum, "退费金额，计入退费日所在月份"),
        new(Payments, "收费笔数", "笔", MeasureKind.Sum, "收费（收据）笔数，计入收费日所在月份"),
    ];

    public static void AddFeeds(IServiceCollection services)
    {
        services.AddSingleton<IFactFeed>(new FactFeed<Payment>(Source, p => (p.InstitutionId, ChinaTime.DayOf(p.PaidAt))));
        services.AddSingleton<IFactFeed>(new FactFeed<Refund>(Source, r => (r.InstitutionId, ChinaTime.DayOf(r.RefundedAt))));
    }

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var (from, to) = (ChinaTime.StartOfDayUtc(FactMonths.FirstDay(range.FromMonth)), ChinaTime.StartOfDayUtc(FactMonths.FirstDay(range.ToMonth).AddMonths(1)));
        var payments = db.Set<Payment>().AsNoTracking().Where(p => p.PaidAt >= from && p.PaidAt < to);
        var refunds = db.Set<Refund>().AsNoTracking().Where(r => r.RefundedAt >= from && r.RefundedAt < to);
        if (range.Institutions is { } some)
        {
            payments = payments.Where(p => some.Contains(p.InstitutionId));
            refunds = refunds.Where(r => some.Contains(r.InstitutionId));
        }
        var paid = await payments.Join(db.Set<Charge>(), p => p.Id, c => c.PaymentId, (p, c) => new { p.InstitutionId, At = p.PaidAt.AddHours(ChinaTime.OffsetHours), c.Category, c.DepartmentId, c.Amount })
            .GroupBy(x => new { x.InstitutionId, Month = x.At.Year * 100 + x.At.Month, x.Category, x.DepartmentId })
            .Select(g => new { g.Key.InstitutionId, g.Key.Month, g.Key.Category, g.Key.DepartmentId, Amount = g.Sum(x => x.Amount) }).ToListAsync(ct);
        var refunded = await refunds.Join(db.Set<Charge>(), r => r.Id, c => c.RefundId, (r, c) => new { r.InstitutionId, At = r.RefundedAt.AddHours(ChinaTime.OffsetHours), c.Category, c.DepartmentId, c.Amount })
            .GroupBy(x => new { x.InstitutionId, Month = x.At.Year * 100 + x.At.Month, x.Category, x.DepartmentId })
            .Select(g => new { g.Key.InstitutionId, g.Key.Month, g.Key.Category, g.Key.DepartmentId, Amount = g.Sum(x => x.Amount) }).ToListAsync(ct);
        var net = paid.Select(x => (x.InstitutionId, x.Month, x.Category, x.DepartmentId, x.Amount))
            .Concat(refunded.Select(x => (x.InstitutionId, x.Month, x.Category, x.DepartmentId, Amount: -x.Amount))).ToList();
        var facts = new List<MonthlyFact>();
        foreach (var g in net.GroupBy(x => (x.InstitutionId, x.Month)))
        {
            facts.Add(new MonthlyFact(g.Key.InstitutionId, g.Key.Month, Revenue, "", g.Sum(x => x.Amount)));
            facts.AddRange(g.GroupBy(x => x.Category).Select(c => new MonthlyFact(g.Key.InstitutionId, g.Key.Month, Revenue, "category:" + c.Key, c.Sum(x => x.Amount))));
            facts.AddRange(g.GroupBy(x => x.DepartmentId).Select(d => new MonthlyFact(g.Key.InstitutionId, g.Key.Month, Revenue, "department:" + d.Key, d.Sum(x => x.Amount))));
        }
        var refundTotals = await refunds.Select(r => new { r.InstitutionId, At = r.RefundedAt.AddHours(ChinaTime.OffsetHours), r.Amount })
            .GroupBy(x => new { x.InstitutionId, Month = x.At.Year * 100 + x.At.Month })
            .Select(g => new { g.Key.InstitutionId, g.Key.Month, Amount = g.Sum(x => x.Amount) }).ToListAsync(ct);
        facts.AddRange(refundTotals.Select(x => new MonthlyFact(x.InstitutionId, x.Month, Refunds, "", x.Amount)));
        var counts = await payments.Select(p => new { p.InstitutionId, At = p.PaidAt.AddHours(ChinaTime.OffsetHours) })
            .GroupBy(x => new { x.InstitutionId, Month = x.At.Year * 100 + x.At.Month })
            .Select(g => new { g.Key.InstitutionId, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        facts.AddRange(counts.Select(x => new MonthlyFact(x.InstitutionId, x.Month, Payments, "", x.Count)));
        return facts;
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var (from, to) = (ChinaTime.StartOfDayUtc(FactMonths.FirstDay(month)), ChinaTime.StartOfDayUtc(FactMonths.FirstDay(month).AddMonths(1)));
        var category = dimension.StartsWith("category:", StringComparison.Ordinal) ? dimension["category:".Length..] : null;
        Guid? department = dimension.StartsWith("department:", StringComparison.Ordinal) && Guid.TryParse(dimension["department:".Length..], out var d) ? d : null;
        var rows = new List<(Guid Id, string Number, DateTime At, Guid ResidentId, string Detail, decimal Amount)>();
        if (measure is Revenue or Payments)
        {
            var paid = await db.Set<Payment>().AsNoTracking().Where(p => p.InstitutionId == institutionId && p.PaidAt >= from && p.PaidAt < to)
                .OrderBy(p => p.PaidAt).ThenBy(p => p.Id).Skip(skip).Take(take)
                .Select(p => new
                {
                    p.Id,
                    p.ReceiptNumber,
                    p.PaidAt,
                    p.ResidentId,
                    Amount = measure == Payments ? p.Amount
                        : db.Set<Charge>().Where(c => c.PaymentId == p.Id && (category == null || c.Category == category) && (department == null || c.DepartmentId == department)).Sum(c => c.Amount),
                }).ToListAsync(ct);
            rows.AddRange(paid.Where(p => p.Amount != 0).Select(p => (p.Id, p.ReceiptNumber, p.PaidAt, p.ResidentId, "收费", p.Amount)));
        }
        if (measure is Revenue or Refunds)
        {
            var back = await db.Set<Refund>().AsNoTracking().Where(r => r.InstitutionId == institutionId && r.RefundedAt >= from && r.RefundedAt < to)
                .OrderBy(r => r.RefundedAt).ThenBy(r => r.Id).Skip(skip).Take(take)
                .Select(r => new
                {
                    r.Id,
                    Number = db.Set<Payment>().Where(p => p.Id == r.PaymentId).Select(p => p.ReceiptNumber).FirstOrDefault() ?? "",
                    r.RefundedAt,
                    r.ResidentId,
                    Amount = measure == Refunds ? r.Amount
                        : db.Set<Charge>().Where(c => c.RefundId == r.Id && (category == null || c.Category == category) && (department == null || c.DepartmentId == department)).Sum(c => c.Amount),
                }).ToListAsync(ct);
            rows.AddRange(back.Where(r => r.Amount != 0).Select(r => (r.Id, r.Number, r.RefundedAt, r.ResidentId, "退费", measure == Refunds ? r.Amount : -r.Amount)));
        }
        var names = await residents.GetManyAsync(rows.Select(r => r.ResidentId), ct);
        return rows.OrderBy(r => r.At).Take(take).Select(r => new FactRecord(r.Id, r.Number, ChinaTime.Format(r.At), PersonalNames.Mask(names.GetValueOrDefault(r.ResidentId)?.Name),
            r.Detail, r.Amount)).ToList();
    }
}

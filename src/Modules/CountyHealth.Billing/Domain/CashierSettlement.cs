namespace CountyHealth.Billing.Domain;

internal sealed record SettlementMovement(PaymentMethod Method, decimal Amount, bool IsRefund);

internal sealed record SettlementLine(PaymentMethod Method, string MethodName, int PaymentCount, decimal Payments, int RefundCount, decimal Refunds, decimal Net);

internal sealed record SettlementSummary(IReadOnlyList<SettlementLine> Lines, decimal TotalPayments, decimal TotalRefunds, decimal Net);

/// <summary>The cashier's daily settlement (日结): payments and refunds by method, and what should be in the drawer or the accounts.</summary>
internal static class CashierSettlement
{
    public static SettlementSummary Summarise(IEnumerable<SettlementMovement> movements)
    {
        var list = movements.ToList();
        var lines = Enum.GetValues<PaymentMethod>().Select(m =>
        {
            var pays = list.Where(x => x.Method == m && !x.IsRefund).ToList();
            var refunds = list.Where(x => x.Method == m && x.IsRefund).ToList();
            var p = pays.Sum(x => x.Amount);
            var r = refunds.Sum(x => x.Amount);
            return new SettlementLine(m, PaymentMethods.ChineseName(m), pays.Count, p, refunds.Count, r, p - r);
        }).ToList();
        var tp = lines.Sum(l => l.Payments);
        var tr = lines.Sum(l => l.Refunds);
        return new SettlementSummary(lines, tp, tr, tp - tr);
    }
}

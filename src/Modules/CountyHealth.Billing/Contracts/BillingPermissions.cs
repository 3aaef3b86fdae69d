using CountyHealth.Kernel.Security;

namespace CountyHealth.Billing.Contracts;

/// <summary>The cashier's permissions (their reach per role is in the permission matrix).</summary>
public static class BillingPermissions
{
    public const string ReadCharges = "charges.read";
    public const string TakePayment = "payment.take";
    public const string Refund = "refund.make";
    public const string ReadSettlement = "settlement.read";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(ReadCharges, "查看待收费、费用明细与收据", "收费"),
        new(TakePayment, "收费", "收费"),
        new(Refund, "退费", "收费"),
        new(ReadSettlement, "查看收费日结", "收费"),
    ];
}

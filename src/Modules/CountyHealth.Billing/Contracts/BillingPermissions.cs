using CountyHealth.Kernel.Security;

namespace CountyHealth.Billing.Contracts;

/// <summary>The cashier's permissions (their reach per role is in the permission matrix).</summary>
public static class BillingPermissions
{
    public const string ReadCharges = "charges.read";
    public const string TakePayment = "payment.take";
    public const string Refund = "refund.make";
    public const string ReadSettlement = "settlement.read";
    public const string InsuranceSettle = "insurance.settle";
    public const string InsuranceRead = "insurance.read";
    public const string InsuranceEnrol = "insurance.enrol";
    public const string InsurancePolicyManage = "insurance.policy.manage";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(ReadCharges, "查看待收费、费用明细与收据", "收费"),
        new(TakePayment, "收费", "收费"),
        new(Refund, "退费", "收费"),
        new(ReadSettlement, "查看收费日结", "收费"),
        new(InsuranceSettle, "医保结算与撤销结算", "医保"),
        new(InsuranceRead, "查看医保结算单与参保登记", "医保"),
        new(InsuranceEnrol, "参保登记", "医保"),
        new(InsurancePolicyManage, "维护医保险种与补偿方案", "医保"),
    ];
}

using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Text;

namespace CountyHealth.Billing.Domain;

internal sealed class PriceItem : ISearchableRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Pinyin { get; set; } = "";
    public string SearchKey { get; set; } = "";
    public string SearchText { get; set; } = "";
    public string Unit { get; set; } = "次";
    public decimal Price { get; set; }
    /// <summary>Registration, Examination, Lab, Treatment.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The item's class in the insurance catalogue (甲/乙/自费); a charge copies it when raised.</summary>
    public InsuranceClass InsuranceClass { get; set; } = InsuranceClass.ClassA;
    public bool IsActive { get; set; } = true;
}

internal enum ChargeStatus
{
    Open = 1,
    Paid = 2,
    Refunded = 3,
}

internal sealed class Charge : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VisitId { get; set; }
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid DepartmentId { get; set; }
    /// <summary>The raising module's name for what is billed (e.g. "outpatient.prescription").</summary>
    public string Kind { get; set; } = "";

    /// <summary>The revenue category (挂号费, 西药费, 检查费…; <see cref="Contracts.RevenueCategories"/>).</summary>
    public string Category { get; set; } = Contracts.RevenueCategories.Other;

    /// <summary>The item's insurance class when the charge was raised: a later change of the catalogue never rewrites it.</summary>
    public InsuranceClass InsuranceClass { get; set; } = InsuranceClass.SelfPay;
    public Guid GroupId { get; set; }
    public Guid SourceId { get; set; }
    public string ItemCode { get; set; } = "";
    public string Description { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Amount { get; set; }
    public ChargeStatus Status { get; set; } = ChargeStatus.Open;
    public Guid? PaymentId { get; set; }
    public Guid? RefundId { get; set; }

    /// <summary>The insurance settlement that covers the charge (医保结算); cleared when it is reversed before payment.</summary>
    public Guid? InsuranceSettlementId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

internal enum PaymentMethod
{
    Cash = 1,
    WeChat = 2,
    Alipay = 3,
    BankCard = 4,
}

internal static class PaymentMethods
{
    public static string ChineseName(PaymentMethod m) => m switch
    {
        PaymentMethod.Cash => "现金",
        PaymentMethod.WeChat => "微信",
        PaymentMethod.Alipay => "支付宝",
        PaymentMethod.BankCard => "银行卡",
        _ => m.ToString(),
    };
}

/// <summary>Money taken for a set of charges. The client's request id makes a retried or double-clicked payment count once.</summary>
internal sealed class Payment : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RequestId { get; set; } = "";
    public string ReceiptNumber { get; set; } = "";
    public Guid VisitId { get; set; }
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    /// <summary>The charges' total; the fund's share is <see cref="FundAmount"/>, the rest the patient paid by <see cref="Method"/>.</summary>
    public decimal Amount { get; set; }

    /// <summary>What the insurance fund pays of it (医保统筹支付), by the settlement; zero for a self-paying patient.</summary>
    public decimal FundAmount { get; set; }
    public Guid? InsuranceSettlementId { get; set; }
    public PaymentMethod Method { get; set; }

    /// <summary>What the patient handed over (实收); the patient's share itself when not paid in cash.</summary>
    public decimal Tendered { get; set; }

    /// <summary>Change given back (找零): tendered − the patient's share.</summary>
    public decimal Change { get; set; }
    public string CashierUserName { get; set; } = "";
    public string CashierName { get; set; } = "";
    public DateTime PaidAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

internal sealed class Refund : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RequestId { get; set; } = "";
    public Guid PaymentId { get; set; }
    public Guid VisitId { get; set; }
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }

    /// <summary>The refunded charges' total; <see cref="FundAmount"/> of it goes back to the fund, the rest to the patient.</summary>
    public decimal Amount { get; set; }
    public decimal FundAmount { get; set; }
    public PaymentMethod Method { get; set; }
    public string Reason { get; set; } = "";
    public string CashierUserName { get; set; } = "";
    public string CashierName { get; set; } = "";
    public DateTime RefundedAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

namespace CountyHealth.Kernel.Amounts;

/// <summary>
/// Where an item stands in the basic medical insurance catalogues (医保目录): 甲类 is paid by the fund in full, 乙类 after
/// the patient pays a share first (先行自付), 丙类 and 自费 items not at all. Drugs and price items carry it; a charge keeps
/// the class it had when it was raised.
/// </summary>
public enum InsuranceClass
{
    ClassA = 1,
    ClassB = 2,
    SelfPay = 3,
}

public static class InsuranceClasses
{
    public static string ChineseName(InsuranceClass c) => c switch
    {
        InsuranceClass.ClassA => "甲类",
        InsuranceClass.ClassB => "乙类",
        InsuranceClass.SelfPay => "自费",
        _ => c.ToString(),
    };
}

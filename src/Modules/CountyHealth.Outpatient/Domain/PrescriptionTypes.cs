namespace CountyHealth.Outpatient.Domain;

/// <summary>The prescription types of 处方管理办法 (卫生部令第53号) 第五条 and 附件 处方标准.</summary>
internal enum PrescriptionType
{
    Ordinary = 1,
    Emergency = 2,
    Paediatric = 3,
    /// <summary>麻醉药品和第一类精神药品处方.</summary>
    NarcoticOrFirstClass = 4,
    /// <summary>第二类精神药品处方.</summary>
    SecondClassPsychotropic = 5,
}

/// <summary>How each type is printed: its name, the paper colour and the mark in the top right corner (处方标准 一).</summary>
internal sealed record PrescriptionTypeStyle(string Name, string Paper, string? CornerMark);

/// <summary>
/// Which type a prescription is and how it prints. 处方标准: 普通处方 white; 急诊处方 light yellow, marked 急诊; 儿科处方
/// light green, marked 儿科; 麻醉药品和第一类精神药品处方 light red, marked 麻、精一; 第二类精神药品处方 white, marked 精二.
/// Controlled drugs decide first (they need their own paper whatever the patient's age), then an emergency department,
/// then a child patient (under 14, the age paediatric departments take).
/// </summary>
internal static class PrescriptionTypes
{
    public const int PaediatricAgeLimit = 14;

    public static PrescriptionType For(int ageYears, string departmentName, bool narcoticOrFirstClass = false, bool secondClassPsychotropic = false) =>
        narcoticOrFirstClass ? PrescriptionType.NarcoticOrFirstClass
        : secondClassPsychotropic ? PrescriptionType.SecondClassPsychotropic
        : departmentName.Contains("急诊", StringComparison.Ordinal) ? PrescriptionType.Emergency
        : ageYears < PaediatricAgeLimit ? PrescriptionType.Paediatric
        : PrescriptionType.Ordinary;

    public static PrescriptionTypeStyle Style(PrescriptionType type) => type switch
    {
        PrescriptionType.Emergency => new("急诊处方", "#fff7c2", "急诊"),
        PrescriptionType.Paediatric => new("儿科处方", "#dff3df", "儿科"),
        PrescriptionType.NarcoticOrFirstClass => new("麻醉药品和第一类精神药品处方", "#fbdada", "麻、精一"),
        PrescriptionType.SecondClassPsychotropic => new("第二类精神药品处方", "#ffffff", "精二"),
        _ => new("普通处方", "#ffffff", null),
    };
}

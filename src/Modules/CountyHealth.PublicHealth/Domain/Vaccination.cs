using CountyHealth.Kernel.Auditing;

namespace CountyHealth.PublicHealth.Domain;

/// <summary>接种部位.</summary>
public enum InjectionSite
{
    LeftUpperArm = 1,
    RightUpperArm = 2,
    LeftThigh = 3,
    RightThigh = 4,
    Oral = 5,
}

/// <summary>Where a dose record comes from: given here, or copied from the child's certificate (补录, given elsewhere).</summary>
public enum DoseSource
{
    Given = 1,
    FromCertificate = 2,
}

/// <summary>
/// One dose of a national-programme vaccine given to a child (接种记录): the series and dose number the schedule gives
/// it, the vaccine, batch, site, day and nurse, and — for a dose before its minimum age or interval — the warnings the
/// nurse confirmed and her reason. Kept by the institution that manages the child (her village's clinic, which sees it)
/// and the clinic where it was given. <see cref="DueOn"/> is the day it fell due, the month its coverage counts in.
/// </summary>
internal sealed class Vaccination : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid GivenAtInstitutionId { get; set; }
    public string Series { get; set; } = "";
    public int Dose { get; set; }
    public string Vaccine { get; set; } = "";
    public string VaccineName { get; set; } = "";
    public string Batch { get; set; } = "";
    public string? Manufacturer { get; set; }
    public InjectionSite Site { get; set; }
    public DateOnly GivenOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DoseSource Source { get; set; }
    public string? Warnings { get; set; }
    public string? ConfirmReason { get; set; }
    public string NurseName { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>
/// A dose record voided (作废) because it was entered in error — wrong child, vaccine, batch or day: the record as it
/// stood, who voided it, when and why. The dose itself is removed, so the schedule, the lists and the figures no longer
/// count it; the nurse records the right dose again, checked against the schedule like any other.
/// </summary>
internal sealed class VoidedVaccination : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VaccinationId { get; set; }
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid GivenAtInstitutionId { get; set; }
    public string Series { get; set; } = "";
    public int Dose { get; set; }
    public string VaccineName { get; set; } = "";
    public string Batch { get; set; } = "";
    public InjectionSite Site { get; set; }
    public DateOnly GivenOn { get; set; }
    public DoseSource Source { get; set; }
    public string NurseName { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string Reason { get; set; } = "";
    public string VoidedBy { get; set; } = "";
    public DateTime VoidedAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>查验结果: the certificate showed every dose due for the age, or some were missing (补种 needed).</summary>
public enum CheckResult
{
    Complete = 1,
    Incomplete = 2,
}

/// <summary>
/// A check of a child's vaccination certificate at kindergarten or school entry (入托入学查验接种证): where and when, and
/// the doses missing that day — the catch-up (查漏补种) list works through them until each is given.
/// </summary>
internal sealed class CertificateCheck : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public string School { get; set; } = "";
    public DateOnly CheckedOn { get; set; }
    public CheckResult Result { get; set; }

    /// <summary>The doses missing on the day, as keys ("DTP4,MMR2").</summary>
    public string Missing { get; set; } = "";
    public string CheckedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

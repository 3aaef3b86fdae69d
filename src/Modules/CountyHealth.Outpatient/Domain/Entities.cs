using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Auditing;

namespace CountyHealth.Outpatient.Domain;

internal enum VisitStatus
{
    Waiting = 1,
    InProgress = 2,
    Finished = 3,
    Cancelled = 4,
}

/// <summary>An outpatient visit: one resident, one department, one doctor, one China calendar day.</summary>
internal sealed class Visit : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string VisitNumber { get; set; } = "";
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid DepartmentId { get; set; }
    public Guid? DoctorStaffId { get; set; }
    public DateOnly VisitDate { get; set; }
    public int QueueNumber { get; set; }
    public DateTime RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = "";
    public VisitStatus Status { get; set; } = VisitStatus.Waiting;
    public string? ChiefComplaint { get; set; }
    public string? PresentIllness { get; set; }
    public string? PastHistory { get; set; }
    public string? Allergies { get; set; }
    public string? PhysicalExam { get; set; }
    public string? Advice { get; set; }
    public int? SystolicBp { get; set; }
    public int? DiastolicBp { get; set; }
    public decimal? Temperature { get; set; }
    public int? Pulse { get; set; }
    public int? RespiratoryRate { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? HeightCm { get; set; }
    public decimal? FastingGlucose { get; set; }
    public DateTime? SeenAt { get; set; }

    /// <summary>When a finished visit was last opened again for changes, and why (the audit log keeps every time).</summary>
    public DateTime? ReopenedAt { get; set; }
    public string? ReopenReason { get; set; }
    public int Version { get; set; }
    public List<VisitDiagnosis> Diagnoses { get; set; } = [];

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;

    /// <summary>
    /// Why the record cannot be changed now, or null while the doctor may still write it: a finished visit is read-only
    /// until reopened with a reason, a cancelled one for good.
    /// </summary>
    public string? ClosedReason => Status switch
    {
        VisitStatus.Finished => "该就诊已完成，病历只读；如需修改，请先“重新接诊”并填写原因",
        VisitStatus.Cancelled => "该就诊已退号，不能修改",
        _ => null,
    };

    /// <summary>
    /// The doctor takes the visit up: a visit registered to the department (no doctor chosen) becomes hers, and a
    /// waiting visit is in progress from now.
    /// </summary>
    public void Start(Guid? doctorStaffId, DateTime now)
    {
        DoctorStaffId ??= doctorStaffId;
        if (Status == VisitStatus.Waiting)
        {
            Status = VisitStatus.InProgress;
            SeenAt = now;
        }
    }

    public string StatusName => Status switch
    {
        VisitStatus.Waiting => "候诊",
        VisitStatus.InProgress => "就诊中",
        VisitStatus.Finished => "已就诊",
        _ => "已退号",
    };
}

/// <summary>One diagnosis of a visit; its changes are told, code and name, in the visit's audit row.</summary>
internal sealed class VisitDiagnosis : IPersonalHealthDataPart
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VisitId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsPrimary { get; set; }
    public int Position { get; set; }

    Guid IPersonalHealthDataPart.AuditOwnerId => VisitId;

    string IPersonalHealthDataPart.AuditLabel => IsPrimary ? $"{Code} {Name}（主要诊断）" : $"{Code} {Name}";
}

internal enum PrescriptionStatus
{
    /// <summary>Signed and billed, not paid: the doctor may still change it.</summary>
    Open = 1,
    Paid = 2,
    Dispensed = 3,
    Cancelled = 4,
}

internal enum ItemStatus
{
    Open = 1,
    Paid = 2,
    Dispensed = 3,
    Returned = 4,
    Refunded = 5,
}

internal sealed class Prescription : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Number { get; set; } = "";
    public Guid VisitId { get; set; }
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid? PrescriberStaffId { get; set; }
    public string PrescriberName { get; set; } = "";

    /// <summary>Its type (普通, 急诊, 儿科…), fixed when written: it decides the paper it prints on.</summary>
    public PrescriptionType Type { get; set; } = PrescriptionType.Ordinary;
    public PrescriptionStatus Status { get; set; } = PrescriptionStatus.Open;
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    public List<PrescriptionItem> Items { get; set; } = [];

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;

    public string StatusName => Status switch
    {
        PrescriptionStatus.Open => "待收费",
        PrescriptionStatus.Paid => "已收费待发药",
        PrescriptionStatus.Dispensed => "已发药",
        _ => "已作废",
    };

    /// <summary>Marks the items; the prescription is cancelled when every item was refunded, dispensed once any item was.</summary>
    public void Mark(IReadOnlyCollection<Guid> itemIds, ItemStatus status)
    {
        foreach (var i in Items.Where(i => itemIds.Contains(i.Id)))
        {
            i.Status = status;
        }
        Status = Items.All(i => i.Status == ItemStatus.Refunded) ? PrescriptionStatus.Cancelled
            : Items.Any(i => i.Status == ItemStatus.Dispensed) ? PrescriptionStatus.Dispensed
            : Status;
        Version++;
    }
}

internal sealed class PrescriptionItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PrescriptionId { get; set; }
    public int Position { get; set; }
    public Guid DrugId { get; set; }
    public string DrugName { get; set; } = "";
    public string Specification { get; set; } = "";
    public decimal Dose { get; set; }
    public string DoseUnit { get; set; } = "";
    public string FrequencyCode { get; set; } = "";
    public string Route { get; set; } = "";
    public int Days { get; set; }
    public int Quantity { get; set; }
    public string PackUnit { get; set; } = "";
    public decimal UnitPrice { get; set; }

    /// <summary>The drug's insurance class when prescribed, which its charge carries.</summary>
    public InsuranceClass InsuranceClass { get; set; } = InsuranceClass.ClassA;
    public ItemStatus Status { get; set; } = ItemStatus.Open;

    /// <summary>How to take it, as the label and the pharmacy say it: "5mg 每日一次 口服 7天".</summary>
    public string Usage =>
        $"{Dose.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}{DoseUnit} {Frequencies.Find(FrequencyCode)?.ChineseName ?? FrequencyCode} {Route} {Days}天";
}

/// <summary>An examination, lab or treatment item ordered at a visit; billed like a prescription.</summary>
internal sealed class VisitOrder : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VisitId { get; set; }
    public Guid ResidentId { get; set; }
    public string ItemCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public int Quantity { get; set; } = 1;
    public decimal UnitPrice { get; set; }
    public ItemStatus Status { get; set; } = ItemStatus.Open;
    public DateTime OrderedAt { get; set; }
    public string OrderedBy { get; set; } = "";

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>The last queue number given out in a department on a day; taken by one atomic upsert, so concurrent registrations never share a number.</summary>
internal sealed class QueueCounter
{
    public Guid DepartmentId { get; set; }
    public DateOnly VisitDate { get; set; }
    public int Last { get; set; }
}

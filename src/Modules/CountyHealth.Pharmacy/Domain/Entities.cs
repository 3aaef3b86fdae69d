using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Text;
using CountyHealth.Pharmacy.Contracts;

namespace CountyHealth.Pharmacy.Domain;

/// <summary>A drug of the catalogue. Stock and dispensing count in packs (盒/瓶); doses in the dose unit (mg…).</summary>
internal sealed class Drug : ISearchableRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Pinyin { get; set; } = "";
    public string SearchKey { get; set; } = "";
    public string SearchText { get; set; } = "";
    public string Specification { get; set; } = "";
    public string DosageForm { get; set; } = "";
    public string DoseUnit { get; set; } = "";
    public decimal DoseUnitsPerBaseUnit { get; set; }
    public string BaseUnit { get; set; } = "";
    public int BaseUnitsPerPack { get; set; }
    public string PackUnit { get; set; } = "";
    public string DefaultRoute { get; set; } = "";
    public string DefaultFrequency { get; set; } = "";
    public decimal DefaultDose { get; set; }
    public decimal RetailPrice { get; set; }
    public string? Manufacturer { get; set; }
    public bool NeedsSkinTest { get; set; }

    /// <summary>A systemic antibacterial (抗菌药物): counted by the rational-drug-use indicators.</summary>
    public bool IsAntibacterial { get; set; }
    public string Category { get; set; } = "西药";

    /// <summary>The drug's class in the insurance catalogue (甲/乙/自费); a charge copies it when raised.</summary>
    public InsuranceClass InsuranceClass { get; set; } = InsuranceClass.ClassA;
    public bool IsActive { get; set; } = true;
}

/// <summary>
/// A batch of one drug in one institution's pharmacy. Quantity on hand never goes below zero; the reserved part (预占)
/// belongs to paid orders not yet handed out, so what can still be sold is on hand − reserved.
/// </summary>
internal sealed class StockBatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid DrugId { get; set; }
    public string BatchNumber { get; set; } = "";
    public DateOnly ExpiryDate { get; set; }
    public int QuantityReceived { get; set; }
    public int QuantityOnHand { get; set; }
    public int QuantityReserved { get; set; }
    public decimal PurchasePrice { get; set; }
    public decimal RetailPrice { get; set; }
    public string? Supplier { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string ReceivedBy { get; set; } = "";
}

internal enum MovementKind
{
    Receipt = 1,
    Dispense = 2,
    Return = 3,
}

/// <summary>Every change of a batch's quantity, so stock = receipts − dispensings + returns can be checked.</summary>
internal sealed class StockMovement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public MovementKind Kind { get; set; }
    public int Quantity { get; set; }
    public Guid? DispenseLineId { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
}

internal enum DispenseStatus
{
    Waiting = 1,
    Dispensed = 2,
    Cancelled = 3,
    Returned = 4,
}

/// <summary>Drugs a clinical module sent to the pharmacy (a paid prescription, a ward request), waiting or handed out.</summary>
internal sealed class DispenseOrder : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }

    /// <summary>The sending module's kind of document, e.g. "outpatient.prescription".</summary>
    public string SourceKind { get; set; } = "";
    public Guid SourceId { get; set; }

    /// <summary>The number printed on the document (a prescription number), by which the pharmacist finds it.</summary>
    public string SourceNumber { get; set; } = "";
    public Guid ResidentId { get; set; }
    public string OrderedBy { get; set; } = "";
    public DispenseStatus Status { get; set; } = DispenseStatus.Waiting;
    public DateTime QueuedAt { get; set; }
    public DateTime? DispensedAt { get; set; }

    /// <summary>The pharmacist who reviewed (审核), prepared (调配) and handed out (发药) the drugs.</summary>
    public string? DispensedBy { get; set; }

    /// <summary>The pharmacist who checked (核对) what was prepared against the prescription, before it was handed out.</summary>
    public string? CheckedBy { get; set; }
    public int Version { get; set; }
    public List<DispenseLine> Lines { get; set; } = [];

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;

    /// <summary>The order for what a clinical module sends, waiting from <paramref name="queuedAt"/>.</summary>
    public static DispenseOrder For(DispenseRequest request, DateTime queuedAt)
    {
        var order = new DispenseOrder
        {
            InstitutionId = request.InstitutionId,
            SourceKind = request.SourceKind,
            SourceId = request.SourceId,
            SourceNumber = request.SourceNumber,
            ResidentId = request.ResidentId,
            OrderedBy = request.OrderedBy,
            QueuedAt = queuedAt,
        };
        order.Lines = request.Lines.Select(l => new DispenseLine { OrderId = order.Id, SourceItemId = l.SourceItemId, DrugId = l.DrugId, Quantity = l.Quantity, Usage = l.Usage }).ToList();
        return order;
    }
}

internal sealed class DispenseLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrderId { get; set; }
    public Guid SourceItemId { get; set; }
    public Guid DrugId { get; set; }
    public int Quantity { get; set; }
    public string Usage { get; set; } = "";
    public DispenseStatus Status { get; set; } = DispenseStatus.Waiting;
}

/// <summary>Packs of a batch held for a paid line until it is handed out (then taken) or refunded (then released).</summary>
internal sealed class StockReservation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LineId { get; set; }
    public Guid BatchId { get; set; }
    public int Quantity { get; set; }
    public DateTime ReservedAt { get; set; }
}

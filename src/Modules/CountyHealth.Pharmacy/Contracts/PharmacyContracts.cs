using CountyHealth.Kernel.Amounts;

namespace CountyHealth.Pharmacy.Contracts;

public sealed record DrugInfo(Guid Id, string Code, string Name, string Specification, string DosageForm, string DoseUnit,
    decimal DoseUnitsPerBaseUnit, string BaseUnit, int BaseUnitsPerPack, string PackUnit, string DefaultRoute,
    string DefaultFrequency, decimal DefaultDose, decimal RetailPrice, bool NeedsSkinTest, int AvailablePacks, bool IsAntibacterial = false,
    InsuranceClass InsuranceClass = InsuranceClass.ClassA);

/// <summary>The drug catalogue with the stock available at an institution's pharmacy.</summary>
public interface IDrugCatalogue
{
    Task<IReadOnlyList<DrugInfo>> SearchAsync(Guid institutionId, string query, int take, CancellationToken ct = default);

    Task<IReadOnlyDictionary<Guid, DrugInfo>> GetManyAsync(Guid institutionId, IEnumerable<Guid> drugIds, CancellationToken ct = default);
}

/// <summary>One drug to hand out: the source module's item it fulfils, the drug, the packs and how to take it.</summary>
public sealed record DispenseLineRequest(Guid SourceItemId, Guid DrugId, int Quantity, string Usage);

/// <summary>
/// Drugs a clinical module sends to an institution's pharmacy: the module's document (its kind, e.g.
/// "outpatient.prescription", its id and the number printed on it), the patient, who ordered them, and the lines.
/// Any module may send them; the pharmacy knows nothing of prescriptions or ward orders.
/// </summary>
public sealed record DispenseRequest(string SourceKind, Guid SourceId, string SourceNumber, Guid ResidentId, Guid InstitutionId, string OrderedBy,
    IReadOnlyList<DispenseLineRequest> Lines);

/// <summary>What the pharmacy must hand out: paid documents enter, refunds take lines out.</summary>
public interface IDispensingQueue
{
    /// <summary>
    /// Queues drugs for dispensing and holds their stock; the caller saves, inside a transaction. Throws
    /// <see cref="Kernel.Events.EventRefusedException"/> naming the drug when its stock cannot cover a line.
    /// </summary>
    Task EnqueueAsync(DispenseRequest request, CancellationToken ct = default);

    /// <summary>Withdraws lines not yet handed out (their charges were refunded) and gives their stock back; the caller saves, inside a transaction.</summary>
    Task CancelLinesAsync(IEnumerable<Guid> sourceItemIds, CancellationToken ct = default);
}

/// <summary>Raised in the dispensing transaction when a document's items are handed out; the source module marks them.</summary>
public sealed record ItemsDispensed(string SourceKind, Guid SourceId, IReadOnlyList<Guid> SourceItemIds, DateTime At);

/// <summary>Raised when dispensed items come back to the pharmacy (so their charges can be refunded).</summary>
public sealed record DispensedItemsReturned(string SourceKind, Guid SourceId, IReadOnlyList<Guid> SourceItemIds);

/// <summary>What the pharmacist needs beside an order to check it (四查十对): the patient's diagnoses and allergies, and where its document prints.</summary>
public sealed record DispenseSourceDetails(string Diagnoses, string? Allergies, string? PrintUrl);

/// <summary>Implemented by the modules that send orders (outpatient prescriptions; later ward requests).</summary>
public interface IDispenseSources
{
    Task<IReadOnlyDictionary<Guid, DispenseSourceDetails>> DetailsAsync(string sourceKind, IReadOnlyCollection<Guid> sourceIds, CancellationToken ct);
}

/// <summary>Who handed a document's drugs out (审核, 调配, 发药) and who checked them (核对), and when.</summary>
public sealed record DispensingRecord(string? DispensedBy, string? CheckedBy, DateTime? DispensedAt);

/// <summary>The pharmacy's record of a sent document, for its printed form.</summary>
public interface IDispensingRecords
{
    Task<DispensingRecord?> FindAsync(string sourceKind, Guid sourceId, CancellationToken ct = default);
}

namespace CountyHealth.Pharmacy.Contracts;

public sealed record DrugInfo(Guid Id, string Code, string Name, string Specification, string DosageForm, string DoseUnit,
    decimal DoseUnitsPerBaseUnit, string BaseUnit, int BaseUnitsPerPack, string PackUnit, string DefaultRoute,
    string DefaultFrequency, decimal DefaultDose, decimal RetailPrice, bool NeedsSkinTest, int AvailablePacks);

/// <summary>The drug catalogue with the stock available at an institution's pharmacy.</summary>
public interface IDrugCatalogue
{
    Task<IReadOnlyList<DrugInfo>> SearchAsync(Guid institutionId, string query, int take, CancellationToken ct = default);

    Task<IReadOnlyDictionary<Guid, DrugInfo>> GetManyAsync(Guid institutionId, IEnumerable<Guid> drugIds, CancellationToken ct = default);
}

public sealed record DispenseLineRequest(Guid SourceItemId, Guid DrugId, int Quantity, string Usage);

public sealed record DispenseRequest(Guid PrescriptionId, string PrescriptionNumber, Guid VisitId, Guid ResidentId,
    Guid InstitutionId, string DoctorName, IReadOnlyList<DispenseLineRequest> Lines);

/// <summary>What the pharmacy must hand out: paid prescriptions enter, refunds take lines out.</summary>
public interface IDispensingQueue
{
    /// <summary>Queues a paid prescription for dispensing; the caller saves.</summary>
    Task EnqueueAsync(DispenseRequest request, CancellationToken ct = default);

    /// <summary>Source items (prescription items) that have been handed out and not returned.</summary>
    Task<IReadOnlySet<Guid>> DispensedItemsAsync(IEnumerable<Guid> sourceItemIds, CancellationToken ct = default);

    /// <summary>Withdraws undispensed lines (their charges were refunded); the caller saves.</summary>
    Task CancelLinesAsync(IEnumerable<Guid> sourceItemIds, CancellationToken ct = default);
}

/// <summary>Raised in the dispensing transaction when a prescription's items are handed out.</summary>
public sealed record PrescriptionDispensed(Guid PrescriptionId, IReadOnlyList<Guid> SourceItemIds, DateTime At);

/// <summary>Raised when dispensed items come back to the pharmacy (so they can be refunded).</summary>
public sealed record DispensedItemsReturned(Guid PrescriptionId, IReadOnlyList<Guid> SourceItemIds);

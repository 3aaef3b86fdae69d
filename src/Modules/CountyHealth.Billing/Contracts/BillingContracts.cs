namespace CountyHealth.Billing.Contracts;

public enum ChargeSource
{
    Registration = 1,
    PrescriptionItem = 2,
    OrderItem = 3,
}

/// <summary>A line to bill. GroupId ties the lines of one prescription or order together; SourceId is the item.</summary>
public sealed record ChargeLine(ChargeSource Source, Guid GroupId, Guid SourceId, string ItemCode, string Description, string Unit, decimal Quantity, decimal UnitPrice);

public sealed record VisitBilling(Guid VisitId, Guid ResidentId, Guid InstitutionId, Guid DepartmentId);

/// <summary>Charges raised by clinical modules. Paid charges are final: the source can no longer change.</summary>
public interface IChargeService
{
    /// <summary>Adds open charges and returns their ids; the caller saves.</summary>
    Task<IReadOnlyList<Guid>> AddAsync(VisitBilling visit, IEnumerable<ChargeLine> lines, CancellationToken ct = default);

    /// <summary>Removes the open charges of a group so it can be billed again; fails (false) when any charge of it is paid.</summary>
    Task<bool> RemoveOpenAsync(Guid groupId, CancellationToken ct = default);

    Task<bool> AnyPaidAsync(Guid groupId, CancellationToken ct = default);
}

public sealed record PriceItemInfo(Guid Id, string Code, string Name, string Unit, decimal Price, string Kind);

public interface IPriceCatalogue
{
    Task<IReadOnlyList<PriceItemInfo>> SearchAsync(string? kind, string? query, CancellationToken ct = default);

    Task<PriceItemInfo?> FindAsync(string code, CancellationToken ct = default);
}

public sealed record BilledItem(ChargeSource Source, Guid GroupId, Guid SourceId);

/// <summary>Raised in the payment's transaction.</summary>
public sealed record ChargesPaid(Guid VisitId, Guid PaymentId, IReadOnlyList<BilledItem> Items);

/// <summary>Raised in the refund's transaction.</summary>
public sealed record ChargesRefunded(Guid VisitId, Guid RefundId, IReadOnlyList<BilledItem> Items);

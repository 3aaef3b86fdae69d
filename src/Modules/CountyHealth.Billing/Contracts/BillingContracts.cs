using CountyHealth.Kernel.Amounts;

namespace CountyHealth.Billing.Contracts;

/// <summary>
/// A line to bill. <paramref name="Kind"/> is the calling module's name for what is billed (e.g.
/// "outpatient.prescription"); Billing keeps it and hands it back in its events, so any module may raise charges
/// without Billing knowing it. GroupId ties the lines of one document together; SourceId is the item.
/// </summary>
/// <summary>
/// A line to bill; <paramref name="Category"/> is its revenue category (<see cref="RevenueCategories"/>), by which the
/// revenue indicators (药占比 among them) are counted; <paramref name="InsuranceClass"/> the item's class in the insurance
/// catalogue, which settlement reads. An item nobody classed is 自费: the fund never pays for what it was not told of.
/// </summary>
public sealed record ChargeLine(string Kind, Guid GroupId, Guid SourceId, string ItemCode, string Description, string Unit, decimal Quantity, decimal UnitPrice,
    string Category = RevenueCategories.Other, InsuranceClass InsuranceClass = InsuranceClass.SelfPay);

/// <summary>The revenue categories of outpatient income (门诊收入), as the financial statements of a health centre split it.</summary>
public static class RevenueCategories
{
    public const string Registration = "registration";
    public const string Examination = "examination";
    public const string Lab = "lab";
    public const string Treatment = "treatment";
    public const string WesternDrug = "western_drug";
    public const string PatentDrug = "patent_drug";
    public const string Herbal = "herbal";
    public const string Other = "other";

    public static IReadOnlyDictionary<string, string> ChineseNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Registration] = "挂号费",
        [Examination] = "检查费",
        [Lab] = "化验费",
        [Treatment] = "治疗费",
        [WesternDrug] = "西药费",
        [PatentDrug] = "中成药费",
        [Herbal] = "中草药费",
        [Other] = "其他收入",
    };

    /// <summary>The category of a price item by its kind (Registration, Examination, Lab, Treatment).</summary>
    public static string OfPriceItemKind(string kind) => kind switch
    {
        "Registration" => Registration,
        "Examination" => Examination,
        "Lab" => Lab,
        "Treatment" => Treatment,
        _ => Other,
    };
}

/// <summary>Whom and where a charge is for: the encounter (an outpatient visit; later a ward stay), the resident, the institution and department.</summary>
public sealed record BillingEncounter(Guid EncounterId, Guid ResidentId, Guid InstitutionId, Guid DepartmentId);

/// <summary>Charges raised by clinical modules. Paid charges are final: the source can no longer change.</summary>
public interface IChargeService
{
    /// <summary>Adds open charges and returns their ids; the caller saves.</summary>
    Task<IReadOnlyList<Guid>> AddAsync(BillingEncounter encounter, IEnumerable<ChargeLine> lines, CancellationToken ct = default);

    /// <summary>Removes the open charges of a group so it can be billed again; fails (false) when any charge of it is paid or settled with insurance.</summary>
    Task<bool> RemoveOpenAsync(Guid groupId, CancellationToken ct = default);

    /// <summary>Whether an open charge of the group is held by an insurance settlement (reversed at the till before it can change).</summary>
    Task<bool> AnySettledAsync(Guid groupId, CancellationToken ct = default);

    Task<bool> AnyPaidAsync(Guid groupId, CancellationToken ct = default);
}

public sealed record PriceItemInfo(Guid Id, string Code, string Name, string Unit, decimal Price, string Kind, InsuranceClass InsuranceClass);

public interface IPriceCatalogue
{
    Task<IReadOnlyList<PriceItemInfo>> SearchAsync(string? kind, string? query, CancellationToken ct = default);

    Task<PriceItemInfo?> FindAsync(string code, CancellationToken ct = default);
}

/// <summary>A billed item as the module that raised it named it.</summary>
public sealed record BilledItem(string Kind, Guid GroupId, Guid SourceId);

/// <summary>Raised in the payment's transaction; each module acts on the kinds it raised.</summary>
public sealed record ChargesPaid(Guid EncounterId, Guid PaymentId, IReadOnlyList<BilledItem> Items);

/// <summary>Raised in the refund's transaction; each module acts on the kinds it raised.</summary>
public sealed record ChargesRefunded(Guid EncounterId, Guid RefundId, IReadOnlyList<BilledItem> Items);

/// <summary>Why an item cannot be refunded yet, e.g. "已发药，须先到药房退药才能退费".</summary>
public sealed record RefundObjection(Guid SourceId, string Reason);

/// <summary>
/// Asked before a refund: the module that raised an item says which of its items cannot be taken back in their present
/// state (a dispensed drug must first come back to the pharmacy). Modules implement it for the kinds they raise.
/// </summary>
public interface IRefundCheck
{
    Task<IReadOnlyList<RefundObjection>> ObjectionsAsync(IReadOnlyList<BilledItem> items, CancellationToken ct);
}

/// <summary>How the cashier's list names an encounter: its printed number (就诊号), department and doctor.</summary>
public sealed record EncounterLabel(string Number, string DepartmentName, string? DoctorName);

/// <summary>Implemented by the modules that own encounters (outpatient visits; later ward stays), for the cashier's list.</summary>
public interface IEncounterLabels
{
    Task<IReadOnlyDictionary<Guid, EncounterLabel>> LabelsAsync(IReadOnlyCollection<Guid> encounterIds, CancellationToken ct);
}

public static class EncounterLabelSources
{
    /// <summary>The labels every owning module gives for the encounters (the first module that knows one names it).</summary>
    public static async Task<IReadOnlyDictionary<Guid, EncounterLabel>> LabelsAsync(this IEnumerable<IEncounterLabels> sources, IReadOnlyCollection<Guid> encounterIds, CancellationToken ct)
    {
        var labels = new Dictionary<Guid, EncounterLabel>();
        foreach (var source in sources)
        {
            foreach (var (id, label) in await source.LabelsAsync(encounterIds, ct))
            {
                labels.TryAdd(id, label);
            }
        }
        return labels;
    }
}

using System.Text.Json;

namespace CountyHealth.Indicators.Domain;

/// <summary>Where a monthly aggregate report stands: 草稿 → 待审核 → 已审核, or 已退回 to be corrected.</summary>
public enum ReportStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Returned = 4,
}

/// <summary>
/// One institution's aggregate form for one month: the values typed (a form's field keys to numbers), who filled,
/// submitted and reviewed it, and why it was returned. Only approved values count in the figures.
/// </summary>
internal sealed class AggregateReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string FormCode { get; set; } = "";
    public Guid InstitutionId { get; set; }

    /// <summary>The China month reported (yyyyMM).</summary>
    public int Month { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Draft;

    /// <summary>The values as JSON (field key → number); a field not yet filled is absent.</summary>
    public string ValuesJson { get; set; } = "{}";

    /// <summary>The institution's explanation of figures flagged as unusual.</summary>
    public string? Explanation { get; set; }

    public string EnteredBy { get; set; } = "";
    public DateTime EnteredAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReturnReason { get; set; }
    public int Version { get; set; }

    public IReadOnlyDictionary<string, decimal> Values
    {
        get => JsonSerializer.Deserialize<Dictionary<string, decimal>>(ValuesJson) ?? [];
        set => ValuesJson = JsonSerializer.Serialize(value.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary());
    }

    public static string StatusName(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "待审核",
        ReportStatus.Approved => "已审核",
        _ => "已退回",
    };
}

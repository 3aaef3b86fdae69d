namespace CountyHealth.Indicators.Domain;

/// <summary>
/// A stored monthly figure (the pre-aggregated table): one measure of one institution and month, its total (empty
/// dimension) or one part. Rewritten whole per source, institution and month by the refresher or a rebuild; never edited.
/// </summary>
internal sealed class FactValue
{
    public string Source { get; set; } = "";
    public Guid InstitutionId { get; set; }
    public int Month { get; set; }
    public string Measure { get; set; } = "";
    public string Dimension { get; set; } = "";
    public decimal Value { get; set; }
}

namespace CountyHealth.Platform.Domain;

/// <summary>
/// An administrator's correction of a reference table: the whole text as saved, never changed afterwards. Version 1 is
/// the text shipped with the release and is not stored; the newest stored version is the table in force.
/// </summary>
internal sealed class ReferenceTableVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string TableKey { get; set; } = "";
    public int Version { get; set; }
    public string Text { get; set; } = "";
    public string Reason { get; set; } = "";
    public string? SavedByUserId { get; set; }
    public string SavedByName { get; set; } = "";
    public DateTime SavedAt { get; set; }
}

using CountyHealth.Kernel.Auditing;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.Residents.Domain;

/// <summary>One person in the county's master patient index.</summary>
internal sealed class Resident : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    /// <summary>Pinyin initials of the name, upper case, for search (张三 → ZS).</summary>
    public string Pinyin { get; set; } = "";
    public Sex Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? Ethnicity { get; set; }
    public Guid ManagingInstitutionId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => Id;
}

/// <summary>The resident is known at an institution (managed there or seen there): users of that institution and above may see her.</summary>
internal sealed class ResidentInstitution
{
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public DateTime Since { get; set; }
}

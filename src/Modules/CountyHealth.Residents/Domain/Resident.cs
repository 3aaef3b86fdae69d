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
    private string? idNumber;
    private string? phone;

    public string? IdNumber
    {
        get => idNumber;
        set => (idNumber, IdNumberReversed) = (value, Reversed(value));
    }

    public string? Phone
    {
        get => phone;
        set => (phone, PhoneReversed) = (value, Reversed(value));
    }

    /// <summary>The ID number backwards, indexed: "ID ending in 02X" becomes a prefix range (the cashier's 身份证后几位).</summary>
    public string? IdNumberReversed { get; private set; }

    /// <summary>The phone number backwards, indexed, for 手机尾号 search.</summary>
    public string? PhoneReversed { get; private set; }
    public string? Address { get; set; }
    public string? Ethnicity { get; set; }
    public Guid ManagingInstitutionId { get; set; }
    public Guid? HouseholdId { get; set; }

    /// <summary>Relation to the head of the household (<see cref="HouseholdRelations"/>), when the resident belongs to one.</summary>
    public string? RelationToHead { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => Id;

    internal static string? Reversed(string? s)
    {
        if (s is null)
        {
            return null;
        }
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}

/// <summary>The resident is known at an institution (managed there or seen there): users of that institution and above may see her.</summary>
internal sealed class ResidentInstitution
{
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public DateTime Since { get; set; }
}

/// <summary>A correction of a resident's identity, with the values it replaced: identity is never silently rewritten.</summary>
internal sealed class ResidentIdentityChange : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public DateTime ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
    public Guid InstitutionId { get; set; }
    public string Reason { get; set; } = "";
    public string OldName { get; set; } = "";
    public Sex OldSex { get; set; }
    public DateOnly OldBirthDate { get; set; }
    public string? OldIdNumber { get; set; }
    public string NewName { get; set; } = "";
    public Sex NewSex { get; set; }
    public DateOnly NewBirthDate { get; set; }
    public string? NewIdNumber { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Contracts;

namespace CountyHealth.Platform.Domain;

/// <summary>A node of the county's institution tree: bureau → hospitals, CDC, township centres → village clinics.</summary>
internal sealed class Institution
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public InstitutionKind Kind { get; set; }
    public Guid? ParentId { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }

    /// <summary>A traditional Chinese medicine institution (中医医疗机构): insurance policies may favour it (a lower 起付线).</summary>
    public bool IsTcm { get; set; }
    public bool IsActive { get; set; } = true;
}

internal sealed class Department
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public string Name { get; set; } = "";
    public bool IsClinical { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>A member of staff; may or may not have a sign-in account.</summary>
internal sealed class Staff
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid? DepartmentId { get; set; }
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>One ICD-10 entry of the diagnosis dictionary, with its search columns (the name's and its aliases').</summary>
internal sealed class Icd10Entry : ISearchableRow
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Pinyin { get; set; } = "";
    public string SearchKey { get; set; } = "";
    public string SearchText { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

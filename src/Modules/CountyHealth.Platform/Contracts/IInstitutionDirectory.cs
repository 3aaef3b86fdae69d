namespace CountyHealth.Platform.Contracts;

public sealed record InstitutionInfo(Guid Id, string Code, string Name, InstitutionKind Kind, Guid? ParentId);

public sealed record DepartmentInfo(Guid Id, Guid InstitutionId, string Name);

public sealed record StaffInfo(Guid Id, Guid InstitutionId, Guid? DepartmentId, string Name, string? Title);

/// <summary>The institution tree and its people, for other modules.</summary>
public interface IInstitutionDirectory
{
    /// <summary>The institution and every institution below it.</summary>
    Task<IReadOnlyCollection<Guid>> SubtreeAsync(Guid institutionId, CancellationToken ct = default);

    Task<InstitutionInfo?> FindAsync(Guid institutionId, CancellationToken ct = default);

    Task<DepartmentInfo?> FindDepartmentAsync(Guid departmentId, CancellationToken ct = default);

    Task<StaffInfo?> FindStaffAsync(Guid staffId, CancellationToken ct = default);

    Task<IReadOnlyList<DepartmentInfo>> DepartmentsAsync(Guid institutionId, bool clinicalOnly, CancellationToken ct = default);

    /// <summary>Active staff of an institution whose account holds the role.</summary>
    Task<IReadOnlyList<StaffInfo>> StaffInRoleAsync(Guid institutionId, string role, CancellationToken ct = default);
}

/// <summary>The institutions whose records the signed-in user may see: her own and those below it.</summary>
public interface IAccessScope
{
    Task<IReadOnlyCollection<Guid>> VisibleInstitutionsAsync(CancellationToken ct = default);

    Task<bool> CanSeeInstitutionAsync(Guid institutionId, CancellationToken ct = default);

    /// <summary>True for users of the root of the tree (the bureau), whose scope is every institution.</summary>
    Task<bool> SeesEverythingAsync(CancellationToken ct = default);
}

/// <summary>Looks up ICD-10 diagnoses by code, Chinese name or pinyin initials.</summary>
public interface IDiagnosisDictionary
{
    Task<IReadOnlyList<DiagnosisCode>> SearchAsync(string query, int take, CancellationToken ct = default);

    Task<DiagnosisCode?> FindAsync(string code, CancellationToken ct = default);
}

public sealed record DiagnosisCode(string Code, string Name, string Pinyin);

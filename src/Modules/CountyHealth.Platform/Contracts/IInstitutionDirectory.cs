namespace CountyHealth.Platform.Contracts;

/// <summary>An institution; <paramref name="IsTcm"/> marks a traditional Chinese medicine institution (中医医疗机构).</summary>
public sealed record InstitutionInfo(Guid Id, string Code, string Name, InstitutionKind Kind, Guid? ParentId, string? Address, bool IsTcm = false);

public sealed record DepartmentInfo(Guid Id, Guid InstitutionId, string Name);

public sealed record StaffInfo(Guid Id, Guid InstitutionId, Guid? DepartmentId, string Name, string? Title);

/// <summary>
/// The institution tree, departments and staff, for other modules. The tree is small (hundreds of rows) and read on
/// nearly every request, so it is held in memory and refreshed when an administrator changes it.
/// </summary>
public interface IInstitutionDirectory
{
    /// <summary>The institution and every institution below it.</summary>
    Task<IReadOnlyCollection<Guid>> SubtreeAsync(Guid institutionId, CancellationToken ct = default);

    Task<InstitutionInfo?> FindAsync(Guid institutionId, CancellationToken ct = default);

    /// <summary>Every institution, ordered by code (the order of the tree: each township's clinics follow its centre).</summary>
    Task<IReadOnlyList<InstitutionInfo>> ListAsync(CancellationToken ct = default);

    Task<DepartmentInfo?> FindDepartmentAsync(Guid departmentId, CancellationToken ct = default);

    Task<StaffInfo?> FindStaffAsync(Guid staffId, CancellationToken ct = default);

    Task<IReadOnlyList<DepartmentInfo>> DepartmentsAsync(Guid institutionId, bool clinicalOnly, CancellationToken ct = default);

    /// <summary>Active staff of an institution whose account holds the role.</summary>
    Task<IReadOnlyList<StaffInfo>> StaffInRoleAsync(Guid institutionId, string role, CancellationToken ct = default);
}

/// <summary>Looks up ICD-10 diagnoses by code, Chinese name or pinyin initials.</summary>
public interface IDiagnosisDictionary
{
    Task<IReadOnlyList<DiagnosisCode>> SearchAsync(string query, int take, CancellationToken ct = default);

    Task<DiagnosisCode?> FindAsync(string code, CancellationToken ct = default);
}

public sealed record DiagnosisCode(string Code, string Name, string Pinyin);

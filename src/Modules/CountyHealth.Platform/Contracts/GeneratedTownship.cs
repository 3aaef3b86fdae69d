namespace CountyHealth.Platform.Contracts;

/// <summary>A clinic of a generated township: its outpatient department and its doctor.</summary>
public sealed record GeneratedClinic(Guid InstitutionId, string Code, string InstitutionName, Guid DepartmentId, Guid DoctorStaffId, string DoctorName);

/// <summary>
/// What the Platform's part of the synthetic county leaves for the parts after it: the township's name, its health
/// centre and its village clinics (in the order they were made), each with a clinical department and a doctor.
/// </summary>
public sealed record GeneratedTownship(string Name, GeneratedClinic Centre, IReadOnlyList<GeneratedClinic> Villages, string RegionCode)
{
    public GeneratedClinic Clinic(Guid institutionId) => institutionId == Centre.InstitutionId ? Centre : Villages.First(v => v.InstitutionId == institutionId);
}

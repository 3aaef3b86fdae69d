namespace CountyHealth.Kernel.Auditing;

/// <summary>Who is acting, taken from the signed-in principal (or the system for seeding and jobs).</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string UserName { get; }
    string FullName { get; }
    Guid? InstitutionId { get; }
    Guid? StaffId { get; }
    string? IpAddress { get; }
    bool IsInRole(string role);
}

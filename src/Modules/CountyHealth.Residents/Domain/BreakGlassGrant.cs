using CountyHealth.Kernel.Auditing;

namespace CountyHealth.Residents.Domain;

/// <summary>
/// A break-glass access: one user may open one resident's records beyond her reach, for the reason she gave, until
/// <see cref="ExpiresAt"/>. Kept for ever; the directors of the institutions that know the resident see the list.
/// </summary>
internal sealed class BreakGlassGrant : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string FullName { get; set; } = "";
    /// <summary>The institution of the user who broke the glass.</summary>
    public Guid InstitutionId { get; set; }
    public string Reason { get; set; } = "";
    public DateTime GrantedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

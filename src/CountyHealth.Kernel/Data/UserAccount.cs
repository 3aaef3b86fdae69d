using Microsoft.AspNetCore.Identity;

namespace CountyHealth.Kernel.Data;

/// <summary>A sign-in account. Every account belongs to one institution; what it sees is scoped to that institution's subtree.</summary>
public sealed class UserAccount : IdentityUser
{
    public Guid InstitutionId { get; set; }
    public Guid? StaffId { get; set; }
    public string FullName { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

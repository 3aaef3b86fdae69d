using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CountyHealth.Kernel.Security;

/// <summary>Who is acting, taken from the signed-in principal (or the system, for seeding and jobs).</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string UserName { get; }
    string FullName { get; }
    Guid? InstitutionId { get; }
    Guid? StaffId { get; }
    string? IpAddress { get; }
    /// <summary>The user's role codes (a staff member may hold several).</summary>
    IReadOnlyList<string> Roles { get; }
    /// <summary>The sign-in session the request belongs to (null for the system).</summary>
    Guid? SessionId { get; }
    bool IsInRole(string role);
}

/// <summary>Claim types CountyHealth puts into the cookie and the bearer token.</summary>
public static class CountyClaims
{
    public const string Institution = "ch:institution";
    public const string Staff = "ch:staff";
    public const string FullName = "ch:fullname";
    public const string Session = "ch:session";
}

/// <summary>
/// The acting user: the request's principal for the API; for a screen, the circuit's principal, handed over by
/// <see cref="Ui.UiHandler{THandler}"/> when it opens the scope a use case runs in. Claims are read once per scope.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal? principal;
    private string? ip;
    private Snapshot? snapshot;

    public void Use(ClaimsPrincipal user, string? ipAddress)
    {
        principal = user;
        ip = ipAddress;
        snapshot = null;
    }

    private ClaimsPrincipal? Principal => principal ?? http.HttpContext?.User;

    private Snapshot Claims => snapshot ??= Snapshot.Of(Principal);

    public string? UserId => Claims.UserId;
    public string UserName => Claims.UserName;
    public string FullName => Claims.FullName;
    public Guid? InstitutionId => Claims.InstitutionId;
    public Guid? StaffId => Claims.StaffId;
    public string? IpAddress => ip ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();
    public IReadOnlyList<string> Roles => Claims.Roles;
    public Guid? SessionId => Claims.SessionId;
    public bool IsInRole(string role) => Claims.Roles.Contains(role);

    private sealed record Snapshot(string? UserId, string UserName, string FullName, Guid? InstitutionId, Guid? StaffId, IReadOnlyList<string> Roles, Guid? SessionId)
    {
        public static Snapshot Of(ClaimsPrincipal? p)
        {
            var signedIn = p?.Identity?.IsAuthenticated == true;
            var userName = signedIn ? p!.Identity!.Name ?? "" : "system";
            return new(p?.FindFirstValue(ClaimTypes.NameIdentifier), userName, p?.FindFirstValue(CountyClaims.FullName) ?? userName,
                Guid.TryParse(p?.FindFirstValue(CountyClaims.Institution), out var i) ? i : null,
                Guid.TryParse(p?.FindFirstValue(CountyClaims.Staff), out var s) ? s : null,
                signedIn ? p!.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray() : [],
                Guid.TryParse(p?.FindFirstValue(CountyClaims.Session), out var session) ? session : null);
        }
    }
}

/// <summary>The system itself (seeding, jobs, the generator): no principal.</summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();

    public string? UserId => null;
    public string UserName => "system";
    public string FullName => "system";
    public Guid? InstitutionId => null;
    public Guid? StaffId => null;
    public string? IpAddress => null;
    public IReadOnlyList<string> Roles => [];
    public Guid? SessionId => null;
    public bool IsInRole(string role) => false;
}

using System.Security.Claims;

namespace CountyHealth.Kernel.Security;

/// <summary>
/// Whether a signed-in principal's session still lives. Every request (and every screen action) asks before it is
/// served, so that logging out, a lockout, a password or role change or deactivation take effect at once, not when a
/// token or cookie expires.
/// </summary>
public interface ISignInSessions
{
    /// <summary>True while the session the principal names lives; a principal that names no session is not served.</summary>
    ValueTask<bool> IsLiveAsync(ClaimsPrincipal user, CancellationToken ct = default);
}

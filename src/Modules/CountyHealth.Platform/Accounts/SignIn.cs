using System.Collections.Concurrent;
using System.Security.Claims;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Domain;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CountyHealth.Platform.Accounts;

public sealed record SignInRequest(string UserName, string Password);

public sealed record RefreshRequest([Text(4096)] string RefreshToken);

/// <summary>What the sign-in page may say: a code in its address chooses one of these, never text from the address.</summary>
public static class SignInMessages
{
    public const string Wrong = "用户名或密码错误";
    public const string Locked = "密码连续错误次数过多，账户已锁定15分钟，请稍后再试或联系系统管理员";
    public const string Expired = "登录已失效（已退出、超时或账户变更），请重新登录";
    public const string Form = "登录页面已过期，请重新输入";
    public const string Changed = "密码已修改，请用新密码重新登录";

    public static string? Of(string? code) => code switch
    {
        "wrong" => Wrong,
        "locked" => Locked,
        "expired" => Expired,
        "form" => Form,
        "changed" => Changed,
        _ => null,
    };
}

/// <summary>The API's sign-in: an access token (minutes) and a refresh token for a user name and password.</summary>
internal sealed class IssueToken(PasswordCheck passwords) : IUseCase
{
    public async Task<Results<SignInHttpResult, ProblemHttpResult>> HandleAsync(SignInRequest request, CancellationToken ct)
    {
        var (principal, error) = await passwords.CheckAsync(request.UserName, request.Password, SessionKind.Token, ct);
        return principal is null
            ? TypedResults.Problem(title: SignInMessages.Of(error), detail: SignInMessages.Of(error), statusCode: StatusCodes.Status401Unauthorized)
            : TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }
}

/// <summary>
/// A new token pair for a refresh token. Each refresh token is good once: its session moves on, and the same token
/// presented again ends the session (whoever holds a copy is locked out with the owner, who signs in again).
/// </summary>
internal sealed class RefreshToken(IOptionsMonitor<BearerTokenOptions> bearer, SignInSessions sessions, PasswordCheck passwords, TimeProvider clock) : IUseCase
{
    public async Task<Results<SignInHttpResult, ProblemHttpResult>> HandleAsync(RefreshRequest request, CancellationToken ct)
    {
        var ticket = string.IsNullOrEmpty(request.RefreshToken) || request.RefreshToken.Length > 4096
            ? null
            : bearer.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires < clock.GetUtcNow()
            || SignInSessions.SessionOf(ticket.Principal) is not { } session
            || !int.TryParse(ticket.Principal.FindFirstValue(PasswordCheck.GenerationClaim), out var generation))
        {
            return Expired();
        }
        var outcome = await sessions.RefreshAsync(session, generation, ct);
        if (outcome.Result != RefreshResult.Refreshed || await passwords.PrincipalAsync(outcome.UserId!, session, outcome.Generation, SessionKind.Token) is not { } principal)
        {
            return Expired();
        }
        return TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static ProblemHttpResult Expired() =>
        TypedResults.Problem(title: SignInMessages.Expired, detail: SignInMessages.Expired, statusCode: StatusCodes.Status401Unauthorized);
}

/// <summary>The API's sign-out: the token's session ends, and with it the access and refresh tokens.</summary>
internal sealed class EndTokenSession(ICurrentUser user, SignInSessions sessions, AuditLog audit) : IUseCase
{
    public async Task<NoContent> HandleAsync(CancellationToken ct)
    {
        if (user.SessionId is { } session)
        {
            await sessions.EndAsync(session, "退出登录", ct);
            await audit.RecordAsync(AuditActions.SignOut, nameof(UserAccount), user.UserId, detail: "令牌");
        }
        return TypedResults.NoContent();
    }
}

/// <summary>The browser's sign-in: a form post (with its antiforgery token) that sets the cookie and goes back where the user was.</summary>
internal sealed class FormSignIn(PasswordCheck passwords, IAntiforgery antiforgery) : IUseCase
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var returnUrl = LocalUrl.OrHome(form["returnUrl"].ToString());
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Redirect(LoginUrl("form", returnUrl));
        }
        var (principal, error) = await passwords.CheckAsync(form["userName"].ToString(), form["password"].ToString(), SessionKind.Cookie, context.RequestAborted);
        if (principal is null)
        {
            return Results.Redirect(LoginUrl(error!, returnUrl));
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.Redirect(returnUrl);
    }

    public static string LoginUrl(string error, string returnUrl) => $"/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}";
}

/// <summary>The browser's sign-out: the session ends (a copy of the cookie is worthless), the cookie goes, the sign-in page comes.</summary>
internal sealed class SignOut(SignInSessions sessions, IAntiforgery antiforgery, AuditLog audit) : IUseCase
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            // Not from our page: a cross-site form cannot sign a user out.
            return Results.Redirect("/");
        }
        if (SignInSessions.SessionOf(context.User) is { } session)
        {
            await sessions.EndAsync(session, "退出登录", context.RequestAborted);
            await audit.RecordAsync(AuditActions.SignOut, nameof(UserAccount), context.User.FindFirstValue(ClaimTypes.NameIdentifier), detail: "浏览器");
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/login");
    }
}

/// <summary>
/// Checks a password with lockout, audits the attempt, opens a session and builds the principal (roles, institution,
/// session). An unknown or deactivated name costs the same work and gets the same answers as a real one, lockout
/// included, so that neither the message nor the time tells whether an account exists.
/// </summary>
internal sealed class PasswordCheck(SignInManager<UserAccount> signInManager, SignInSessions sessions, DecoyPasswords decoys, AuditLog audit, ICurrentUser current)
{
    public const string GenerationClaim = "ch:gen";

    /// <summary>The principal, or null and the code of the message to show (<see cref="SignInMessages.Of"/>).</summary>
    public async Task<(ClaimsPrincipal? Principal, string? Error)> CheckAsync(string userName, string password, SessionKind kind, CancellationToken ct)
    {
        var name = (userName ?? "").Trim();
        var users = signInManager.UserManager;
        var user = name.Length is 0 or > 64 ? null : await users.FindByNameAsync(name);
        if (user is null || !user.IsActive)
        {
            decoys.Verify(users.PasswordHasher, password);
            var locked = decoys.Fail(name);
            await audit.RecordAsync(AuditActions.SignInFailed, nameof(UserAccount), null, detail: $"用户名 {(name.Length > 64 ? name[..64] : name)}");
            return (null, locked ? "locked" : "wrong");
        }
        if (await users.IsLockedOutAsync(user))
        {
            decoys.Verify(users.PasswordHasher, password);
            await audit.SignInAsync(AuditActions.SignInFailed, user, "账户已锁定");
            return (null, "locked");
        }
        var result = await signInManager.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.SignInAsync(AuditActions.SignInFailed, user, "密码连续错误，账户锁定");
            await sessions.EndAllAsync(user.Id, "密码连续错误，账户锁定", ct);
            return (null, "locked");
        }
        if (!result.Succeeded)
        {
            await audit.SignInAsync(AuditActions.SignInFailed, user, "密码错误");
            return (null, "wrong");
        }
        var session = await sessions.StartAsync(user, kind, current.IpAddress, ct);
        await audit.SignInAsync(AuditActions.SignIn, user, kind == SessionKind.Cookie ? "浏览器" : "令牌");
        return (await BuildAsync(user, session, 0, kind), null);
    }

    /// <summary>The principal of a session refreshed: the account as it is now (null if it may no longer sign in).</summary>
    public async Task<ClaimsPrincipal?> PrincipalAsync(string userId, Guid session, int generation, SessionKind kind)
    {
        var user = await signInManager.UserManager.FindByIdAsync(userId);
        return user is null || !user.IsActive || await signInManager.UserManager.IsLockedOutAsync(user) ? null : await BuildAsync(user, session, generation, kind);
    }

    private async Task<ClaimsPrincipal> BuildAsync(UserAccount user, Guid session, int generation, SessionKind kind)
    {
        var roles = await signInManager.UserManager.GetRolesAsync(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName!),
            new(CountyClaims.FullName, user.FullName),
            new(CountyClaims.Institution, user.InstitutionId.ToString()),
            new(CountyClaims.Session, session.ToString()),
            new(GenerationClaim, generation.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (user.StaffId is { } staff)
        {
            claims.Add(new Claim(CountyClaims.Staff, staff.ToString()));
        }
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var scheme = kind == SessionKind.Cookie ? CookieAuthenticationDefaults.AuthenticationScheme : BearerTokenDefaults.AuthenticationScheme;
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}

/// <summary>
/// What a sign-in with an unknown name goes through instead of a real account: one password hash verified (the time a
/// real check takes) and the same count of failures to a lockout.
/// </summary>
internal sealed class DecoyPasswords(TimeProvider clock, IOptions<IdentityOptions> identity)
{
    // The lockout real accounts have, read from the one place it is configured.
    private readonly int maxFailures = identity.Value.Lockout.MaxFailedAccessAttempts;
    private readonly TimeSpan window = identity.Value.Lockout.DefaultLockoutTimeSpan;
    private readonly UserAccount decoy = new() { UserName = "decoy" };
    private readonly ConcurrentDictionary<string, (int Count, DateTime Since)> failures = new(StringComparer.OrdinalIgnoreCase);
    private string? hash;

    /// <summary>Verifies the password against a hash no password matches, with the hasher real accounts use.</summary>
    public void Verify(IPasswordHasher<UserAccount> hasher, string? password)
    {
        hash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(decoy, hash, password ?? "");
    }

    /// <summary>Counts a failure for an unknown name; true once it has failed as often as locks a real account.</summary>
    public bool Fail(string name)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (failures.Count > 10_000)
        {
            failures.Clear();
        }
        var f = failures.AddOrUpdate(name, _ => (1, now), (_, old) => now - old.Since > window ? (1, now) : (old.Count + 1, old.Since));
        return f.Count >= maxFailures;
    }
}

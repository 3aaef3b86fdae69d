using System.Security.Claims;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CountyHealth.Platform.Accounts;

public sealed record SignInRequest(string UserName, string Password);

/// <summary>The API's sign-in: a bearer token for a user name and password.</summary>
internal sealed class IssueToken(PasswordCheck passwords) : IUseCase
{
    public async Task<Results<SignInHttpResult, ProblemHttpResult>> HandleAsync(SignInRequest request)
    {
        var (principal, error) = await passwords.CheckAsync(request.UserName, request.Password, BearerTokenDefaults.AuthenticationScheme);
        return principal is null
            ? TypedResults.Problem(title: error, detail: error, statusCode: StatusCodes.Status401Unauthorized)
            : TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }
}

/// <summary>The browser's sign-in: a form post that sets the cookie (Blazor's interactive circuit cannot) and redirects.</summary>
internal sealed class FormSignIn(PasswordCheck passwords) : IUseCase
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal))
        {
            returnUrl = "/";
        }
        var (principal, error) = await passwords.CheckAsync(form["userName"].ToString(), form["password"].ToString(), CookieAuthenticationDefaults.AuthenticationScheme);
        if (principal is null)
        {
            return Results.Redirect($"/login?error={Uri.EscapeDataString(error!)}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.Redirect(returnUrl);
    }
}

/// <summary>The browser's sign-out: the cookie goes, and the sign-in page comes.</summary>
internal sealed class SignOut : IUseCase
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/login");
    }
}

/// <summary>Checks a password with lockout, audits the attempt and builds the principal with role and institution claims.</summary>
internal sealed class PasswordCheck(SignInManager<UserAccount> signInManager, AuditLog audit)
{
    private const string Wrong = "用户名或密码错误";

    public async Task<(ClaimsPrincipal? Principal, string? Error)> CheckAsync(string userName, string password, string scheme)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await signInManager.UserManager.FindByNameAsync(userName.Trim());
        if (user is null || !user.IsActive)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, nameof(UserAccount), null, detail: $"用户名 {userName}");
            return (null, Wrong);
        }
        var result = await signInManager.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, nameof(UserAccount), user.Id, detail: "账户已锁定");
            return (null, "密码连续错误次数过多，账户已锁定15分钟");
        }
        if (!result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, nameof(UserAccount), user.Id, detail: "密码错误");
            return (null, Wrong);
        }
        var roles = await signInManager.UserManager.GetRolesAsync(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName!),
            new(CountyClaims.FullName, user.FullName),
            new(CountyClaims.Institution, user.InstitutionId.ToString()),
        };
        if (user.StaffId is { } staff)
        {
            claims.Add(new Claim(CountyClaims.Staff, staff.ToString()));
        }
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
        await audit.RecordAsync(AuditActions.SignIn, nameof(UserAccount), user.Id, detail: scheme);
        return (principal, null);
    }
}

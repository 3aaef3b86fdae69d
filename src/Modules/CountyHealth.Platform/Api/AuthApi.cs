using System.Security.Claims;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Platform.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace CountyHealth.Platform.Api;

public sealed record SignInRequest(string UserName, string Password);

internal static class AuthApi
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("登录");
        api.MapPost("/token", IssueToken).AllowAnonymous()
            .WithName("IssueToken").WithSummary("用户名和密码换取访问令牌（Bearer）");

        // The browser signs in with a form post: Blazor's interactive circuit cannot set cookies.
        app.MapPost("/account/login", FormSignIn).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/account/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> IssueToken(
        SignInRequest request, AccountSignIn signIn)
    {
        var (principal, error) = await signIn.CheckAsync(request.UserName, request.Password, BearerTokenDefaults.AuthenticationScheme);
        return principal is null
            ? TypedResults.Problem(title: error, detail: error, statusCode: StatusCodes.Status401Unauthorized)
            : TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> FormSignIn(HttpContext ctx, AccountSignIn signIn)
    {
        var form = await ctx.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal))
        {
            returnUrl = "/";
        }
        var (principal, error) = await signIn.CheckAsync(form["userName"].ToString(), form["password"].ToString(), CookieAuthenticationDefaults.AuthenticationScheme);
        if (principal is null)
        {
            return Results.Redirect($"/login?error={Uri.EscapeDataString(error!)}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.Redirect(returnUrl);
    }
}

/// <summary>Checks a password with lockout, audits the attempt and builds the principal with role and institution claims.</summary>
internal sealed class AccountSignIn(SignInManager<UserAccount> signInManager, AuditLog audit)
{
    public async Task<(ClaimsPrincipal? Principal, string? Error)> CheckAsync(string userName, string password, string scheme)
    {
        const string wrong = "用户名或密码错误";
        var user = string.IsNullOrWhiteSpace(userName) ? null : await signInManager.UserManager.FindByNameAsync(userName.Trim());
        if (user is null || !user.IsActive)
        {
            await audit.WriteAsync(AuditActions.SignInFailed, "UserAccount", null, detail: $"用户名 {userName}");
            return (null, wrong);
        }
        var result = await signInManager.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.SignInFailed, "UserAccount", user.Id, detail: "账户已锁定");
            return (null, "密码连续错误次数过多，账户已锁定15分钟");
        }
        if (!result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignInFailed, "UserAccount", user.Id, detail: "密码错误");
            return (null, wrong);
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
        await audit.WriteAsync(AuditActions.SignIn, "UserAccount", user.Id, detail: scheme);
        return (principal, null);
    }
}

using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Security;
using CountyHealth.Platform.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CountyHealth.Server.Hosting;

/// <summary>
/// Cookie for the browser, bearer tokens for the API, one policy scheme choosing between them; Identity for passwords
/// and lockout. Every cookie and token names a sign-in session that is checked on every request.
/// </summary>
internal static class AuthSetup
{
    private const string Smart = "CookieOrBearer";

    /// <summary>An access token lives minutes; its refresh token (used once) keeps a client signed in through the day.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddCountyHealthAuth(this IServiceCollection services)
    {
        services.AddIdentityCore<UserAccount>(o =>
            {
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddSignInManager()
            .AddEntityFrameworkStores<CountyHealthDb>();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/denied";
                o.Cookie.Name = "countyhealth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                // The API answers 401/403, it does not redirect to a page.
                o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(BearerTokenDefaults.AuthenticationScheme, o =>
            {
                o.BearerTokenExpiration = AccessTokenLifetime;
                o.RefreshTokenExpiration = TimeSpan.FromHours(12);
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "countyhealth.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        // A screen left open learns within half a minute that its session ended (logout elsewhere, lockout, role change).
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        return services;
    }

    /// <summary>
    /// After authentication: a principal whose session has ended is served as anonymous (its cookie is dropped); a
    /// cookie reaching the API must come with the antiforgery token of this site's pages for anything but reading.
    /// </summary>
    public static IApplicationBuilder UseSignInSessions(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity?.IsAuthenticated == true)
        {
            var byCookie = ctx.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme;
            if (!await ctx.RequestServices.GetRequiredService<ISignInSessions>().IsLiveAsync(ctx.User, ctx.RequestAborted))
            {
                if (byCookie)
                {
                    await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
                ctx.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            }
            else if (byCookie && ctx.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method)
                     && !await ctx.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(ctx))
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                await ctx.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "拒绝跨站请求：接口须使用访问令牌（Bearer），或随请求附带本站页面的防伪令牌",
                }, options: null, contentType: "application/problem+json");
                return;
            }
        }
        await next(ctx);
    });

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Re-checks a live screen's session every half minute; an ended one signs the screen out.</summary>
internal sealed class SessionRevalidation(ILoggerFactory logs, ISignInSessions sessions) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.Identity?.IsAuthenticated != true || await sessions.IsLiveAsync(authenticationState.User, cancellationToken);
}

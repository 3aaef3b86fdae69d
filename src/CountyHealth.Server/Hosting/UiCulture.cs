using System.Globalization;
using CountyHealth.Kernel.Web;
using Microsoft.AspNetCore.Localization;

namespace CountyHealth.Server.Hosting;

/// <summary>Chinese by default; English when the user picks it (a cookie).</summary>
internal static class UiCulture
{
    public static readonly RequestLocalizationOptions Options = new RequestLocalizationOptions()
        .SetDefaultCulture("zh-CN")
        .AddSupportedCultures("zh-CN", "en")
        .AddSupportedUICultures("zh-CN", "en");

    static UiCulture()
    {
        // Only the cookie decides: a browser's Accept-Language must not turn a Chinese clinic's screens English.
        Options.RequestCultureProviders = [new CookieRequestCultureProvider()];
    }

    public static IResult Switch(string name, string? returnUrl, HttpContext ctx)
    {
        var culture = name == "en" ? "en" : "zh-CN";
        ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = ctx.Request.IsHttps });
        return Results.Redirect(LocalUrl.OrHome(returnUrl));
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

using Microsoft.AspNetCore.HttpOverrides;

namespace CountyHealth.Server.Hosting;

/// <summary>
/// Headers on every response: nothing with health data is cached (no-store unless a static file set its own caching),
/// no content sniffing, no referrer leaving the site, no framing, and a Content-Security-Policy that allows only this
/// server's own scripts (MudBlazor's components set inline styles, so styles may be inline).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference page (Scalar) configures itself with an inline script.
    private const string ReferencePagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        // Behind a reverse proxy that ends TLS, the proxy's X-Forwarded-Proto makes cookies Secure (only from the
        // proxies the configuration names; loopback by default).
        if (app.Configuration.GetValue("Http:BehindProxy", false))
        {
            var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in app.Configuration.GetSection("Http:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            app.UseForwardedHeaders(options);
        }
        app.Use((ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var headers = ctx.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                if (string.IsNullOrEmpty(headers.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }
                if (ctx.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/api-docs") ? ReferencePagePolicy : ContentSecurityPolicy;
                }
                return Task.CompletedTask;
            });
            return next(ctx);
        });
    }
}

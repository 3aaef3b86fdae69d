namespace CountyHealth.Kernel.Web;

/// <summary>Where a sign-in may send the browser back to: a path of this site, never another site.</summary>
public static class LocalUrl
{
    /// <summary>
    /// True for "/", "/path?query" and the like; false for "//host", "/\host" (browsers read both as another site),
    /// absolute URLs, and anything with a control character.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\');

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}

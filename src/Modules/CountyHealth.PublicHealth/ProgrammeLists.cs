using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Platform.Contracts;

namespace CountyHealth.PublicHealth;

/// <summary>The opening every programme list shares: the query's own checks, its "show" among the list's choices, and the clinics of the reader's reach.</summary>
internal static class ProgrammeLists
{
    public static async Task<(FieldErrors Errors, ListReach Reach)> OpenListAsync(this IAccessScope scope, object query, string? show, IReadOnlyList<string> shows,
        string permission, Guid? institution, CancellationToken ct)
    {
        var e = FieldErrors.For(query);
        if (show is not null && !shows.Contains(show))
        {
            e.Add("show", $"应为 {string.Join("、", shows.Take(shows.Count - 1))} 或 {shows[^1]}");
        }
        return (e, await scope.ForListAsync(permission, institution, e, ct));
    }
}

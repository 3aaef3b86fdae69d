using CountyHealth.Kernel.Validation;

namespace CountyHealth.Platform.Contracts;

/// <summary>
/// The institutions a list covers for a permission: the one asked for when it is within reach, else every one within
/// reach. A county-wide reach must name one (a county's people are not listed one by one); one beyond the reach is
/// answered as not found.
/// </summary>
public sealed record ListReach(IReadOnlyCollection<Guid> Within, bool Beyond)
{
    public const string ChooseMessage = "请选择村卫生室或卫生院（全县不逐人列出）";
    public const string BeyondMessage = "未找到该机构，或不在您的负责范围内";
}

public static class ListReaches
{
    /// <summary>The list's institutions; a county-wide reach without one named adds the "institution" field error to <paramref name="errors"/>.</summary>
    public static async Task<ListReach> ForListAsync(this IAccessScope scope, string permission, Guid? institution, FieldErrors? errors, CancellationToken ct = default)
    {
        var reach = await scope.InstitutionsAsync(permission, ct);
        if (institution is null && reach is null)
        {
            errors?.Add("institution", ListReach.ChooseMessage);
        }
        return institution switch
        {
            { } one when reach is not null && !reach.Contains(one) => new ListReach([], true),
            { } one => new ListReach(new[] { one }, false),
            null when reach is null => new ListReach([], false),
            _ => new ListReach(reach!, false),
        };
    }

    /// <summary>The institutions a list's filter offers, in code order, and whether the reach is the whole county (the filter then has no "all").</summary>
    public static async Task<(List<InstitutionInfo> Institutions, bool CountyWide)> ChoicesAsync(this IAccessScope scope, IInstitutionDirectory directory, string permission)
    {
        var reach = await scope.InstitutionsAsync(permission);
        return ((await directory.ListAsync()).Where(i => reach is null || reach.Contains(i.Id)).OrderBy(i => i.Code).ToList(), reach is null);
    }
}

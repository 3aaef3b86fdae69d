namespace CountyHealth.Platform.Institutions;

/// <summary>
/// The county's institutions as a tree, flattened for a screen: each under its parent, with its depth (bureau 0,
/// health centre 1, village clinic 2 …), siblings by code. A row whose parent is missing (or a loop) starts a tree of its own.
/// </summary>
public static class InstitutionTree
{
    public static IReadOnlyList<(InstitutionRow Row, int Depth)> Flatten(IReadOnlyList<InstitutionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ids = rows.Select(r => r.Id).ToHashSet();
        var children = rows.Where(r => r.ParentId is { } p && ids.Contains(p)).ToLookup(r => r.ParentId!.Value);
        var result = new List<(InstitutionRow, int)>(rows.Count);
        var seen = new HashSet<Guid>();
        void Walk(InstitutionRow row, int depth)
        {
            if (!seen.Add(row.Id))
            {
                return;
            }
            result.Add((row, depth));
            foreach (var child in children[row.Id].OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                Walk(child, depth + 1);
            }
        }
        foreach (var root in rows.Where(r => r.ParentId is not { } p || !ids.Contains(p)).OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            Walk(root, 0);
        }
        // Rows caught in a loop of parents have no root above them: shown at the top level rather than lost.
        foreach (var row in rows.Where(r => !seen.Contains(r.Id)).OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            Walk(row, 0);
        }
        return result;
    }
}

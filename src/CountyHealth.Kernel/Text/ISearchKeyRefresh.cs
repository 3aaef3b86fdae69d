namespace CountyHealth.Kernel.Text;

/// <summary>
/// Rewrites a table's stored search keys (pinyin initials, <see cref="SearchKeys"/>) from the names they are derived
/// from, where they differ: after an upgrade of the pinyin tables, of the reading rules or of an alias list, a key
/// written by the old code would no longer find its row. Comparing every row's key with a fresh one needs no version
/// to be stored. The host refreshes the small tables at every start; a county-sized table only on the operator's
/// <c>reindex-pinyin</c> verb.
/// </summary>
public interface ISearchKeyRefresh
{
    /// <summary>The table, for the operator's report.</summary>
    string Table { get; }

    /// <summary>True for reference data of a few thousand rows; false for a table that grows with the county.</summary>
    bool AtStart { get; }

    /// <summary>Rewrites the keys that differ and returns how many rows changed.</summary>
    Task<int> RefreshAsync(CancellationToken ct);
}

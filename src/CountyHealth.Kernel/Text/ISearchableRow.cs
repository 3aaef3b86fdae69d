using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Kernel.Text;

/// <summary>A catalogue row found by its name: the columns <see cref="SearchKeys"/> derives from the name and its aliases.</summary>
public interface ISearchableRow
{
    string Name { get; }

    /// <summary>The name's usual pinyin initials, upper case (高血压 → GXY): shown, and the first word of <see cref="SearchKey"/>.</summary>
    string Pinyin { get; set; }

    /// <summary>Every reading of the name and its aliases a search should know, space-separated.</summary>
    string SearchKey { get; set; }

    /// <summary>The name and its aliases as <see cref="SearchNormalizer"/> writes them, space-separated.</summary>
    string SearchText { get; set; }
}

public static class SearchableRows
{
    /// <summary>Writes the search columns of <paramref name="row"/>; true when any of them changed.</summary>
    public static bool Apply(this ISearchableRow row, SearchKeys keys)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(keys);
        if (row.Pinyin == keys.Initials && row.SearchKey == keys.Key && row.SearchText == keys.Text)
        {
            return false;
        }
        (row.Pinyin, row.SearchKey, row.SearchText) = (keys.Initials, keys.Key, keys.Text);
        return true;
    }

    /// <summary>
    /// Rewrites the search columns of every row of a small table whose stored columns differ from fresh ones, in one
    /// save; returns how many changed. Meant for reference data: it loads the whole table.
    /// </summary>
    public static async Task<int> RefreshAsync<T>(DbContext db, Func<T, SearchKeys> keysFor, CancellationToken ct) where T : class, ISearchableRow
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keysFor);
        var rows = await db.Set<T>().ToListAsync(ct);
        var changed = rows.Count(r => r.Apply(keysFor(r)));
        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
        return changed;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyHealth.Kernel.Facts;

/// <summary>
/// A month of one institution in one source of monthly figures, e.g. the visits of 城关镇卫生院 in 2026-11. A month is a
/// China calendar month, written yyyyMM (202611).
/// </summary>
public readonly record struct FactCell(string Source, Guid InstitutionId, int Month);

/// <summary>
/// Which months of which source a record of type <typeparamref name="T"/> counts in: the owning module declares it once
/// beside its source (a visit counts in the month of its visit date, a refund in the month it was refunded). A record
/// added or deleted marks its month; a changed record marks its month and its old one when one of the
/// <paramref name="counted"/> properties changed (all of them when none are named) — saving a visit's notes counts nothing.
/// </summary>
public sealed class FactFeed<T>(string source, Func<T, (Guid InstitutionId, DateOnly Day)?> cellOf, params string[] counted) : IFactFeed
    where T : class
{
    public Type EntityType => typeof(T);

    public string Source => source;

    public IReadOnlyList<string> Counted => counted;

    public (Guid InstitutionId, DateOnly Day)? CellOf(object entity) => cellOf((T)entity);
}

/// <summary>The untyped face of <see cref="FactFeed{T}"/>, for the interceptor.</summary>
public interface IFactFeed
{
    Type EntityType { get; }

    string Source { get; }

    IReadOnlyList<string> Counted { get; }

    (Guid InstitutionId, DateOnly Day)? CellOf(object entity);
}

/// <summary>
/// A month whose figures must be computed again: written in the same save as the change that caused it, so a committed
/// change always has its mark, and read and removed by the indicator engine's refresher within seconds.
/// </summary>
public sealed class FactChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Source { get; set; } = "";
    public Guid InstitutionId { get; set; }
    public int Month { get; set; }
}

internal sealed class FactChangeConfiguration : IEntityTypeConfiguration<FactChange>
{
    public void Configure(EntityTypeBuilder<FactChange> b)
    {
        b.ToTable("fact_changes");
        b.Property(c => c.Source).HasMaxLength(48);
    }
}

public static class FactMonths
{
    public static int Of(DateOnly day) => day.Year * 100 + day.Month;

    public static DateOnly FirstDay(int month) => new(month / 100, month % 100, 1);

    /// <summary>The month's last day (yyyyMM → its end, the day a stock figure is taken on).</summary>
    public static DateOnly LastDay(int month) => FirstDay(month).AddMonths(1).AddDays(-1);

    public static int Add(int month, int months)
    {
        var d = FirstDay(month).AddMonths(months);
        return Of(d);
    }

    /// <summary>A month as the API and the screens write it: "2026-11".</summary>
    public static string Text(int month) => $"{month / 100}-{month % 100:00}";

    /// <summary>A month as the reports name it: "2026年11月".</summary>
    public static string Name(int month) => $"{month / 100}年{month % 100}月";

    /// <summary>Reads "2026-11" (years 2000–2099).</summary>
    public static bool TryParse(string? text, out int month)
    {
        month = 0;
        if (text is null || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            || d.Year is < 2000 or > 2099)
        {
            return false;
        }
        month = Of(d);
        return true;
    }
}

/// <summary>
/// Marks the months touched by a save (<see cref="FactChange"/> rows in the same batch, one per source, institution and
/// month). Runs after the audit interceptor, which detected the changes once for the whole save.
/// </summary>
public sealed class FactChangeInterceptor(IEnumerable<IFactFeed> feeds) : SaveChangesInterceptor
{
    private readonly ILookup<Type, IFactFeed> byType = feeds.ToLookup(f => f.EntityType);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Mark(DbContext? context)
    {
        if (context is null || byType.Count == 0)
        {
            return;
        }
        HashSet<FactCell>? cells = null;
        foreach (var e in context.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !byType.Contains(e.Metadata.ClrType))
            {
                continue;
            }
            foreach (var feed in byType[e.Metadata.ClrType])
            {
                if (e.State == EntityState.Modified && feed.Counted.Count > 0 && !feed.Counted.Any(p => e.Property(p).IsModified))
                {
                    continue;
                }
                cells ??= [];
                Add(cells, feed, e.Entity);
                if (e.State == EntityState.Modified)
                {
                    Add(cells, feed, Original(e));
                }
            }
        }
        if (cells is null)
        {
            return;
        }
        foreach (var c in cells)
        {
            context.Add(new FactChange { Source = c.Source, InstitutionId = c.InstitutionId, Month = c.Month });
        }
    }

    private static object Original(EntityEntry e) => e.OriginalValues.ToObject();

    private static void Add(HashSet<FactCell> cells, IFactFeed feed, object entity)
    {
        if (feed.CellOf(entity) is { } cell)
        {
            cells.Add(new FactCell(feed.Source, cell.InstitutionId, FactMonths.Of(cell.Day)));
        }
    }
}

using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.ResidentIndex;

/// <summary>A search box query with its page.</summary>
/// <summary>A search of the resident index. Pages count from 1; a page holds at most <see cref="MaxPageSize"/> residents.</summary>
public sealed record ResidentQuery(string? Q, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, ResidentQuery.MaxPageSize)] int? PageSize)
{
    public const int MaxPageSize = 100;
}

/// <summary>Residents by name, pinyin initials, ID number (whole or its tail) or phone (whole or its tail), in the user's scope.</summary>
internal sealed class SearchResidents(CountyHealthDb db, IAccessScope scope, IResidentDirectory directory, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Page<ResidentRow>> HandleAsync(ResidentQuery query, CancellationToken ct)
    {
        var paging = Paging.Of(query.Page, query.PageSize, 20, ResidentQuery.MaxPageSize);
        var rows = ResidentSearch.Apply(db.Set<Resident>().AsNoTracking(), query.Q);
        // A county-wide reach needs no per-row check; otherwise a resident is found through the institutions she is known at.
        if (await scope.InstitutionsAsync(ResidentsPermissions.Read, ct) is { } within)
        {
            rows = rows.Where(r => directory.VisibleResidentIds(within).Contains(r.Id));
        }
        var found = await ResidentSearch.Order(rows, query.Q).Skip(paging.Skip).Take(paging.Take).ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        await audit.SearchAsync(nameof(Resident), $"q={query.Q}; {Math.Min(found.Count, paging.Size)} 条");
        return paging.PageOf(found.Select(r => ResidentRecords.ToRow(r, today)).ToList());
    }
}

/// <summary>
/// How a search box query maps to the index: 18 characters an exact ID, an 11-digit mobile an exact phone, 4–17 digits
/// the tail of an ID or phone number, ASCII letters pinyin initials, anything else a name prefix. Each is an index range.
/// </summary>
internal static class ResidentSearch
{
    public static IQueryable<Resident> Apply(IQueryable<Resident> rows, string? query)
    {
        var term = SearchTerm.Parse(query);
        var q = term.Text;
        if (term.Kind == SearchKind.Empty)
        {
            return rows;
        }
        if (q.Length == 18 && q[..17].All(char.IsAsciiDigit))
        {
            var id = q.ToUpperInvariant();
            return rows.Where(r => r.IdNumber == id);
        }
        if (term.IsDigits || (q.Length > 4 && q[..^1].All(char.IsAsciiDigit) && q[^1] is 'x' or 'X'))
        {
            if (q.Length == 11 && q[0] == '1')
            {
                return rows.Where(r => r.Phone == q);
            }
            // A shorter run of digits is the tail of an ID or phone number (身份证后几位, 手机尾号): a prefix range
            // on the reversed columns, so the county's 1.85 million rows are never scanned.
            var tail = Resident.Reversed(term.Upper)!;
            var tailEnd = tail + '\uffff';
            return tail.Length < 4 ? rows.Where(r => false) : rows.Where(r =>
                (r.IdNumberReversed != null && r.IdNumberReversed.CompareTo(tail) >= 0 && r.IdNumberReversed.CompareTo(tailEnd) < 0)
                || (r.PhoneReversed != null && r.PhoneReversed.CompareTo(tail) >= 0 && r.PhoneReversed.CompareTo(tailEnd) < 0));
        }
        if (q.All(char.IsAsciiLetter))
        {
            var py = term.Upper;
            var pyEnd = py + '\uffff';
            return rows.Where(r => r.Pinyin.CompareTo(py) >= 0 && r.Pinyin.CompareTo(pyEnd) < 0);
        }
        // A prefix as a range (name >= q and name < q + U+FFFF), so both databases walk the name index.
        var end = q + '\uffff';
        return rows.Where(r => r.Name.CompareTo(q) >= 0 && r.Name.CompareTo(end) < 0);
    }

    /// <summary>Results in the order of the index the query walks, so the database can stop after one page.</summary>
    public static IQueryable<Resident> Order(IQueryable<Resident> rows, string? query) =>
        SearchTerm.Parse(query) is { Kind: not SearchKind.Empty } t && t.Text.All(char.IsAsciiLetter)
            ? rows.OrderBy(r => r.Pinyin).ThenBy(r => r.Name).ThenBy(r => r.Id)
            : rows.OrderBy(r => r.Name).ThenBy(r => r.BirthDate).ThenBy(r => r.Id);
}

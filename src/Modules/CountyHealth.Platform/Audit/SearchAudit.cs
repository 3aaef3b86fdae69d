using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Audit;

public sealed record AuditRow(Guid Id, DateTime At, string AtChina, string UserName, string Action, string EntityType, string? EntityId, Guid? ResidentId, string? Detail, string? IpAddress);

/// <summary>Filters of the audit log; dates are China calendar days, both included.</summary>
public sealed record AuditFilter(string? UserName, string? Action, Guid? ResidentId, DateOnly? From, DateOnly? To, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 500)] int? PageSize);

/// <summary>The audit log, newest first, a page at a time.</summary>
internal sealed class SearchAudit(CountyHealthDb db) : IUseCase
{
    public async Task<Page<AuditRow>> HandleAsync(AuditFilter f, CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        q = string.IsNullOrWhiteSpace(f.UserName) ? q : q.Where(a => a.UserName == f.UserName.Trim());
        q = string.IsNullOrWhiteSpace(f.Action) ? q : q.Where(a => a.Action == f.Action);
        q = f.ResidentId is { } rid ? q.Where(a => a.ResidentId == rid) : q;
        if (f.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            q = q.Where(a => a.At >= start);
        }
        if (f.To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(a => a.At < end);
        }
        var size = Math.Clamp(f.PageSize ?? 50, 1, 500);
        var skip = Math.Max(0, (f.Page ?? 0) * size);
        // Every request writes an audit row: counting a county's log (hundreds of millions of rows) on each page would
        // take seconds. One row beyond the page tells whether another page exists; the total is "at least".
        var rows = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(skip).Take(size + 1).ToListAsync(ct);
        var total = skip + rows.Count;
        return new Page<AuditRow>(rows.Take(size).Select(a => new AuditRow(a.Id, a.At, ChinaTime.Format(a.At), a.UserName, a.Action, a.EntityType, a.EntityId, a.ResidentId, a.Detail, a.IpAddress)).ToList(), total);
    }
}

using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Audit;

/// <summary>
/// One row of the audit log as stored (user name, action, entity type and key, resident id, detail) and as read: the
/// account's full name, the action, record type and fields in Chinese, the record's number or name and the resident's
/// name instead of keys.
/// </summary>
public sealed record AuditRow(Guid Id, DateTime At, string AtChina, string UserName, string UserFullName, string Action, string ActionName,
    string EntityType, string EntityName, string? EntityId, string? RecordLabel, Guid? ResidentId, string? ResidentName, string? Detail, string? Description,
    string? IpAddress);

/// <summary>
/// Filters of the audit log; dates are China calendar days, both included. <paramref name="Resident"/> is a resident's
/// name or ID number, <paramref name="Document"/> a visit, prescription or receipt number.
/// </summary>
public sealed record AuditFilter(string? UserName, string? Action, Guid? ResidentId, string? Resident, string? Document, DateOnly? From, DateOnly? To,
    [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 500)] int? PageSize);

/// <summary>The audit log, newest first, a page at a time; reading it is itself recorded.</summary>
internal sealed class SearchAudit(CountyHealthDb db, IAccessScope scope, AuditReader reader, AuditLog audit) : IUseCase
{
    /// <summary>Residents one name may stand for before the auditor is asked for the ID number instead.</summary>
    public const int MaxResidentsOfOneName = 200;

    public async Task<Results<Ok<Page<AuditRow>>, ValidationProblem>> HandleAsync(AuditFilter f, CancellationToken ct)
    {
        // The auditor sees what the accounts of the institutions her grant reaches did (the whole county, by the matrix).
        var within = await scope.InstitutionsAsync(PlatformPermissions.AuditRead, ct);
        var q = db.AuditEntries.AsNoTracking();
        q = within is null ? q : q.Where(a => a.InstitutionId != null && within.Contains(a.InstitutionId.Value));
        q = string.IsNullOrWhiteSpace(f.UserName) ? q : q.Where(a => a.UserName == f.UserName.Trim());
        q = string.IsNullOrWhiteSpace(f.Action) ? q : q.Where(a => a.Action == f.Action);
        q = f.ResidentId is { } rid ? q.Where(a => a.ResidentId == rid) : q;
        IReadOnlyList<Guid> residents = [];
        if (!string.IsNullOrWhiteSpace(f.Resident))
        {
            residents = await reader.FindResidentsAsync(f.Resident, within, MaxResidentsOfOneName + 1, ct);
            if (residents.Count > MaxResidentsOfOneName)
            {
                return Problems.Field("resident", $"叫这个名字的居民超过{MaxResidentsOfOneName}位，请输入身份证号");
            }
            q = q.Where(a => a.ResidentId != null && residents.Contains(a.ResidentId.Value));
        }
        if (!string.IsNullOrWhiteSpace(f.Document))
        {
            // The rows about the document itself, found through its resident's index: an audit log is too long to scan.
            var documents = await reader.FindDocumentsAsync(f.Document, ct);
            var ofResidents = documents.Select(d => d.ResidentId).Distinct().ToList();
            var keys = documents.Select(d => d.Id.ToString()).ToList();
            q = q.Where(a => a.ResidentId != null && ofResidents.Contains(a.ResidentId.Value) && a.EntityId != null && keys.Contains(a.EntityId));
        }
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
        var paging = Paging.Of(f.Page, f.PageSize, 50, 500);
        // Every request writes an audit row: counting a county's log (hundreds of millions of rows) on each page would
        // take seconds. One row beyond the page tells whether another page exists.
        var rows = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.Take).ToListAsync(ct);
        var page = rows.Take(paging.Size).ToList();

        var labels = await reader.LabelAsync(page, ct);
        var fullNames = await reader.FullNamesAsync(page.Select(a => a.UserName), ct);
        var words = reader.Vocabulary;
        var items = page.Select(a => new AuditRow(a.Id, a.At, ChinaTime.Format(a.At), a.UserName, FullName(a.UserName, fullNames), a.Action, AuditActions.ChineseName(a.Action),
            a.EntityType, words.EntityName(a.EntityType), a.EntityId, labels.Of(a.EntityType, a.EntityId), a.ResidentId, labels.ResidentName(a.ResidentId),
            a.Detail, words.Describe(a.Action, a.EntityType, a.Detail), a.IpAddress)).ToList();

        // The log shows residents' names and what was done to their records: who looked, and for whom, is recorded too.
        await audit.RecordAsync(AuditActions.Search, nameof(AuditEntry), null, residents.Count == 1 ? residents[0] : f.ResidentId, $"审计日志{Described(f)}：{items.Count} 条");
        return TypedResults.Ok(paging.PageOf(items, rows.Count > paging.Size));
    }

    private static string FullName(string userName, Dictionary<string, string> fullNames) =>
        fullNames.TryGetValue(userName, out var name) ? name : userName == "system" ? "系统" : userName;

    private static string Described(AuditFilter f)
    {
        var said = new List<string>();
        Add("用户", f.UserName);
        Add("操作", f.Action);
        Add("居民", f.Resident);
        Add("单据号", f.Document);
        Add("起", f.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("止", f.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return said.Count == 0 ? "" : " " + string.Join(" ", said);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                said.Add($"{name}={value.Trim()}");
            }
        }
    }
}

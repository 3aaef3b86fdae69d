using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Audit;

/// <summary>
/// Every module's <see cref="AuditedRecords"/> put together for the audit log: the Chinese names, the labels of one
/// page's records (a few queries a page, one per type on it, never one per row) and the look-ups behind its filters.
/// </summary>
internal sealed class AuditReader(IEnumerable<AuditedRecords> modules, CountyHealthDb db)
{
    private AuditVocabulary? vocabulary;

    public AuditVocabulary Vocabulary => vocabulary ??= new AuditVocabulary(modules.SelectMany(m => m.Types));

    public async Task<IReadOnlyList<Guid>> FindResidentsAsync(string nameOrIdNumber, IReadOnlyCollection<Guid>? within, int take, CancellationToken ct)
    {
        var text = SearchTerm.Parse(nameOrIdNumber).Text;
        var found = new List<Guid>();
        foreach (var m in modules)
        {
            found.AddRange(await m.FindResidentsAsync(text, within, take, ct));
        }
        return found.Distinct().ToList();
    }

    /// <summary>
    /// The records numbered so. Compared as stored, as typed and upper-cased (document numbers are printed in capitals);
    /// their form is the numbering's business, not the audit log's.
    /// </summary>
    public async Task<IReadOnlyList<AuditedRecord>> FindDocumentsAsync(string number, CancellationToken ct)
    {
        var text = SearchTerm.Parse(number).Text;
        var numbers = new[] { text, text.ToUpperInvariant() }.Distinct(StringComparer.Ordinal).ToList();
        var found = new List<AuditedRecord>();
        foreach (var m in modules)
        {
            found.AddRange(await m.FindDocumentsAsync(numbers, ct));
        }
        return found;
    }

    /// <summary>Labels for the records and residents the rows name.</summary>
    public async Task<AuditLabels> LabelAsync(IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        var labels = new AuditLabels();
        foreach (var a in rows)
        {
            labels.Want(a.EntityType, a.EntityId);
            labels.WantResident(a.ResidentId);
        }
        foreach (var m in modules)
        {
            await m.LabelAsync(labels, ct);
        }
        return labels;
    }

    /// <summary>The full names of the accounts that acted, by user name.</summary>
    public async Task<Dictionary<string, string>> FullNamesAsync(IEnumerable<string> userNames, CancellationToken ct)
    {
        // Identity keeps the upper-cased name indexed; the accounts are a county's staff, a few thousand at most.
        var normalized = userNames.Where(n => n.Length > 0).Select(n => n.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (normalized.Count == 0)
        {
            return [];
        }
        var users = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName != null && normalized.Contains(u.NormalizedUserName))
            .Select(u => new { u.UserName, u.FullName }).ToListAsync(ct);
        return users.Where(u => u.UserName is not null).ToDictionary(u => u.UserName!, u => u.FullName, StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>The Platform's records in the audit log: the accounts (sign-ins, sessions) and the log itself (searches of it).</summary>
internal sealed class PlatformAuditedRecords(CountyHealthDb db, IEnumerable<IReferenceTable> tables) : AuditedRecords
{
    public override IReadOnlyList<AuditedType> Types { get; } =
    [
        AuditedType.Of<UserAccount>("账户"),
        AuditedType.Of<AuditEntry>("审计日志"),
        AuditedType.Of<ReferenceTableVersion>("规则与代码表"),
    ];

    public override async Task LabelAsync(AuditLabels labels, CancellationToken ct)
    {
        var versions = labels.IdsOf(nameof(ReferenceTableVersion));
        if (versions.Count > 0)
        {
            var names = tables.ToDictionary(t => t.Key, t => t.Name, StringComparer.Ordinal);
            foreach (var v in await db.Set<ReferenceTableVersion>().AsNoTracking().Where(v => versions.Contains(v.Id)).Select(v => new { v.Id, v.TableKey, v.Version }).ToListAsync(ct))
            {
                labels.Set(nameof(ReferenceTableVersion), v.Id, $"{names.GetValueOrDefault(v.TableKey, v.TableKey)} 第 {v.Version} 版");
            }
        }
        var ids = labels.KeysOf(nameof(UserAccount)).ToList();
        if (ids.Count == 0)
        {
            return;
        }
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.FullName }).ToListAsync(ct);
        foreach (var u in users)
        {
            labels.Set(nameof(UserAccount), u.Id, $"{u.FullName}（{u.UserName}）");
        }
    }
}

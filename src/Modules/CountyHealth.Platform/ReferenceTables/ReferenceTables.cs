using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CountyHealth.Platform.ReferenceTables;

/// <summary>A table in the list: what it is, its version in force and who saved it.</summary>
public sealed record ReferenceTableRow(string Key, string Name, string Description, int Version, int Rows, string? SavedAt, string? SavedBy);

public sealed record ReferenceTableVersionRow(int Version, string SavedAt, string SavedBy, string Reason, int Rows, bool InForce);

/// <summary>One version of a table, cut into its notes (the # lines), columns and rows, with the table's history.</summary>
public sealed record ReferenceTableView(string Key, string Name, string Description, int Version, int InForce, string Text, IReadOnlyList<string> Notes,
    IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<ReferenceTableVersionRow> Versions);

/// <summary>A correction: the whole table's new text, why, and the version it was made from (a stale one is refused).</summary>
public sealed record ReferenceTableCorrection([Text(ReferenceTableRules.MaxLength, MultiLine = true)] string? Text, [Text(200)] string? Reason, int BaseVersion);

/// <summary>What a correction must be before it is put in force.</summary>
public static class ReferenceTableRules
{
    public const int MaxLength = 200_000;

    /// <summary>The header line (the first that is neither blank nor a # note).</summary>
    public static string? Header(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));

    public static IReadOnlyList<string> Notes(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()).ToList();

    public static int RowCount(string text) => TabSeparated.Rows(text).Count();

    /// <summary>
    /// The field errors of a correction: a reason, a text the table's own reader accepts, with the shipped columns (the
    /// code reads them by position), and different from the version in force.
    /// </summary>
    public static FieldErrors Check(IReferenceTable table, ReferenceTableCorrection r)
    {
        var e = FieldErrors.For(r);
        e.Require("reason", r.Reason, "修订原因");
        if (r.Reason is { } reason && reason.Trim().Length is > 0 and < 4)
        {
            e.Add("reason", "修订原因请写明依据（至少 4 个字），例如文件名称与文号");
        }
        if (string.IsNullOrWhiteSpace(r.Text))
        {
            e.Add("text", "请填写表内容");
            return e;
        }
        if (e.Any)
        {
            return e;
        }
        var text = Normalised(r.Text);
        if (Header(text) != Header(table.Shipped))
        {
            e.Add("text", $"表头须与系统的列一致（列不能增删、改名或调换顺序）：{Header(table.Shipped)?.Replace('\t', '｜')}");
        }
        else if (table.Problem(text) is { } problem)
        {
            e.Add("text", problem);
        }
        else if (text == Normalised(table.Text))
        {
            e.Add("text", "与现行版本相同，无需保存");
        }
        return e;
    }

    /// <summary>Line ends as LF and one final newline, so that two saves of the same table compare equal.</summary>
    public static string Normalised(string text) => InputPolicy.Normalize(text).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}

/// <summary>Puts the newest saved version of each table in force (after migrating, before anything reads them).</summary>
public static class ReferenceTableLoader
{
    public static async Task LoadAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        var newest = await db.Set<ReferenceTableVersion>().AsNoTracking()
            .Where(v => v.Version == db.Set<ReferenceTableVersion>().Where(o => o.TableKey == v.TableKey).Max(o => o.Version))
            .ToListAsync(ct);
        foreach (var table in services.GetServices<IReferenceTable>())
        {
            if (newest.FirstOrDefault(v => v.TableKey == table.Key) is not { } saved)
            {
                continue;
            }
            if (table.Problem(saved.Text) is { } problem)
            {
                // A reader of a newer release may refuse an old correction: the shipped table stands until it is corrected again.
                log.LogError("Reference table {Table} version {Version} is not readable by this release ({Problem}); the shipped table is in force", table.Key, saved.Version, problem);
                continue;
            }
            table.Apply(saved.Text, saved.Version);
        }
    }
}

/// <summary>The tables an administrator may correct, with the version in force.</summary>
internal sealed class ListReferenceTables(CountyHealthDb db, IEnumerable<IReferenceTable> tables) : IUseCase
{
    public async Task<List<ReferenceTableRow>> HandleAsync(CancellationToken ct)
    {
        var saved = await db.Set<ReferenceTableVersion>().AsNoTracking().Select(v => new { v.TableKey, v.Version, v.SavedAt, v.SavedByName }).ToListAsync(ct);
        return tables.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
        {
            var v = saved.FirstOrDefault(s => s.TableKey == t.Key && s.Version == t.Version);
            return new ReferenceTableRow(t.Key, t.Name, t.Description, t.Version, ReferenceTableRules.RowCount(t.Text), v is null ? null : ChinaTime.Format(v.SavedAt),
                v?.SavedByName ?? "随系统发布");
        }).ToList();
    }
}

/// <summary>One table: the version in force, or an earlier one, with every version's author, time and reason.</summary>
internal sealed class ReadReferenceTable(CountyHealthDb db, IEnumerable<IReferenceTable> tables) : IUseCase
{
    public const string NotFound = "未找到该规则表";

    public async Task<Results<Ok<ReferenceTableView>, ProblemHttpResult>> HandleAsync(string key, int? version, CancellationToken ct)
    {
        if (tables.FirstOrDefault(t => t.Key == key) is not { } table)
        {
            return Problems.NotFound(NotFound);
        }
        var saved = await db.Set<ReferenceTableVersion>().AsNoTracking().Where(v => v.TableKey == key).OrderByDescending(v => v.Version).ToListAsync(ct);
        var versions = saved.Select(v => new ReferenceTableVersionRow(v.Version, ChinaTime.Format(v.SavedAt), v.SavedByName, v.Reason, ReferenceTableRules.RowCount(v.Text),
                v.Version == table.Version))
            .Append(new ReferenceTableVersionRow(1, "", "随系统发布", "国家规范与文件（见表首说明）", ReferenceTableRules.RowCount(table.Shipped), table.Version == 1)).ToList();
        var shown = version ?? table.Version;
        var text = shown == 1 ? table.Shipped : saved.FirstOrDefault(v => v.Version == shown)?.Text;
        if (text is null)
        {
            return Problems.NotFound($"{table.Name}没有第 {shown} 版");
        }
        var columns = ReferenceTableRules.Header(text)?.Split('\t') ?? [];
        var rows = TabSeparated.Rows(text).Select(r => (IReadOnlyList<string>)r.Cells).ToList();
        return TypedResults.Ok(new ReferenceTableView(table.Key, table.Name, table.Description, shown, table.Version, text, ReferenceTableRules.Notes(text), columns, rows, versions));
    }
}

/// <summary>
/// Saves a correction as the next version and puts it in force at once; refused, with the line at fault, when the
/// table's reader cannot read it, and refused when someone else saved a version meanwhile.
/// </summary>
internal sealed class CorrectReferenceTable(CountyHealthDb db, IEnumerable<IReferenceTable> tables, ICurrentUser user, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<ReferenceTableRow>, ValidationProblem, ProblemHttpResult>> HandleAsync(string key, ReferenceTableCorrection r, CancellationToken ct)
    {
        if (tables.FirstOrDefault(t => t.Key == key) is not { } table)
        {
            return Problems.NotFound(ReadReferenceTable.NotFound);
        }
        var e = ReferenceTableRules.Check(table, r);
        if (e.Any)
        {
            return e.ToProblem();
        }
        var newest = await db.Set<ReferenceTableVersion>().Where(v => v.TableKey == key).MaxAsync(v => (int?)v.Version, ct) ?? 1;
        if (r.BaseVersion != newest)
        {
            return Problems.Conflict($"{table.Name}已由他人修订为第 {newest} 版，请刷新后在新版本上修改");
        }
        var text = ReferenceTableRules.Normalised(r.Text!);
        var version = new ReferenceTableVersion
        {
            TableKey = key,
            Version = newest + 1,
            Text = text,
            Reason = r.Reason!.Trim(),
            SavedByUserId = user.UserId,
            SavedByName = string.IsNullOrEmpty(user.FullName) ? user.UserName : user.FullName,
            SavedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(version);
        audit.Add(AuditActions.Create, nameof(ReferenceTableVersion), version.Id.ToString(), detail: $"{table.Name} 第 {version.Version} 版：{version.Reason}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"{table.Name}刚由他人修订，请刷新后在新版本上修改");
        }
        table.Apply(text, version.Version);
        return TypedResults.Ok(new ReferenceTableRow(table.Key, table.Name, table.Description, version.Version, ReferenceTableRules.RowCount(text),
            ChinaTime.Format(version.SavedAt), version.SavedByName));
    }
}

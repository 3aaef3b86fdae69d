using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Immunisation;

/// <summary>
/// Children under seven within reach with a dose "due" (overdue or due within the next 14 days; the default), "overdue"
/// (due before today), or "all"; of one institution (a village clinic or a centre) — required when the reach is the
/// whole county — and the children a search finds.
/// </summary>
public sealed record ChildrenDueQuery([Text(16)] string? Show, Guid? Institution, [Text(40)] string? Q, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 500)] int? PageSize);

public sealed record DueItem(string Key, string Label, string DueOn, bool Overdue, bool PastCompleteBy);

public sealed record ChildDueRow(Guid ResidentId, string Name, string SexName, string BirthDate, string Age, string? Phone, string? Address, string InstitutionName,
    IReadOnlyList<DueItem> Doses, bool Overdue, int DaysOverdue);

/// <summary>The vaccination clinic's and the village doctor's list: which child is due or overdue for which dose, longest overdue first.</summary>
internal sealed class ListChildrenDue(ImmunisationRecords records, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    public const int DueWithinDays = 14;

    public async Task<Results<Ok<Page<ChildDueRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(ChildrenDueQuery q, CancellationToken ct)
    {
        var (e, list) = await scope.OpenListAsync(q, q.Show, ["due", "overdue", "all"], PublicHealthPermissions.ImmunisationRead, q.Institution, ct);
        if (e.Any)
        {
            return e.ToProblem();
        }
        if (list.Beyond)
        {
            return Problems.NotFound(ListReach.BeyondMessage);
        }
        var within = list.Within;
        var today = ChinaTime.Today(clock);
        var due = await records.DueAsync(within, q.Q, today, ct);
        var horizon = (q.Show ?? "due") switch
        {
            "overdue" => today.AddDays(-1),
            "due" => today.AddDays(DueWithinDays),
            _ => DateOnly.MaxValue,
        };
        var listed = due.Select(c => (c.Child, Due: c.Due.Where(d => d.DueOn <= horizon).ToList()))
            .Where(x => x.Due.Count > 0 || q.Show == "all")
            .Select(x => (x.Child, x.Due, First: x.Due.Count == 0 ? DateOnly.MaxValue : x.Due.Min(d => d.DueOn)))
            .OrderBy(x => x.First).ThenBy(x => x.Child.BirthDate).ThenBy(x => x.Child.Id).ToList();
        var paging = new Paging(q.Page ?? 1, q.PageSize ?? 100);
        var page = listed.Skip(paging.Skip).Take(paging.Size).ToList();
        var people = await residents.GetManyAsync(page.Select(x => x.Child.Id), ct);
        var names = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        await audit.SearchAsync("Resident", $"预防接种应种名单：{q.Show ?? "due"}，{page.Count} 名儿童");
        return TypedResults.Ok(new Page<ChildDueRow>(page.Select(x =>
        {
            var r = people.GetValueOrDefault(x.Child.Id);
            var overdue = x.First < today;
            return new ChildDueRow(x.Child.Id, r?.Name ?? "", r?.SexName ?? "", ChinaTime.FormatDate(x.Child.BirthDate), ImmunisationRecords.AgeText(x.Child.BirthDate, today),
                r?.Phone, r?.Address, names.GetValueOrDefault(x.Child.ManagingInstitutionId, ""),
                x.Due.Select(d => new DueItem(d.Dose.Key, d.Dose.Label, ChinaTime.FormatDate(d.DueOn), d.DueOn < today, d.CompleteBy <= today)).ToList(),
                overdue, overdue ? today.DayNumber - x.First.DayNumber : 0);
        }).ToList(), paging.Number, paging.Size, listed.Count > paging.Skip + paging.Size, listed.Count > paging.Skip + paging.Size ? null : listed.Count));
    }
}

public sealed record CatchUpQuery([Text(16)] string? Show, Guid? Institution, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 500)] int? PageSize);

public sealed record CatchUpRow(Guid CheckId, Guid ResidentId, string Name, string SexName, string Age, string? Phone, string School, string CheckedOn,
    IReadOnlyList<string> MissingAtCheck, IReadOnlyList<string> StillMissing, string InstitutionName);

/// <summary>
/// 查漏补种: the certificate checks that found doses missing — "open" (the default: some still missing), or "all" — with
/// what is still missing today, oldest check first.
/// </summary>
internal sealed class ListCatchUp(CountyHealthDb db, ImmunisationRecords records, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<Page<CatchUpRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(CatchUpQuery q, CancellationToken ct)
    {
        var e = FieldErrors.For(q);
        if (q.Show is not (null or "open" or "all"))
        {
            e.Add("show", "应为 open 或 all");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var today = ChinaTime.Today(clock);
        var checks = await scope.WithinAsync(db.Set<CertificateCheck>().AsNoTracking().Where(c => c.Result == CheckResult.Incomplete), PublicHealthPermissions.ImmunisationRead,
            c => c.InstitutionId, ct);
        if (q.Institution is { } one)
        {
            if ((await scope.ForListAsync(PublicHealthPermissions.ImmunisationRead, one, null, ct)).Beyond)
            {
                return Problems.NotFound(ListReach.BeyondMessage);
            }
            checks = checks.Where(c => c.InstitutionId == one);
        }
        var found = await checks.OrderBy(c => c.CheckedOn).ThenBy(c => c.Id).Take(5_000).ToListAsync(ct);
        var ids = found.Select(c => c.ResidentId).Distinct().ToList();
        var doses = (await db.Set<Vaccination>().AsNoTracking().Where(v => ids.Contains(v.ResidentId)).Select(v => new { v.ResidentId, v.Series, v.Dose, v.GivenOn }).ToListAsync(ct))
            .ToLookup(v => v.ResidentId, v => records.Schedule.Given(v.Series, v.Dose, v.GivenOn));
        var people = await residents.GetManyAsync(ids, ct);
        var labels = records.Schedule.All.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Last().Label);
        var names = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        var rows = found.Select(c =>
        {
            var r = people.GetValueOrDefault(c.ResidentId);
            var now = r is null ? [] : records.Missing(r.BirthDate, doses[c.ResidentId].ToList(), today).Select(d => d.Key).ToHashSet();
            var row = ImmunisationRecords.CheckRowOf(c, labels, now);
            return new CatchUpRow(c.Id, c.ResidentId, r?.Name ?? "", r?.SexName ?? "", r is null ? "" : ImmunisationRecords.AgeText(r.BirthDate, today), r?.Phone, c.School,
                row.CheckedOn, row.MissingAtCheck, row.StillMissing, names.GetValueOrDefault(c.InstitutionId, ""));
        }).Where(x => q.Show == "all" || x.StillMissing.Count > 0).ToList();
        var paging = new Paging(q.Page ?? 1, q.PageSize ?? 100);
        var page = rows.Skip(paging.Skip).Take(paging.Size).ToList();
        await audit.SearchAsync(nameof(CertificateCheck), $"查漏补种名单：{q.Show ?? "open"}，{page.Count} 名儿童");
        return TypedResults.Ok(new Page<CatchUpRow>(page, paging.Number, paging.Size, rows.Count > paging.Skip + paging.Size, rows.Count > paging.Skip + paging.Size ? null : rows.Count));
    }
}

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

namespace CountyHealth.PublicHealth.Chronic;

/// <summary>
/// The managed patients within reach: "due" (overdue and due within the next 14 days; the default), "overdue", or "all"
/// still managed; optionally one programme ("hypertension", "diabetes") and the patients a search finds (name, pinyin
/// initials, ID number or its tail, phone).
/// </summary>
public sealed record DueQuery([Text(16)] string? Show, [Text(16)] string? Programme, [Text(40)] string? Q, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 500)] int? PageSize);

public sealed record DueRow(Guid EnrolmentId, Guid ResidentId, string ResidentName, string SexName, int Age, string? Phone, string? Address, Programme Programme,
    string ProgrammeName, string InstitutionName, string? LastFollowUpOn, string? LastClassName, string NextDueOn, bool Overdue, int DaysOverdue);

/// <summary>The village doctor's and the public-health doctor's work list: who is due or overdue for a follow-up, first due first.</summary>
internal sealed class ListDuePatients(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    /// <summary>How far ahead "due" looks.</summary>
    public const int DueWithinDays = 14;

    public async Task<Results<Ok<Page<DueRow>>, ValidationProblem>> HandleAsync(DueQuery q, CancellationToken ct)
    {
        var e = FieldErrors.For(q);
        Programme? programme = q.Programme switch
        {
            null or "" => null,
            "hypertension" => Programme.Hypertension,
            "diabetes" => Programme.Diabetes,
            _ => (Programme)0,
        };
        if (programme == 0)
        {
            e.Add("programme", "管理项目应为 hypertension 或 diabetes");
        }
        if (q.Show is not (null or "due" or "overdue" or "all"))
        {
            e.Add("show", "应为 due、overdue 或 all");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var today = ChinaTime.Today(clock);
        var paging = new Paging(q.Page ?? 1, q.PageSize ?? 100);
        var rows = await scope.WithinAsync(db.Set<ChronicEnrolment>().AsNoTracking().Where(x => x.Status == EnrolmentStatus.Active), PublicHealthPermissions.Read, x => x.InstitutionId, ct);
        if (programme is { } p)
        {
            rows = rows.Where(x => x.Programme == p);
        }
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var found = residents.MatchingResidentIds(q.Q);
            rows = rows.Where(x => found.Contains(x.ResidentId));
        }
        rows = (q.Show ?? "due") switch
        {
            "overdue" => rows.Where(x => x.NextDueOn < today),
            "due" => rows.Where(x => x.NextDueOn <= today.AddDays(DueWithinDays)),
            _ => rows,
        };
        var page = await rows.OrderBy(x => x.NextDueOn).ThenBy(x => x.Id).Skip(paging.Skip).Take(paging.Size + 1).ToListAsync(ct);
        var people = await residents.GetManyAsync(page.Select(x => x.ResidentId), ct);
        var names = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        await audit.SearchAsync(nameof(ChronicEnrolment), $"慢病随访名单：{q.Show ?? "due"} {q.Programme}，{Math.Min(page.Count, paging.Size)} 人");
        return TypedResults.Ok(new Page<DueRow>(page.Take(paging.Size).Select(x =>
        {
            var r = people.GetValueOrDefault(x.ResidentId);
            var overdue = ChronicRecords.IsOverdue(x.NextDueOn, today);
            return new DueRow(x.Id, x.ResidentId, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, r?.Phone, r?.Address, x.Programme, ChronicRules.NameOf(x.Programme),
                names.GetValueOrDefault(x.InstitutionId, ""), x.LastFollowUpOn is { } l ? ChinaTime.FormatDate(l) : null, x.LastClass is { } c ? ChronicRules.ClassName(c) : null,
                ChinaTime.FormatDate(x.NextDueOn), overdue, overdue ? today.DayNumber - x.NextDueOn.DayNumber : 0);
        }).ToList(), paging.Number, paging.Size, page.Count > paging.Size, null));
    }
}

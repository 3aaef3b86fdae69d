using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using CountyHealth.Surveillance.Contracts;
using CountyHealth.Surveillance.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Surveillance.Cards;

/// <summary>
/// Which cards: "open" (待报告 and 已退回, the reporter's to-do; the default), "submitted" (the CDC's queue), "accepted",
/// "withdrawn" or "all"; of one month of diagnosis ("2026-11") or every month.
/// </summary>
public sealed record CardQuery([Text(16)] string? Status, [Text(7)] string? Month, [Bounds(1, 1_000_000)] int? Page, [Bounds(1, 200)] int? PageSize);

/// <summary>The cards within the user's reach, the ones due first; overdue drafts stand out.</summary>
internal sealed class ListCards(CountyHealthDb db, IAccessScope scope, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<Page<CardRow>>, ValidationProblem>> HandleAsync(CardQuery q, CancellationToken ct)
    {
        var e = FieldErrors.For(q);
        var statuses = (q.Status ?? "open") switch
        {
            "open" => new[] { CardStatus.Draft, CardStatus.Returned },
            "submitted" => [CardStatus.Submitted],
            "accepted" => [CardStatus.Accepted],
            "withdrawn" => [CardStatus.Withdrawn],
            "all" => Enum.GetValues<CardStatus>(),
            _ => null,
        };
        if (statuses is null)
        {
            e.Add("status", "状态应为 open、submitted、accepted、withdrawn 或 all");
        }
        DateTime? from = null;
        DateTime? to = null;
        if (q.Month is { Length: > 0 } m)
        {
            if (FactMonths.TryParse(m, out var month))
            {
                var first = FactMonths.FirstDay(month);
                (from, to) = (ChinaTime.StartOfDayUtc(first), ChinaTime.StartOfDayUtc(first.AddMonths(1)));
            }
            else
            {
                e.Add("month", "月份格式应为 2026-11");
            }
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var paging = new Paging(q.Page ?? 1, q.PageSize ?? 50);
        var cards = await scope.WithinAsync(db.Set<ReportCard>().AsNoTracking().Where(c => statuses!.Contains(c.Status)), SurveillancePermissions.Read, c => c.InstitutionId, ct);
        if (from is { } f && to is { } t)
        {
            cards = cards.Where(c => c.DiagnosedAt >= f && c.DiagnosedAt < t);
        }
        // The work first: what is due soonest; a list of settled cards reads newest first.
        var ordered = statuses!.All(s => s is CardStatus.Draft or CardStatus.Returned or CardStatus.Submitted)
            ? cards.OrderBy(c => c.Status == CardStatus.Submitted ? c.SubmittedAt : c.DueAt).ThenBy(c => c.CardNumber)
            : cards.OrderByDescending(c => c.DiagnosedAt).ThenBy(c => c.CardNumber);
        var rows = await ordered.Skip(paging.Skip).Take(paging.Size + 1).ToListAsync(ct);
        var names = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        var today = ChinaTime.Today(clock);
        await audit.SearchAsync(nameof(ReportCard), $"传染病报告卡列表：{q.Status ?? "open"} {q.Month}，{Math.Min(rows.Count, paging.Size)} 张");
        return TypedResults.Ok(new Page<CardRow>(rows.Take(paging.Size).Select(c => new CardRow(c.Id, c.CardNumber, ReportCards.KindName(c.Kind), c.PatientName,
            SexNames.Of(c.Sex), c.BirthDate is { } b ? Age.On(b, today) : null, c.DiseaseName, NotifiableDisease.ClassNameOf(c.DiseaseClass, c.AsClassA),
            ChinaTime.Format(c.DiagnosedAt), ChinaTime.Format(c.DueAt), c.DueAt, c.Status, c.StatusName, names.GetValueOrDefault(c.InstitutionId, ""), c.DoctorName,
            ReportCards.Time(c.SubmittedAt), c.FirstSubmittedAt is null ? null : CardRules.ReportedInTime(c.DueAt, c.FirstSubmittedAt))).ToList(),
            paging.Number, paging.Size, rows.Count > paging.Size, null));
    }
}

/// <summary>One card with its history (audited as a read, or as a print for the printed card).</summary>
internal sealed class GetCard(ReportCards cards, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<CardView>, ProblemHttpResult>> HandleAsync(Guid id, bool print, CancellationToken ct)
    {
        if (await cards.FindAsync(id, SurveillancePermissions.Read, ct) is not { } card)
        {
            return Problems.NotFound(ReportCards.NotFound);
        }
        if (print)
        {
            await audit.PrintAsync(nameof(ReportCard), card.Id, card.ResidentId, card.CardNumber);
        }
        else
        {
            await audit.ReadAsync(nameof(ReportCard), card.Id, card.ResidentId);
        }
        return TypedResults.Ok(await cards.ViewAsync(card, ct));
    }
}

/// <summary>The notifiable diseases in force today, with their class and reporting limit (the card's disease list).</summary>
internal sealed class ListDiseases(DiseaseCatalogue diseases, TimeProvider clock) : IUseCase
{
    public IReadOnlyList<DiseaseRow> Handle() =>
        diseases.List.InForce(ChinaTime.Today(clock)).Select(d => new DiseaseRow(d.Code, d.Name, d.ClassName, DiseaseCatalogue.Within(d.ReportWithin), d.Icd10)).ToList();
}

/// <summary>How many cards wait in each state within the user's reach, and whether the user reports or reviews them (the desk's tabs).</summary>
public sealed record CardDesk(bool CanReport, bool CanReview, int Open, int Overdue, int Submitted);

internal sealed class GetCardDesk(CountyHealthDb db, IAccessScope scope, TimeProvider clock) : IUseCase
{
    public async Task<CardDesk> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cards = await scope.WithinAsync(db.Set<ReportCard>().AsNoTracking()
            .Where(c => c.Status == CardStatus.Draft || c.Status == CardStatus.Returned || c.Status == CardStatus.Submitted), SurveillancePermissions.Read, c => c.InstitutionId, ct);
        var counts = await cards.GroupBy(c => new { c.Status, Late = c.DueAt < now }).Select(g => new { g.Key.Status, g.Key.Late, Count = g.Count() }).ToListAsync(ct);
        return new CardDesk(scope.ReachOf(SurveillancePermissions.Report) != Kernel.Security.Reach.None, scope.ReachOf(SurveillancePermissions.Review) != Kernel.Security.Reach.None,
            counts.Where(c => c.Status != CardStatus.Submitted).Sum(c => c.Count), counts.Where(c => c.Status == CardStatus.Draft && c.Late).Sum(c => c.Count),
            counts.Where(c => c.Status == CardStatus.Submitted).Sum(c => c.Count));
    }
}

using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Documents;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Surveillance.Contracts;
using CountyHealth.Surveillance.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Surveillance.Cards;

/// <summary>The card's fields; with Submit the card is sent (网络直报) — only when nothing required is missing.</summary>
public sealed record CardRequest(CardFields Fields, bool Submit, int Version);

/// <summary>The CDC's review: accept, or return with the reason (退卡原因).</summary>
public sealed record ReviewCardRequest(bool Accept, [Text(200)] string? Reason, int Version);

/// <summary>Withdraws a card (a draft not to be reported, or a report made in error), with the reason.</summary>
public sealed record WithdrawCardRequest([Text(200)] string? Reason, int Version);

internal static class CardConcurrency
{
    public const string Changed = "该报告卡已被他人修改，请刷新后再操作";
}

/// <summary>Saves a draft or returned card; sends it when asked and complete (the first sending is what timeliness counts).</summary>
internal sealed class SaveCard(CountyHealthDb db, ReportCards cards, DiseaseCatalogue diseases, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<CardView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, CardRequest r, CancellationToken ct)
    {
        if (await cards.FindAsync(id, SurveillancePermissions.Report, ct) is not { } card)
        {
            return Problems.NotFound(ReportCards.NotFound);
        }
        if (card.Status is not (CardStatus.Draft or CardStatus.Returned))
        {
            return Problems.Conflict($"报告卡{card.StatusName}，不能修改；需要更正时请订正");
        }
        if (r.Version != card.Version)
        {
            return Problems.Conflict(CardConcurrency.Changed);
        }
        var e = FieldErrors.For(r);
        var f = r.Fields;
        var day = ChinaTime.DayOf(card.DiagnosedAt);
        var disease = diseases.List.Find(f?.DiseaseCode ?? "");
        if (disease is null || !disease.InForceOn(day))
        {
            e.Add("fields.diseaseCode", "请选择诊断之日在册的法定传染病病种");
        }
        if (f?.ResidenceCategory is { Length: > 0 } rc && !CardRules.ResidenceCategories.Contains(rc))
        {
            e.Add("fields.residenceCategory", "病人属于应为：" + string.Join("、", CardRules.ResidenceCategories));
        }
        if (f?.Occupation is { Length: > 0 } o && !CardRules.Occupations.Contains(o))
        {
            e.Add("fields.occupation", "人群分类不在报告卡的分类中");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        if (r.Submit)
        {
            foreach (var m in cards.Missing(f!, card.DiagnosedAt))
            {
                e.Add("fields." + m.Field, m.Message);
            }
            if (e.Any)
            {
                return e.ToProblem();
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Apply(card, f!, disease!);
        card.Version++;
        if (r.Submit)
        {
            var first = card.FirstSubmittedAt is null;
            card.FirstSubmittedAt ??= now;
            card.SubmittedAt = now;
            card.SubmittedBy = user.FullName;
            card.Status = CardStatus.Submitted;
            card.Log(now, user.FullName, first ? "报告" : "修改后重报",
                first ? (now <= card.DueAt ? "在报告时限内" : $"超过报告时限（{Deadlines.Describe(card.DueAt, now).Text}）") : null);
        }
        else
        {
            card.Log(now, user.FullName, "保存");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(CardConcurrency.Changed);
        }
        return TypedResults.Ok(await cards.ViewAsync(card, ct));
    }

    private static void Apply(ReportCard c, CardFields f, NotifiableDisease disease)
    {
        c.PatientName = f.PatientName?.Trim() ?? "";
        c.ParentName = Blank(f.ParentName);
        c.IdNumber = Blank(f.IdNumber);
        c.Sex = f.Sex;
        c.BirthDate = f.BirthDate;
        c.Workplace = Blank(f.Workplace);
        c.Phone = Blank(f.Phone);
        c.ResidenceCategory = Blank(f.ResidenceCategory);
        c.Address = Blank(f.Address);
        c.Occupation = Blank(f.Occupation);
        c.Classification = f.Classification;
        c.AcuteOrChronic = Blank(f.AcuteOrChronic);
        c.OnsetDate = f.OnsetDate;
        c.DeathDate = f.DeathDate;
        c.Notes = Blank(f.Notes);
        if (c.DiseaseCode != disease.Code)
        {
            // Another disease, another limit: the deadline still counts from the diagnosis.
            c.DiseaseCode = disease.Code;
            c.DiseaseName = disease.Name;
            c.DiseaseClass = disease.Class;
            c.AsClassA = disease.AsClassA;
            c.DueAt = c.DiagnosedAt + disease.ReportWithin;
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The CDC accepts a sent card or returns it with the reason; the reporter then corrects and sends it again.</summary>
internal sealed class ReviewCard(CountyHealthDb db, ReportCards cards, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<CardView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, ReviewCardRequest r, CancellationToken ct)
    {
        if (await cards.FindAsync(id, SurveillancePermissions.Review, ct) is not { } card)
        {
            return Problems.NotFound(ReportCards.NotFound);
        }
        if (card.Status != CardStatus.Submitted)
        {
            return Problems.Conflict($"报告卡{card.StatusName}，不在待审核状态");
        }
        if (r.Version != card.Version)
        {
            return Problems.Conflict(CardConcurrency.Changed);
        }
        var e = FieldErrors.For(r);
        if (!r.Accept && string.IsNullOrWhiteSpace(r.Reason))
        {
            e.Add("reason", "退回报告卡请写明退卡原因");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        card.ReviewedAt = now;
        card.ReviewedBy = user.FullName;
        card.Version++;
        if (r.Accept)
        {
            card.Status = CardStatus.Accepted;
            card.ReturnReason = null;
            card.Log(now, user.FullName, "审核通过", CardRules.ReviewedInTime(card.ReportWithin, card.SubmittedAt, now) ? "在审核时限内" : "超过审核时限");
            if (card.CorrectsCardId is { } original && await db.Set<ReportCard>().Include(c => c.History).FirstOrDefaultAsync(c => c.Id == original, ct) is { } old)
            {
                old.CorrectedByCardId = card.Id;
                old.Version++;
                old.Log(now, user.FullName, "已订正", card.CardNumber);
            }
        }
        else
        {
            card.Status = CardStatus.Returned;
            card.ReturnReason = r.Reason!.Trim();
            card.Log(now, user.FullName, "退回", card.ReturnReason);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(CardConcurrency.Changed);
        }
        return TypedResults.Ok(await cards.ViewAsync(card, ct));
    }
}

/// <summary>
/// Withdraws a card with the reason: a draft the doctor will not report (the diagnosis was excluded), or a sent card
/// reported in error. The card and its history stay; it counts nowhere.
/// </summary>
internal sealed class WithdrawCard(CountyHealthDb db, ReportCards cards, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<CardView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, WithdrawCardRequest r, CancellationToken ct)
    {
        if (await cards.FindAsync(id, SurveillancePermissions.Report, ct) is not { } card)
        {
            return Problems.NotFound(ReportCards.NotFound);
        }
        if (card.Status == CardStatus.Withdrawn || card.CorrectedByCardId is not null)
        {
            return Problems.Conflict(card.Status == CardStatus.Withdrawn ? "报告卡已删除" : "报告卡已被订正，不能删除");
        }
        if (r.Version != card.Version)
        {
            return Problems.Conflict(CardConcurrency.Changed);
        }
        var e = FieldErrors.For(r);
        if (string.IsNullOrWhiteSpace(r.Reason))
        {
            e.Add("reason", "请写明删除原因（如：排除诊断、重复报告）");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        card.Log(now, user.FullName, card.Status == CardStatus.Draft ? "不予报告" : "删除", r.Reason!.Trim());
        card.Status = CardStatus.Withdrawn;
        card.WithdrawReason = r.Reason.Trim();
        card.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(CardConcurrency.Changed);
        }
        return TypedResults.Ok(await cards.ViewAsync(card, ct));
    }
}

/// <summary>
/// Corrects an accepted card (订正): a new card of the kind 订正, filled as the accepted one, to change and send; when
/// the CDC accepts it, it replaces the original (which stays, marked corrected).
/// </summary>
internal sealed class CorrectCard(CountyHealthDb db, ReportCards cards, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<CardView>, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await cards.FindAsync(id, SurveillancePermissions.Report, ct) is not { } card)
        {
            return Problems.NotFound(ReportCards.NotFound);
        }
        if (card.Status != CardStatus.Accepted || card.CorrectedByCardId is not null)
        {
            return Problems.Conflict("只能订正已审核且未被订正的报告卡");
        }
        if (await db.Set<ReportCard>().AnyAsync(c => c.CorrectsCardId == id && c.Status != CardStatus.Withdrawn && c.Status != CardStatus.Accepted, ct))
        {
            return Problems.Conflict("该报告卡已有未完成的订正卡");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var correction = new ReportCard
        {
            CardNumber = await DocumentNumbers.NextAsync(db, card.InstitutionId, DocumentNumbers.ReportCard, ChinaTime.DayOf(now), ct),
            Kind = CardKind.Correction,
            CorrectsCardId = card.Id,
            ResidentId = card.ResidentId,
            InstitutionId = card.InstitutionId,
            VisitId = card.VisitId,
            DiseaseCode = card.DiseaseCode,
            DiseaseName = card.DiseaseName,
            DiseaseClass = card.DiseaseClass,
            AsClassA = card.AsClassA,
            DiagnosisCode = card.DiagnosisCode,
            DiagnosisName = card.DiagnosisName,
            PatientName = card.PatientName,
            ParentName = card.ParentName,
            IdNumber = card.IdNumber,
            Sex = card.Sex,
            BirthDate = card.BirthDate,
            Workplace = card.Workplace,
            Phone = card.Phone,
            ResidenceCategory = card.ResidenceCategory,
            Address = card.Address,
            Occupation = card.Occupation,
            Classification = card.Classification,
            AcuteOrChronic = card.AcuteOrChronic,
            OnsetDate = card.OnsetDate,
            DiagnosedAt = card.DiagnosedAt,
            DeathDate = card.DeathDate,
            DoctorStaffId = user.StaffId,
            DoctorName = user.FullName,
            Notes = card.Notes,
            CreatedAt = now,
            // A correction is sent as promptly as a first report: the same limit, from now.
            DueAt = now + card.ReportWithin,
        };
        correction.Log(now, user.FullName, "订正", $"订正 {card.CardNumber}");
        db.Add(correction);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/surveillance/cards/{correction.Id}", await cards.ViewAsync(correction, ct));
    }
}

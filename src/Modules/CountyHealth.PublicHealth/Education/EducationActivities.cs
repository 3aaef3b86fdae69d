using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Education;

/// <summary>A health-education activity on the national record form.</summary>
public sealed record EducationRequest(Guid? Institution, DateOnly Date, EducationKind Kind, [Text(60)] string? Place, [Text(60)] string? Topic, [Text(30)] string? Organiser,
    [Text(30)] string? Speaker, [Text(30)] string? Audience, [Bounds(0, 100_000)] int AudienceCount, [Bounds(0, 100)] int MaterialKinds, [Bounds(0, 1_000_000)] int MaterialCount,
    [Text(500, MultiLine = true)] string? Content, [Text(500, MultiLine = true)] string? Evaluation, IReadOnlyList<string>? Archive);

public sealed record EducationQuery(Guid? Institution, [Bounds(2000, 2100)] int? Year);

public sealed record EducationProgress(string Kind, string KindName, int Done, int? Required, int? DueByNow, string Status, string Unit);

public sealed record EducationActivityRow(Guid Id, string Date, string KindName, string Topic, string Place, string Speaker, int AudienceCount, string Materials, string Archive,
    string RecordedBy);

public sealed record EducationSheet(Guid InstitutionId, string InstitutionName, int Year, IReadOnlyList<EducationProgress> Progress, IReadOnlyList<EducationActivityRow> Activities,
    bool CanRecord);

/// <summary>An institution's health education for a year: each kind's count against the specification's yearly volume and time elapsed, and the activities.</summary>
internal sealed class GetEducationSheet(CountyHealthDb db, IAccessScope scope, IInstitutionDirectory institutions, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<EducationSheet>, ValidationProblem, ProblemHttpResult>> HandleAsync(EducationQuery q, CancellationToken ct)
    {
        var e = FieldErrors.For(q);
        if (e.Any)
        {
            return e.ToProblem();
        }
        var id = q.Institution ?? user.InstitutionId;
        if (id is not { } institutionId || await institutions.FindAsync(institutionId, ct) is not { } institution
            || !await scope.CoversAsync(PublicHealthPermissions.Read, institutionId, ct))
        {
            return Problems.NotFound(ListReach.BeyondMessage);
        }
        var today = ChinaTime.Today(clock);
        var year = q.Year ?? today.Year;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var activities = await db.Set<EducationActivity>().AsNoTracking().Where(a => a.InstitutionId == institutionId && a.Date >= from && a.Date <= to)
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.RecordedAt).ToListAsync(ct);
        var village = institution.Kind == InstitutionKind.VillageClinic;
        // The year's share due by now: the whole of a past year, none of a future one.
        var asOf = year < today.Year ? to : year > today.Year ? (DateOnly?)null : today;
        var progress = Enum.GetValues<EducationKind>().Select(kind =>
        {
            var done = EducationRules.Done(kind, activities.Where(a => a.Kind == kind).Select(a => (a.Topic, a.MaterialKinds)));
            var required = EducationRules.Required(kind, village);
            var dueNow = required is { } r && asOf is { } day ? EducationRules.DueBy(r, day) : (int?)null;
            var status = required is null ? "不作数量要求" : done >= required ? "已完成全年要求" : done >= (dueNow ?? 0) ? "进度符合时间要求" : "落后于时间进度";
            return new EducationProgress(EducationRules.Key(kind), EducationRules.KindName(kind), done, required, dueNow, status, EducationRules.Unit(kind));
        }).ToList();
        return TypedResults.Ok(new EducationSheet(institutionId, institution.Name, year, progress,
            activities.Select(a => new EducationActivityRow(a.Id, ChinaTime.FormatDate(a.Date), EducationRules.KindName(a.Kind), a.Topic, a.Place, a.Speaker ?? "", a.AudienceCount,
                a.MaterialKinds > 0 ? $"{a.MaterialKinds} 种 {a.MaterialCount} 份" : "", string.Join("、", a.Archive.Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(k => EducationRules.Archive.FirstOrDefault(x => x.Key == k).Name ?? k)), a.RecordedBy)).ToList(),
            await scope.CoversAsync(PublicHealthPermissions.Education, institutionId, ct)));
    }
}

/// <summary>Records an activity for the user's institution (or one below it within reach).</summary>
internal sealed class RecordEducationActivity(CountyHealthDb db, IAccessScope scope, IInstitutionDirectory institutions, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<EducationActivityRow>, ValidationProblem, ProblemHttpResult>> HandleAsync(EducationRequest r, CancellationToken ct)
    {
        var id = r.Institution ?? user.InstitutionId;
        if (id is not { } institutionId || await institutions.FindAsync(institutionId, ct) is null || !await scope.CoversAsync(PublicHealthPermissions.Education, institutionId, ct))
        {
            return Problems.NotFound(ListReach.BeyondMessage);
        }
        var e = FieldErrors.For(r);
        var today = ChinaTime.Today(clock);
        if (r.Date > today || r.Date < today.AddYears(-1))
        {
            e.Add("date", "活动日期应在一年内且不晚于今天");
        }
        if (!Enum.IsDefined(r.Kind))
        {
            e.Add("kind", "请选择活动形式");
        }
        e.Require("place", r.Place, "活动地点", 60).Require("topic", r.Topic, "活动主题", 60).Require("organiser", r.Organiser, "组织者", 30);
        if (r.Kind is EducationKind.Talk or EducationKind.Consultation or EducationKind.OutreachClinic && r.AudienceCount == 0)
        {
            e.Add("audienceCount", "讲座、咨询、义诊请填写接受健康教育人数");
        }
        if (r.Kind == EducationKind.Talk && string.IsNullOrWhiteSpace(r.Speaker))
        {
            e.Add("speaker", "讲座请填写主讲人");
        }
        if (r.Kind == EducationKind.PrintedMaterial && (r.MaterialKinds == 0 || r.MaterialCount == 0))
        {
            e.Add("materialCount", "印刷资料发放请填写种类和数量");
        }
        if (r.MaterialCount < r.MaterialKinds)
        {
            e.Add("materialCount", "资料数量不能少于种类数");
        }
        if ((r.Archive ?? []).FirstOrDefault(a => EducationRules.Archive.All(x => x.Key != a)) is { } unknown)
        {
            e.Add("archive", $"没有这种存档材料：{unknown}");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var activity = new EducationActivity
        {
            InstitutionId = institutionId,
            Date = r.Date,
            Kind = r.Kind,
            Place = r.Place!.Trim(),
            Topic = r.Topic!.Trim(),
            Organiser = r.Organiser!.Trim(),
            Speaker = string.IsNullOrWhiteSpace(r.Speaker) ? null : r.Speaker.Trim(),
            Audience = r.Audience?.Trim() ?? "",
            AudienceCount = r.AudienceCount,
            MaterialKinds = r.MaterialKinds,
            MaterialCount = r.MaterialCount,
            Content = r.Content?.Trim() ?? "",
            Evaluation = string.IsNullOrWhiteSpace(r.Evaluation) ? null : r.Evaluation.Trim(),
            Archive = string.Join(",", EducationRules.Archive.Select(a => a.Key).Where(k => (r.Archive ?? []).Contains(k))),
            RecordedBy = user.FullName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(activity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/public-health/education?institution={institutionId}",
            new EducationActivityRow(activity.Id, ChinaTime.FormatDate(activity.Date), EducationRules.KindName(activity.Kind), activity.Topic, activity.Place, activity.Speaker ?? "",
                activity.AudienceCount, activity.MaterialKinds > 0 ? $"{activity.MaterialKinds} 种 {activity.MaterialCount} 份" : "", activity.Archive, activity.RecordedBy));
    }
}

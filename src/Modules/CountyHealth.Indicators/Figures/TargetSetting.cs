using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Domain;
using CountyHealth.Indicators.Facts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Indicators.Figures;

/// <summary>A target row: the county's (no institution id) or one institution's.</summary>
public sealed record TargetRow(Guid? InstitutionId, string Name, string KindName, decimal? Value, decimal? LastYear);

/// <summary>An indicator's targets of a year: the county's and each institution's, with last year's value beside them.</summary>
public sealed record TargetSheet(string Code, string Name, string Unit, int Year, IReadOnlyList<TargetRow> Rows, int Decimals = 0);

/// <summary>A county target to split over the institutions by their last-year values.</summary>
public sealed record CountyTargetRequest(string Code, [Bounds(2000, 2099)] int Year, [Bounds(0, 1_000_000_000)] decimal Value);

/// <summary>One institution's target, set or corrected by hand after the split.</summary>
public sealed record InstitutionTargetRequest(string Code, [Bounds(2000, 2099)] int Year, Guid InstitutionId, [Bounds(0, 1_000_000_000)] decimal Value);

/// <summary>The indicator (the first of the catalogue when absent) and the year (this year when absent).</summary>
public sealed record TargetQuery(string? Code, [Bounds(2000, 2099)] int? Year);

/// <summary>
/// The bureau's targets (目标管理): a county target per indicator and year, decomposed to the institutions in
/// proportion to what each did last year, then corrected one by one where the bureau knows better.
/// </summary>
internal sealed class IndicatorTargets(CountyHealthDb db, IndicatorCatalogue catalogue, FigureTable figures, IInstitutionDirectory directory, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The institutions that carry targets: clinics, centres and hospitals, not the bureau and its agencies.</summary>
    public async Task<List<InstitutionInfo>> TargetedAsync(CancellationToken ct) =>
        (await directory.ListAsync(ct)).Where(i => i.Kind is InstitutionKind.CountyHospital or InstitutionKind.TownshipHealthCentre or InstitutionKind.VillageClinic).ToList();

    /// <summary>A target request's fields, its indicator known, a percentage at most 100: the problem, or none.</summary>
    public (Indicator? Indicator, ValidationProblem? Problem) Check(object request, string code, decimal value)
    {
        if (FieldErrors.For(request) is { Any: true } invalid)
        {
            return (null, invalid.ToProblem());
        }
        if (catalogue.Find(code) is not { } indicator)
        {
            return (null, Problems.Field("code", "未找到该指标"));
        }
        return indicator.Unit == "%" && value > 100 ? (indicator, Problems.Field("value", $"{indicator.Name}的目标是百分比，不能超过100")) : (indicator, null);
    }

    public async Task<Guid> CountyIdAsync(CancellationToken ct) => (await directory.ListAsync(ct)).First(i => i.Kind == InstitutionKind.Bureau).Id;

    public async Task<TargetSheet?> SheetAsync(string code, int year, CancellationToken ct)
    {
        if (catalogue.Find(code) is not { } indicator)
        {
            return null;
        }
        var institutions = await TargetedAsync(ct);
        var county = await CountyIdAsync(ct);
        var targets = await db.Set<IndicatorTarget>().AsNoTracking().Where(t => t.IndicatorCode == code && t.Year == year).ToDictionaryAsync(t => t.InstitutionId, t => t.Value, ct);
        await figures.LoadAsync(null, (year - 1) * 100 + 1, (year - 1) * 100 + 12, ct, [indicator]);
        var lastYear = Period.Of(PeriodKind.Year, (year - 1) * 100 + 12);
        var rows = institutions.Select(i => new TargetRow(i.Id, i.Name, InstitutionKinds.ChineseName(i.Kind), targets.TryGetValue(i.Id, out var v) ? v : null,
            figures.Evaluate(indicator, [i.Id], lastYear).Value)).ToList();
        rows.Insert(0, new TargetRow(null, "全县", "", targets.TryGetValue(county, out var c) ? c : null, figures.Evaluate(indicator, institutions.Select(i => i.Id).ToList(), lastYear).Value));
        return new TargetSheet(indicator.Code, indicator.Name, indicator.Unit, year, rows, indicator.Decimals);
    }

    public async Task SaveAsync(string code, int year, IReadOnlyDictionary<Guid, decimal> values, CancellationToken ct)
    {
        var ids = values.Keys.ToList();
        var existing = await db.Set<IndicatorTarget>().Where(t => t.IndicatorCode == code && t.Year == year && ids.Contains(t.InstitutionId)).ToDictionaryAsync(t => t.InstitutionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (institution, value) in values)
        {
            if (!existing.TryGetValue(institution, out var t))
            {
                t = new IndicatorTarget { IndicatorCode = code, Year = year, InstitutionId = institution };
                db.Add(t);
            }
            (t.Value, t.SetBy, t.SetAt) = (value, user.UserName, now);
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>An indicator's targets of a year.</summary>
internal sealed class GetTargets(IndicatorTargets targets, IndicatorCatalogue catalogue, IAccessScope scope, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<TargetSheet>, ProblemHttpResult>> HandleAsync(TargetQuery q, CancellationToken ct)
    {
        if (await targets.SheetAsync(q.Code ?? catalogue.Indicators[0].Code, q.Year ?? Kernel.Time.ChinaTime.Today(clock).Year, ct) is not { } sheet)
        {
            return Problems.NotFound("未找到该指标");
        }
        // Each user sees the targets of the institutions her reach covers; the county's only with the county's reach.
        var reach = await scope.InstitutionsAsync(IndicatorPermissions.Read, ct);
        return TypedResults.Ok(reach is null ? sheet : sheet with { Rows = sheet.Rows.Where(r => r.InstitutionId is { } id && reach.Contains(id)).ToList() });
    }
}

/// <summary>Sets the county's target and splits it over the institutions by last year's values (equally where none).</summary>
internal sealed class SetCountyTarget(IndicatorTargets targets, IndicatorCatalogue catalogue, FigureTable figures) : IUseCase
{
    public async Task<Results<Ok<TargetSheet>, ValidationProblem, ProblemHttpResult>> HandleAsync(CountyTargetRequest r, CancellationToken ct)
    {
        if (targets.Check(r, r.Code, r.Value) is { Problem: { } problem })
        {
            return problem;
        }
        var indicator = catalogue.Find(r.Code)!;
        var institutions = await targets.TargetedAsync(ct);
        var flow = !indicator.Formula.IsRatio;
        var values = new Dictionary<Guid, decimal> { [await targets.CountyIdAsync(ct)] = r.Value };
        if (flow)
        {
            // A count or an amount adds up: the institutions' targets are shares of the county's.
            await figures.LoadAsync(null, (r.Year - 1) * 100 + 1, (r.Year - 1) * 100 + 12, ct, [indicator]);
            var lastYear = Period.Of(PeriodKind.Year, (r.Year - 1) * 100 + 12);
            var done = institutions.ToDictionary(i => i.Id, i => figures.Evaluate(indicator, [i.Id], lastYear).Value ?? 0);
            foreach (var (id, v) in TargetProgress.Decompose(r.Value, done, indicator.Decimals))
            {
                values[id] = v;
            }
        }
        else
        {
            // A rate does not add up: every institution gets the county's rate.
            foreach (var i in institutions)
            {
                values[i.Id] = r.Value;
            }
        }
        await targets.SaveAsync(r.Code, r.Year, values, ct);
        return TypedResults.Ok((await targets.SheetAsync(r.Code, r.Year, ct))!);
    }
}

/// <summary>Corrects one institution's target.</summary>
internal sealed class SetInstitutionTarget(IndicatorTargets targets) : IUseCase
{
    public async Task<Results<Ok<TargetSheet>, ValidationProblem, ProblemHttpResult>> HandleAsync(InstitutionTargetRequest r, CancellationToken ct)
    {
        if (targets.Check(r, r.Code, r.Value) is { Problem: { } problem })
        {
            return problem;
        }
        if ((await targets.TargetedAsync(ct)).All(i => i.Id != r.InstitutionId))
        {
            return Problems.Field("institutionId", "该机构不承担指标目标");
        }
        await targets.SaveAsync(r.Code, r.Year, new Dictionary<Guid, decimal> { [r.InstitutionId] = r.Value }, ct);
        return TypedResults.Ok((await targets.SheetAsync(r.Code, r.Year, ct))!);
    }
}

using System.Globalization;
using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Domain;
using CountyHealth.Indicators.Facts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Indicators.Figures;

/// <summary>A figure quoted in the summary: which indicator, and the text it stands as.</summary>
public sealed record QuotedFigure(string Code, string Period, decimal? Value, string Text);

/// <summary>A section of the summary: its heading and its paragraph.</summary>
public sealed record SummarySection(string Heading, string Text);

/// <summary>The generated work summary (工作总结) draft of an institution or the county for a period of the year.</summary>
public sealed record WorkSummaryDraft(string Title, string Period, IReadOnlyList<SummarySection> Sections, IReadOnlyList<string> Problems, IReadOnlyList<QuotedFigure> Figures);

/// <summary>The institution (the county within the user's reach when absent) and the last month of the period (this year to it; last month when absent).</summary>
public sealed record SummaryQuery(Guid? Institution, string? Month);

/// <summary>
/// Writes the work-summary draft in the register of the seeds — "今年1—10月，我院门诊接诊12,345人次，同比增长8.2%；
/// 药占比41.3%，较上年下降2.1个百分点……" — every number an indicator's value for the period (year to date) or its
/// change on the same period last year, sections only for what the institution does, and a closing list of the
/// indicators behind target or worse than last year (存在问题).
/// </summary>
internal sealed class WriteWorkSummary(FigureTable figures, IndicatorCatalogue catalogue, IAccessScope scope, IInstitutionDirectory directory, CountyHealthDb db, TimeProvider clock) : IUseCase
{
    private static readonly (string Heading, string[] Codes)[] Sections =
    [
        ("门诊服务", ["MZ01", "MZ02", "MZ03", "MZ04"]),
        ("收入与费用控制", ["SF01", "SF02", "SF03", "MZ05", "SF06"]),
        ("合理用药", ["MZ06", "MZ07", "MZ08", "MZ09"]),
        ("药品管理", ["YF01", "YF02", "YF03", "YF04"]),
        ("城乡居民医保（新农合）", ["YB01", "YB02", "YB03", "YB04", "YB05", "YB06", "YB07", "YB09", "YB10"]),
        ("居民健康档案与主索引", ["JM01", "JM02", "JD03", "JD01", "JD02"]),
        ("老年人健康管理", ["LN02", "LN01"]),
        ("0～6岁儿童健康管理", ["ET03", "ET01", "ET02"]),
        ("慢性病患者健康管理", ["GW05", "GW01", "GW02", "GW03", "GW04"]),
        ("严重精神障碍患者管理", ["JZ02", "JZ01"]),
        ("孕产妇健康管理", ["YC04", "YC03", "YC01", "YC02", "FY01", "FY02", "FY03", "FY04"]),
        ("肺结核患者健康管理", ["FJ03", "FJ01", "FJ02"]),
        ("健康教育", ["JY01", "JY02", "JY03", "JY04"]),
        ("预防接种", ["YM11", "YM01", "YM03", "YM05", "YM06", "YM07"]),
        ("传染病报告", ["CR03", "CR01", "CR02"]),
        ("卫生监督与爱国卫生", ["WS01", "WS02", "XY01", "XY02", "AW01", "AW02"]),
        ("基础建设", ["JS01"]),
    ];

    /// <summary>A section's number as the summaries write it: 一 … 十, 十一 … 十九, 二十 … (more sections than ten once every programme reports).</summary>
    public static string Numeral(int n)
    {
        const string digits = "一二三四五六七八九";
        return n switch
        {
            < 1 => throw new ArgumentOutOfRangeException(nameof(n)),
            < 10 => digits[n - 1].ToString(),
            10 => "十",
            < 20 => "十" + digits[n - 11],
            < 100 => digits[(n / 10) - 1] + "十" + (n % 10 == 0 ? "" : digits[(n % 10) - 1].ToString()),
            _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async Task<Results<Ok<WorkSummaryDraft>, ValidationProblem, ProblemHttpResult>> HandleAsync(SummaryQuery q, CancellationToken ct)
    {
        var month = q.Month ?? $"{ChinaTime.Today(clock).AddMonths(-1):yyyy-MM}";
        if (!Period.TryParse("ytd", month, out var period))
        {
            return Problems.Field("month", "月份写作 2026-10");
        }
        var reach = await scope.InstitutionsAsync(IndicatorPermissions.Read, ct);
        IReadOnlyCollection<Guid> institutions;
        string name, we;
        if (q.Institution is { } one)
        {
            if (!await scope.CoversAsync(IndicatorPermissions.Read, one, ct) || await directory.FindAsync(one, ct) is not { } inst)
            {
                return Problems.NotFound("未找到该机构");
            }
            (institutions, name, we) = ([one], inst.Name, "我院");
        }
        else
        {
            institutions = reach ?? (await directory.ListAsync(ct)).Select(i => i.Id).ToList();
            (name, we) = reach is null ? ("全县", "全县") : ("所辖机构", "所辖机构");
        }
        // The two periods it quotes, summed by the database: loading their 24 months of every figure took 2.2 s for the full county.
        await figures.LoadPeriodsAsync(institutions, [period, period.YearBefore], catalogue.Indicators, ct);
        var quoted = new List<QuotedFigure>();
        string Quote(Indicator i, Period p, decimal? value, string text)
        {
            quoted.Add(new QuotedFigure(i.Code, p.Name, value, text));
            return text;
        }
        string Value(Indicator i)
        {
            var f = figures.Evaluate(i, institutions, period);
            return Quote(i, period, f.Value, i.Format(f.Value) + Unit(i));
        }
        string Change(Indicator i)
        {
            var now = figures.Evaluate(i, institutions, period).Value;
            var before = figures.Evaluate(i, institutions, period.YearBefore).Value;
            if (i.Unit == "%")
            {
                if (now is not { } n || before is not { } b)
                {
                    return "";
                }
                var d = Math.Round(n - b, 1, MidpointRounding.AwayFromZero);
                return d == 0 ? "，与上年持平" : $"，较上年{(d > 0 ? "上升" : "下降")}" + Quote(i, period.YearBefore, d, Math.Abs(d).ToString("0.0", CultureInfo.InvariantCulture)) + "个百分点";
            }
            if (Ranks.Growth(now, before) is not { } g)
            {
                return "";
            }
            return g == 0 ? "，与上年同期持平" : $"，同比{(g > 0 ? "增长" : "下降")}" + Quote(i, period.YearBefore, g, Math.Abs(g).ToString("0.0", CultureInfo.InvariantCulture)) + "%";
        }
        var sections = new List<SummarySection>();
        foreach (var (heading, codes) in Sections)
        {
            var shown = codes.Select(catalogue.Find).OfType<Indicator>()
                .Where(i => figures.Evaluate(i, institutions, period) is { Value: not null and not 0 } || figures.Evaluate(i, institutions, period.YearBefore) is { Value: not null and not 0 })
                .ToList();
            if (shown.Count == 0)
            {
                continue;
            }
            var clauses = shown.Select(i => $"{i.Name}{Value(i)}{Change(i)}");
            // Numbered as written: a section the institution has nothing for leaves no gap.
            sections.Add(new SummarySection($"{Numeral(sections.Count + 1)}、{heading}", $"{period.Name}，{we}" + string.Join("；", clauses) + "。"));
        }
        var problems = await ProblemsAsync(institutions, period, q.Institution ?? (reach is null ? (await directory.ListAsync(ct)).FirstOrDefault(i => i.Kind == InstitutionKind.Bureau)?.Id : null), ct);
        return TypedResults.Ok(new WorkSummaryDraft($"{name}{period.Year}年工作总结（草稿）", period.Name, sections, problems, quoted));
    }

    /// <summary>What stands behind target (amber or red) or is worse than a year ago where better is clear.</summary>
    private async Task<List<string>> ProblemsAsync(IReadOnlyCollection<Guid> institutions, Period period, Guid? targetOf, CancellationToken ct)
    {
        var targets = targetOf is { } t
            ? await db.Set<IndicatorTarget>().AsNoTracking().Where(x => x.Year == period.Year && x.InstitutionId == t).ToDictionaryAsync(x => x.IndicatorCode, x => x.Value, ct)
            : [];
        var elapsed = TargetProgress.YearElapsed(period.ToMonth, ChinaTime.Today(clock));
        var list = new List<string>();
        foreach (var i in catalogue.Indicators.Where(i => i.Direction != Direction.Neutral))
        {
            var now = figures.Evaluate(i, institutions, period).Value;
            if (targets.TryGetValue(i.Code, out var goal))
            {
                // The summary's period runs from January: its value is the year to date.
                var p = TargetProgress.Of(i, now, now, goal, elapsed);
                if (p.Status is TargetStatus.SlightlyBehind or TargetStatus.Behind)
                {
                    list.Add($"{i.Name}{i.Format(now)}{Unit(i)}，未达目标进度（{p.Text}）");
                    continue;
                }
            }
            var before = figures.Evaluate(i, institutions, period.YearBefore).Value;
            if (now is { } n && before is { } b && (i.Direction == Direction.HigherIsBetter ? n < b : n > b) && i.Formula.IsRatio)
            {
                list.Add($"{i.Name}{i.Format(now)}{Unit(i)}，较上年同期{(n > b ? "上升" : "下降")}，需分析原因");
            }
        }
        return list;
    }

    private static string Unit(Indicator i) => i.Unit is "%" ? "" : i.Unit;
}

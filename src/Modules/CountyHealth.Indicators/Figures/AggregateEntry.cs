using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Domain;
using CountyHealth.Indicators.Facts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Indicators.Figures;

public sealed record FormFieldRow(string Key, string Name, string Unit, string KindName, int Decimals, bool AddsUp);

/// <summary>A form as the catalogue of forms shows it: who fills it, its fields and the rules its figures must keep.</summary>
public sealed record FormRow(string Code, string Name, string Purpose, string FilledBy, IReadOnlyList<FormFieldRow> Fields, IReadOnlyList<string> Rules);

/// <summary>One field of a report: its value and the approved values of the three months before (newest first).</summary>
public sealed record ReportFieldView(string Key, string Name, string Unit, string KindName, int Decimals, decimal? Value, IReadOnlyList<decimal?> LastMonths);

/// <summary>
/// An institution's report of a form and month as the screens show it (a blank one when none was started), with the
/// findings of the rules on its values and what the user may do with it.
/// </summary>
public sealed record AggregateReportView(Guid? Id, string Form, string FormName, Guid InstitutionId, string InstitutionName, string Month, string MonthName,
    ReportStatus Status, string StatusName, IReadOnlyList<ReportFieldView> Fields, string? Explanation, IReadOnlyList<Violation> Findings,
    string? EnteredBy, string? SubmittedBy, string? SubmittedAt, string? ReviewedBy, string? ReviewedAt, string? ReturnReason, bool CanEdit, bool CanReview);

/// <summary>An institution's line on a form's sheet for a month: where its report stands.</summary>
public sealed record FormSheetRow(Guid InstitutionId, string InstitutionName, string KindName, ReportStatus? Status, string StatusName, int Refused, int Flagged, string? SubmittedAt);

public sealed record FormSheet(string Form, string FormName, string Month, string MonthName, IReadOnlyList<FormSheetRow> Rows);

/// <summary>The form (the first when absent) and month ("2026-11"; last month when absent).</summary>
public sealed record FormSheetQuery([Text(32)] string? Form, [Text(7)] string? Month);

/// <summary>One institution's report of a form (the first when absent) and month ("2026-11").</summary>
public sealed record ReportQuery([Text(32)] string? Form, Guid Institution, [Text(7)] string Month);

/// <summary>One report's values: a field key to a number (absent or null: not filled yet); submit asks for the bureau's review.</summary>
public sealed record AggregateReportRequest([Text(32)] string Form, Guid InstitutionId, [Text(7)] string Month,
    IReadOnlyDictionary<string, decimal?>? Values, [Text(500, MultiLine = true)] string? Explanation, bool Submit);

/// <summary>The bureau's review: approve, or return with a reason.</summary>
public sealed record ReviewReportRequest(bool Approve, [Text(200)] string? Reason);

/// <summary>The months to check ("2026-01" to "2026-11"; the last twelve closed months when absent) and, optionally, one form.</summary>
public sealed record ValidationQuery([Text(7)] string? From, [Text(7)] string? To, [Text(32)] string? Form);

/// <summary>A finding of the validation run: an impossible or unusual figure, or a report missing or not yet approved.</summary>
public sealed record ValidationFinding(string Form, string FormName, Guid InstitutionId, string InstitutionName, string Month, string MonthName,
    string Kind, string Field, string Message, string StatusName);

public sealed record ValidationRun(string From, string To, int Reports, IReadOnlyList<ValidationFinding> Findings);

/// <summary>
/// The aggregate forms' shared ground: months as typed, the institutions that fill a form within a user's reach, and the
/// findings of the rules on a report with its history.
/// </summary>
internal sealed class AggregateReports(CountyHealthDb db, FormCatalogue forms, IInstitutionDirectory directory, IAccessScope scope, TimeProvider clock)
{
    public FormCatalogue Forms => forms;

    /// <summary>Reads "2026-11" into 202611; the current China month at the latest.</summary>
    public bool TryMonth(string? text, out int month) => FactMonths.TryParse(text, out month) && month <= FactMonths.Of(ChinaTime.Today(clock));

    public int LastMonth => FactMonths.Add(FactMonths.Of(ChinaTime.Today(clock)), -1);

    /// <summary>The institutions of the kinds that fill <paramref name="form"/> which the user reads, fills or reviews.</summary>
    public async Task<List<InstitutionInfo>> FillersAsync(AggregateForm form, CancellationToken ct)
    {
        var all = (await directory.ListAsync(ct)).Where(i => form.FilledBy.Contains(i.Kind)).ToList();
        var reach = new HashSet<Guid>();
        foreach (var permission in new[] { IndicatorPermissions.Read, IndicatorPermissions.Report, IndicatorPermissions.Review })
        {
            if (await scope.InstitutionsAsync(permission, ct) is not { } some)
            {
                return all;
            }
            reach.UnionWith(some);
        }
        return all.Where(i => reach.Contains(i.Id)).ToList();
    }

    /// <summary>The approved values of the reports before <paramref name="month"/> (the rules' history), newest first, by institution and field.</summary>
    public async Task<Dictionary<(Guid Institution, int Month), IReadOnlyDictionary<string, decimal>>> ApprovedAsync(string form, IReadOnlyCollection<Guid> institutions,
        int fromMonth, int toMonth, CancellationToken ct) =>
        (await db.Set<AggregateReport>().AsNoTracking()
            .Where(r => r.FormCode == form && institutions.Contains(r.InstitutionId) && r.Status == ReportStatus.Approved && r.Month >= fromMonth && r.Month <= toMonth)
            .Select(r => new { r.InstitutionId, r.Month, r.ValuesJson }).ToListAsync(ct))
        .ToDictionary(r => (r.InstitutionId, r.Month), r => new AggregateReport { ValuesJson = r.ValuesJson }.Values);

    /// <summary>Each field's approved values of the <see cref="ValidationRule.DeviationMonths"/> months before, newest first (null: none approved).</summary>
    public static Dictionary<string, IReadOnlyList<decimal?>> LastMonths(AggregateForm form, Guid institution, int month,
        IReadOnlyDictionary<(Guid Institution, int Month), IReadOnlyDictionary<string, decimal>> approved) =>
        form.Fields.ToDictionary(f => f.Key, f => (IReadOnlyList<decimal?>)Enumerable.Range(1, ValidationRule.DeviationMonths)
            .Select(back => approved.TryGetValue((institution, FactMonths.Add(month, -back)), out var v) && v.TryGetValue(f.Key, out var x) ? x : (decimal?)null).ToList());

    /// <summary>
    /// What the rules find on one report's values, measured against its institution's approved months before and the
    /// records CountyHealth counts for its institution and month (<see cref="CountedAsync"/>).
    /// </summary>
    public IReadOnlyList<Violation> Findings(AggregateForm form, Guid institution, int month, IReadOnlyDictionary<string, decimal> values,
        IReadOnlyDictionary<(Guid Institution, int Month), IReadOnlyDictionary<string, decimal>> approved,
        IReadOnlyDictionary<(Guid Institution, int Month), IReadOnlyDictionary<string, decimal>>? counted = null) =>
        forms.Rules.Check(form, values, LastMonths(form, institution, month, approved).ToDictionary(l => l.Key, l => (IReadOnlyList<decimal>)l.Value.OfType<decimal>().ToList()),
            counted?.GetValueOrDefault((institution, month)));

    /// <summary>The figures of the measures a form's rules compare reports with (e.g. the health records kept), per institution and month.</summary>
    public async Task<Dictionary<(Guid Institution, int Month), IReadOnlyDictionary<string, decimal>>> CountedAsync(AggregateForm form, IReadOnlyCollection<Guid> institutions,
        int from, int to, CancellationToken ct)
    {
        var measures = forms.Rules.CountedMeasures(form);
        if (measures.Count == 0)
        {
            return [];
        }
        var ids = institutions.ToList();
        return (await db.Set<FactValue>().AsNoTracking()
                .Where(f => measures.Contains(f.Measure) && f.Dimension == "" && ids.Contains(f.InstitutionId) && f.Month >= from && f.Month <= to)
                .Select(f => new { f.InstitutionId, f.Month, f.Measure, f.Value }).ToListAsync(ct))
            .GroupBy(f => (f.InstitutionId, f.Month))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, decimal>)g.ToDictionary(f => f.Measure, f => f.Value, StringComparer.Ordinal));
    }

    /// <summary>The approved reports of one institution's months before <paramref name="month"/> that the rules look back on.</summary>
    public Task<Dictionary<(Guid Institution, int Month), IReadOnlyDictionary<string, decimal>>> HistoryAsync(AggregateForm form, Guid institution, int month, CancellationToken ct) =>
        ApprovedAsync(form.Code, [institution], FactMonths.Add(month, -ValidationRule.DeviationMonths), FactMonths.Add(month, -1), ct);

    public async Task<AggregateReportView> ViewAsync(AggregateForm form, InstitutionInfo institution, int month, AggregateReport? report, CancellationToken ct)
    {
        var approved = await HistoryAsync(form, institution.Id, month, ct);
        var last = LastMonths(form, institution.Id, month, approved);
        var values = report?.Values ?? new Dictionary<string, decimal>();
        var status = report?.Status ?? ReportStatus.Draft;
        var canEdit = status is ReportStatus.Draft or ReportStatus.Returned && await scope.CoversAsync(IndicatorPermissions.Report, institution.Id, ct);
        var canReview = status is ReportStatus.Submitted or ReportStatus.Approved && await scope.CoversAsync(IndicatorPermissions.Review, institution.Id, ct);
        return new AggregateReportView(report?.Id, form.Code, form.Name, institution.Id, institution.Name, FactMonths.Text(month), FactMonths.Name(month), status,
            report is null ? "未填报" : AggregateReport.StatusName(status),
            form.Fields.Select(f => new ReportFieldView(f.Key, f.Name, f.Unit, KindName(f.Kind), f.Decimals, values.TryGetValue(f.Key, out var v) ? v : null, last[f.Key])).ToList(),
            report?.Explanation, Findings(form, institution.Id, month, values, approved, await CountedAsync(form, [institution.Id], month, month, ct)),
            report?.EnteredBy, report?.SubmittedBy, Time(report?.SubmittedAt), report?.ReviewedBy, Time(report?.ReviewedAt), report?.ReturnReason, canEdit, canReview);
    }

    public static string KindName(FieldKind kind) => kind switch
    {
        FieldKind.Count => "计数，按月累加",
        FieldKind.Amount => "数量，按月累加",
        FieldKind.Level => "期末数",
        _ => "百分比，期末数",
    };

    private static string? Time(DateTime? utc) => utc is { } t ? ChinaTime.Format(t) : null;
}

/// <summary>The forms and their rules.</summary>
internal sealed class ListForms(FormCatalogue forms) : IUseCase
{
    public List<FormRow> Handle() => forms.Forms.Select(f => new FormRow(f.Code, f.Name, f.Purpose, string.Join("、", f.FilledBy.Select(InstitutionKinds.ChineseName)),
        f.Fields.Select(x => new FormFieldRow(x.Key, x.Name, x.Unit, AggregateReports.KindName(x.Kind), x.Decimals, x.AddsUp)).ToList(),
        forms.Rules.For(f).Select(r => r.Describe(f)).ToList())).ToList();
}

/// <summary>A form's month across the institutions that fill it: who has reported, who waits for review, what the rules found.</summary>
internal sealed class GetFormSheet(AggregateReports reports, CountyHealthDb db) : IUseCase
{
    public async Task<Results<Ok<FormSheet>, ValidationProblem, ProblemHttpResult>> HandleAsync(FormSheetQuery q, CancellationToken ct)
    {
        if (FieldErrors.For(q) is { Any: true } invalid)
        {
            return invalid.ToProblem();
        }
        if ((q.Form is null ? reports.Forms.Forms.Count > 0 ? reports.Forms.Forms[0] : null : reports.Forms.Find(q.Form)) is not { } form)
        {
            return Problems.NotFound("未找到该填报表");
        }
        var month = reports.LastMonth;
        if (q.Month is not null && !reports.TryMonth(q.Month, out month))
        {
            return Problems.Field("month", "月份应为 yyyy-MM，且不晚于本月");
        }
        var institutions = await reports.FillersAsync(form, ct);
        var ids = institutions.Select(i => i.Id).ToList();
        var existing = await db.Set<AggregateReport>().AsNoTracking().Where(r => r.FormCode == form.Code && r.Month == month && ids.Contains(r.InstitutionId)).ToDictionaryAsync(r => r.InstitutionId, ct);
        var approved = await reports.ApprovedAsync(form.Code, ids, FactMonths.Add(month, -ValidationRule.DeviationMonths), FactMonths.Add(month, -1), ct);
        var rows = institutions.Select(i =>
        {
            existing.TryGetValue(i.Id, out var r);
            var findings = r is null ? [] : reports.Findings(form, i.Id, month, r.Values, approved);
            return new FormSheetRow(i.Id, i.Name, InstitutionKinds.ChineseName(i.Kind), r?.Status, r is null ? "未填报" : AggregateReport.StatusName(r.Status),
                findings.Count(f => f.Refused), findings.Count(f => !f.Refused), r?.SubmittedAt is { } at ? ChinaTime.Format(at) : null);
        }).ToList();
        return TypedResults.Ok(new FormSheet(form.Code, form.Name, FactMonths.Text(month), FactMonths.Name(month), rows));
    }
}

/// <summary>One institution's report of a form and month (blank when not yet started).</summary>
internal sealed class GetAggregateReport(AggregateReports reports, CountyHealthDb db) : IUseCase
{
    public async Task<Results<Ok<AggregateReportView>, ValidationProblem, ProblemHttpResult>> HandleAsync(ReportQuery q, CancellationToken ct)
    {
        if (FieldErrors.For(q) is { Any: true } invalid)
        {
            return invalid.ToProblem();
        }
        if (!reports.TryMonth(q.Month, out var m))
        {
            return Problems.Field("month", "月份应为 yyyy-MM，且不晚于本月");
        }
        // Without a form: the first the institution fills.
        foreach (var form in q.Form is null ? reports.Forms.Forms : reports.Forms.Find(q.Form) is { } one ? [one] : [])
        {
            if ((await reports.FillersAsync(form, ct)).FirstOrDefault(i => i.Id == q.Institution) is { } institution)
            {
                var report = await db.Set<AggregateReport>().AsNoTracking().FirstOrDefaultAsync(r => r.FormCode == form.Code && r.InstitutionId == institution.Id && r.Month == m, ct);
                return TypedResults.Ok(await reports.ViewAsync(form, institution, m, report, ct));
            }
        }
        return Problems.NotFound("未找到该填报表，或该机构不填报此表、不在本账户可见的范围内");
    }
}

/// <summary>
/// Saves an institution's report as a draft or submits it for review. Impossible figures are refused with the field
/// named and nothing saved; unusual ones may be saved, and submitted only with an explanation.
/// </summary>
internal sealed class SaveAggregateReport(AggregateReports reports, CountyHealthDb db, IAccessScope scope, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<AggregateReportView>, ValidationProblem, ProblemHttpResult>> HandleAsync(AggregateReportRequest r, CancellationToken ct)
    {
        var errors = FieldErrors.For(r);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (reports.Forms.Find(r.Form) is not { } form)
        {
            return Problems.Field("form", "未找到该填报表");
        }
        if (!reports.TryMonth(r.Month, out var month))
        {
            return Problems.Field("month", "月份应为 yyyy-MM，且不晚于本月");
        }
        if ((await reports.FillersAsync(form, ct)).FirstOrDefault(i => i.Id == r.InstitutionId) is not { } institution
            || !await scope.CoversAsync(IndicatorPermissions.Report, institution.Id, ct))
        {
            return Problems.Field("institutionId", "本账户不能为该机构填报此表");
        }
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, value) in r.Values ?? new Dictionary<string, decimal?>())
        {
            if (form.Field(key) is not { } field)
            {
                errors.Add("values", $"本表没有“{(key.Length > 32 ? key[..32] : key)}”这一项");
            }
            else if (value is { } v)
            {
                if (Math.Abs(v) > InputPolicy.LargestNumber)
                {
                    errors.Add("values." + key, $"{field.Name}超出合理范围");
                }
                else if (decimal.Round(v, field.Decimals) != v)
                {
                    errors.Add("values." + key, $"{field.Name}最多保留 {field.Decimals} 位小数");
                }
                values[key] = v;
            }
        }
        if (r.Submit)
        {
            foreach (var missing in form.Fields.Where(f => !values.ContainsKey(f.Key)))
            {
                errors.Add("values." + missing.Key, $"上报前请填写{missing.Name}");
            }
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var report = await db.Set<AggregateReport>().FirstOrDefaultAsync(x => x.FormCode == form.Code && x.InstitutionId == institution.Id && x.Month == month, ct);
        if (report is { Status: ReportStatus.Submitted })
        {
            return Problems.Conflict("该报表已上报，正等待审核，不能修改");
        }
        if (report is { Status: ReportStatus.Approved })
        {
            return Problems.Conflict("该报表已审核通过；如需更正，请卫生健康局退回后再改");
        }
        var findings = reports.Findings(form, institution.Id, month, values, await reports.HistoryAsync(form, institution.Id, month, ct),
            await reports.CountedAsync(form, [institution.Id], month, month, ct));
        foreach (var refused in findings.Where(f => f.Refused))
        {
            errors.Add("values." + refused.Field, refused.Message);
        }
        var explanation = string.IsNullOrWhiteSpace(r.Explanation) ? null : r.Explanation.Trim();
        if (r.Submit && explanation is null && findings.Any(f => !f.Refused))
        {
            errors.Add("explanation", "有数字与前几个月相差较大，请在“说明”中写明原因后再上报");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (report is null)
        {
            report = new AggregateReport { FormCode = form.Code, InstitutionId = institution.Id, Month = month };
            db.Add(report);
        }
        report.Values = values;
        report.Explanation = explanation;
        (report.EnteredBy, report.EnteredAt) = (user.FullName, now);
        report.Status = r.Submit ? ReportStatus.Submitted : ReportStatus.Draft;
        (report.SubmittedBy, report.SubmittedAt) = r.Submit ? (user.FullName, now) : ((string?)null, (DateTime?)null);
        report.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("该报表刚被他人保存或审核，请刷新后再改");
        }
        return TypedResults.Ok(await reports.ViewAsync(form, institution, month, report, ct));
    }
}

/// <summary>
/// The bureau's review (审核): a submitted report approved — its figures count from then on — or returned with a reason;
/// an approved report returned when it must be corrected. Nobody reviews a report she submitted.
/// </summary>
internal sealed class ReviewAggregateReport(AggregateReports reports, CountyHealthDb db, IInstitutionDirectory directory, IAccessScope scope, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<AggregateReportView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, ReviewReportRequest r, CancellationToken ct)
    {
        if (FieldErrors.For(r) is { Any: true } invalid)
        {
            return invalid.ToProblem();
        }
        var report = await db.Set<AggregateReport>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (report is null || !await scope.CoversAsync(IndicatorPermissions.Review, report.InstitutionId, ct)
            || reports.Forms.Find(report.FormCode) is not { } form || await directory.FindAsync(report.InstitutionId, ct) is not { } institution)
        {
            return Problems.NotFound("未找到该报表，或不在本账户审核的范围内");
        }
        var reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim();
        switch (report.Status)
        {
            case ReportStatus.Submitted when report.SubmittedBy == user.FullName:
                return Problems.Conflict("不能审核自己上报的报表");
            case ReportStatus.Submitted when r.Approve:
                if (reports.Forms.Rules.Check(form, report.Values, new Dictionary<string, IReadOnlyList<decimal>>()).FirstOrDefault(f => f.Refused) is { } impossible)
                {
                    return Problems.Conflict("报表中有不合规则的数字，应退回：" + impossible.Message);
                }
                report.Status = ReportStatus.Approved;
                report.ReturnReason = null;
                break;
            case ReportStatus.Submitted or ReportStatus.Approved when !r.Approve:
                if (reason is null)
                {
                    return Problems.Field("reason", "退回时请写明原因");
                }
                report.Status = ReportStatus.Returned;
                report.ReturnReason = reason;
                break;
            default:
                return Problems.Conflict($"该报表{AggregateReport.StatusName(report.Status)}，不能{(r.Approve ? "审核通过" : "退回")}");
        }
        (report.ReviewedBy, report.ReviewedAt) = (user.FullName, clock.GetUtcNow().UtcDateTime);
        report.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("该报表刚被他人处理，请刷新后再看");
        }
        return TypedResults.Ok(await reports.ViewAsync(form, institution, report.Month, report, ct));
    }
}

/// <summary>
/// The validation run: every report of the months asked, checked against every rule with its own history, and every
/// closed month an institution has not reported or the bureau not yet approved — per institution and month.
/// </summary>
internal sealed class RunValidation(AggregateReports reports, CountyHealthDb db) : IUseCase
{
    public async Task<Results<Ok<ValidationRun>, ValidationProblem, ProblemHttpResult>> HandleAsync(ValidationQuery q, CancellationToken ct)
    {
        if (FieldErrors.For(q) is { Any: true } invalid)
        {
            return invalid.ToProblem();
        }
        var to = reports.LastMonth;
        if (q.To is not null && !reports.TryMonth(q.To, out to))
        {
            return Problems.Field("to", "月份应为 yyyy-MM，且不晚于本月");
        }
        var from = FactMonths.Add(to, -11);
        if (q.From is not null && !reports.TryMonth(q.From, out from))
        {
            return Problems.Field("from", "月份应为 yyyy-MM，且不晚于本月");
        }
        if (from > to || FactMonths.Add(from, 36) <= to)
        {
            return Problems.Field("from", "起始月应不晚于截止月，且一次最多查 36 个月");
        }
        var forms = q.Form is null ? reports.Forms.Forms : reports.Forms.Find(q.Form) is { } one ? [one] : [];
        if (forms.Count == 0)
        {
            return Problems.NotFound("未找到该填报表");
        }
        var findings = new List<ValidationFinding>();
        var count = 0;
        var open = FactMonths.Add(reports.LastMonth, 1);
        foreach (var form in forms)
        {
            var institutions = await reports.FillersAsync(form, ct);
            var ids = institutions.Select(i => i.Id).ToList();
            var all = await db.Set<AggregateReport>().AsNoTracking().Where(r => r.FormCode == form.Code && ids.Contains(r.InstitutionId) && r.Month >= from && r.Month <= to)
                .ToDictionaryAsync(r => (r.InstitutionId, r.Month), ct);
            count += all.Count;
            var approved = await reports.ApprovedAsync(form.Code, ids, FactMonths.Add(from, -ValidationRule.DeviationMonths), to, ct);
            var counted = await reports.CountedAsync(form, ids, from, to, ct);
            foreach (var i in institutions.OrderBy(i => i.Code, StringComparer.Ordinal))
            {
                for (var month = from; month <= to; month = FactMonths.Add(month, 1))
                {
                    ValidationFinding Finding(string kind, string field, string message, string status) =>
                        new(form.Code, form.Name, i.Id, i.Name, FactMonths.Text(month), FactMonths.Name(month), kind, field, message, status);
                    if (!all.TryGetValue((i.Id, month), out var report))
                    {
                        if (month < open)
                        {
                            findings.Add(Finding("未上报", "", $"{FactMonths.Name(month)}的“{form.Name}”尚未填报", "未填报"));
                        }
                        continue;
                    }
                    var status = AggregateReport.StatusName(report.Status);
                    foreach (var v in reports.Findings(form, i.Id, month, report.Values, approved, counted))
                    {
                        findings.Add(Finding(v.Refused ? "不合规则" : "异常波动", form.Field(v.Field)?.Name ?? v.Field, v.Message, status));
                    }
                    if (report.Status != ReportStatus.Approved && month < open)
                    {
                        findings.Add(Finding("未审核", "", $"报表{status}，尚未审核通过，不计入指标", status));
                    }
                }
            }
        }
        return TypedResults.Ok(new ValidationRun(FactMonths.Text(from), FactMonths.Text(to), count, findings));
    }
}

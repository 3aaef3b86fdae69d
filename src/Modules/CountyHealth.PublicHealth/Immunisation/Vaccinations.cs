using CountyHealth.Kernel.Auditing;
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

namespace CountyHealth.PublicHealth.Immunisation;

/// <summary>
/// A dose about to be given: the series (HepB, BCG, Polio, DTP, MMR, JE, Men, HepA; absent: the one due first) and the
/// day (absent: today).
/// </summary>
public sealed record DoseCheckQuery([Text(16)] string? Series, DateOnly? GivenOn);

/// <summary>What the schedule says of it: which dose it is, when it was due, why it cannot be given, what the nurse must confirm.</summary>
public sealed record DoseCheckView(string? Key, string? Label, string? Vaccine, string? Route, string? DueOn, IReadOnlyList<string> Refusals, IReadOnlyList<string> Warnings);

/// <summary>
/// A dose given (or copied from the child's certificate: <see cref="DoseSource.FromCertificate"/>, batch optional). A dose
/// the schedule warns about is saved only with <paramref name="ConfirmReason"/>, the nurse's reason for giving it anyway.
/// </summary>
public sealed record VaccinationRequest([Text(16)] string Series, DateOnly GivenOn, [Text(40)] string? Batch, [Text(60)] string? Manufacturer, InjectionSite Site,
    DoseSource Source, [Text(200)] string? ConfirmReason);

/// <summary>A certificate check at kindergarten or school entry: where, and on which day.</summary>
public sealed record CertificateCheckRequest([Text(60)] string School, DateOnly CheckedOn);

internal sealed class GetChildCard(ImmunisationRecords records, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<ChildCard>, ProblemHttpResult>> HandleAsync(Guid residentId, CancellationToken ct)
    {
        if (await records.FindChildAsync(residentId, PublicHealthPermissions.ImmunisationRead, ct) is not { } child)
        {
            return Problems.NotFound(ImmunisationRecords.NotFound);
        }
        await audit.ReadAsync("Resident", child.Id, child.Id, "预防接种证");
        return TypedResults.Ok(await records.CardAsync(child, ct));
    }
}

/// <summary>Tells the nurse, before she saves, which dose the vaccine would be and what the schedule says of the day.</summary>
internal sealed class CheckDose(ImmunisationRecords records, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<DoseCheckView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid residentId, DoseCheckQuery q, CancellationToken ct)
    {
        var e = FieldErrors.For(q);
        if (e.Any)
        {
            return e.ToProblem();
        }
        if (await records.FindChildAsync(residentId, PublicHealthPermissions.Immunise, ct) is not { } child)
        {
            return Problems.NotFound(ImmunisationRecords.NotFound);
        }
        await audit.ReadAsync("Resident", child.Id, child.Id, "接种前核对");
        var today = ChinaTime.Today(clock);
        var on = q.GivenOn ?? today;
        var given = (await records.DosesAsync(child.Id, ct)).Select(records.Given).ToList();
        var series = string.IsNullOrWhiteSpace(q.Series)
            ? VaccinationRules.Due(records.Schedule, child.BirthDate, given, on).OrderBy(d => d.DueOn).FirstOrDefault()?.Dose.Series
            : q.Series;
        if (series is null)
        {
            return TypedResults.Ok(new DoseCheckView(null, null, null, null, null, ["国家免疫规划疫苗均已全程接种"], []));
        }
        var check = VaccinationRules.Check(records.Schedule, series, child.BirthDate, given, on, today);
        return TypedResults.Ok(new DoseCheckView(check.Dose?.Key, check.Dose?.Label, check.Dose?.VaccineName, check.Dose?.Route,
            check.DueOn is { } due ? ChinaTime.FormatDate(due) : null, check.Refusals, check.Warnings));
    }
}

/// <summary>
/// Records a dose: the schedule numbers it (the next of its series — only missing doses, never a restart), refuses one
/// the child can no longer have, and saves one before its minimum age or interval only with the nurse's stated reason.
/// </summary>
internal sealed class RecordVaccination(CountyHealthDb db, ImmunisationRecords records, ICurrentUser user, IAccessScope scope, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<ChildCard>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid residentId, VaccinationRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r);
        if (!Enum.IsDefined(r.Site))
        {
            e.Add("site", "请选择接种部位");
        }
        if (!Enum.IsDefined(r.Source))
        {
            e.Add("source", "来源应为本次接种或补录接种证");
        }
        if (r.Source == DoseSource.Given && string.IsNullOrWhiteSpace(r.Batch))
        {
            e.Add("batch", "请填写疫苗批号");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        if (await records.FindChildAsync(residentId, PublicHealthPermissions.Immunise, ct) is not { } child)
        {
            return Problems.NotFound(ImmunisationRecords.NotFound);
        }
        var today = ChinaTime.Today(clock);
        var given = (await records.DosesAsync(child.Id, ct)).Select(records.Given).ToList();
        var check = VaccinationRules.Check(records.Schedule, r.Series, child.BirthDate, given, r.GivenOn, today);
        foreach (var refusal in check.Refusals)
        {
            e.Add(refusal.StartsWith("接种日期", StringComparison.Ordinal) ? "givenOn" : "series", refusal);
        }
        if (check.Dose is { } dose && (r.Site == InjectionSite.Oral) != (dose.Kind == VaccineKind.LiveOral))
        {
            e.Add("site", dose.Kind == VaccineKind.LiveOral ? $"{dose.VaccineName}为口服疫苗，部位应为口服" : $"{dose.VaccineName}为注射疫苗（{dose.Route}），请选择注射部位");
        }
        // A dose given today by this nurse is checked against the schedule; one copied from a certificate happened already.
        if (check.Warnings.Count > 0 && r.Source == DoseSource.Given && string.IsNullOrWhiteSpace(r.ConfirmReason))
        {
            foreach (var w in check.Warnings)
            {
                e.Add("confirmReason", w);
            }
            e.Add("confirmReason", "如确需接种，请填写原因后确认");
        }
        if (e.Any || check.Dose is null)
        {
            return e.ToProblem();
        }
        var own = scope.OwnInstitution ?? child.ManagingInstitutionId;
        db.Add(new Vaccination
        {
            ResidentId = child.Id,
            InstitutionId = child.ManagingInstitutionId,
            GivenAtInstitutionId = r.Source == DoseSource.Given ? own : child.ManagingInstitutionId,
            Series = check.Dose.Series,
            Dose = check.Dose.Dose,
            Vaccine = check.Dose.Vaccine,
            VaccineName = check.Dose.VaccineName,
            Batch = r.Batch?.Trim() ?? "",
            Manufacturer = string.IsNullOrWhiteSpace(r.Manufacturer) ? null : r.Manufacturer.Trim(),
            Site = r.Site,
            GivenOn = r.GivenOn,
            DueOn = check.DueOn ?? r.GivenOn,
            Source = r.Source,
            Warnings = check.Warnings.Count > 0 ? string.Join("；", check.Warnings) : null,
            ConfirmReason = check.Warnings.Count > 0 && !string.IsNullOrWhiteSpace(r.ConfirmReason) ? r.ConfirmReason.Trim() : null,
            NurseName = r.Source == DoseSource.Given ? user.FullName : $"{user.FullName}（补录）",
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two nurses saving the same dose at once: the unique (resident, series, dose) keeps one.
            return Problems.Conflict($"{check.Dose.Label}已登记，请刷新后查看");
        }
        return TypedResults.Created($"/api/v1/public-health/immunisation/children/{child.Id}", await records.CardAsync(child, ct));
    }
}

/// <summary>Checks a child's certificate at kindergarten or school entry: the doses missing that day are written down for catch-up.</summary>
internal sealed class CheckCertificate(CountyHealthDb db, ImmunisationRecords records, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<ChildCard>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid residentId, CertificateCheckRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r);
        if (string.IsNullOrWhiteSpace(r.School))
        {
            e.Add("school", "请填写幼儿园或学校名称");
        }
        var today = ChinaTime.Today(clock);
        if (r.CheckedOn > today)
        {
            e.Add("checkedOn", "查验日期不能晚于今天");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        if (await records.FindChildAsync(residentId, PublicHealthPermissions.Immunise, ct) is not { } child)
        {
            return Problems.NotFound(ImmunisationRecords.NotFound);
        }
        if (r.CheckedOn < child.BirthDate)
        {
            return Problems.Field("checkedOn", "查验日期不能早于出生日期");
        }
        var given = (await records.DosesAsync(child.Id, ct)).Where(v => v.GivenOn <= r.CheckedOn).Select(records.Given).ToList();
        var missing = records.Missing(child.BirthDate, given, r.CheckedOn);
        db.Add(new CertificateCheck
        {
            ResidentId = child.Id,
            InstitutionId = child.ManagingInstitutionId,
            School = r.School.Trim(),
            CheckedOn = r.CheckedOn,
            Result = missing.Count == 0 ? CheckResult.Complete : CheckResult.Incomplete,
            Missing = string.Join(",", missing.Select(d => d.Key)),
            CheckedBy = user.FullName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/public-health/immunisation/children/{child.Id}", await records.CardAsync(child, ct));
    }
}

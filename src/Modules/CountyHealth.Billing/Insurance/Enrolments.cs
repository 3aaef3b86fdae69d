using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Insurance;

/// <summary>A resident to enrol in a scheme for a year; the contribution is the policy's for that year.</summary>
public sealed record EnrolmentRequest(Guid ResidentId, string SchemeCode, [Bounds(2000, 2099)] int Year);

public sealed record EnrolmentRow(Guid Id, Guid ResidentId, string SchemeCode, string SchemeName, int Year, decimal Contribution, string EnrolledAtChina, string RecordedBy);

/// <summary>A resident found for enrolment, with her enrolment of the year if any.</summary>
public sealed record EnrolmentCandidate(Guid ResidentId, string Name, string SexName, int Age, string? IdNumberTail, string? Address, EnrolmentRow? Enrolment);

public sealed record EnrolmentSearch(int Year, IReadOnlyList<EnrolmentCandidate> Residents, IReadOnlyList<SchemeChoice> Schemes, int EnrolledWithinReach);

public sealed record SchemeChoice(string Code, string Name, decimal Contribution);

/// <summary>
/// Enrols a resident (参保登记) for a year: one scheme a person a year, reached through her home clinic; the contribution
/// is the scheme's policy in force on the year's first day (or the first of that year).
/// </summary>
internal sealed class EnrolResident(CountyHealthDb db, IAccessScope scope, ICurrentUser user, IResidentDirectory residents, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<EnrolmentRow>, ValidationProblem, ProblemHttpResult>> HandleAsync(EnrolmentRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r);
        var today = ChinaTime.Today(clock);
        if (r.Year < today.Year - 1 || r.Year > today.Year + 1)
        {
            e.Add("year", $"参保年度只能是{today.Year - 1}—{today.Year + 1}年");
        }
        var scheme = await db.Set<InsuranceScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == r.SchemeCode && s.IsActive, ct);
        if (scheme is null)
        {
            e.Add("schemeCode", "请选择险种");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var person = (await residents.GetManyAsync([r.ResidentId], ct)).GetValueOrDefault(r.ResidentId);
        if (person is null || !await scope.AllowsAsync(BillingPermissions.InsuranceEnrol, person.ManagingInstitutionId, nameof(InsuranceEnrolment), person.Id, person.Id, ct))
        {
            return Problems.NotFound("未找到该居民");
        }
        var policy = await Policies.ForYearAsync(db, scheme!.Id, r.Year, ct);
        if (policy is null)
        {
            return Problems.Conflict($"{scheme.Name}还没有{r.Year}年度的补偿方案，不能登记");
        }
        if (await db.Set<InsuranceEnrolment>().AsNoTracking().AnyAsync(x => x.ResidentId == person.Id && x.Year == r.Year, ct))
        {
            return Problems.Conflict($"{person.Name}已登记{r.Year}年度参保");
        }
        var enrolment = new InsuranceEnrolment
        {
            ResidentId = person.Id,
            SchemeId = scheme.Id,
            Year = r.Year,
            InstitutionId = person.ManagingInstitutionId,
            Contribution = policy.PersonalContribution,
            EnrolledAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = user.FullName,
        };
        db.Add(enrolment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person enrolled at the same instant by another desk: the unique (resident, year) index let one through.
            return Problems.Conflict($"{person.Name}已登记{r.Year}年度参保");
        }
        return TypedResults.Created($"/api/v1/billing/insurance/enrolments/{enrolment.Id}", Enrolments.Row(enrolment, scheme));
    }
}

/// <summary>Residents found by a search box for enrolment, within the user's reach, with their enrolment of the year.</summary>
internal sealed class SearchEnrolments(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<EnrolmentSearch> HandleAsync(string? q, int? year, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var y = year is { } given && given >= today.Year - 1 && given <= today.Year + 1 ? given : today.Year;
        var schemes = new List<SchemeChoice>();
        foreach (var s in await db.Set<InsuranceScheme>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code).ToListAsync(ct))
        {
            if (await Policies.ForYearAsync(db, s.Id, y, ct) is { } p)
            {
                schemes.Add(new SchemeChoice(s.Code, s.Name, p.PersonalContribution));
            }
        }
        var within = await scope.WithinAsync(db.Set<InsuranceEnrolment>().AsNoTracking(), BillingPermissions.InsuranceEnrol, x => x.InstitutionId, ct);
        var enrolledCount = await within.CountAsync(x => x.Year == y, ct);
        var candidates = new List<EnrolmentCandidate>();
        if (!string.IsNullOrWhiteSpace(q) && q.Trim().Length >= 2)
        {
            var ids = await residents.MatchingResidentIds(q.Trim()).OrderBy(id => id).Take(200).ToListAsync(ct);
            var found = await residents.GetManyAsync(ids, ct);
            var reach = await scope.InstitutionsAsync(BillingPermissions.InsuranceEnrol, ct);
            var shown = found.Values.Where(p => reach is null || reach.Contains(p.ManagingInstitutionId)).OrderBy(p => p.Name, StringComparer.Ordinal).Take(20).ToList();
            var shownIds = shown.Select(p => p.Id).ToList();
            var enrolments = await db.Set<InsuranceEnrolment>().AsNoTracking().Where(x => shownIds.Contains(x.ResidentId) && x.Year == y).ToListAsync(ct);
            var schemeById = await db.Set<InsuranceScheme>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
            candidates = shown.Select(p => new EnrolmentCandidate(p.Id, p.Name, p.SexName, p.AgeOn(today), p.IdNumber is { Length: > 4 } n ? "****" + n[^4..] : null, p.Address,
                enrolments.FirstOrDefault(x => x.ResidentId == p.Id) is { } en ? Enrolments.Row(en, schemeById[en.SchemeId]) : null)).ToList();
            await audit.SearchAsync(nameof(InsuranceEnrolment), $"参保登记查找: {candidates.Count} 人");
        }
        return new EnrolmentSearch(y, candidates, schemes, enrolledCount);
    }
}

internal static class Enrolments
{
    public static EnrolmentRow Row(InsuranceEnrolment e, InsuranceScheme s) =>
        new(e.Id, e.ResidentId, s.Code, s.Name, e.Year, e.Contribution, ChinaTime.Format(e.EnrolledAt), e.RecordedBy);
}

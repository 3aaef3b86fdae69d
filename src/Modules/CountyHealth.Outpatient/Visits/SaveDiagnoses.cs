using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyHealth.Outpatient.Visits;

public sealed record DiagnosisRequest(string Code, bool IsPrimary);

public sealed record DiagnosesRequest(IReadOnlyList<DiagnosisRequest> Diagnoses);

/// <summary>Replaces the visit's diagnoses with ICD-10 codes of the dictionary; one is primary (the first when none is marked).</summary>
internal sealed class SaveDiagnoses(CountyHealthDb db, VisitRecords visits, IDiagnosisDictionary dictionary, ICurrentUser user, TimeProvider clock, DomainEvents events) : IUseCase
{
    public async Task<Results<Ok<List<DiagnosisRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, DiagnosesRequest r, CancellationToken ct)
    {
        if (await visits.FindAsync(id, OutpatientPermissions.Treat, withDiagnoses: true, ct) is not { } visit)
        {
            return Problems.NotFound(VisitRecords.NotFound);
        }
        if (visit.ClosedReason is { } closed)
        {
            return Problems.Conflict(closed);
        }
        var e = FieldErrors.For(r);
        var list = r.Diagnoses ?? [];
        var found = new List<(DiagnosisCode Code, bool Primary)>();
        for (var i = 0; i < list.Count; i++)
        {
            var code = await dictionary.FindAsync(list[i].Code ?? "", ct);
            if (code is null)
            {
                e.Add($"diagnoses[{i}].code", $"诊断编码“{list[i].Code}”不在 ICD-10 字典中");
            }
            else if (found.Any(f => f.Code.Code == code.Code))
            {
                e.Add($"diagnoses[{i}].code", $"诊断“{code.Name}”重复");
            }
            else
            {
                found.Add((code, list[i].IsPrimary));
            }
        }
        if (list.Count(x => x.IsPrimary) > 1)
        {
            e.Add("diagnoses", "只能有一个主要诊断");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        db.RemoveRange(visit.Diagnoses);
        visit.Diagnoses = found.Select((f, i) => new VisitDiagnosis { VisitId = visit.Id, Code = f.Code.Code, Name = f.Code.Name, IsPrimary = f.Primary || (i == 0 && !found.Any(x => x.Primary)), Position = i }).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        visit.Start(user.StaffId, now);
        visit.Version++;
        await events.PublishAsync(new VisitDiagnosed(visit.Id, visit.ResidentId, visit.InstitutionId, visit.DoctorStaffId, user.FullName, now,
            visit.Diagnoses.OrderBy(x => x.Position).Select(x => new DiagnosedCode(x.Code, x.Name)).ToList()), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(visit.Diagnoses.Select(x => new DiagnosisRow(x.Code, x.Name, x.IsPrimary)).ToList());
    }
}

/// <summary>Diagnoses for the doctor's search box, by ICD-10 code, Chinese name or pinyin initials.</summary>
internal sealed class FindDiagnoses(IDiagnosisDictionary dictionary) : IUseCase
{
    public Task<IReadOnlyList<DiagnosisCode>> HandleAsync(string? query, CancellationToken ct) => dictionary.SearchAsync(query ?? "", 10, ct);
}

using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Visits;

public sealed record ResidentVisitRow(Guid Id, string VisitNumber, DateOnly VisitDate, string InstitutionName, string DepartmentName, string? DoctorName,
    string StatusName, string? ChiefComplaint, IReadOnlyList<DiagnosisRow> Diagnoses);

/// <summary>Whose visits they are, and the visits.</summary>
public sealed record ResidentVisitList(string ResidentName, string SexName, int Age, IReadOnlyList<ResidentVisitRow> Visits);

/// <summary>
/// A resident's outpatient visits, newest first: those kept where the chart permission reaches, or all of them under a
/// live break-glass access to her.
/// </summary>
internal sealed class VisitsOfResident(CountyHealthDb db, IAccessScope scope, IInstitutionDirectory institutions, IResidentDirectory residents, AuditLog audit, TimeProvider clock)
    : IUseCase
{
    public async Task<Results<Ok<ResidentVisitList>, ProblemHttpResult>> HandleAsync(Guid residentId, CancellationToken ct)
    {
        var visits = db.Set<Visit>().AsNoTracking().Include(v => v.Diagnoses).Where(v => v.ResidentId == residentId);
        if (!await scope.OpenedByBreakGlassAsync(OutpatientPermissions.ReadChart, residentId, ct))
        {
            visits = await scope.WithinAsync(visits, OutpatientPermissions.ReadChart, v => v.InstitutionId, ct);
        }
        else
        {
            await audit.RecordAsync(AuditActions.BreakGlass, nameof(Visit), null, residentId, "紧急查阅：就诊记录列表");
        }
        var found = await visits.OrderByDescending(v => v.RegisteredAt).Take(200).ToListAsync(ct);
        if (found.Count == 0)
        {
            return Problems.NotFound("没有可查阅的就诊记录");
        }
        await audit.ReadAsync(nameof(Visit), residentId, residentId, $"就诊记录列表 {found.Count} 次");
        var rows = new List<ResidentVisitRow>(found.Count);
        foreach (var v in found)
        {
            rows.Add(new ResidentVisitRow(v.Id, v.VisitNumber, v.VisitDate, (await institutions.FindAsync(v.InstitutionId, ct))?.Name ?? "",
                (await institutions.FindDepartmentAsync(v.DepartmentId, ct))?.Name ?? "",
                v.DoctorStaffId is { } d ? (await institutions.FindStaffAsync(d, ct))?.Name : null, v.StatusName, v.ChiefComplaint,
                v.Diagnoses.OrderBy(x => x.Position).Select(x => new DiagnosisRow(x.Code, x.Name, x.IsPrimary)).ToList()));
        }
        // Her visits are open to the reader, so is her name: the list says whose it is.
        var who = (await residents.GetManyAsync([residentId], ct)).GetValueOrDefault(residentId);
        return TypedResults.Ok(new ResidentVisitList(who?.Name ?? "", who?.SexName ?? "", who?.AgeOn(ChinaTime.Today(clock)) ?? 0, rows));
    }
}

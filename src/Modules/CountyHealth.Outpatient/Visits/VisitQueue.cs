using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Visits;

public sealed record QueueRow(Guid VisitId, string VisitNumber, int QueueNumber, Guid ResidentId, string ResidentName, string SexName, int Age, string DepartmentName,
    string? DoctorName, string Status, string StatusName, string RegisteredAtChina);

/// <summary>Filters of the queue: a China calendar day (today when none), a department, a doctor (her visits and those of no doctor), a status.</summary>
public sealed record QueueFilter(DateOnly? Date, Guid? DepartmentId, Guid? DoctorStaffId, string? Status);

/// <summary>The institution's visits of a day, waiting first, by queue number.</summary>
internal sealed class VisitQueue(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<List<QueueRow>> HandleAsync(QueueFilter f, CancellationToken ct)
    {
        var day = f.Date ?? ChinaTime.Today(clock);
        var q = (await scope.WithinAsync(db.Set<Visit>().AsNoTracking(), OutpatientPermissions.Queue, v => v.InstitutionId, ct)).Where(v => v.VisitDate == day);
        q = f.DepartmentId is { } d ? q.Where(v => v.DepartmentId == d) : q;
        q = f.DoctorStaffId is { } doc ? q.Where(v => v.DoctorStaffId == doc || v.DoctorStaffId == null) : q;
        if (Enum.TryParse<VisitStatus>(f.Status, true, out var st))
        {
            q = q.Where(v => v.Status == st);
        }
        var visits = await q.OrderBy(v => v.Status).ThenBy(v => v.QueueNumber).Take(500).ToListAsync(ct);
        var names = await residents.GetManyAsync(visits.Select(v => v.ResidentId), ct);
        var rows = new List<QueueRow>(visits.Count);
        foreach (var v in visits)
        {
            var dept = await institutions.FindDepartmentAsync(v.DepartmentId, ct);
            var doctor = v.DoctorStaffId is { } sid ? await institutions.FindStaffAsync(sid, ct) : null;
            var res = names.GetValueOrDefault(v.ResidentId);
            rows.Add(new QueueRow(v.Id, v.VisitNumber, v.QueueNumber, v.ResidentId, res?.Name ?? "", res?.SexName ?? "", res?.AgeOn(day) ?? 0, dept?.Name ?? "", doctor?.Name,
                v.Status.ToString(), v.StatusName, ChinaTime.Format(v.RegisteredAt)));
        }
        await audit.SearchAsync(nameof(Visit), $"就诊队列 {ChinaTime.FormatDate(day)}: {rows.Count} 人");
        return rows;
    }
}

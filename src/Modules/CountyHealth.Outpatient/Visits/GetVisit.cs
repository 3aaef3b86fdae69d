using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Visits;

public sealed record RecordRequest([Text(500, MultiLine = true)] string? ChiefComplaint, [Text(2000, MultiLine = true)] string? PresentIllness,
    [Text(1000, MultiLine = true)] string? PastHistory, [Text(500, MultiLine = true)] string? Allergies, [Text(2000, MultiLine = true)] string? PhysicalExam,
    [Text(1000, MultiLine = true)] string? Advice,
    int? SystolicBp, int? DiastolicBp, decimal? Temperature, int? Pulse, int? RespiratoryRate, decimal? WeightKg, decimal? HeightCm, decimal? FastingGlucose);

public sealed record DiagnosisRow(string Code, string Name, bool IsPrimary);

public sealed record PrescriptionItemRow(Guid Id, Guid DrugId, string DrugName, string Specification, decimal Dose, string DoseUnit, string Frequency, string FrequencyName,
    string Route, int Days, int Quantity, string PackUnit, decimal UnitPrice, decimal Amount, string Status, string Usage);

public sealed record PrescriptionRow(Guid Id, string Number, string Status, string StatusName, string PrescriberName, string CreatedAtChina, decimal Amount, bool Editable, IReadOnlyList<PrescriptionItemRow> Items)
{
    internal static PrescriptionRow Of(Prescription p) => new(p.Id, p.Number, p.Status.ToString(), p.StatusName, p.PrescriberName, ChinaTime.Format(p.CreatedAt),
        p.Items.Where(i => i.Status != ItemStatus.Refunded).Sum(i => Money.LineAmount(i.Quantity, i.UnitPrice)), p.Status == PrescriptionStatus.Open,
        p.Items.OrderBy(i => i.Position).Select(i => new PrescriptionItemRow(i.Id, i.DrugId, i.DrugName, i.Specification, i.Dose, i.DoseUnit, i.FrequencyCode,
            Frequencies.Find(i.FrequencyCode)?.ChineseName ?? i.FrequencyCode, i.Route, i.Days, i.Quantity, i.PackUnit, i.UnitPrice,
            Money.LineAmount(i.Quantity, i.UnitPrice), i.Status.ToString(), i.Usage)).ToList());
}

public sealed record OrderRow(Guid Id, string ItemCode, string Name, string Kind, int Quantity, decimal UnitPrice, string Status);

public sealed record VisitDetail(Guid Id, string VisitNumber, int QueueNumber, string Status, string StatusName, string InstitutionName, string DepartmentName, string? DoctorName,
    string RegisteredAtChina, DateOnly VisitDate, Guid ResidentId, string ResidentName, string SexName, int Age, string? IdNumber, string? Phone, string? Address,
    RecordRequest Record, decimal? Bmi, IReadOnlyList<DiagnosisRow> Diagnoses, IReadOnlyList<PrescriptionRow> Prescriptions, IReadOnlyList<OrderRow> Orders,
    string? ClosedReason = null, string? ReopenReason = null, IReadOnlyList<VisitNotice>? Notices = null);

/// <summary>A visit's chart: the patient, the record, diagnoses, prescriptions and orders (the workbench and the printed record).</summary>
internal sealed class GetVisit(CountyHealthDb db, VisitRecords visits, IResidentDirectory residents, IInstitutionDirectory institutions, AuditLog audit,
    IEnumerable<IVisitNotices> noticeSources) : IUseCase
{
    public async Task<Results<Ok<VisitDetail>, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await visits.FindAsync(id, OutpatientPermissions.ReadChart, withDiagnoses: true, ct) is not { } visit)
        {
            return Problems.NotFound(VisitRecords.NotFound);
        }
        var res = (await residents.GetManyAsync([visit.ResidentId], ct))[visit.ResidentId];
        var inst = await institutions.FindAsync(visit.InstitutionId, ct);
        var dept = await institutions.FindDepartmentAsync(visit.DepartmentId, ct);
        var doc = visit.DoctorStaffId is { } d ? await institutions.FindStaffAsync(d, ct) : null;
        var prescriptions = await db.Set<Prescription>().AsNoTracking().Include(p => p.Items).Where(p => p.VisitId == id).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var orders = await db.Set<VisitOrder>().AsNoTracking().Where(o => o.VisitId == id).OrderBy(o => o.OrderedAt).ToListAsync(ct);
        await audit.ReadAsync(nameof(Visit), id, visit.ResidentId);
        var notices = new List<VisitNotice>();
        foreach (var source in noticeSources)
        {
            notices.AddRange(await source.ForVisitAsync(id, ct));
        }
        var record = new RecordRequest(visit.ChiefComplaint, visit.PresentIllness, visit.PastHistory, visit.Allergies, visit.PhysicalExam, visit.Advice,
            visit.SystolicBp, visit.DiastolicBp, visit.Temperature, visit.Pulse, visit.RespiratoryRate, visit.WeightKg, visit.HeightCm, visit.FastingGlucose);
        return TypedResults.Ok(new VisitDetail(visit.Id, visit.VisitNumber, visit.QueueNumber, visit.Status.ToString(), visit.StatusName, inst?.Name ?? "", dept?.Name ?? "",
            doc?.Name, ChinaTime.Format(visit.RegisteredAt), visit.VisitDate, res.Id, res.Name, res.SexName, res.AgeOn(visit.VisitDate), res.IdNumber, res.Phone, res.Address,
            record, VitalSignsRules.Bmi(visit.WeightKg, visit.HeightCm),
            visit.Diagnoses.OrderBy(x => x.Position).Select(x => new DiagnosisRow(x.Code, x.Name, x.IsPrimary)).ToList(),
            prescriptions.Select(PrescriptionRow.Of).ToList(),
            orders.Select(o => new OrderRow(o.Id, o.ItemCode, o.Name, o.Kind, o.Quantity, o.UnitPrice, o.Status.ToString())).ToList(),
            visit.ClosedReason, visit.ReopenReason, notices));
    }
}

using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Outpatient.Prescriptions;

public sealed record SlipLine(string DrugName, string Specification, string Dose, string Frequency, string Route, int Days, int Quantity, string PackUnit, decimal Amount, string Status);

/// <summary>
/// A prescription as its 处方笺 (处方管理办法 附件 处方标准): type, paper colour and corner mark; institution, number,
/// date; patient (name, sex, age, ID number or the visit's number), department, clinical diagnosis; the Rp lines; the
/// amount; the prescriber; and the pharmacy's 审核, 调配, 核对 and 发药 once it handed the drugs out.
/// </summary>
public sealed record PrescriptionSlipView(Guid Id, string Number, string Type, string TypeName, string Paper, string? CornerMark, string InstitutionName, string Date,
    string ResidentName, string SexName, int Age, string? IdNumber, string VisitNumber, string DepartmentName, string Diagnosis, IReadOnlyList<SlipLine> Lines,
    decimal Amount, string AmountText, string PrescriberName, string Status, string StatusName, string? ReviewedBy, string? PreparedBy, string? CheckedBy,
    string? DispensedBy, string? DispensedAtChina);

/// <summary>Shows or prints a prescription's 处方笺, to its prescriber's institution and its dispensing pharmacy; audited as a print.</summary>
internal sealed class GetPrescriptionSlip(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions,
    IDispensingRecords dispensing, AuditLog audit) : IUseCase
{
    public async Task<Results<Ok<PrescriptionSlipView>, ProblemHttpResult>> HandleAsync(Guid id, CancellationToken ct)
    {
        var p = await db.Set<Prescription>().AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !await scope.AllowsAsync(OutpatientPermissions.PrintSlip, p.InstitutionId, nameof(Prescription), p.Id, p.ResidentId, ct))
        {
            return Problems.NotFound("未找到该处方");
        }
        var visit = await db.Set<Visit>().AsNoTracking().Include(v => v.Diagnoses).FirstAsync(v => v.Id == p.VisitId, ct);
        var patient = (await residents.GetManyAsync([p.ResidentId], ct))[p.ResidentId];
        var inst = await institutions.FindAsync(p.InstitutionId, ct);
        var dept = await institutions.FindDepartmentAsync(visit.DepartmentId, ct);
        var record = await dispensing.FindAsync(OutpatientKinds.Prescription, p.Id, ct);
        var style = PrescriptionTypes.Style(p.Type);
        var day = ChinaTime.DayOf(p.CreatedAt);
        var lines = p.Items.OrderBy(i => i.Position).Select(i => new SlipLine(i.DrugName, i.Specification,
            i.Dose.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + i.DoseUnit, Frequencies.Find(i.FrequencyCode)?.ChineseName ?? i.FrequencyCode,
            i.Route, i.Days, i.Quantity, i.PackUnit, Money.LineAmount(i.Quantity, i.UnitPrice), i.Status.ToString())).ToList();
        var amount = lines.Where(l => l.Status != nameof(ItemStatus.Refunded)).Sum(l => l.Amount);
        await audit.PrintAsync(nameof(Prescription), p.Id, p.ResidentId, $"处方笺 {p.Number}");
        return TypedResults.Ok(new PrescriptionSlipView(p.Id, p.Number, p.Type.ToString(), style.Name, style.Paper, style.CornerMark, inst?.Name ?? "", ChinaTime.FormatDate(day),
            patient.Name, patient.SexName, patient.AgeOn(day), patient.IdNumber, visit.VisitNumber, dept?.Name ?? "",
            string.Join("；", visit.Diagnoses.OrderBy(d => d.Position).Select(d => d.Name)), lines, amount, Money.Format(amount), p.PrescriberName,
            p.Status.ToString(), p.StatusName, record?.DispensedBy, record?.DispensedBy, record?.CheckedBy, record?.DispensedBy,
            record?.DispensedAt is { } at ? ChinaTime.Format(at) : null));
    }
}

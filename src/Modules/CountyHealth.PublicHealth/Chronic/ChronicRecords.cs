using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Chronic;

public sealed record FollowUpRow(Guid Id, string Date, string ModeName, string? BloodPressure, decimal? FastingGlucose, decimal? WeightKg, string Symptoms,
    string AdherenceName, FollowUpClass Class, string ClassName, Referral Referral, string Advice, string NextDueOn, string DoctorName);

/// <summary>A managed patient as her page shows her: the programme, her follow-ups (newest first) and when the next is due.</summary>
public sealed record EnrolmentView(Guid Id, Guid ResidentId, string ResidentName, string SexName, int Age, string? IdNumber, string? Phone, string? Address,
    Programme Programme, string ProgrammeName, string InstitutionName, string EnrolledOn, DateOnly EnrolledOnDate, string DiagnosisCode, EnrolmentStatus Status,
    string? EndedOn, string? EndReason, string NextDueOn, bool Overdue, string? LastClassName, IReadOnlyList<FollowUpRow> FollowUps, bool CanRecord,
    VisitMeasures? FromVisit, int Version);

/// <summary>What a visit measured, to start a follow-up from it in one click.</summary>
public sealed record VisitMeasures(Guid VisitId, DateOnly Date, int? SystolicBp, int? DiastolicBp, int? HeartRate, decimal? WeightKg, decimal? FastingGlucose);

/// <summary>Loads an enrolment under the scope rule (a refusal is audited and looks like "not found") and shows it.</summary>
internal sealed class ChronicRecords(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions, TimeProvider clock)
{
    public const string NotFound = "未找到该慢病管理记录";
    public const string Changed = "该记录已被他人修改，请刷新后再操作";

    public async Task<ChronicEnrolment?> FindAsync(Guid id, string permission, CancellationToken ct)
    {
        var e = await db.Set<ChronicEnrolment>().FirstOrDefaultAsync(x => x.Id == id, ct);
        return e is not null && await scope.AllowsAsync(permission, e.InstitutionId, nameof(ChronicEnrolment), e.Id, e.ResidentId, ct) ? e : null;
    }

    /// <summary>Overdue from the day after the due date, China time: a patient due today is not overdue until midnight.</summary>
    public static bool IsOverdue(DateOnly nextDue, DateOnly chinaToday) => nextDue < chinaToday;

    public async Task<EnrolmentView> ViewAsync(ChronicEnrolment e, VisitMeasures? fromVisit, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var r = (await residents.GetManyAsync([e.ResidentId], ct)).GetValueOrDefault(e.ResidentId);
        var inst = await institutions.FindAsync(e.InstitutionId, ct);
        var followUps = await db.Set<ChronicFollowUp>().AsNoTracking().Where(f => f.EnrolmentId == e.Id).OrderByDescending(f => f.Date).ThenByDescending(f => f.RecordedAt).ToListAsync(ct);
        var symptoms = ChronicRules.Symptoms(e.Programme).ToDictionary(s => s.Code, s => s.Name);
        return new EnrolmentView(e.Id, e.ResidentId, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, r?.IdNumber, r?.Phone, r?.Address,
            e.Programme, ChronicRules.NameOf(e.Programme), inst?.Name ?? "", ChinaTime.FormatDate(e.EnrolledOn), e.EnrolledOn, e.DiagnosisCode, e.Status,
            e.EndedOn is { } ended ? ChinaTime.FormatDate(ended) : null, e.EndReason, ChinaTime.FormatDate(e.NextDueOn),
            e.Status == EnrolmentStatus.Active && IsOverdue(e.NextDueOn, today), e.LastClass is { } c ? ChronicRules.ClassName(c) : null,
            followUps.Select(f => new FollowUpRow(f.Id, ChinaTime.FormatDate(f.Date), ModeName(f.Mode), f.SystolicBp is { } s ? $"{s}/{f.DiastolicBp}" : null,
                f.FastingGlucose, f.WeightKg, string.Join("、", f.Symptoms.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => symptoms.GetValueOrDefault(x, x)))
                + (f.OtherSymptoms is { } o ? "、" + o : ""), AdherenceName(f.Adherence), f.Class, ChronicRules.ClassName(f.Class), f.Referral, f.Advice,
                ChinaTime.FormatDate(f.NextDueOn), f.DoctorName)).ToList(),
            e.Status == EnrolmentStatus.Active && await scope.CoversAsync(PublicHealthPermissions.Chronic, e.InstitutionId, ct), fromVisit, e.Version);
    }

    public static string ModeName(FollowUpMode m) => m switch { FollowUpMode.Clinic => "门诊", FollowUpMode.Home => "家庭", _ => "电话" };

    public static string AdherenceName(Adherence a) => a switch { Adherence.Regular => "规律", Adherence.Intermittent => "间断", _ => "不服药" };
}

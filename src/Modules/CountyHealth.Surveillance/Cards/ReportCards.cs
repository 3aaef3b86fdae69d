using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using CountyHealth.Surveillance.Contracts;
using CountyHealth.Surveillance.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Surveillance.Cards;

/// <summary>A card's fields as the form shows and sends them.</summary>
public sealed record CardFields([Text(50)] string? PatientName, [Text(50)] string? ParentName, [Text(32)] string? IdNumber, Sex Sex, DateOnly? BirthDate,
    [Text(100)] string? Workplace, [Text(32)] string? Phone, [Text(16)] string? ResidenceCategory, [Text(200)] string? Address, [Text(16)] string? Occupation,
    CaseClassification? Classification, [Text(8)] string? AcuteOrChronic, [Text(8)] string DiseaseCode, DateOnly? OnsetDate, DateOnly? DeathDate,
    [Text(500, MultiLine = true)] string? Notes);

/// <summary>A card in a list: who, what, when it is due and where it stands.</summary>
public sealed record CardRow(Guid Id, string CardNumber, string KindName, string PatientName, string SexName, int? Age, string DiseaseName, string ClassName,
    string DiagnosedAt, string DueAt, DateTime DueAtUtc, CardStatus Status, string StatusName, string InstitutionName, string DoctorName, string? SubmittedAt, bool? InTime);

public sealed record CardHistoryRow(string At, string By, string Action, string? Detail);

public sealed record FieldMessage(string Field, string Message);

/// <summary>A card as its page shows it, with what is still missing before it can be sent and what the user may do.</summary>
public sealed record CardView(Guid Id, string CardNumber, CardKind Kind, string KindName, Guid? CorrectsCardId, string? CorrectsCardNumber, Guid? CorrectedByCardId,
    Guid ResidentId, Guid? VisitId, Guid InstitutionId, string InstitutionName, string DiseaseName, string ClassName, string DiagnosisCode, string DiagnosisName,
    CardFields Fields, string DiagnosedAt, DateTime DiagnosedAtUtc, string DueAt, DateTime DueAtUtc, string ReportWithin, CardStatus Status, string StatusName,
    string DoctorName, string? SubmittedAt, string? SubmittedBy, string? ReviewedAt, string? ReviewedBy, string? ReturnReason, string? WithdrawReason, bool? ReportedInTime,
    IReadOnlyList<FieldMessage> Missing, IReadOnlyList<CardHistoryRow> History, bool CanEdit, bool CanReview, bool CanWithdraw, bool CanCorrect, int Version);

/// <summary>A disease the card may name, with its class and reporting limit.</summary>
public sealed record DiseaseRow(string Code, string Name, string ClassName, string ReportWithin, IReadOnlyList<string> Icd10);

/// <summary>The notifiable-disease table: shipped with the module (Resources/notifiable-diseases.tsv), corrected by the administrator.</summary>
internal sealed class DiseaseCatalogue(ReferenceTable<DiseaseList> table)
{
    public const string Key = "idr.notifiable-diseases";

    public static ReferenceTable<DiseaseList> Create() => new(Key, "法定传染病病种表",
        "甲、乙、丙类传染病及乙类按甲类管理的病种、报告时限和对应的 ICD-10 编码，按生效日期分行。医生下诊断时按此表生成报告卡草稿；由县疾控中心核对后修订。",
        ReferenceTableRegistration.Embedded(typeof(DiseaseCatalogue).Assembly, "CountyHealth.Surveillance.notifiable-diseases.tsv"), DiseaseList.Parse);

    public DiseaseList List => table.Current;

    public static string Within(TimeSpan t) => $"{t.TotalHours:0} 小时";
}

/// <summary>Loads a card for a use case under the scope rule (a refusal is audited and looks like "not found"), and shows it.</summary>
internal sealed class ReportCards(CountyHealthDb db, IAccessScope scope, IInstitutionDirectory institutions, TimeProvider clock)
{
    public const string NotFound = "未找到该传染病报告卡";

    public async Task<ReportCard?> FindAsync(Guid id, string permission, CancellationToken ct)
    {
        var card = await db.Set<ReportCard>().Include(c => c.History).FirstOrDefaultAsync(c => c.Id == id, ct);
        return card is not null && await scope.AllowsAsync(permission, card.InstitutionId, nameof(ReportCard), card.Id, card.ResidentId, ct) ? card : null;
    }

    public static CardFields FieldsOf(ReportCard c) => new(c.PatientName, c.ParentName, c.IdNumber, c.Sex, c.BirthDate, c.Workplace, c.Phone, c.ResidenceCategory,
        c.Address, c.Occupation, c.Classification, c.AcuteOrChronic, c.DiseaseCode, c.OnsetDate, c.DeathDate, c.Notes);

    /// <summary>What stops the card being sent (the national card's required fields, dates in order).</summary>
    public IReadOnlyList<FieldMessage> Missing(CardFields f, DateTime diagnosedAt) =>
        CardRules.Check(new CardRules.Fields(f.PatientName, f.ParentName, f.IdNumber, f.Sex, f.BirthDate, f.ResidenceCategory, f.Address, f.Occupation,
            f.Classification, f.AcuteOrChronic, f.DiseaseCode, f.OnsetDate, ChinaTime.DayOf(diagnosedAt), f.DeathDate), ChinaTime.Today(clock))
        .Select(x => new FieldMessage(x.Field, x.Message)).ToList();

    public async Task<CardView> ViewAsync(ReportCard c, CancellationToken ct)
    {
        var inst = await institutions.FindAsync(c.InstitutionId, ct);
        var canReport = await scope.CoversAsync(SurveillancePermissions.Report, c.InstitutionId, ct);
        var canReview = await scope.CoversAsync(SurveillancePermissions.Review, c.InstitutionId, ct);
        var corrects = c.CorrectsCardId is { } o ? await db.Set<ReportCard>().AsNoTracking().Where(x => x.Id == o).Select(x => x.CardNumber).FirstOrDefaultAsync(ct) : null;
        var fields = FieldsOf(c);
        return new CardView(c.Id, c.CardNumber, c.Kind, KindName(c.Kind), c.CorrectsCardId, corrects, c.CorrectedByCardId, c.ResidentId, c.VisitId, c.InstitutionId,
            inst?.Name ?? "", c.DiseaseName, NotifiableDisease.ClassNameOf(c.DiseaseClass, c.AsClassA), c.DiagnosisCode, c.DiagnosisName, fields,
            ChinaTime.Format(c.DiagnosedAt), c.DiagnosedAt, ChinaTime.Format(c.DueAt), c.DueAt, DiseaseCatalogue.Within(c.ReportWithin), c.Status, c.StatusName,
            c.DoctorName, Time(c.SubmittedAt), c.SubmittedBy, Time(c.ReviewedAt), c.ReviewedBy, c.ReturnReason, c.WithdrawReason,
            c.FirstSubmittedAt is null ? null : CardRules.ReportedInTime(c.DueAt, c.FirstSubmittedAt),
            c.Status is CardStatus.Draft or CardStatus.Returned ? Missing(fields, c.DiagnosedAt) : [],
            c.History.OrderBy(h => h.Position).Select(h => new CardHistoryRow(ChinaTime.Format(h.At), h.By, h.Action, h.Detail)).ToList(),
            canReport && c.Status is CardStatus.Draft or CardStatus.Returned,
            canReview && c.Status == CardStatus.Submitted,
            canReport && c.Status is CardStatus.Draft or CardStatus.Returned or CardStatus.Submitted or CardStatus.Accepted && c.CorrectedByCardId is null,
            canReport && c.Status == CardStatus.Accepted && c.CorrectedByCardId is null,
            c.Version);
    }

    public static string KindName(CardKind k) => k == CardKind.Initial ? "初次报告" : "订正报告";

    public static string? Time(DateTime? utc) => utc is { } t ? ChinaTime.Format(t) : null;
}

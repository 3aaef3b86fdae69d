using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Documents;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Time;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Residents.Contracts;
using CountyHealth.Surveillance.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Surveillance.Cards;

/// <summary>
/// A notifiable diagnosis drafts a report card, filled from the visit and the resident, with its legal deadline counted
/// from the diagnosis (2 hours for class A and class B managed as A, 24 for the others); once a disease of a visit
/// has a card, saving the diagnoses again adds none. The doctor's workbench shows the card due with its time left.
/// </summary>
internal sealed class DraftCards(CountyHealthDb db, DiseaseCatalogue diseases, IResidentDirectory residents) : IDomainEventHandler<VisitDiagnosed>, IVisitNotices
{
    /// <summary>Every card drafted from a diagnosis says so first in its history.</summary>
    public const string Drafted = "诊断生成";

    public async Task HandleAsync(VisitDiagnosed e, CancellationToken ct)
    {
        var day = ChinaTime.DayOf(e.DiagnosedAt);
        var found = e.Diagnoses.Select(d => (Diagnosis: d, Disease: diseases.List.Match(d.Code, day))).Where(x => x.Disease is not null)
            .GroupBy(x => x.Disease!.Code).Select(g => g.First()).ToList();
        if (found.Count == 0)
        {
            return;
        }
        var existing = await db.Set<ReportCard>().AsNoTracking().Where(c => c.VisitId == e.VisitId).Select(c => c.DiseaseCode).ToListAsync(ct);
        var resident = (await residents.GetManyAsync([e.ResidentId], ct)).GetValueOrDefault(e.ResidentId);
        foreach (var (diagnosis, disease) in found.Where(x => !existing.Contains(x.Disease!.Code)))
        {
            var card = new ReportCard
            {
                CardNumber = await DocumentNumbers.NextAsync(db, e.InstitutionId, DocumentNumbers.ReportCard, day, ct),
                ResidentId = e.ResidentId,
                InstitutionId = e.InstitutionId,
                VisitId = e.VisitId,
                DiseaseCode = disease!.Code,
                DiseaseName = disease.Name,
                DiseaseClass = disease.Class,
                AsClassA = disease.AsClassA,
                DiagnosisCode = diagnosis.Code,
                DiagnosisName = diagnosis.Name,
                PatientName = resident?.Name ?? "",
                IdNumber = resident?.IdNumber,
                Sex = resident?.Sex ?? Sex.Unknown,
                BirthDate = resident?.BirthDate,
                Phone = resident?.Phone,
                Address = resident?.Address,
                // A resident of the county's index lives in the county; the doctor corrects it for a visitor.
                ResidenceCategory = CardRules.ResidenceCategories[0],
                DiagnosedAt = e.DiagnosedAt,
                DueAt = e.DiagnosedAt + disease.ReportWithin,
                DoctorStaffId = e.DoctorStaffId,
                DoctorName = e.DoctorName,
                CreatedAt = e.DiagnosedAt,
            };
            card.Log(e.DiagnosedAt, e.DoctorName, Drafted, $"{diagnosis.Code} {diagnosis.Name} → {disease.Name}（{disease.ClassName}，{DiseaseCatalogue.Within(disease.ReportWithin)}内报告）");
            db.Add(card);
        }
    }

    public async Task<IReadOnlyList<VisitNotice>> ForVisitAsync(Guid visitId, CancellationToken ct)
    {
        var cards = await db.Set<ReportCard>().AsNoTracking().Where(c => c.VisitId == visitId && c.Kind == CardKind.Initial)
            .OrderBy(c => c.DueAt).Select(c => new { c.Id, c.DiseaseName, c.Status, c.DueAt, c.AsClassA, c.DiseaseClass }).ToListAsync(ct);
        return cards.Select(c => c.Status is CardStatus.Draft or CardStatus.Returned
                ? new VisitNotice($"传染病报告卡（{c.DiseaseName}）{(c.Status == CardStatus.Returned ? "被疾控退回，请修改后重报" : "待报告")}", $"/surveillance/cards/{c.Id}", c.DueAt, true)
                : new VisitNotice($"传染病报告卡（{c.DiseaseName}）{ReportCard.StatusNameOf(c.Status)}", $"/surveillance/cards/{c.Id}", null, false))
            .ToList();
    }
}

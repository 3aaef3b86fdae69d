namespace CountyHealth.Outpatient.Contracts;

/// <summary>One diagnosis of a visit: its ICD-10 code and name.</summary>
public sealed record DiagnosedCode(string Code, string Name);

/// <summary>
/// A doctor saved a visit's diagnoses (published inside the save's unit of work, so what a handler adds commits with
/// it): the modules above act on a diagnosis — an infectious-disease report card, a programme enrolment.
/// </summary>
public sealed record VisitDiagnosed(Guid VisitId, Guid ResidentId, Guid InstitutionId, Guid? DoctorStaffId, string DoctorName, DateTime DiagnosedAt,
    IReadOnlyList<DiagnosedCode> Diagnoses);

/// <summary>Something a module above asks of the doctor about a visit (a report card due by <paramref name="DueAt"/>, UTC), shown on the workbench.</summary>
public sealed record VisitNotice(string Text, string Href, DateTime? DueAt, bool Urgent);

/// <summary>Implemented by modules above Outpatient that have something to say about a visit on the doctor's workbench.</summary>
public interface IVisitNotices
{
    Task<IReadOnlyList<VisitNotice>> ForVisitAsync(Guid visitId, CancellationToken ct);
}

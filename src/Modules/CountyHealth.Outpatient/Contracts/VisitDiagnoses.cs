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

/// <summary>A visit's diagnoses and measurements, for the modules above that act on them (a programme's follow-up).</summary>
public sealed record VisitSummary(Guid VisitId, Guid ResidentId, Guid InstitutionId, DateOnly VisitDate, string? DoctorName, int? SystolicBp, int? DiastolicBp,
    int? Pulse, decimal? WeightKg, decimal? HeightCm, decimal? FastingGlucose, IReadOnlyList<DiagnosedCode> Diagnoses);

/// <summary>
/// Reads a visit's summary without a scope check: the caller has already been allowed the visit (the workbench's notices)
/// or checks its own permission on the visit's institution and resident before showing anything.
/// </summary>
public interface IVisitSummaries
{
    Task<VisitSummary?> FindAsync(Guid visitId, CancellationToken ct);

    /// <summary>
    /// The days residents were seen (visits not cancelled) between two days, both included, as a query the caller
    /// narrows and groups (a health record in use: seen within the year).
    /// </summary>
    IQueryable<VisitDay> SeenBetween(DateOnly from, DateOnly to);
}

/// <summary>A resident seen on a day at an institution: a query's row.</summary>
public sealed class VisitDay
{
    public Guid ResidentId { get; init; }
    public Guid InstitutionId { get; init; }
    public DateOnly Date { get; init; }
}

/// <summary>A generated resident the outpatient history treats for hypertension or type 2 diabetes, from her first visit.</summary>
public sealed record GeneratedChronicPatient(Guid ResidentId, bool Hypertension, bool Diabetes, DateOnly FirstVisit);

/// <summary>What the outpatient history leaves for the parts after it: the township's chronic patients (programme enrolments).</summary>
public sealed record GeneratedChronicPatients(IReadOnlyList<GeneratedChronicPatient> Patients);

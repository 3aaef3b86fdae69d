namespace CountyHealth.PublicHealth.Domain;

/// <summary>
/// A programme's service to a resident on a day at an institution (a follow-up, a check, a visit): what keeps her health
/// record in use (动态使用: a service record within twelve months, phs-forms-and-schedules.md §8.3).
/// </summary>
internal interface IProgrammeService
{
    Guid ResidentId { get; }
    Guid InstitutionId { get; }
    DateOnly Date { get; }
}

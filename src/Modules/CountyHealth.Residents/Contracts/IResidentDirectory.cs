namespace CountyHealth.Residents.Contracts;

/// <summary>A resident as lists and forms show her.</summary>
public sealed record ResidentRow(Guid Id, string Name, string Pinyin, Sex Sex, string SexName, DateOnly BirthDate, int Age, string? IdNumber, string? Phone, string? Address);

/// <summary>A resident as other modules show her; <paramref name="ManagingInstitutionId"/> is the clinic of her home village (or the centre) that manages her.</summary>
public sealed record ResidentSummary(Guid Id, string Name, Sex Sex, DateOnly BirthDate, string? IdNumber, string? Phone, string? Address, Guid ManagingInstitutionId)
{
    public int AgeOn(DateOnly day) => Age.On(BirthDate, day);
    public string SexName => SexNames.Of(Sex);
}

/// <summary>Age in completed years, as ID cards and registers count it.</summary>
public static class Age
{
    /// <summary>
    /// Completed years on <paramref name="day"/>: a year more from the birthday itself (one born on 29 February turns a
    /// year older on 28 February in common years). Comparing day-of-year instead is a day off after 28 February.
    /// </summary>
    public static int On(DateOnly birth, DateOnly day) => day.Year - birth.Year - (day < birth.AddYears(day.Year - birth.Year) ? 1 : 0);
}

/// <summary>A resident's birth and home clinic, for the schedules that run from birth (immunisation): a query's row.</summary>
public sealed class BornResident
{
    public Guid Id { get; init; }
    public Guid ManagingInstitutionId { get; init; }
    public DateOnly BirthDate { get; init; }
}

/// <summary>A baby registered at its birth by the programme that looked after its mother.</summary>
public sealed record NewbornOfMother(Guid MotherId, string Name, Sex Sex, DateOnly BirthDate);

/// <summary>The resident index for other modules. Reads respect the signed-in user's institution scope.</summary>
public interface IResidentDirectory
{
    /// <summary>The resident, or null when there is none or the user's institutions may not see it (the denial is audited).</summary>
    Task<ResidentSummary?> FindVisibleAsync(Guid residentId, CancellationToken ct = default);

    /// <summary>Several residents by id without a scope check, for showing names on lists the caller has already scoped.</summary>
    Task<IReadOnlyDictionary<Guid, ResidentSummary>> GetManyAsync(IEnumerable<Guid> residentIds, CancellationToken ct = default);

    /// <summary>Makes the resident known at an institution (a visit there); the caller saves.</summary>
    Task LinkToInstitutionAsync(Guid residentId, Guid institutionId, CancellationToken ct = default);

    /// <summary>Residents linked to any of the institutions, as a query for scoped joins.</summary>
    IQueryable<Guid> VisibleResidentIds(IReadOnlyCollection<Guid> institutionIds);

    /// <summary>
    /// Residents a search box query finds (a name prefix, pinyin initials, an ID number or its tail, a phone), as a query
    /// for the caller's own scoped list — a programme's patients found by name.
    /// </summary>
    IQueryable<Guid> MatchingResidentIds(string query);

    /// <summary>
    /// The members of the resident's household (家庭档案; herself included, the head first) with their relation to the head,
    /// unscoped: the caller has been allowed the resident. Empty when she belongs to no household.
    /// </summary>
    Task<IReadOnlyList<(ResidentSummary Member, string? Relation)>> HouseholdOfAsync(Guid residentId, CancellationToken ct = default);

    /// <summary>
    /// Registers a baby into its mother's household (家庭档案), with her home clinic and address; a household is opened
    /// for her, she its head, when she has none. Unscoped: the caller has been allowed the mother. The caller saves.
    /// </summary>
    Task<Guid> RegisterNewbornAsync(NewbornOfMother newborn, CancellationToken ct = default);

    /// <summary>Residents born between two days (both included), unscoped, as a query the caller narrows to its institutions.</summary>
    IQueryable<BornResident> BornBetween(DateOnly from, DateOnly to);
}

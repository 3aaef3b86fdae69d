namespace CountyHealth.Residents.Contracts;

/// <summary>A resident of the synthetic county, as the parts of the generator after the Residents' need her.</summary>
public sealed record GeneratedResident(Guid Id, Sex Sex, DateOnly BirthDate, Guid ManagingInstitutionId);

/// <summary>The residents the Residents' part of the generator made for the township being generated.</summary>
public sealed record GeneratedResidents(IReadOnlyList<GeneratedResident> Residents);

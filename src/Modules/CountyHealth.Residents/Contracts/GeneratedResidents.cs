namespace CountyHealth.Residents.Contracts;

/// <summary>A resident of the synthetic county, as the parts of the generator after the Residents' need her.</summary>
/// <remarks>With the name and contacts that a record made for the resident copies (a report card): from memory, not read back while the rows are still being copied.</remarks>
public sealed record GeneratedResident(Guid Id, Sex Sex, DateOnly BirthDate, Guid ManagingInstitutionId, string Name = "", string? IdNumber = null, string? Phone = null, string? Address = null);

/// <summary>The residents the Residents' part of the generator made for the township being generated.</summary>
public sealed record GeneratedResidents(IReadOnlyList<GeneratedResident> Residents);

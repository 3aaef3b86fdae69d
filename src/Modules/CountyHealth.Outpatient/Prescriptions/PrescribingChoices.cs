using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Pharmacy.Contracts;

namespace CountyHealth.Outpatient.Prescriptions;

public sealed record FrequencyRow(string Code, string Name);

/// <summary>The dosing frequencies a prescription may use.</summary>
internal sealed class ListFrequencies : IUseCase
{
    public IReadOnlyList<FrequencyRow> Handle() => Frequencies.All.Select(f => new FrequencyRow(f.Code, f.ChineseName)).ToList();
}

/// <summary>Drugs for the doctor's search box, with what the institution's pharmacy has in stock.</summary>
internal sealed class FindDrugs(ICurrentUser user, IDrugCatalogue catalogue) : IUseCase
{
    public async Task<IReadOnlyList<DrugInfo>> HandleAsync(string? query, CancellationToken ct) =>
        user.InstitutionId is { } inst ? await catalogue.SearchAsync(inst, query ?? "", 10, ct) : [];
}

using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Pharmacy.Contracts;

namespace CountyHealth.Pharmacy.Catalogue;

/// <summary>Drugs by name, pinyin initials or code, with the stock available at the user's institution.</summary>
internal sealed class SearchDrugs(ICurrentUser user, IDrugCatalogue catalogue) : IUseCase
{
    public async Task<IReadOnlyList<DrugInfo>> HandleAsync(string? q, int? take, CancellationToken ct) =>
        user.InstitutionId is { } inst ? await catalogue.SearchAsync(inst, q ?? "", Math.Clamp(take ?? 20, 1, 200), ct) : [];
}

using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Text;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Dispensing;
using CountyHealth.Pharmacy.Seeding;
using CountyHealth.Pharmacy.Stock;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Pharmacy;

/// <summary>The drug catalogue, stock by batch, and dispensing of what clinical modules send to the pharmacy.</summary>
public sealed class PharmacyModule : IModule
{
    public string Name => "Pharmacy";

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<DrugCache>();
        services.AddScoped<DrugCatalogue>();
        services.AddScoped<IDrugCatalogue>(sp => sp.GetRequiredService<DrugCatalogue>());
        services.AddScoped<ISearchKeyRefresh, DrugSearchKeys>();
        services.AddScoped<IDispensingQueue, DispensingQueue>();
        services.AddScoped<StockReservations>();
        services.AddScoped<IDispensingRecords, DispensingRecords>();
        services.AddScoped<IHomeCards, PharmacyHomeCard>();
        services.AddScoped<CountyHealth.Indicators.Contracts.IFactSource, PharmacyFacts>();
        PharmacyFacts.AddFeeds(services);
        services.AddScoped<IDemoData, PharmacyDemoData>();
        services.AddScoped<DispensingHistory>();
        services.AddScoped<IDispensingHistory>(sp => sp.GetRequiredService<DispensingHistory>());
        services.AddScoped<ISyntheticData>(sp => sp.GetRequiredService<DispensingHistory>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Endpoints.Map(endpoints);

    public IReadOnlyList<NavigationLink> Navigation { get; } =
    [
        new(Desks.Pharmacy, "/pharmacy/dispensing", "门诊发药", "Dispensing", PharmacyPermissions.Dispense, 1, "已收费处方按效期先出发药"),
        new(Desks.Pharmacy, "/pharmacy/stock", "库存与入库", "Stock", PharmacyPermissions.ReadStock, 2, "库存、批次效期，药品入库"),
    ];

    public IReadOnlyList<Permission> Permissions => PharmacyPermissions.All;
}

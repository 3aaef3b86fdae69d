using CountyHealth.Billing;
using CountyHealth.Indicators;
using CountyHealth.Kernel.Modules;
using CountyHealth.Outpatient;
using CountyHealth.Pharmacy;
using CountyHealth.Platform;
using CountyHealth.PublicHealth;
using CountyHealth.Residents;
using CountyHealth.Surveillance;

namespace CountyHealth.Server.Hosting;

/// <summary>
/// Every module of CountyHealth, the lowest layer first: the one place a module is listed. The host's services, routes,
/// screens and navigation, the database model (and its design-time factory), the demo county, the synthetic county and
/// the architecture tests all read this list. A module may use only the modules before it.
/// </summary>
internal static class ModuleCatalogue
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new PlatformModule(),
        new IndicatorsModule(),
        new ResidentsModule(),
        new PharmacyModule(),
        new BillingModule(),
        new OutpatientModule(),
        new SurveillanceModule(),
        new PublicHealthModule(),
    ];
}

using System.Reflection;

namespace CountyHealth.Server.Components;

/// <summary>The module assemblies whose Razor pages the router serves.</summary>
internal static class UiAssemblies
{
    public static Assembly[] Modules { get; } =
    [
        typeof(Platform.PlatformModule).Assembly,
        typeof(Residents.ResidentsModule).Assembly,
        typeof(Pharmacy.PharmacyModule).Assembly,
        typeof(Billing.BillingModule).Assembly,
        typeof(Outpatient.OutpatientModule).Assembly,
    ];
}

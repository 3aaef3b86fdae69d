using CountyHealth.Kernel.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Kernel.Modules;

/// <summary>
/// One module of the monolith: its services, its endpoints and the links to its screens. The host lists every module
/// once, in its module catalogue, and builds the model, the routes, the navigation, the demo county and the synthetic
/// county from that list. Use cases (<see cref="IUseCase"/>) are registered by the host; the module adds the rest.
/// </summary>
public interface IModule
{
    /// <summary>The module's name as the architecture tests and the logs use it, e.g. "Outpatient".</summary>
    string Name { get; }

    /// <summary>Registers the module's services: contract implementations, event handlers, demo and synthetic data.</summary>
    void AddServices(IServiceCollection services);

    /// <summary>Maps the module's REST endpoints, each to one use case.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>The module's screens in the navigation menu.</summary>
    IReadOnlyList<NavigationLink> Navigation { get; }

    /// <summary>The actions of the module that the permission matrix grants to roles.</summary>
    IReadOnlyList<Permission> Permissions { get; }
}

/// <summary>A desk of the navigation menu: the screens one kind of worker uses, whichever modules they come from.</summary>
public sealed record NavigationDesk(string Key, string Title, string EnglishTitle, string Icon, int Order);

/// <summary>
/// A screen in the navigation menu, shown to the users the permission matrix grants <paramref name="Permission"/> (the
/// policy that also guards the page). With a description it is also a tile on the home page.
/// </summary>
public sealed record NavigationLink(NavigationDesk Desk, string Href, string Title, string EnglishTitle, string Permission, int Order, string? Description = null);

/// <summary>The desks the modules of the outpatient day share; a new kind of work declares its own.</summary>
public static class Desks
{
    public static NavigationDesk Registration { get; } = new("registration", "挂号收费", "Registration & billing", "PointOfSale", 10);
    public static NavigationDesk Doctor { get; } = new("doctor", "医生工作站", "Doctor", "MedicalServices", 20);
    public static NavigationDesk Pharmacy { get; } = new("pharmacy", "药房", "Pharmacy", "Medication", 30);
    public static NavigationDesk Residents { get; } = new("residents", "居民档案", "Residents", "People", 40);
    public static NavigationDesk Administration { get; } = new("admin", "系统管理", "Administration", "Settings", 90);
}

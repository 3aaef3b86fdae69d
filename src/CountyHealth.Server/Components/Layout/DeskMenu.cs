using System.Reflection;
using CountyHealth.Kernel.Modules;
using CountyHealth.Server.Hosting;
using MudBlazor;

namespace CountyHealth.Server.Components.Layout;

/// <summary>A desk of the menu with its screens from every module, and the roles that see any of them.</summary>
internal sealed record DeskMenu(NavigationDesk Desk, string Icon, string Roles, IReadOnlyList<NavigationLink> Links)
{
    /// <summary>The menu, from the module catalogue: desks in their order, screens in theirs.</summary>
    public static IReadOnlyList<DeskMenu> All { get; } = ModuleCatalogue.All
        .SelectMany(m => m.Navigation)
        .GroupBy(l => l.Desk.Key, StringComparer.Ordinal)
        .Select(g => new DeskMenu(g.First().Desk, IconOf(g.First().Desk.Icon),
            string.Join(",", g.SelectMany(l => l.Roles.Split(',')).Distinct(StringComparer.Ordinal)), g.OrderBy(l => l.Order).ToList()))
        .OrderBy(d => d.Desk.Order)
        .ToList();

    /// <summary>Screens that describe themselves, for the home page's tiles.</summary>
    public static IReadOnlyList<NavigationLink> Tiles { get; } = All.SelectMany(d => d.Links).Where(l => l.Description is not null).ToList();

    // A desk names its icon ("PointOfSale"); the menu draws MudBlazor's filled icon of that name.
    private static string IconOf(string name) =>
        typeof(Icons.Material.Filled).GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string ?? Icons.Material.Filled.Apps;
}

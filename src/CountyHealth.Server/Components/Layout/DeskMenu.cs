using System.Reflection;
using System.Security.Claims;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Server.Hosting;
using Microsoft.AspNetCore.Authorization;
using MudBlazor;

namespace CountyHealth.Server.Components.Layout;

/// <summary>A desk of the menu with its screens from every module.</summary>
internal sealed record DeskMenu(NavigationDesk Desk, string Icon, IReadOnlyList<NavigationLink> Links)
{
    /// <summary>The menu, from the module catalogue: desks in their order, screens in theirs.</summary>
    public static IReadOnlyList<DeskMenu> All { get; } = ModuleCatalogue.All
        .SelectMany(m => m.Navigation)
        .GroupBy(l => l.Desk.Key, StringComparer.Ordinal)
        .Select(g => new DeskMenu(g.First().Desk, IconOf(g.First().Desk.Icon), g.OrderBy(l => l.Order).ToList()))
        .OrderBy(d => d.Desk.Order)
        .ToList();

    /// <summary>Screens that describe themselves, for the home page's tiles.</summary>
    public static IReadOnlyList<NavigationLink> Tiles { get; } = All.SelectMany(d => d.Links).Where(l => l.Description is not null).ToList();

    /// <summary>The desks and screens the user's permissions open (a desk with none is not shown).</summary>
    public static async Task<List<(DeskMenu Desk, List<NavigationLink> Links)>> VisibleToAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var menu = new List<(DeskMenu, List<NavigationLink>)>();
        foreach (var desk in All)
        {
            var links = new List<NavigationLink>();
            foreach (var link in desk.Links)
            {
                if ((await authorization.AuthorizeAsync(user, PermissionPolicy.Granted(link.Permission))).Succeeded)
                {
                    links.Add(link);
                }
            }
            if (links.Count > 0)
            {
                menu.Add((desk, links));
            }
        }
        return menu;
    }

    // A desk names its icon ("PointOfSale"); the menu draws MudBlazor's filled icon of that name.
    private static string IconOf(string name) =>
        typeof(Icons.Material.Filled).GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string ?? Icons.Material.Filled.Apps;
}

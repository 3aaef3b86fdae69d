using System.Reflection;
using CountyHealth.Server.Hosting;

namespace CountyHealth.Server.Components;

/// <summary>The module assemblies whose Razor pages the router serves: every module of the catalogue.</summary>
internal static class UiAssemblies
{
    public static Assembly[] Modules { get; } = ModuleCatalogue.All.Select(m => m.GetType().Assembly).Distinct().ToArray();
}

using System.Reflection;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Server.Hosting;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;
using Xunit;

namespace CountyHealth.Tests.Architecture;

/// <summary>
/// The one shape every module has (ADR 6, docs/adding-a-module.md): Domain holds entities and pure rules; a use case is
/// one internal sealed class with one Handle method; screens call use cases through UiHandler and never look services
/// up; the Kernel and the Platform are the bottom layers; the modules are listed once.
/// </summary>
public sealed class ShapeTests
{
    private static readonly Assembly[] Modules = ModuleCatalogue.All.Select(m => m.GetType().Assembly).ToArray();
    private static readonly Assembly Kernel = typeof(CountyHealthDb).Assembly;
    private static readonly Assembly Host = typeof(ModuleCatalogue).Assembly;

    [Fact]
    public void Domain_holds_entities_and_pure_rules_without_EF_or_ASP_NET()
    {
        var domain = Types.InAssemblies(Modules).That().ResideInNamespaceEndingWith(".Domain");
        Assert.NotEmpty(domain.GetTypes());

        var result = Types.InAssemblies(Modules).That().ResideInNamespaceEndingWith(".Domain")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "CountyHealth.Kernel.Data", "System.Net.Http").GetResult();

        ModuleBoundaryTests.AssertKept(result, "Domain/ must hold entities and pure rules only");
    }

    [Fact]
    public void Screens_call_use_cases_and_never_look_services_up_or_touch_the_database()
    {
        var screens = Types.InAssemblies([.. Modules, Host]).That().Inherit(typeof(ComponentBase));
        Assert.True(screens.GetTypes().Count() > 10, "the rule should see every screen");

        var result = Types.InAssemblies([.. Modules, Host]).That().Inherit(typeof(ComponentBase))
            .ShouldNot().HaveDependencyOnAny("System.IServiceProvider", "Microsoft.Extensions.DependencyInjection", "CountyHealth.Kernel.Data",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Identity").GetResult();

        ModuleBoundaryTests.AssertKept(result, "a screen injects UiHandler<UseCase> and nothing that reaches the database or the container");
    }

    [Fact]
    public void Screens_keep_their_code_in_a_partial_class_beside_the_markup()
    {
        var root = ServerProcessRoot();
        var withCode = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.razor", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("@code", StringComparison.Ordinal) && !f.EndsWith("NavMenu.razor", StringComparison.Ordinal)
                && !f.Contains("Components", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f)).ToList();

        Assert.True(withCode.Count == 0, "move @code into X.razor.cs: " + string.Join(", ", withCode));
    }

    [Fact]
    public void A_use_case_is_one_internal_sealed_class_with_one_handle_method()
    {
        var useCases = Modules.SelectMany(a => a.GetTypes()).Where(t => typeof(IUseCase).IsAssignableFrom(t) && t.IsClass).ToList();
        Assert.True(useCases.Count > 30, $"only {useCases.Count} use cases found");

        Assert.All(useCases, t =>
        {
            Assert.True(t is { IsNotPublic: true, IsSealed: true }, $"{t.FullName} must be internal sealed");
            var handles = t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName).ToList();
            Assert.True(handles.Count == 1 && handles[0].Name is "Handle" or "HandleAsync", $"{t.FullName} must have exactly one public method, Handle or HandleAsync: {string.Join(", ", handles.Select(m => m.Name))}");
            Assert.False(t.Namespace!.EndsWith(".Domain", StringComparison.Ordinal) || t.Namespace.EndsWith(".Data", StringComparison.Ordinal) || t.Namespace.EndsWith(".Pages", StringComparison.Ordinal),
                $"{t.FullName} belongs in a folder named after what the user does, not in {t.Namespace}");
        });
    }

    [Fact]
    public void The_kernel_depends_on_no_module_and_the_platform_only_on_the_kernel()
    {
        Assert.DoesNotContain(Kernel.GetReferencedAssemblies(), a => a.Name!.StartsWith("CountyHealth.", StringComparison.Ordinal));
        var platform = ModuleCatalogue.All[0].GetType().Assembly;
        Assert.Equal("CountyHealth.Platform", platform.GetName().Name);
        Assert.Equal(["CountyHealth.Kernel"], platform.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("CountyHealth.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Modules_are_listed_once_in_the_catalogue()
    {
        // Every module class the host can load is in the catalogue, once.
        var moduleTypes = Modules.Concat(Host.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("CountyHealth.", StringComparison.Ordinal)).Select(Assembly.Load))
            .Distinct().SelectMany(a => a.GetTypes()).Where(t => typeof(IModule).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }).ToList();
        Assert.Equal(moduleTypes.Order(TypeComparer.Instance), ModuleCatalogue.All.Select(m => m.GetType()).Order(TypeComparer.Instance));
        Assert.Equal(ModuleCatalogue.All.Count, ModuleCatalogue.All.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count());

        // Nothing but the catalogue names a module class: the host, the migrations and the other modules read the list.
        var moduleNames = moduleTypes.Select(t => t.FullName!).ToArray();
        var result = Types.InAssembly(Host).That().DoNotHaveName(nameof(ModuleCatalogue)).ShouldNot().HaveDependencyOnAny(moduleNames).GetResult();
        ModuleBoundaryTests.AssertKept(result, "only ModuleCatalogue names the module classes");
        foreach (var migrations in new[] { DatabaseProviders.SqliteMigrations, DatabaseProviders.PostgresMigrations })
        {
            Assert.DoesNotContain(Assembly.Load(migrations).GetReferencedAssemblies(), a => Modules.Any(m => m.GetName().Name == a.Name));
        }
    }

    private static string ServerProcessRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CountyHealth.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private sealed class TypeComparer : IComparer<Type>
    {
        public static readonly TypeComparer Instance = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }
}

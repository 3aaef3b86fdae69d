using System.Reflection;
using CountyHealth.Server.Hosting;
using NetArchTest.Rules;
using Xunit;

namespace CountyHealth.Tests.Architecture;

/// <summary>
/// The modules form a layered monolith in the order of the module catalogue and use each other only through the
/// *.Contracts and *.Ui namespaces; everything else of a module (its use cases, Domain, Data, Pages, Seeding and the
/// module class) is its own.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Dictionary<string, Assembly> Modules = ModuleCatalogue.All
        .Select(m => m.GetType().Assembly).ToDictionary(a => a.GetName().Name!, StringComparer.Ordinal);

    public static TheoryData<string> ModuleNames => new(Modules.Keys);

    public static TheoryData<string, string> ModulePairs
    {
        get
        {
            var pairs = new TheoryData<string, string>();
            foreach (var module in Modules.Keys)
            {
                foreach (var other in Modules.Keys.Where(o => o != module))
                {
                    pairs.Add(module, other);
                }
            }
            return pairs;
        }
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_only_the_kernel_and_modules_before_it_in_the_catalogue(string module)
    {
        var order = Modules.Keys.ToList();
        var allowed = order.Take(order.IndexOf(module)).Append("CountyHealth.Kernel").ToHashSet(StringComparer.Ordinal);

        var references = Modules[module].GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("CountyHealth.", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(allowed.Contains(r), $"{module} references {r}, which is not before it in the module catalogue"));
    }

    [Theory]
    [MemberData(nameof(ModulePairs))]
    public void A_module_uses_another_only_through_its_contracts(string module, string other)
    {
        var internals = InternalsOf(other);
        Assert.NotEmpty(internals);

        var result = Types.InAssembly(Modules[module]).ShouldNot().HaveDependencyOnAny(internals).GetResult();

        AssertKept(result, $"{module} must use {other} only through {other}.Contracts, not {string.Join(", ", internals)}");
    }

    [Fact]
    public void The_rules_see_real_dependencies_on_contracts()
    {
        // A guard against rules that pass because they match nothing: Outpatient does use the contracts below it.
        var users = Types.InAssembly(Modules["CountyHealth.Outpatient"])
            .That().HaveDependencyOnAny("CountyHealth.Billing.Contracts", "CountyHealth.Pharmacy.Contracts").GetTypes();

        Assert.NotEmpty(users);
    }

    [Fact]
    public void Billing_and_the_pharmacy_know_nothing_of_the_clinical_modules_that_use_them()
    {
        // Contracts that stretch: a ward or a public-health programme raises charges and sends drugs without editing them.
        foreach (var module in new[] { "CountyHealth.Billing", "CountyHealth.Pharmacy" })
        {
            var result = Types.InAssembly(Modules[module]).ShouldNot().HaveDependencyOnAny("CountyHealth.Outpatient").GetResult();
            AssertKept(result, $"{module} must not depend on Outpatient");
        }
        Assert.DoesNotContain(Modules["CountyHealth.Billing"].GetReferencedAssemblies(), a => a.Name == "CountyHealth.Pharmacy");
    }

    /// <summary>The module's namespaces other than its contracts, and the types in its root namespace (the module class).</summary>
    private static string[] InternalsOf(string module)
    {
        var types = Modules[module].GetTypes().Where(t => t.Namespace is not null && !t.Name.StartsWith('<')).ToList();
        var namespaces = types.Select(t => t.Namespace!)
            .Where(ns => ns.StartsWith(module + ".", StringComparison.Ordinal) && !IsPublicSurface(module, ns))
            .Select(ns => module + "." + ns[(module.Length + 1)..].Split('.')[0]);
        var rootTypes = types.Where(t => t.Namespace == module && !t.IsNested).Select(t => t.FullName!);
        return namespaces.Concat(rootTypes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    // A module's public surface: Contracts (services, DTOs, events) and Ui (components other modules' screens embed).
    private static bool IsPublicSurface(string module, string ns) =>
        ns == module + ".Contracts" || ns.StartsWith(module + ".Contracts.", StringComparison.Ordinal)
            || ns == module + ".Ui" || ns.StartsWith(module + ".Ui.", StringComparison.Ordinal);

    internal static void AssertKept(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}; offending types: {string.Join(", ", result.FailingTypeNames ?? [])}");
}

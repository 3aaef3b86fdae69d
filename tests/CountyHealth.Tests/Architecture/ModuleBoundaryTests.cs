using System.Reflection;
using CountyHealth.Billing;
using CountyHealth.Outpatient;
using CountyHealth.Pharmacy;
using CountyHealth.Platform;
using CountyHealth.Residents;
using NetArchTest.Rules;
using Xunit;

namespace CountyHealth.Tests.Architecture;

/// <summary>
/// The modules form a layered monolith (Platform ← Residents ← Pharmacy ← Billing ← Outpatient) and talk to each other
/// only through the *.Contracts and *.Ui namespaces; their Api, Domain, Data and Pages namespaces and module classes are their own.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Dictionary<string, Assembly> Modules = new[]
    {
        typeof(PlatformModule).Assembly, typeof(ResidentsModule).Assembly, typeof(PharmacyModule).Assembly,
        typeof(BillingModule).Assembly, typeof(OutpatientModule).Assembly,
    }.ToDictionary(a => a.GetName().Name!, StringComparer.Ordinal);

    public static TheoryData<string, string[]> LayerRules => new()
    {
        { "CountyHealth.Residents", ["CountyHealth.Outpatient", "CountyHealth.Billing", "CountyHealth.Pharmacy"] },
        { "CountyHealth.Pharmacy", ["CountyHealth.Billing", "CountyHealth.Outpatient"] },
        { "CountyHealth.Billing", ["CountyHealth.Outpatient"] },
    };

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
    [MemberData(nameof(LayerRules))]
    public void A_module_does_not_depend_on_the_modules_above_it(string module, string[] above)
    {
        var result = Types.InAssembly(Modules[module]).ShouldNot().HaveDependencyOnAny(above).GetResult();

        AssertKept(result, $"{module} must not depend on {string.Join(", ", above)}");
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

    /// <summary>The module's namespaces other than its contracts, and the types in its root namespace (the module class).</summary>
    private static string[] InternalsOf(string module)
    {
        var types = Modules[module].GetTypes().Where(t => t.Namespace is not null && !t.Name.StartsWith('<')).ToList();
        var namespaces = types.Select(t => t.Namespace!)
            .Where(ns => ns.StartsWith(module + ".", StringComparison.Ordinal) && !IsContracts(module, ns))
            .Select(ns => module + "." + ns[(module.Length + 1)..].Split('.')[0]);
        var rootTypes = types.Where(t => t.Namespace == module && !t.IsNested).Select(t => t.FullName!);
        return namespaces.Concat(rootTypes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    // A module's public surface: Contracts (services, DTOs, events) and Ui (components other modules' screens embed).
    private static bool IsContracts(string module, string ns) =>
        ns is var n && (n == module + ".Contracts" || n.StartsWith(module + ".Contracts.", StringComparison.Ordinal)
            || n == module + ".Ui" || n.StartsWith(module + ".Ui.", StringComparison.Ordinal));

    private static void AssertKept(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}; offending types: {string.Join(", ", result.FailingTypeNames ?? [])}");
}

using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Kernel.Data;

/// <summary>The assemblies whose IEntityTypeConfiguration classes make up the one model: the modules of the catalogue.</summary>
public sealed class ModelParts(IReadOnlyList<Assembly> assemblies) : IDbContextOptionsExtension
{
    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies;

    public DbContextOptionsExtensionInfo Info => new PartsInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class PartsInfo(ModelParts parts) : DbContextOptionsExtensionInfo(parts)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"Modules={parts.Assemblies.Count} ";

        public override int GetServiceProviderHashCode() => parts.Assemblies.Aggregate(0, (h, a) => HashCode.Combine(h, a));

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is PartsInfo o && o.Extension is ModelParts p && p.Assemblies.SequenceEqual(parts.Assemblies);

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["CountyHealth:ModelParts"] = string.Join(",", parts.Assemblies.Select(a => a.GetName().Name));
    }
}

public static class ModelPartsOptions
{
    /// <summary>Builds the model from these module assemblies.</summary>
    public static DbContextOptionsBuilder UseModelParts(this DbContextOptionsBuilder builder, IEnumerable<Assembly> assemblies)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ModelParts(assemblies.Distinct().ToList()));
        return builder;
    }
}

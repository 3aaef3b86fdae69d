using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CountyHealth.Kernel.Data;

/// <summary>
/// The one DbContext: the model is assembled from the configurations of every module (<see cref="ModelParts"/> in the
/// options). Contexts are pooled; the scope that rents one names who acts through it (<see cref="Actor"/>).
/// </summary>
public sealed class CountyHealthDb(DbContextOptions<CountyHealthDb> options) : IdentityDbContext<UserAccount, IdentityRole, string>(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>Who acts through this context, for the audit rows of its writes; the system when nobody is signed in.</summary>
    public ICurrentUser? Actor { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<UserAccount>(b =>
        {
            b.Property(u => u.FullName).HasMaxLength(50);
            b.HasIndex(u => u.InstitutionId);
        });
        builder.ApplyConfigurationsFromAssembly(typeof(CountyHealthDb).Assembly);
        foreach (var assembly in options.FindExtension<ModelParts>()?.Assemblies ?? [])
        {
            builder.ApplyConfigurationsFromAssembly(assembly);
        }
        // Guid keys are made by the application (version 7, time-ordered), never by the database; telling EF so
        // makes a new child added to a loaded parent's collection an INSERT, not an UPDATE of a row that is not there.
        foreach (var key in builder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            foreach (var p in key.Properties.Where(p => p.ClrType == typeof(Guid)))
            {
                p.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money and quantities: decimal with fixed scale on both providers; never floating point.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        // Every DateTime is UTC; SQLite loses the Kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

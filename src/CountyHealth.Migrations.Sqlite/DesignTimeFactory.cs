using CountyHealth.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CountyHealth.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite without the host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CountyHealthDb>
{
    public CountyHealthDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CountyHealthDb>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(DatabaseProviders.SqliteMigrations))
            .Options;
        // The same module list as the host's Add… calls.
        return new CountyHealthDb(options,
        [
            new(typeof(Platform.PlatformModule).Assembly),
            new(typeof(Residents.ResidentsModule).Assembly),
            new(typeof(Pharmacy.PharmacyModule).Assembly),
            new(typeof(Billing.BillingModule).Assembly),
            new(typeof(Outpatient.OutpatientModule).Assembly),
        ]);
    }
}

using CountyHealth.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CountyHealth.Server.Hosting;

/// <summary>
/// Builds the model for `dotnet ef migrations add` from the module catalogue, for the provider named after `--`:
/// <c>dotnet ef migrations add Name --project src/CountyHealth.Migrations.Postgres --startup-project src/CountyHealth.Server -- Postgres</c>.
/// </summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<CountyHealthDb>
{
    public CountyHealthDb CreateDbContext(string[] args)
    {
        var postgres = args.Any(a => a.Equals(DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase));
        var builder = new DbContextOptionsBuilder<CountyHealthDb>();
        if (postgres)
        {
            builder.UseNpgsql("Host=localhost;Database=design", o => o.MigrationsAssembly(DatabaseProviders.PostgresMigrations));
        }
        else
        {
            builder.UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(DatabaseProviders.SqliteMigrations));
        }
        builder.UseModelParts(ModuleCatalogue.All.Select(m => m.GetType().Assembly));
        return new CountyHealthDb(builder.Options);
    }
}

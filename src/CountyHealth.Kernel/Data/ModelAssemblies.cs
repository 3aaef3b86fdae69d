namespace CountyHealth.Kernel.Data;

/// <summary>Names of the migrations assemblies, one per provider.</summary>
public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
    public const string SqliteMigrations = "CountyHealth.Migrations.Sqlite";
    public const string PostgresMigrations = "CountyHealth.Migrations.Postgres";
}

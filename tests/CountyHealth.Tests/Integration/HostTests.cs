using System.Net;
using System.Text.Json;
using CountyHealth.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>The host itself: health, the OpenAPI document, and a schema that matches the model.</summary>
public abstract class HostTests(CountyHealthFactory host)
{
    [Fact]
    public async Task Health_reports_healthy()
    {
        using var client = host.Anonymous();
        using var response = await client.GetAsync("/health");

        await ApiClient.ExpectStatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_residents_api()
    {
        using var client = host.Anonymous();
        using var response = await client.GetAsync("/openapi/v1.json");
        await ApiClient.ExpectStatusAsync(response, HttpStatusCode.OK);

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/residents", paths);
        Assert.Contains("/api/v1/residents/{id}", paths);
        Assert.Contains("/api/v1/billing/payments", paths);
    }

    [Fact]
    public async Task The_openapi_document_states_the_paging_rule_and_the_token_responses_shape()
    {
        using var client = host.Anonymous();
        using var document = JsonDocument.Parse(await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/v1/residents", "/api/v1/audit" })
        {
            var description = paths.GetProperty(path).GetProperty("get").GetProperty("description").GetString();
            Assert.Contains("从 1 开始", description, StringComparison.Ordinal);
            Assert.Contains("total 仅在最后一页", description, StringComparison.Ordinal);
        }
        var token = paths.GetProperty("/api/v1/auth/token").GetProperty("post").GetProperty("responses").GetProperty("200");
        var schema = token.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetRawText();
        Assert.Contains("AccessTokenResponse", schema, StringComparison.Ordinal);
    }

    [Fact]
    public void Telemetry_is_off_unless_configured() =>
        Assert.Null(host.Services.GetService<OpenTelemetry.Trace.TracerProvider>());

    [Fact]
    public async Task The_database_is_migrated_and_the_model_has_no_changes_without_a_migration()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        Assert.Equal(host.Provider == DatabaseProviders.Sqlite, db.IsSqlite);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        var differences = ModelDifferences(db);
        Assert.True(differences.Count == 0,
            $"The model differs from the {host.Provider} migrations' snapshot; add a migration. " + string.Join("; ", differences.Select(Describe)));
        Assert.False(db.Database.HasPendingModelChanges());
    }

#pragma warning disable EF1001 // The migrations differ and the runtime initializer are internal EF APIs; they are what `migrations add` compares.
    private static IReadOnlyList<MigrationOperation> ModelDifferences(CountyHealthDb db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model
            ?? throw new InvalidOperationException("The migrations assembly has no model snapshot");
        // The migrator may have finalized the shared snapshot already (pooled contexts share EF's internal services).
        if (snapshot is IMutableModel mutable && snapshot is Microsoft.EntityFrameworkCore.Infrastructure.Annotatable { IsReadOnly: false })
        {
            snapshot = mutable.FinalizeModel();
        }
        var snapshotModel = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot, designTime: true, validationLogger: null);
        var designTimeModel = db.GetService<IDesignTimeModel>().Model;
        return db.GetService<IMigrationsModelDiffer>().GetDifferences(snapshotModel.GetRelationalModel(), designTimeModel.GetRelationalModel());
    }
#pragma warning restore EF1001

    private static string Describe(MigrationOperation operation) => operation switch
    {
        ColumnOperation c => $"{operation.GetType().Name} {c.Table}.{c.Name}",
        ITableMigrationOperation t => $"{operation.GetType().Name} {t.Table}",
        _ => operation.GetType().Name,
    };
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteHostTests(SqliteHost host) : HostTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresHost host) : HostTests(host);

using System.Reflection;
using System.Text.Json;
using CountyHealth.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>One operation of the OpenAPI document, with the permission its endpoint requires (null: anonymous).</summary>
public sealed record OpenApiOperation(string Id, string Method, string Path, IReadOnlyList<string> Query, string? Permission, Type? Body,
    IReadOnlyDictionary<string, string> QueryFormats)
{
    public override string ToString() => $"{Id} ({Method} {Path})";

    /// <summary>The path with a record that does not exist in every id (and an account that does not in a user name).</summary>
    public string PathWithUnknownIds() =>
        System.Text.RegularExpressions.Regex.Replace(Path.Replace("{userName}", "no-such-user", StringComparison.Ordinal), @"\{[A-Za-z]+\}", _ => Guid.NewGuid().ToString());
}

/// <summary>The operations the API documents: what the walks, the matrix test and the fuzz test call.</summary>
public static class OpenApiOperations
{
    public static async Task<List<OpenApiOperation>> ReadAsync(CountyHealthFactory host)
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, StringComparer.Ordinal);
        using var anonymous = host.Anonymous();
        using var document = JsonDocument.Parse(await (await anonymous.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Value.TryGetProperty("operationId", out _)))
            {
                var id = method.Value.GetProperty("operationId").GetString()!;
                var parameters = method.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").ToList()
                    : [];
                var query = parameters.Select(p => p.GetProperty("name").GetString()!).ToList();
                // uuid, date, int32, boolean, or "" for free text.
                var formats = parameters.ToDictionary(p => p.GetProperty("name").GetString()!, p =>
                    p.TryGetProperty("schema", out var schema) && schema.TryGetProperty("format", out var f) ? f.GetString()!
                    : schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "", StringComparer.Ordinal);
                var endpoint = endpoints[id];
                var permission = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? null
                    : endpoint.Metadata.GetMetadata<RequiredPermission>()?.Code ?? throw new InvalidOperationException($"{id} has no permission");
                var body = endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
                    .Select(p => p.ParameterType).FirstOrDefault(t => t.GetMethod("<Clone>$") is not null && !t.Name.EndsWith("Filter", StringComparison.Ordinal)
                        && !t.Name.EndsWith("Query", StringComparison.Ordinal));
                operations.Add(new(id, method.Name.ToUpperInvariant(), path.Name, query, permission, method.Name == "get" ? null : body, formats));
            }
        }
        Assert.True(operations.Count > 30, $"the OpenAPI document lists only {operations.Count} operations");
        return operations;
    }
}

using System.Reflection;
using CountyHealth.Kernel.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>Every route of the API goes to exactly one use case: the endpoint is a line of wiring, the handler does the work.</summary>
[Collection(SqliteCollection.Name)]
public sealed class EndpointShapeTests(SqliteHost host)
{
    [Fact]
    public void Every_api_endpoint_calls_one_use_case()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } p && (p.StartsWith("/api/", StringComparison.Ordinal) || p.StartsWith("/account/", StringComparison.Ordinal)))
            .ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} API endpoints found");

        var wrong = endpoints
            .Select(e => (Route: $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}",
                UseCases: e.Metadata.GetMetadata<MethodInfo>()?.GetParameters().Count(p => typeof(IUseCase).IsAssignableFrom(p.ParameterType)) ?? 0))
            .Where(e => e.UseCases != 1)
            .Select(e => $"{e.Route} ({e.UseCases} use cases)")
            .ToList();

        Assert.True(wrong.Count == 0, "endpoints that do not call exactly one use case: " + string.Join("; ", wrong));
    }

    [Fact]
    public void Every_api_endpoint_names_its_permission_or_is_anonymous_on_purpose()
    {
        var matrix = host.Services.GetRequiredService<CountyHealth.Platform.Domain.PermissionMatrix>();
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } p && p.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText).Order().ToList();
        // Signing in and refreshing a token are the only doors open to a caller without a session.
        Assert.Equal(["/api/v1/auth/refresh", "/api/v1/auth/token"], anonymous);
        var unnamed = endpoints.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null
                && (e.Metadata.GetMetadata<CountyHealth.Kernel.Security.RequiredPermission>() is not { } p || matrix.Find(p.Code) is null))
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(unnamed.Count == 0, "endpoints without a permission of the matrix: " + string.Join(", ", unnamed));
    }
}

using System.Security.Claims;
using CountyHealth.Kernel.Security;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CountyHealth.Platform.Access;

/// <summary>The matrix as the server reads it: the data file embedded in this assembly, checked against the code.</summary>
internal static class PermissionMatrixFile
{
    public static PermissionMatrix Load(DeclaredPermissions declared)
    {
        using var stream = typeof(PermissionMatrixFile).Assembly.GetManifestResourceStream("CountyHealth.Platform.permission-matrix.tsv")
            ?? throw new InvalidOperationException("the permission matrix is not embedded");
        using var reader = new StreamReader(stream);
        return PermissionMatrix.Parse(reader.ReadToEnd(), declared.All, Roles.ChineseNames.Keys);
    }
}

/// <summary>A policy named after a permission: the user holds a role that the matrix grants it (at any reach).</summary>
internal sealed record PermissionRequirement(string Permission, bool GrantedOnly = false) : IAuthorizationRequirement;

/// <summary>Makes every permission code a policy name, so endpoints say <c>.Requires(code)</c> and pages <c>[Authorize(Policy = code)]</c>.</summary>
internal sealed class PermissionPolicies(IOptions<AuthorizationOptions> options, PermissionMatrix matrix) : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider fallback = new(options);

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var grantedOnly = policyName.StartsWith(PermissionPolicy.GrantedPrefix, StringComparison.Ordinal);
        var code = grantedOnly ? policyName[PermissionPolicy.GrantedPrefix.Length..] : policyName;
        return matrix.Find(code) is null
            ? fallback.GetPolicyAsync(policyName)
            : Task.FromResult<AuthorizationPolicy?>(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(code, grantedOnly)).Build());
    }

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => fallback.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => fallback.GetFallbackPolicyAsync();
}

/// <summary>
/// Grants a permission's policy to a user whose roles reach it, or (for a break-glass permission) who may break the
/// glass: whether she may open the one record asked for is then the handler's question, through <see cref="IAccessScope"/>.
/// </summary>
internal sealed class PermissionHandler(PermissionMatrix matrix) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var roles = context.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (matrix.ReachOf(roles, requirement.Permission) != Reach.None
            || (!requirement.GrantedOnly && matrix.Find(requirement.Permission) is { BreakGlass: true } && matrix.ReachOf(roles, PlatformPermissions.BreakGlass) != Reach.None))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

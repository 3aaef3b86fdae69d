using Microsoft.AspNetCore.Builder;

namespace CountyHealth.Kernel.Security;

/// <summary>
/// How far a role's grant of one permission reaches, from the user's own institution to the institution that keeps the
/// record: none, her own institution, her own and those below it (a township and its villages), or the whole county.
/// </summary>
public enum Reach
{
    None = 0,
    Own = 1,
    Below = 2,
    County = 3,
}

/// <summary>
/// An action a role may be granted, as the permission matrix names it. <paramref name="Code"/> is also the name of the
/// authorization policy that guards the endpoints and screens of the action. A permission marked
/// <paramref name="BreakGlass"/> can be opened for one resident beyond its reach by a break-glass access.
/// </summary>
public sealed record Permission(string Code, string Name, string Group, bool BreakGlass = false);

/// <summary>Endpoint metadata: the permission an endpoint requires, read by the matrix walk and the architecture tests.</summary>
public sealed record RequiredPermission(string Code);

public static class PermissionEndpoints
{
    /// <summary>Guards the endpoint with the permission's policy; the handler applies the permission's reach to the record.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission).WithMetadata(new RequiredPermission(permission));
}

/// <summary>Every permission the modules declare, gathered by the host from the module catalogue.</summary>
public sealed record DeclaredPermissions(IReadOnlyList<Permission> All);

/// <summary>
/// Policy names beyond a bare permission code (which break-glass also opens): <see cref="Granted"/> holds only where the
/// matrix grants the permission itself, for menus and tiles — a director who may break the glass is not offered the
/// resident index as a desk of hers.
/// </summary>
public static class PermissionPolicy
{
    public const string GrantedPrefix = "granted:";

    public static string Granted(string permission) => GrantedPrefix + permission;
}

using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;

namespace CountyHealth.Platform.Access;

public sealed record MatrixRole(string Code, string Name);

public sealed record MatrixRow(string Code, string Name, string Group, bool BreakGlass, IReadOnlyList<Reach> Reach);

/// <summary>The permission matrix, as the server enforces it: one row a permission, one cell a role's reach.</summary>
public sealed record PermissionMatrixView(IReadOnlyList<MatrixRole> Roles, IReadOnlyList<MatrixRow> Rows);

/// <summary>Reads the permission matrix the server runs on (the administrator's page and the API show the same).</summary>
internal sealed class ReadPermissionMatrix(PermissionMatrix matrix) : IUseCase
{
    public PermissionMatrixView Handle() => new(
        matrix.Roles.Select(r => new MatrixRole(r, Roles.NameOf(r))).ToList(),
        matrix.Permissions.Select(p => new MatrixRow(p.Code, p.Name, p.Group, p.BreakGlass, matrix.Roles.Select(r => matrix.ReachOf(r, p.Code)).ToList())).ToList());
}

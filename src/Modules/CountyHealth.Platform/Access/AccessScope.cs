using System.Linq.Expressions;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Security;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;

namespace CountyHealth.Platform.Access;

/// <summary>The access path (see <see cref="IAccessScope"/>): the permission matrix over the institution tree held in memory.</summary>
internal sealed class AccessScope(ICurrentUser user, PermissionMatrix matrix, IInstitutionDirectory directory, IEnumerable<IAccessGrants> grants, AuditLog audit) : IAccessScope
{
    private IReadOnlyCollection<Guid>? subtree;

    public Guid? OwnInstitution => user.InstitutionId;

    public Reach ReachOf(string permission) => user.InstitutionId is null ? Reach.None : matrix.ReachOf(user.Roles, permission);

    public async Task<IReadOnlyCollection<Guid>?> InstitutionsAsync(string permission, CancellationToken ct = default) => ReachOf(permission) switch
    {
        Reach.County => null,
        Reach.Below => subtree ??= await directory.SubtreeAsync(user.InstitutionId!.Value, ct),
        Reach.Own => [user.InstitutionId!.Value],
        _ => [],
    };

    public async Task<bool> CoversAsync(string permission, Guid institutionId, CancellationToken ct = default) =>
        await InstitutionsAsync(permission, ct) is not { } within || within.Contains(institutionId);

    public Task<bool> AllowsAsync(string permission, Guid institutionId, string entityType, Guid entityId, Guid? residentId, CancellationToken ct = default) =>
        AllowsAnyAsync(permission, [institutionId], entityType, entityId, residentId, ct);

    public async Task<bool> AllowsAnyAsync(string permission, IReadOnlyCollection<Guid> institutionIds, string entityType, Guid entityId, Guid? residentId, CancellationToken ct = default)
    {
        var within = await InstitutionsAsync(permission, ct);
        if (within is null || institutionIds.Any(within.Contains))
        {
            return true;
        }
        if (residentId is { } resident && await OpenedByBreakGlassAsync(permission, resident, ct))
        {
            await audit.RecordAsync(AuditActions.BreakGlass, entityType, entityId.ToString(), resident, $"紧急查阅：{matrix.Find(permission)?.Name ?? permission}");
            return true;
        }
        await audit.DeniedAsync(entityType, entityId, residentId, ReachOf(permission) == Reach.None
            ? $"角色无此权限（{matrix.Find(permission)?.Name ?? permission}）"
            : "不在本账户权限所及的机构范围内");
        return false;
    }

    public async Task<bool> OpenedByBreakGlassAsync(string permission, Guid residentId, CancellationToken ct = default)
    {
        if (matrix.Find(permission) is not { BreakGlass: true } || ReachOf(PlatformPermissions.BreakGlass) == Reach.None)
        {
            return false;
        }
        foreach (var g in grants)
        {
            if (await g.HoldsAsync(residentId, ct))
            {
                return true;
            }
        }
        return false;
    }

    public async Task<IQueryable<T>> WithinAsync<T>(IQueryable<T> rows, string permission, Expression<Func<T, Guid>> institutionOf, CancellationToken ct = default)
    {
        var within = await InstitutionsAsync(permission, ct);
        if (within is null)
        {
            return rows;
        }
        if (within.Count == 1)
        {
            // One institution: an equality the planner drives from an index, with the key as a parameter.
            var equals = Expression.Equal(institutionOf.Body, Expression.Property(Expression.Constant(new OwnKey(within.First())), nameof(OwnKey.Id)));
            return rows.Where(Expression.Lambda<Func<T, bool>>(equals, institutionOf.Parameters));
        }
        var ids = Expression.Property(Expression.Constant(new Institutions(within)), nameof(Institutions.Ids));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], ids, institutionOf.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(contains, institutionOf.Parameters));
    }

    // Values held in objects as a closure holds them, so EF sends them as parameters and caches one plan for all users.
    private sealed record OwnKey(Guid Id);

    private sealed record Institutions(IReadOnlyCollection<Guid> Ids);
}

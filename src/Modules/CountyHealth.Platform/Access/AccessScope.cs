using System.Linq.Expressions;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Security;
using CountyHealth.Platform.Contracts;

namespace CountyHealth.Platform.Access;

/// <summary>The two scope rules (see <see cref="IAccessScope"/>), over the institution tree held in memory.</summary>
internal sealed class AccessScope(ICurrentUser user, IInstitutionDirectory directory, AuditLog audit) : IAccessScope
{
    private IReadOnlyCollection<Guid>? readable;

    public Guid? OwnInstitution => user.InstitutionId;

    public async Task<IReadOnlyCollection<Guid>> ReadableInstitutionsAsync(CancellationToken ct = default) =>
        readable ??= user.InstitutionId is { } id ? await directory.SubtreeAsync(id, ct) : [];

    public async Task<bool> SeesEverythingAsync(CancellationToken ct = default) =>
        user.InstitutionId is { } id && (await directory.FindAsync(id, ct)) is { ParentId: null };

    public async Task<bool> MayReadAsync(Guid institutionId, CancellationToken ct = default) =>
        (await ReadableInstitutionsAsync(ct)).Contains(institutionId);

    public bool MayWrite(Guid institutionId) => user.InstitutionId == institutionId;

    public async Task<bool> AllowsAsync(AccessKind kind, Guid institutionId, string entityType, Guid entityId, Guid? residentId, CancellationToken ct = default)
    {
        var allowed = kind == AccessKind.Write ? MayWrite(institutionId) : await MayReadAsync(institutionId, ct);
        if (!allowed)
        {
            await audit.DeniedAsync(entityType, entityId, residentId, kind == AccessKind.Write ? "不属于本机构的记录，不能修改" : "不在本机构及下级机构范围内");
        }
        return allowed;
    }

    public async Task<IQueryable<T>> Readable<T>(IQueryable<T> rows, Expression<Func<T, Guid>> institutionOf, CancellationToken ct = default)
    {
        var institutions = await ReadableInstitutionsAsync(ct);
        var ids = Expression.Property(Expression.Constant(new Institutions(institutions)), nameof(Institutions.Ids));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], ids, institutionOf.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(contains, institutionOf.Parameters));
    }

    public IQueryable<T> Writable<T>(IQueryable<T> rows, Expression<Func<T, Guid>> institutionOf)
    {
        // An account without an institution writes nothing: compare with a key no row has.
        var own = new OwnKey(user.InstitutionId ?? Guid.Empty);
        var equals = Expression.Equal(institutionOf.Body, Expression.Property(Expression.Constant(own), nameof(OwnKey.Id)));
        return rows.Where(Expression.Lambda<Func<T, bool>>(equals, institutionOf.Parameters));
    }

    // Values held in objects as a closure holds them, so EF sends them as parameters and caches one plan for all users.
    private sealed record OwnKey(Guid Id);

    private sealed record Institutions(IReadOnlyCollection<Guid> Ids);
}

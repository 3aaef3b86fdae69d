using System.Linq.Expressions;
using CountyHealth.Kernel.Security;

namespace CountyHealth.Platform.Contracts;

/// <summary>
/// The one access path: what the signed-in user may do to a record, by the permission matrix (role × permission →
/// reach: her own institution, her own and those below, or the county). Every handler asks here, for one record
/// (<see cref="AllowsAsync"/>, which audits a refusal and honours a break-glass access) or for a list
/// (<see cref="WithinAsync{T}"/>).
/// </summary>
public interface IAccessScope
{
    /// <summary>The signed-in user's institution, or null for an account without one (it reaches nothing).</summary>
    Guid? OwnInstitution { get; }

    /// <summary>The widest reach the user's roles have for a permission.</summary>
    Reach ReachOf(string permission);

    /// <summary>The institutions a permission reaches for this user; null when it reaches the whole county.</summary>
    Task<IReadOnlyCollection<Guid>?> InstitutionsAsync(string permission, CancellationToken ct = default);

    /// <summary>Whether the permission reaches records kept by <paramref name="institutionId"/>, without auditing (for choices, not records).</summary>
    Task<bool> CoversAsync(string permission, Guid institutionId, CancellationToken ct = default);

    /// <summary>
    /// The rule for one record kept by <paramref name="institutionId"/> (of resident <paramref name="residentId"/>, if
    /// any). Beyond the reach, a live break-glass access to that resident opens a break-glass permission. A refusal is
    /// audited as a denial against the record and its resident; the caller answers "not found" (a refusal does not
    /// confirm that the record exists).
    /// </summary>
    Task<bool> AllowsAsync(string permission, Guid institutionId, string entityType, Guid entityId, Guid? residentId, CancellationToken ct = default);

    /// <summary>The same rule for a record known at several institutions (a resident and her links): any one will do.</summary>
    Task<bool> AllowsAnyAsync(string permission, IReadOnlyCollection<Guid> institutionIds, string entityType, Guid entityId, Guid? residentId, CancellationToken ct = default);

    /// <summary>Whether a live break-glass access opens a break-glass permission for one resident beyond the reach (no audit).</summary>
    Task<bool> OpenedByBreakGlassAsync(string permission, Guid residentId, CancellationToken ct = default);

    /// <summary>The rows of a query that the permission reaches.</summary>
    Task<IQueryable<T>> WithinAsync<T>(IQueryable<T> rows, string permission, Expression<Func<T, Guid>> institutionOf, CancellationToken ct = default);
}

/// <summary>
/// Access granted to one person's records beyond the matrix's reach — a break-glass access, with its reason and its
/// time limit. Implemented by the module that keeps the grants; the access path consults it.
/// </summary>
public interface IAccessGrants
{
    /// <summary>Whether the signed-in user holds a live grant for the resident.</summary>
    Task<bool> HoldsAsync(Guid residentId, CancellationToken ct = default);
}

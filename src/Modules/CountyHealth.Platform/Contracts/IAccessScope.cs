using System.Linq.Expressions;

namespace CountyHealth.Platform.Contracts;

/// <summary>Whether a record is to be read or changed.</summary>
public enum AccessKind
{
    Read,
    Write,
}

/// <summary>
/// The two scope rules of CountyHealth, named once: a user <b>reads</b> the records of her own institution and of the
/// institutions below it, and <b>writes</b> the records of her own institution only. Every handler asks here, for one
/// record (<see cref="AllowsAsync"/>, which audits a refusal) or for a list (<see cref="Readable{T}"/>, <see cref="Writable{T}"/>).
/// </summary>
public interface IAccessScope
{
    /// <summary>The signed-in user's institution, or null for an account without one (it may read and write nothing).</summary>
    Guid? OwnInstitution { get; }

    /// <summary>The institutions whose records the user may read: her own and those below it.</summary>
    Task<IReadOnlyCollection<Guid>> ReadableInstitutionsAsync(CancellationToken ct = default);

    /// <summary>True for users of the root of the tree (the bureau), whose read scope is every institution.</summary>
    Task<bool> SeesEverythingAsync(CancellationToken ct = default);

    /// <summary>The read rule for one institution, without auditing (for choices, not records).</summary>
    Task<bool> MayReadAsync(Guid institutionId, CancellationToken ct = default);

    /// <summary>The write rule for one institution.</summary>
    bool MayWrite(Guid institutionId);

    /// <summary>
    /// The rule for one record kept by <paramref name="institutionId"/>; a refusal is audited as a denial against the
    /// record and its resident, and the caller answers "not found" (a refusal does not confirm that the record exists).
    /// </summary>
    Task<bool> AllowsAsync(AccessKind kind, Guid institutionId, string entityType, Guid entityId, Guid? residentId, CancellationToken ct = default);

    /// <summary>The rows of a query that the user may read: those kept by her institution or one below it.</summary>
    Task<IQueryable<T>> Readable<T>(IQueryable<T> rows, Expression<Func<T, Guid>> institutionOf, CancellationToken ct = default);

    /// <summary>The rows of a query that the user may change (and that her desk works on): those kept by her own institution.</summary>
    IQueryable<T> Writable<T>(IQueryable<T> rows, Expression<Func<T, Guid>> institutionOf);
}

namespace CountyHealth.Kernel.Data;

/// <summary>
/// Replaces every row of an entity's table in bulk where the database allows it (PostgreSQL): the rows are copied into a
/// bare twin of the table (its columns, no index), the table's own indexes are built once over them, and the twin takes
/// the table's place in one short transaction — readers see the old rows until then, the new ones after. Inserting a
/// county's figures into the indexed table kept both indexes in step row by row, the rebuild's largest single cost.
/// </summary>
public interface ITableReload
{
    /// <summary>Makes the bare twin of <typeparamref name="T"/>'s table anew; false when the database has no such path (SQLite).</summary>
    Task<bool> BeginAsync<T>(CountyHealthDb db, CancellationToken ct) where T : class;

    /// <summary>Copies rows into the twin, on the given context's connection (several contexts may write side by side).</summary>
    Task WriteAsync<T>(CountyHealthDb db, IEnumerable<T> rows, CancellationToken ct) where T : class;

    /// <summary>Builds the table's indexes on the twin, then puts the twin in the table's place and drops the old rows.</summary>
    Task SwapAsync<T>(CountyHealthDb db, CancellationToken ct) where T : class;
}

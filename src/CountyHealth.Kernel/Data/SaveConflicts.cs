using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Kernel.Data;

/// <summary>
/// What a save that lost a race means to the person who made it. Use cases answer the races they expect (a dose saved
/// twice, a number taken at the same instant) with their own words; this is the answer for the ones nobody foresaw, so
/// that the API says 409 and a screen shows a message instead of a 500 or a broken page.
/// </summary>
public static class SaveConflicts
{
    public const string Changed = "记录已被他人修改，请刷新后重试";

    public const string Duplicate = "保存未完成：相同的记录或编号已由他人同时保存，请刷新后查看再决定是否重试";

    /// <summary>The message for a conflict (a stale version, a unique key taken); null for any other failure.</summary>
    public static string? MessageFor(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => Changed,
        DbUpdateException { InnerException: DbException inner } when IsUniqueViolation(inner) => Duplicate,
        _ => null,
    };

    // PostgreSQL names the violation by SQLSTATE; SQLite only in the text it always writes (its code, 19, is shared by
    // every constraint, NOT NULL and foreign keys included, and the provider's exception is not the Kernel's to know).
    private static bool IsUniqueViolation(DbException e) =>
        e.SqlState == "23505" || e.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal);
}

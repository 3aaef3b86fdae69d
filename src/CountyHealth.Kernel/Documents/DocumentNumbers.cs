using System.Globalization;
using CountyHealth.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyHealth.Kernel.Documents;

/// <summary>
/// The numbers printed on documents (就诊号, 处方号, 收据号): prefix, the China calendar day and a sequence of the
/// institution and day, e.g. <c>MZ20261201-0042</c> — short enough to read aloud, the same on screen and paper.
/// Unique per institution (two centres both have their 0001 of a day).
/// </summary>
public static class DocumentNumbers
{
    /// <summary>The prefix for outpatient visits (门诊).</summary>
    public const string Visit = "MZ";

    /// <summary>The prefix for prescriptions (处方).</summary>
    public const string Prescription = "CF";

    /// <summary>The prefix for receipts (收费).</summary>
    public const string Receipt = "SF";

    /// <summary>The prefix for infectious-disease report cards (报卡).</summary>
    public const string ReportCard = "BK";

    /// <summary>The prefix for insurance settlements (医保结算).</summary>
    public const string InsuranceSettlement = "YB";

    /// <summary>The printed number: four digits at least, more on a day beyond 9,999 documents.</summary>
    public static string Compose(string prefix, DateOnly chinaDay, int sequence) =>
        prefix + chinaDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + sequence.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// The next number of an institution's day. One atomic upsert (the same SQL on SQLite ≥ 3.35 and PostgreSQL), in its
    /// own statement so concurrent desks wait on the counter row for a moment, not for each other's whole save; a save
    /// that fails afterwards leaves a gap, never a duplicate.
    /// </summary>
    public static async Task<string> NextAsync(CountyHealthDb db, Guid institutionId, string prefix, DateOnly chinaDay, CancellationToken ct)
    {
        var next = (await db.Database.SqlQuery<int>($"""
            INSERT INTO document_counters ("InstitutionId", "Prefix", "Day", "Last") VALUES ({institutionId}, {prefix}, {chinaDay}, 1)
            ON CONFLICT ("InstitutionId", "Prefix", "Day") DO UPDATE SET "Last" = document_counters."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct)).Single();
        return Compose(prefix, chinaDay, next);
    }
}

/// <summary>Numbers for generated history, made in memory in the same form (one generator writes a day at a time).</summary>
public sealed class DocumentSequence
{
    private readonly Dictionary<(Guid Institution, string Prefix, DateOnly Day), int> last = [];

    public string Next(Guid institutionId, string prefix, DateOnly chinaDay)
    {
        var key = (institutionId, prefix, chinaDay);
        var n = last.GetValueOrDefault(key) + 1;
        last[key] = n;
        return DocumentNumbers.Compose(prefix, chinaDay, n);
    }
}

/// <summary>The last number given out of a kind, institution and day.</summary>
public sealed class DocumentCounter
{
    public Guid InstitutionId { get; set; }
    public string Prefix { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> b)
    {
        b.ToTable("document_counters");
        b.HasKey(c => new { c.InstitutionId, c.Prefix, c.Day });
        b.Property(c => c.Prefix).HasMaxLength(8);
    }
}

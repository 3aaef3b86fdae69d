using System.Globalization;

namespace CountyHealth.Kernel.Documents;

/// <summary>The numbers printed on documents (就诊号, 处方号, 收据号): one way of making them for every module.</summary>
public static class DocumentNumbers
{
    /// <summary>The prefix for outpatient visits (门诊).</summary>
    public const string Visit = "MZ";

    /// <summary>The prefix for prescriptions (处方).</summary>
    public const string Prescription = "CF";

    /// <summary>Receipts carry no prefix.</summary>
    public const string Receipt = "";

    /// <summary>
    /// Prefix, the China calendar day (yyyyMMdd) and the last 48 bits of the record's version-7 id in hex: unique
    /// without a round trip (a county's day of records never collides; 32 bits did, at tens of thousands a day).
    /// </summary>
    public static string Compose(string prefix, DateOnly chinaDay, Guid id) =>
        prefix + chinaDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + id.ToString("N")[^12..].ToUpperInvariant();
}

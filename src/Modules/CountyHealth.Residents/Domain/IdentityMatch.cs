using System.Text;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.Residents.Domain;

/// <summary>
/// Whether a registration describes the resident already holding its ID number. Knowing an ID number is not enough to
/// reach a person's record: the name, sex and birth date given must be hers too. Names compare after trimming, Unicode
/// normalisation and with spaces dropped and the separator of minority names (·) written one way.
/// </summary>
public static class IdentityMatch
{
    public static bool Same(string storedName, Sex storedSex, DateOnly storedBirthDate, string givenName, Sex givenSex, DateOnly givenBirthDate) =>
        storedSex == givenSex && storedBirthDate == givenBirthDate && string.Equals(Canonical(storedName), Canonical(givenName), StringComparison.Ordinal);

    /// <summary>A name as compared: NFKC (full-width letters become half-width), no white space, one middle dot.</summary>
    public static string Canonical(string name)
    {
        var s = name.Normalize(NormalizationForm.FormKC);
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            b.Append(c is '•' or '．' or '.' or '・' or '‧' ? '·' : char.ToUpperInvariant(c));
        }
        return b.ToString();
    }
}

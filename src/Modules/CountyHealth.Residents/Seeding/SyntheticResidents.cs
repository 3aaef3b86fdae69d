using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Text;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;

namespace CountyHealth.Residents.Seeding;

/// <summary>One synthetic-resident factory and one ID issuer for the demo county and the synthetic county (same draws, same output).</summary>
internal static class SyntheticResidents
{
    /// <summary>
    /// Generated ID numbers use the sequence codes 000–899 of a birth date; 900–999 are left to the tests' new residents,
    /// which therefore never meet a generated one (a collision made a test's registration a 409 about once in twenty runs).
    /// </summary>
    public const int SequencePairs = 450;

    /// <summary>An ID number of the region for the birth date and sex that no resident holds yet (added to <paramref name="used"/>).</summary>
    public static string IssueIdNumber(Random rng, string regionCode, DateOnly birth, bool male, HashSet<string> used)
    {
        string id;
        do
        {
            id = ChineseIdNumber.Compose(regionCode, birth, rng.Next(0, SequencePairs) * 2 + (male ? 1 : 0));
        }
        while (!used.Add(id));
        return id;
    }

    /// <summary>A resident at home in a village: a Chinese name with its initials, a mobile for most adults.</summary>
    public static Resident Create(Random rng, bool male, int age, DateOnly birth, string idNumber, Guid homeId, Func<Random, string> address, DateTime now)
    {
        var name = SyntheticNames.Name(rng, male);
        return new Resident
        {
            Name = name,
            Pinyin = PinyinInitials.OfName(name),
            Sex = male ? Sex.Male : Sex.Female,
            BirthDate = birth,
            IdNumber = idNumber,
            Phone = age >= 16 && rng.Next(10) < 8 ? SyntheticNames.MobilePhone(rng) : null,
            Address = address(rng),
            Ethnicity = "汉族",
            ManagingInstitutionId = homeId,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}

using System.Globalization;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using CountyHealth.Residents.Households;
using CountyHealth.Residents.ResidentIndex;
using CountyHealth.Tests.Support;

namespace CountyHealth.Tests.Integration;

/// <summary>Demo accounts the host seeds (all share one password).</summary>
public static class DemoAccounts
{
    public const string Password = CountyHealth.Platform.Contracts.DemoAccounts.Password;
    public const string Admin = "admin";
    public const string Cashier = "cashier";
    public const string Doctor = "doctor";
    public const string Pharmacist = "pharmacist";
    public const string Pharmacist2 = "pharmacist2";
    public const string Cashier2 = "cashier2";
    public const string VillageDoctor = "villagedoctor";
    public const string VillageDoctor2 = "villagedoctor2";
    public const string RecordsClerk = "records";
    public const string Nurse = "nurse";
    public const string PublicHealth = "publichealth";
    public const string Director = "director";
    public const string Bureau = "bureau";
    public const string Cdc = "cdc";
    public const string Inspector = "inspector";
}

/// <summary>A resident to register, with the pinyin initials its name should get.</summary>
public sealed record NewResident(string Name, string Initials, Sex Sex, DateOnly BirthDate, string IdNumber, string Phone)
{
    public ResidentRequest ToRequest() => new(Name, Sex, BirthDate, IdNumber, Phone, "河北省邢台市清河县葛仙庄镇测试村1号", "汉族");
}

/// <summary>
/// Data no other test (or rerun) uses: ID numbers of the demo county's region with a random birth date and sequence,
/// four-character names (the demo residents have two or three) and mobile numbers, each handed out once per process.
/// </summary>
public static class TestData
{
    public const string RegionCode = "130534";

    private static readonly (char Char, char Initial)[] Surnames =
        [('王', 'W'), ('李', 'L'), ('张', 'Z'), ('陈', 'C'), ('杨', 'Y'), ('孙', 'S'), ('马', 'M'), ('高', 'G'), ('林', 'L'), ('郭', 'G')];

    private static readonly (char Char, char Initial)[] GivenChars =
    [
        ('安', 'A'), ('北', 'B'), ('春', 'C'), ('东', 'D'), ('芳', 'F'), ('光', 'G'), ('华', 'H'), ('佳', 'J'), ('凯', 'K'), ('兰', 'L'),
        ('敏', 'M'), ('宁', 'N'), ('鹏', 'P'), ('琴', 'Q'), ('瑞', 'R'), ('松', 'S'), ('婷', 'T'), ('伟', 'W'), ('霞', 'X'), ('英', 'Y'),
    ];

    private static readonly HashSet<string> Used = new(StringComparer.Ordinal);

    public static NewResident Resident(Sex sex = Sex.Female)
    {
        var birth = BirthDate();
        var id = Unique(() => ChineseIdNumber.Compose(RegionCode, birth, Sequence(sex)));
        var (name, initials) = Name();
        return new NewResident(name, initials, sex, birth, id, MobilePhone());
    }

    /// <summary>A resident of 40 or more: old enough for the chronic-disease programmes (35 and over).</summary>
    public static NewResident Adult(Sex sex = Sex.Female)
    {
        var birth = new DateOnly(1940, 1, 1).AddDays(TestSeed.Next(0, 365 * 45));
        var (name, initials) = Name();
        return new NewResident(name, initials, sex, birth, IdNumber(sex, birth), MobilePhone());
    }

    /// <summary>A child born on the day (immunisation: the schedule runs from birth).</summary>
    public static NewResident Child(DateOnly birth, Sex sex = Sex.Male)
    {
        var (name, initials) = Name();
        return new NewResident(name, initials, sex, birth, IdNumber(sex, birth), MobilePhone());
    }

    /// <summary>A woman of childbearing age (the maternal programme): born 20 to 35 years before today.</summary>
    public static NewResident Woman(DateOnly today) => Child(today.AddYears(-20).AddDays(-TestSeed.Next(0, 365 * 15)), Sex.Female);

    /// <summary>A valid ID number for the sex and birth date, not used before in this process.</summary>
    public static string IdNumber(Sex sex, DateOnly birth) => Unique(() => ChineseIdNumber.Compose(RegionCode, birth, Sequence(sex)));

    public static DateOnly BirthDate() => new DateOnly(1940, 1, 1).AddDays(TestSeed.Next(0, 365 * 65));

    public static (string Name, string Initials) Name()
    {
        string initials = "";
        var name = Unique(() =>
        {
            var surname = Surnames[TestSeed.Next(Surnames.Length)];
            var given = Enumerable.Range(0, 3).Select(_ => GivenChars[TestSeed.Next(GivenChars.Length)]).ToList();
            initials = surname.Initial + string.Concat(given.Select(g => g.Initial));
            return surname.Char + string.Concat(given.Select(g => g.Char));
        });
        return (name, initials);
    }

    public static string MobilePhone() =>
        Unique(() => "139" + TestSeed.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture));

    /// <summary>A code for a new catalogue entry (drug), unique per call.</summary>
    public static string Code(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static int Sequence(Sex sex) => TestSeed.IdSequence(sex == Sex.Male);

    private static string Unique(Func<string> next)
    {
        lock (Used)
        {
            string value;
            do
            {
                value = next();
            }
            while (!Used.Add(value));
            return value;
        }
    }
}

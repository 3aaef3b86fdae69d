using System.Globalization;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.Residents.Domain;

/// <summary>What an 18-digit 居民身份证号码 says about its holder.</summary>
/// <param name="Normalized">The number with surrounding whitespace removed and a trailing x upper-cased.</param>
/// <param name="BirthDate">Birth date encoded at positions 7-14.</param>
/// <param name="Sex">Sex encoded by the parity of position 17.</param>
/// <param name="RegionCode">The 6-digit administrative division code (positions 1-6).</param>
internal sealed record IdNumberInfo(string Normalized, DateOnly BirthDate, Sex Sex, string RegionCode);

/// <summary>
/// Rules for the 18-digit citizen identification number of GB 11643-1999:
/// 6-digit address code, 8-digit birth date (yyyyMMdd), 3-digit sequence (odd = male, even = female)
/// and an ISO 7064 MOD 11-2 check character (0-9 or X).
/// </summary>
internal static class ChineseIdNumber
{
    public const int Length = 18;

    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private const string CheckChars = "10X98765432";

    // First two digits of the address code: provinces, autonomous regions, municipalities,
    // Taiwan (71), Hong Kong (81), Macao (82) and 83 (residence permits for Taiwan residents).
    private static readonly HashSet<int> ProvinceCodes =
    [
        11, 12, 13, 14, 15,
        21, 22, 23,
        31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54,
        61, 62, 63, 64, 65,
        71, 81, 82, 83,
    ];

    /// <summary>
    /// Validates <paramref name="input"/>. On success returns true with <paramref name="info"/> set;
    /// otherwise returns false with a Chinese message in <paramref name="error"/>.
    /// </summary>
    public static bool TryParse(string? input, DateOnly today, out IdNumberInfo? info, out string? error)
    {
        info = null;
        error = null;

        var trimmed = input?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "身份证号码不能为空";
            return false;
        }

        if (trimmed.Length != Length)
        {
            error = "身份证号码应为18位";
            return false;
        }

        var normalized = trimmed[^1] == 'x' ? string.Concat(trimmed.AsSpan(0, Length - 1), "X") : trimmed;
        if (!AllAsciiDigits(normalized.AsSpan(0, Length - 1)) || !(char.IsAsciiDigit(normalized[^1]) || normalized[^1] == 'X'))
        {
            error = "身份证号码格式错误（前17位应为数字，末位应为数字或X）";
            return false;
        }

        var regionCode = normalized[..6];
        if (!ProvinceCodes.Contains(int.Parse(regionCode.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture)))
        {
            error = "身份证号码中的地区代码无效";
            return false;
        }

        if (!DateOnly.TryParseExact(normalized.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || birthDate < EarliestBirthDate)
        {
            error = "身份证号码中的出生日期无效";
            return false;
        }

        if (birthDate > today)
        {
            error = "身份证号码中的出生日期晚于今天";
            return false;
        }

        if (ComputeCheckChar(normalized.AsSpan(0, Length - 1)) != normalized[^1])
        {
            error = "身份证号码校验位错误";
            return false;
        }

        var sex = (normalized[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        info = new IdNumberInfo(normalized, birthDate, sex, regionCode);
        return true;
    }

    /// <summary>
    /// Compares entered data with what the number says. Returns null when consistent, else a Chinese message
    /// (both problems joined with "；" when both disagree). <see cref="Sex.Unknown"/> means "not entered" and never disagrees.
    /// </summary>
    public static string? CheckConsistency(IdNumberInfo info, Sex sex, DateOnly birthDate)
    {
        ArgumentNullException.ThrowIfNull(info);

        var problems = new List<string>(2);
        if (sex != Sex.Unknown && sex != info.Sex)
        {
            problems.Add($"性别与身份证号码不符（号码显示为{(info.Sex == Sex.Male ? "男" : "女")}）");
        }

        if (birthDate != info.BirthDate)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"出生日期与身份证号码不符（号码显示为{info.BirthDate:yyyy-MM-dd}）"));
        }

        return problems.Count == 0 ? null : string.Join("；", problems);
    }

    /// <summary>ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    /// <exception cref="ArgumentException">Not exactly 17 ASCII digits.</exception>
    public static char ComputeCheckChar(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1 || !AllAsciiDigits(first17))
        {
            throw new ArgumentException("Expected exactly 17 ASCII digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>
    /// Builds a valid number (for demo data and tests). Use an odd <paramref name="sequence3"/> for a man, even for a woman.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="regionCode6"/> is not 6 ASCII digits.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence3"/> is outside 0..999 or the year outside 1000..9999.</exception>
    public static string Compose(string regionCode6, DateOnly birthDate, int sequence3)
    {
        ArgumentNullException.ThrowIfNull(regionCode6);
        if (regionCode6.Length != 6 || !AllAsciiDigits(regionCode6))
        {
            throw new ArgumentException("Expected exactly 6 ASCII digits.", nameof(regionCode6));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sequence3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence3, 999);
        if (birthDate.Year < 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(birthDate), birthDate, "Year must have four digits.");
        }

        var first17 = string.Create(CultureInfo.InvariantCulture, $"{regionCode6}{birthDate:yyyyMMdd}{sequence3:D3}");
        return first17 + ComputeCheckChar(first17);
    }

    /// <summary>
    /// Masks a number for display, keeping the first 6 and last 4 characters: 110105********002X.
    /// Strings of 10 characters or fewer are masked entirely.
    /// </summary>
    public static string Mask(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (normalized.Length <= 10)
        {
            return new string('*', normalized.Length);
        }

        return string.Concat(normalized.AsSpan(0, 6), new string('*', normalized.Length - 10), normalized.AsSpan(normalized.Length - 4));
    }

    private static bool AllAsciiDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

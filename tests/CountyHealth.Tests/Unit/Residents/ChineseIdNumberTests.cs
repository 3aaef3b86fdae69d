using System.Globalization;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.Residents;

public sealed class ChineseIdNumberTests
{
    private static readonly DateOnly Today = new(2024, 6, 15);

    // Example from GB 11643-1999: Beijing Chaoyang 110105, born 1949-12-31, sequence 002 (female), check X.
    private const string WellKnown = "11010519491231002X";

    private static string WithCheckChar(string first17) => first17 + ChineseIdNumber.ComputeCheckChar(first17);

    private static string ParseError(string? input, DateOnly today)
    {
        Assert.False(ChineseIdNumber.TryParse(input, today, out var info, out var error));
        Assert.Null(info);
        Assert.NotNull(error);
        return error;
    }

    private static IdNumberInfo ParseOk(string input, DateOnly today)
    {
        Assert.True(ChineseIdNumber.TryParse(input, today, out var info, out var error), error);
        Assert.Null(error);
        Assert.NotNull(info);
        return info;
    }

    [Fact]
    public void TryParse_WellKnownNumber_IsFemaleBornOn19491231()
    {
        var info = ParseOk(WellKnown, Today);

        Assert.Equal(WellKnown, info.Normalized);
        Assert.Equal(new DateOnly(1949, 12, 31), info.BirthDate);
        Assert.Equal(Sex.Female, info.Sex);
        Assert.Equal("110105", info.RegionCode);
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData(" 11010519491231002X")]
    [InlineData("11010519491231002X\t")]
    [InlineData("  11010519491231002x  ")]
    public void TryParse_LowercaseXAndSurroundingWhitespace_AreNormalised(string input)
    {
        var info = ParseOk(input, Today);

        Assert.Equal(WellKnown, info.Normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_Missing_ReportsEmpty(string? input)
    {
        Assert.Equal("身份证号码不能为空", ParseError(input, Today));
    }

    [Theory]
    [InlineData("11010519491231002")] // 17
    [InlineData("11010519491231002XX")] // 19
    [InlineData("110105491231002")] // old 15-digit format
    [InlineData("1")]
    [InlineData("110105 19491231002X")] // inner space makes it 19
    public void TryParse_WrongLength_ReportsLength(string input)
    {
        Assert.Equal("身份证号码应为18位", ParseError(input, Today));
    }

    [Theory]
    [InlineData("1101051949123100XX")] // X only allowed last
    [InlineData("X10105194912310021")]
    [InlineData("11010519491231002Y")]
    [InlineData("11010519491231002-")]
    [InlineData("1101051949-231002X")]
    [InlineData("１１０１０５１９４９１２３１００２X")] // full-width digits
    [InlineData("11010519491231002٣")] // Arabic-Indic digit is not an ASCII digit
    public void TryParse_NonDigits_ReportsFormat(string input)
    {
        Assert.Equal("身份证号码格式错误（前17位应为数字，末位应为数字或X）", ParseError(input, Today));
    }

    [Theory]
    [InlineData("110105194912310020")]
    [InlineData("110105194912310021")]
    [InlineData("110105194912310029")]
    [InlineData("440524198001010014")]
    [InlineData("44052419800101001X")]
    public void TryParse_WrongCheckChar_ReportsCheckChar(string input)
    {
        Assert.Equal("身份证号码校验位错误", ParseError(input, Today));
    }

    [Fact]
    public void TryParse_AnySingleDigitSubstitution_IsRejected()
    {
        var valid = ChineseIdNumber.Compose("330102", new DateOnly(1985, 7, 9), 123);
        for (var position = 0; position < ChineseIdNumber.Length; position++)
        {
            foreach (var replacement in "0123456789X")
            {
                if (replacement == valid[position] || (replacement == 'X' && position < ChineseIdNumber.Length - 1))
                {
                    continue;
                }

                var mutated = string.Concat(valid.AsSpan(0, position), replacement.ToString(), valid.AsSpan(position + 1));
                Assert.False(ChineseIdNumber.TryParse(mutated, Today, out _, out _), mutated);
            }
        }
    }

    [Fact]
    public void TryParse_AnyAdjacentTransposition_IsRejected()
    {
        var random = new Random(20240615);
        for (var n = 0; n < 200; n++)
        {
            var birth = new DateOnly(1900, 1, 1).AddDays(random.Next(0, 40000));
            var valid = ChineseIdNumber.Compose("410102", birth, random.Next(0, 1000));
            for (var i = 0; i < ChineseIdNumber.Length - 1; i++)
            {
                if (valid[i] == valid[i + 1])
                {
                    continue;
                }

                var chars = valid.ToCharArray();
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                var swapped = new string(chars);
                Assert.False(ChineseIdNumber.TryParse(swapped, Today, out _, out _), $"{valid} -> {swapped}");
            }
        }
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("100000")]
    [InlineData("160101")]
    [InlineData("200101")]
    [InlineData("240101")]
    [InlineData("300101")]
    [InlineData("380101")]
    [InlineData("400101")]
    [InlineData("470101")]
    [InlineData("490101")]
    [InlineData("550101")]
    [InlineData("600101")]
    [InlineData("660101")]
    [InlineData("700000")]
    [InlineData("720000")]
    [InlineData("800000")]
    [InlineData("840000")]
    [InlineData("910000")]
    [InlineData("990000")]
    public void TryParse_UnknownProvince_ReportsRegion(string region)
    {
        var number = ChineseIdNumber.Compose(region, new DateOnly(1980, 5, 12), 101);

        Assert.Equal("身份证号码中的地区代码无效", ParseError(number, Today));
    }

    [Theory]
    [InlineData("110101")]
    [InlineData("150102")]
    [InlineData("210102")]
    [InlineData("230102")]
    [InlineData("310101")]
    [InlineData("370102")]
    [InlineData("410102")]
    [InlineData("460105")]
    [InlineData("500101")]
    [InlineData("540102")]
    [InlineData("610102")]
    [InlineData("650102")]
    [InlineData("710000")]
    [InlineData("810000")]
    [InlineData("820000")]
    [InlineData("830000")]
    public void TryParse_KnownProvince_IsAccepted(string region)
    {
        var info = ParseOk(ChineseIdNumber.Compose(region, new DateOnly(1980, 5, 12), 101), Today);

        Assert.Equal(region, info.RegionCode);
    }

    [Theory]
    [InlineData("19990230")] // no 30 February
    [InlineData("19000229")] // 1900 was not a leap year
    [InlineData("20230229")]
    [InlineData("19991301")] // month 13
    [InlineData("19990001")] // month 0
    [InlineData("19990100")] // day 0
    [InlineData("19990431")] // April has 30 days
    [InlineData("18991231")] // before 1900-01-01
    [InlineData("00000000")]
    public void TryParse_ImpossibleOrTooEarlyBirthDate_ReportsInvalidDate(string yyyyMMdd)
    {
        var number = WithCheckChar("110105" + yyyyMMdd + "123");

        Assert.Equal("身份证号码中的出生日期无效", ParseError(number, Today));
    }

    [Fact]
    public void TryParse_GbExampleFrom1880_IsRejectedAsTooEarly()
    {
        // 440524188001010014 is the second example in GB 11643-1999; its check digit is right but 1880 is before 1900.
        Assert.Equal('4', ChineseIdNumber.ComputeCheckChar("44052418800101001"));

        Assert.Equal("身份证号码中的出生日期无效", ParseError("440524188001010014", Today));
    }

    [Theory]
    [InlineData("19000101")]
    [InlineData("20000229")]
    [InlineData("20240229")]
    [InlineData("19991231")]
    public void TryParse_BoundaryBirthDates_AreAccepted(string yyyyMMdd)
    {
        var info = ParseOk(WithCheckChar("110105" + yyyyMMdd + "123"), Today);

        Assert.Equal(DateOnly.ParseExact(yyyyMMdd, "yyyyMMdd", CultureInfo.InvariantCulture), info.BirthDate);
    }

    [Theory]
    [InlineData(0, true)] // born today
    [InlineData(-1, true)]
    [InlineData(1, false)] // born tomorrow
    [InlineData(365, false)]
    public void TryParse_BirthDateRelativeToToday(int daysAfterToday, bool accepted)
    {
        var number = ChineseIdNumber.Compose("110105", Today.AddDays(daysAfterToday), 123);

        if (accepted)
        {
            ParseOk(number, Today);
        }
        else
        {
            Assert.Equal("身份证号码中的出生日期晚于今天", ParseError(number, Today));
        }
    }

    [Theory]
    [InlineData(0, Sex.Female)]
    [InlineData(1, Sex.Male)]
    [InlineData(2, Sex.Female)]
    [InlineData(3, Sex.Male)]
    [InlineData(4, Sex.Female)]
    [InlineData(5, Sex.Male)]
    [InlineData(6, Sex.Female)]
    [InlineData(7, Sex.Male)]
    [InlineData(8, Sex.Female)]
    [InlineData(9, Sex.Male)]
    [InlineData(100, Sex.Female)] // only the last sequence digit counts
    [InlineData(998, Sex.Female)]
    [InlineData(999, Sex.Male)]
    public void TryParse_SexFollowsParityOfSeventeenthDigit(int sequence, Sex expected)
    {
        var info = ParseOk(ChineseIdNumber.Compose("110105", new DateOnly(1990, 1, 1), sequence), Today);

        Assert.Equal(expected, info.Sex);
    }

    [Fact]
    public void Compose_ThenTryParse_RoundTripsOverManyDatesAndSequences()
    {
        var random = new Random(11643);
        string[] regions = ["110105", "440524", "522701", "650102", "810000", "830000"];
        var earliest = ChineseIdNumber.EarliestBirthDate;
        var span = Today.DayNumber - earliest.DayNumber;
        var seenCheckChars = new HashSet<char>();

        for (var n = 0; n < 5000; n++)
        {
            var birth = n switch
            {
                0 => earliest,
                1 => Today,
                _ => earliest.AddDays(random.Next(0, span + 1)),
            };
            var sequence = random.Next(0, 1000);
            var region = regions[n % regions.Length];

            var number = ChineseIdNumber.Compose(region, birth, sequence);
            var info = ParseOk(number, Today);

            Assert.Equal(18, number.Length);
            Assert.Equal(number, info.Normalized);
            Assert.Equal(birth, info.BirthDate);
            Assert.Equal(sequence % 2 == 1 ? Sex.Male : Sex.Female, info.Sex);
            Assert.Equal(region, info.RegionCode);
            Assert.Null(ChineseIdNumber.CheckConsistency(info, info.Sex, birth));
            seenCheckChars.Add(number[^1]);
        }

        Assert.Equal(11, seenCheckChars.Count); // every check character 0-9 and X occurred
    }

    [Theory]
    [InlineData("110105", "1980-05-12", 1, "11010519800512001X")]
    [InlineData("440524", "1980-01-01", 1, "440524198001010013")]
    [InlineData("110105", "1949-12-31", 2, WellKnown)]
    public void Compose_BuildsExpectedNumber(string region, string birth, int sequence, string expected)
    {
        var number = ChineseIdNumber.Compose(region, DateOnly.Parse(birth, CultureInfo.InvariantCulture), sequence);

        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("11010")]
    [InlineData("1101055")]
    [InlineData("11010a")]
    [InlineData("")]
    public void Compose_BadRegion_Throws(string region)
    {
        Assert.Throws<ArgumentException>("regionCode6", () => ChineseIdNumber.Compose(region, new DateOnly(1980, 1, 1), 1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Compose_SequenceOutOfRange_Throws(int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>("sequence3", () => ChineseIdNumber.Compose("110105", new DateOnly(1980, 1, 1), sequence));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    public void Compose_SequenceBoundaries_AreAllowed(int sequence)
    {
        var number = ChineseIdNumber.Compose("110105", new DateOnly(1980, 1, 1), sequence);

        Assert.Equal(sequence.ToString("D3", CultureInfo.InvariantCulture), number.Substring(14, 3));
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    [InlineData("00000000000000000", '1')] // sum 0
    [InlineData("00000000000000001", 'X')] // sum 2
    [InlineData("00000000000000005", '2')] // sum 10
    [InlineData("00000000000000006", '0')] // sum 12 -> 1
    [InlineData("10000000000000000", '5')] // sum 7
    [InlineData("01000000000000000", '3')] // sum 9
    [InlineData("00100000000000000", '2')] // sum 10
    public void ComputeCheckChar_UsesGbWeightsAndMapping(string first17, char expected)
    {
        Assert.Equal(expected, ChineseIdNumber.ComputeCheckChar(first17));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1101051949123100")]
    [InlineData("11010519491231002X")]
    [InlineData("1101051949123100X")]
    [InlineData("1101051949123100 ")]
    public void ComputeCheckChar_NotSeventeenDigits_Throws(string input)
    {
        Assert.Throws<ArgumentException>("first17", () => ChineseIdNumber.ComputeCheckChar(input));
    }

    [Fact]
    public void CheckConsistency_Matching_ReturnsNull()
    {
        var info = ParseOk(WellKnown, Today);

        Assert.Null(ChineseIdNumber.CheckConsistency(info, Sex.Female, new DateOnly(1949, 12, 31)));
    }

    [Fact]
    public void CheckConsistency_UnknownSex_IsNotADisagreement()
    {
        var info = ParseOk(WellKnown, Today);

        Assert.Null(ChineseIdNumber.CheckConsistency(info, Sex.Unknown, new DateOnly(1949, 12, 31)));
    }

    [Theory]
    [InlineData(1, Sex.Female, "性别与身份证号码不符（号码显示为男）")]
    [InlineData(2, Sex.Male, "性别与身份证号码不符（号码显示为女）")]
    public void CheckConsistency_SexMismatch_NamesTheSexInTheNumber(int sequence, Sex entered, string expected)
    {
        var info = ParseOk(ChineseIdNumber.Compose("110105", new DateOnly(1980, 5, 12), sequence), Today);

        Assert.Equal(expected, ChineseIdNumber.CheckConsistency(info, entered, new DateOnly(1980, 5, 12)));
    }

    [Theory]
    [InlineData("1980-05-11")]
    [InlineData("1980-05-13")]
    [InlineData("1981-05-12")]
    [InlineData("1980-12-05")] // day and month swapped
    public void CheckConsistency_BirthDateMismatch_ShowsTheDateInTheNumber(string entered)
    {
        var info = ParseOk(ChineseIdNumber.Compose("110105", new DateOnly(1980, 5, 12), 1), Today);

        var message = ChineseIdNumber.CheckConsistency(info, Sex.Male, DateOnly.Parse(entered, CultureInfo.InvariantCulture));

        Assert.Equal("出生日期与身份证号码不符（号码显示为1980-05-12）", message);
    }

    [Fact]
    public void CheckConsistency_BothMismatch_ReportsBoth()
    {
        var info = ParseOk(ChineseIdNumber.Compose("110105", new DateOnly(1980, 5, 12), 1), Today);

        var message = ChineseIdNumber.CheckConsistency(info, Sex.Female, new DateOnly(1980, 1, 1));

        Assert.Equal("性别与身份证号码不符（号码显示为男）；出生日期与身份证号码不符（号码显示为1980-05-12）", message);
    }

    [Fact]
    public void CheckConsistency_DateFormatDoesNotDependOnCurrentCulture()
    {
        var info = ParseOk(ChineseIdNumber.Compose("110105", new DateOnly(1980, 5, 12), 1), Today);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            var message = ChineseIdNumber.CheckConsistency(info, Sex.Male, new DateOnly(1980, 1, 1));
            Assert.Equal("出生日期与身份证号码不符（号码显示为1980-05-12）", message);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(WellKnown, "110105********002X")]
    [InlineData("110105198005120011", "110105********0011")]
    [InlineData("12345678901", "123456*8901")]
    [InlineData("1234567890", "**********")]
    [InlineData("", "")]
    public void Mask_KeepsFirstSixAndLastFour(string input, string expected)
    {
        Assert.Equal(expected, ChineseIdNumber.Mask(input));
    }

    [Fact]
    public void Mask_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ChineseIdNumber.Mask(null!));
    }
}

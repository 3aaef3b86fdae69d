using CountyHealth.Kernel.Text;
using Xunit;

namespace CountyHealth.Tests.Unit.Kernel;

/// <summary>The masking of ID and phone numbers in stored free text, at the boundaries of its rule.</summary>
public sealed class PersonalNumbersTests
{
    [Theory]
    [InlineData("320102199001011234", "3201**********1234")] // an ID number: first four and last four kept
    [InlineData("11010519491231002X", "1101**********002X")] // its check character X
    [InlineData("11010519491231002x", "1101**********002x")]
    [InlineData("13812345678", "138****5678")] // a mobile: first three and last four kept
    [InlineData("q=320102199001011234; 1 条", "q=3201**********1234; 1 条")] // inside the search text the log stores
    [InlineData("q=张三13812345678；", "q=张三138****5678；")] // against Chinese characters, no separator needed
    public void Full_ID_and_mobile_numbers_are_masked(string text, string expected) => Assert.Equal(expected, PersonalNumbers.Mask(text));

    [Theory]
    [InlineData("1381234567")] // ten digits: a phone's tail (手机尾号) or nothing
    [InlineData("23812345678")] // eleven digits not beginning with 1: not a mobile, and too short for an ID
    [InlineData("138123456789")] // twelve: no mobile has that many; an ID's tail
    [InlineData("19900101123X")] // the tail of an ID number (身份证后十二位)
    [InlineData("12345678901234")] // fourteen: still a tail
    [InlineData("MZ20261201-0042")] // a document number
    [InlineData("CF20261201A3F09B2C11D4")]
    [InlineData("收费日结 2026-12-01: 12 笔")]
    [InlineData("")]
    public void Shorter_numbers_stay_as_typed(string text) => Assert.Equal(text, PersonalNumbers.Mask(text));

    [Fact]
    public void Nothing_in_nothing_out() => Assert.Null(PersonalNumbers.Mask(null));

    [Theory]
    [InlineData("123456789012345", "1234*******2345")] // fifteen: an ID number of the first generation
    [InlineData("62220212345678901", "6222*********8901")] // seventeen digits: an ID number missing its X, or a card
    [InlineData("6222021234567890123", "6222***********0123")] // nineteen: a bank card, or an ID number with a digit too many
    public void Fifteen_characters_or_more_keep_four_and_four(string text, string expected) => Assert.Equal(expected, PersonalNumbers.Mask(text));

    [Theory]
    [InlineData("１３８１２３４５６７８", "１３８****５６７８")] // full-width digits, as a Chinese input method types them
    [InlineData("３２０１０２１９９００１０１１２３Ｘ", "３２０１**********１２３Ｘ")]
    public void Full_width_digits_are_digits(string text, string expected) => Assert.Equal(expected, PersonalNumbers.Mask(text));

    [Theory]
    [InlineData("138 1234 5678", "138 **** 5678")] // a mobile typed in groups
    [InlineData("138-1234-5678", "138-****-5678")]
    [InlineData("320102 19900101 1234", "3201** ******** 1234")] // an ID number typed in groups
    [InlineData("13812345678 2", "138****5678 2")] // a mobile beside a stray digit: the run alone is a mobile
    [InlineData("1 138 1234 5678", "1 138 **** 5678")] // a grouped mobile after a stray digit
    [InlineData("2026-12-01 13812345678", "2026-12-01 138****5678")] // a date before a mobile: the date stays
    public void Numbers_typed_in_groups_are_read_together(string text, string expected) => Assert.Equal(expected, PersonalNumbers.Mask(text));

    [Theory]
    [InlineData("138  1234  5678")] // two spaces part numbers
    [InlineData("138,1234,5678")] // a comma parts numbers
    [InlineData("11010519491231002X 5")] // nothing joins on after an ID number's X: the ID number is masked alone
    public void Only_one_space_or_hyphen_joins(string text)
    {
        var masked = PersonalNumbers.Mask(text)!;
        Assert.Equal(text.Length, masked.Length);
        if (text.Contains('X', StringComparison.Ordinal))
        {
            Assert.Equal("1101**********002X 5", masked);
        }
        else
        {
            Assert.Equal(text, masked);
        }
    }

    [Fact]
    public void Every_number_in_the_text_is_masked_and_masking_again_changes_nothing()
    {
        var once = PersonalNumbers.Mask("用户名 320102199001011234 电话 13812345678");
        Assert.Equal("用户名 3201**********1234 电话 138****5678", once);
        Assert.Equal(once, PersonalNumbers.Mask(once));
    }
}

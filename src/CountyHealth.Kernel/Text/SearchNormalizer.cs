using System.Globalization;
using System.Text;

namespace CountyHealth.Kernel.Text;

/// <summary>
/// The one form in which catalogue names and search boxes are compared, so that how a name is punctuated or typed never
/// stops a match: full-width letters and digits made half-width (NFKC), Latin letters upper-cased, Roman numerals and
/// the numbers of a type, degree, stage or grade written as digits (Ⅱ型, II型, 二型 → 2型), and everything that is
/// not a letter or a digit dropped (spaces, brackets of every kind, commas, the · in minority names).
/// </summary>
public static class SearchNormalizer
{
    // The words a number qualifies in diagnosis names: 2型糖尿病, III度烧伤, 二期梅毒, Ⅳ级.
    private const string NumberedWords = "型度期级";

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        // NFKC also spells Roman numeral characters in Latin letters (Ⅱ → II), which NumberTypes then reads.
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(Rune.ToUpperInvariant(rune).ToString());
            }
        }
        return NumberTypes(builder);
    }

    private static string NumberTypes(StringBuilder text)
    {
        var s = text.ToString();
        if (s.AsSpan().IndexOfAny(NumberedWords) < 0)
        {
            return s;
        }

        var result = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            if (TryNumber(s, i, out var length, out var value))
            {
                result.Append(value.ToString(CultureInfo.InvariantCulture));
                i += length;
            }
            else
            {
                result.Append(s[i]);
                i++;
            }
        }
        return result.ToString();
    }

    /// <summary>A Roman numeral (I to XII) or a Chinese numeral (一 to 十) at <paramref name="start"/> that a numbered word follows.</summary>
    private static bool TryNumber(string s, int start, out int length, out int value)
    {
        length = 0;
        value = 0;
        var chinese = "一二三四五六七八九十".IndexOf(s[start], StringComparison.Ordinal);
        if (chinese >= 0)
        {
            length = 1;
            value = chinese + 1;
        }
        else if (s[start] is 'I' or 'V' or 'X' && (start == 0 || !char.IsAsciiLetter(s[start - 1])))
        {
            while (start + length < s.Length && s[start + length] is 'I' or 'V' or 'X')
            {
                length++;
            }
            value = Roman(s.AsSpan(start, length));
        }
        return value > 0 && start + length < s.Length && NumberedWords.Contains(s[start + length], StringComparison.Ordinal);
    }

    private static int Roman(ReadOnlySpan<char> numeral)
    {
        string[] numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
        for (var n = 0; n < numerals.Length; n++)
        {
            if (numeral.SequenceEqual(numerals[n]))
            {
                return n + 1;
            }
        }
        return 0;
    }
}

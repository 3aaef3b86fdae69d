using System.Text;

namespace CountyHealth.Kernel.Text;

/// <summary>
/// The search columns of a catalogue row (a diagnosis, a drug, a price item), derived from its name and aliases:
/// <see cref="Initials"/> the usual pinyin initials of the name (shown, and the first word of the key); <see cref="Key"/>
/// every reading a search should know the row by, space-separated; <see cref="Text"/> the name and its aliases in
/// <see cref="SearchNormalizer"/> form, space-separated. <see cref="SearchMatching"/> reads them.
/// </summary>
public sealed record SearchKeys(string Initials, string Key, string Text)
{
    /// <summary>The longest <see cref="Key"/> or <see cref="Text"/>: words that would not fit are left out, the name's first.</summary>
    public const int MaxLength = 500;

    /// <summary>Readings of each alias in the key; the name has <see cref="PinyinInitials.DefaultVariants"/>.</summary>
    private const int AliasVariants = 4;

    private static readonly (char Open, char Close)[] Brackets = [('[', ']'), ('(', ')'), ('{', '}'), ('〔', '〕'), ('【', '】'), ('〈', '〉'), ('《', '》')];

    /// <summary>
    /// The columns for a row called <paramref name="name"/>, also known as <paramref name="aliases"/>. A bracketed part
    /// of the name counts as an alias, and so does the name without it: "急性鼻咽炎[感冒]" is found as 感冒 and as
    /// 急性鼻咽炎, and by GM and JXBYY.
    /// </summary>
    public static SearchKeys For(string name, IEnumerable<string>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var (outside, inside) = SplitBrackets(name);
        var others = new List<string>();
        if (inside.Count > 0)
        {
            others.Add(outside);
            others.AddRange(inside);
        }
        others.AddRange(aliases ?? []);

        var key = new Words();
        foreach (var variant in PinyinInitials.Variants(name))
        {
            key.Add(variant);
        }
        foreach (var other in others)
        {
            foreach (var variant in PinyinInitials.Variants(other, AliasVariants))
            {
                key.Add(variant);
            }
        }

        var text = new Words();
        text.Add(SearchNormalizer.Normalize(name));
        foreach (var other in others)
        {
            text.Add(SearchNormalizer.Normalize(other));
        }
        return new SearchKeys(PinyinInitials.Of(name), key.ToString(), text.ToString());
    }

    /// <summary>The name with its bracketed parts left out, and those parts (full-width brackets as half-width).</summary>
    private static (string Outside, List<string> Inside) SplitBrackets(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC);
        var outside = new StringBuilder(folded.Length);
        var inside = new List<string>();
        var i = 0;
        while (i < folded.Length)
        {
            var bracket = Array.FindIndex(Brackets, b => b.Open == folded[i]);
            var close = bracket < 0 ? -1 : folded.IndexOf(Brackets[bracket].Close, i + 1);
            if (close < 0)
            {
                outside.Append(folded[i]);
                i++;
                continue;
            }
            inside.Add(folded[(i + 1)..close]);
            i = close + 1;
        }
        return (outside.ToString(), inside);
    }

    /// <summary>Distinct non-empty words joined by spaces, as many as fit in <see cref="MaxLength"/>.</summary>
    private sealed class Words
    {
        private readonly StringBuilder builder = new();
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);

        public void Add(string word)
        {
            if (word.Length == 0 || builder.Length + (builder.Length > 0 ? 1 : 0) + word.Length > MaxLength || !seen.Add(word))
            {
                return;
            }
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(word);
        }

        public override string ToString() => builder.ToString();
    }
}

namespace CountyHealth.Kernel.Text;

/// <summary>
/// Masks the personal numbers in free text before it is stored (what someone searched for, a name typed at sign-in, a
/// stated reason), so that the audit log never holds a full ID or mobile number. The rule, at its boundaries:
/// <list type="bullet">
/// <item>A number is a run of digits, half- or full-width; an ID number's last character may be X.</item>
/// <item>A run of 15 characters or more keeps its first and last four (3201**********1234): an ID number of either
/// generation, a bank or insurance card, an ID number typed with a digit too many.</item>
/// <item>A run of exactly 11 digits beginning with 1 keeps its first three and last four (138****5678): a mobile.</item>
/// <item>Shorter runs stay as typed: the tail of an ID or phone number (身份证后六位, 手机尾号), a date, a document's
/// serial. They name nobody by themselves, and the auditor needs them to read what was searched.</item>
/// <item>Runs joined by single spaces or hyphens are also read together, when together they have the shape of a
/// mobile (11 digits, beginning with 1) or an ID number (15 or 18 characters): 138 1234 5678, 320102-19900101-1234.
/// A run that is a full number by itself is masked alone and joins no group.</item>
/// </list>
/// </summary>
public static class PersonalNumbers
{
    /// <summary>The fewest digits a masked number has; text with fewer is returned as it is, without a second look.</summary>
    private const int Shortest = 11;

    public static string? Mask(string? text)
    {
        if (string.IsNullOrEmpty(text) || CountDigits(text) < Shortest)
        {
            return text;
        }
        var runs = Runs(text);
        // A run that is a number by itself is no group's part: a date typed before a mobile is no ID number.
        var whole = runs.Select(r => HiddenInRun(text, Positions(r)).Any()).ToList();
        char[]? masked = null;
        for (var first = 0; first < runs.Count; first++)
        {
            // Each run alone, then with the runs joined to it by one separator each.
            var positions = new List<int>();
            for (var last = first; last < runs.Count; last++)
            {
                if (last > first && (!Joined(text, runs[last - 1], runs[last]) || whole[first] || whole[last]))
                {
                    break;
                }
                for (var i = runs[last].Start; i < runs[last].End; i++)
                {
                    positions.Add(i);
                }
                var hidden = last == first ? HiddenInRun(text, positions) : HiddenInGroup(text, positions);
                foreach (var i in hidden)
                {
                    masked ??= text.ToCharArray();
                    masked[positions[i]] = '*';
                }
            }
        }
        return masked is null ? text : new string(masked);
    }

    private static IEnumerable<int> HiddenInRun(string text, List<int> positions) =>
        positions.Count >= 15 ? Range(4, positions.Count - 4)
        : IsMobile(text, positions) ? Range(3, 7)
        : [];

    private static IEnumerable<int> HiddenInGroup(string text, List<int> positions) =>
        positions.Count is 15 or 18 ? Range(4, positions.Count - 4)
        : IsMobile(text, positions) ? Range(3, 7)
        : [];

    private static bool IsMobile(string text, List<int> positions) =>
        positions.Count == 11 && text[positions[0]] is '1' or '１' && positions.All(i => IsDigit(text[i]));

    private static IEnumerable<int> Range(int from, int to) => Enumerable.Range(from, to - from);

    private static List<int> Positions((int Start, int End) run) => Enumerable.Range(run.Start, run.End - run.Start).ToList();

    /// <summary>Runs of digits, each with its X when an X follows the digits directly (the check character of an ID number).</summary>
    private static List<(int Start, int End)> Runs(string text)
    {
        var runs = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
            if (i < text.Length && text[i] is 'X' or 'x' or 'Ｘ' or 'ｘ')
            {
                i++;
            }
            runs.Add((start, i));
        }
        return runs;
    }

    /// <summary>Two runs are one number typed in groups when one space or hyphen stands between them and the first has no X.</summary>
    private static bool Joined(string text, (int Start, int End) before, (int Start, int End) after) =>
        after.Start == before.End + 1 && text[before.End] is ' ' or '-' && IsDigit(text[before.End - 1]);

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    private static int CountDigits(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            n += IsDigit(c) ? 1 : 0;
        }
        return n;
    }
}

using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace CountyHealth.Kernel.Validation;

/// <summary>The longest a text field may be, and whether it may span lines (a note, a history) or not (a name, a code).</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class TextAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;

    public bool MultiLine { get; init; }
}

/// <summary>
/// The rules every input meets before a use case sees it, whatever its kind: text within its length (one line of
/// <see cref="DefaultMaxLength"/> unless a <see cref="TextAttribute"/> says otherwise), without control,
/// bidirectional-override or zero-width characters or lone surrogates; no missing item in a list and lists of a
/// bounded size; enums only with a defined value; dates within <see cref="EarliestDate"/>–<see cref="LatestDate"/>;
/// numbers within ±<see cref="LargestNumber"/>. The API's door applies it to every bound argument and the screens'
/// use cases to their requests, so both say the same thing in the same words. Pure.
/// </summary>
public static class InputPolicy
{
    public const int DefaultMaxLength = 100;
    public const int MaxItems = 200;
    public const decimal LargestNumber = 100_000_000m;
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    /// <summary>The violations in a request object (a record of the API), its nested records and lists.</summary>
    public static FieldErrors Check(object? request, FieldErrors? into = null)
    {
        var errors = into ?? new FieldErrors();
        if (request is not null)
        {
            CheckObject(request, "", errors, 0);
        }
        return errors;
    }

    /// <summary>One value bound by name (a query or route parameter, or a body).</summary>
    public static FieldErrors CheckValue(string field, object? value, FieldErrors errors, TextAttribute? text = null, BoundsAttribute? bounds = null)
    {
        CheckMember(field, value, value?.GetType(), text, bounds, errors, 0);
        return errors;
    }

    /// <summary>Why a text breaks the character rules, or null; line breaks and tabs only where the field is multi-line.</summary>
    public static string? CharacterProblem(string value, bool multiLine)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }
                return "含有无效字符（不成对的代理项）";
            }
            if (char.IsLowSurrogate(c))
            {
                return "含有无效字符（不成对的代理项）";
            }
            if (c is '\n' or '\r' or '\t')
            {
                if (!multiLine)
                {
                    return "不能换行或含制表符";
                }
                continue;
            }
            if (char.IsControl(c))
            {
                return "含有控制字符";
            }
            if (IsInvisibleFormat(c))
            {
                return "含有方向控制符或零宽字符等不可见字符";
            }
        }
        return null;
    }

    /// <summary>Text as stored: NFC (so that the same name typed two ways is one name).</summary>
    public static string Normalize(string value) => value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);

    // Bidirectional embeddings, overrides and isolates, zero-width characters, word joiner, BOM, invisible operators.
    private static bool IsInvisibleFormat(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\u2061' or '\u2062' or '\u2063' or '\u2064' or '\uFEFF' or '\u00AD'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static void CheckObject(object value, string prefix, FieldErrors errors, int depth)
    {
        foreach (var member in MembersOf(value.GetType()))
        {
            CheckMember(Join(prefix, member.Name), member.Property.GetValue(value), member.Property.PropertyType, member.Text, member.Bounds, errors, depth + 1);
        }
    }

    private static void CheckMember(string field, object? value, Type? declared, TextAttribute? text, BoundsAttribute? bounds, FieldErrors errors, int depth)
    {
        var label = FieldLabels.Of(field);
        if (bounds is not null && value is int or decimal && Convert.ToDecimal(value, CultureInfo.InvariantCulture) is var number && (number < bounds.Min || number > bounds.Max))
        {
            errors.Add(field, $"{label}应在{bounds.Min}～{bounds.Max}之间");
            return;
        }
        switch (value)
        {
            case null:
                return;
            case string s:
                var max = text?.MaxLength ?? DefaultMaxLength;
                if (s.Length > max)
                {
                    errors.Add(field, $"{label}不能超过{max}个字");
                }
                else if (CharacterProblem(s, text?.MultiLine ?? false) is { } problem)
                {
                    errors.Add(field, label + problem);
                }
                return;
            case Enum e:
                if (!Enum.IsDefined(e.GetType(), e))
                {
                    errors.Add(field, $"{label}的取值无效");
                }
                return;
            case DateOnly d:
                CheckDate(field, label, d, errors);
                return;
            case DateTime t:
                CheckDate(field, label, DateOnly.FromDateTime(t), errors);
                return;
            case decimal m:
                if (Math.Abs(m) > LargestNumber)
                {
                    errors.Add(field, $"{label}超出合理范围");
                }
                return;
            case int n:
                if (Math.Abs((long)n) > (long)LargestNumber)
                {
                    errors.Add(field, $"{label}超出合理范围");
                }
                return;
            case IEnumerable list when depth < 8:
                var i = 0;
                foreach (var item in list)
                {
                    var itemField = $"{field}[{i}]";
                    if (item is null)
                    {
                        errors.Add(itemField, $"{label}第{i + 1}项不能为空");
                    }
                    else
                    {
                        CheckMember(itemField, item, item.GetType(), text, bounds, errors, depth + 1);
                    }
                    if (++i > MaxItems)
                    {
                        errors.Add(field, $"{label}最多{MaxItems}项");
                        return;
                    }
                }
                return;
            default:
                if (depth < 8 && IsRequestType(declared ?? value.GetType()))
                {
                    CheckObject(value, field, errors, depth);
                }
                return;
        }
    }

    private static void CheckDate(string field, string label, DateOnly d, FieldErrors errors)
    {
        if (d < EarliestDate || d > LatestDate)
        {
            errors.Add(field, $"{label}应在{EarliestDate:yyyy-MM-dd}至{LatestDate:yyyy-MM-dd}之间");
        }
    }

    private static string Join(string prefix, string name)
    {
        var camel = char.ToLowerInvariant(name[0]) + name[1..];
        return prefix.Length == 0 ? camel : prefix + "." + camel;
    }

    /// <summary>Types of this product that arrive as input (records of the modules), walked member by member.</summary>
    public static bool IsRequestType(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("CountyHealth.", StringComparison.Ordinal) == true;

    private sealed record Member(string Name, PropertyInfo Property, TextAttribute? Text, BoundsAttribute? Bounds);

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    private static Member[] MembersOf(Type type) => Members.GetOrAdd(type, t =>
    {
        // A record's attributes sit on its constructor's parameters; a class's on its properties.
        var parameters = t.GetConstructors().SelectMany(c => c.GetParameters()).Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic
                && (parameters.ContainsKey(p.Name) || p.SetMethod?.IsPublic == true))
            .Select(p => new Member(p.Name, p,
                p.GetCustomAttribute<TextAttribute>() ?? parameters.GetValueOrDefault(p.Name)?.GetCustomAttribute<TextAttribute>(),
                p.GetCustomAttribute<BoundsAttribute>() ?? parameters.GetValueOrDefault(p.Name)?.GetCustomAttribute<BoundsAttribute>()))
            .ToArray();
    });
}

/// <summary>The plausible range of a number (a page is at least 1; a list asks for at most so many rows).</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class BoundsAttribute(int min, int max) : Attribute
{
    public int Min { get; } = min;

    public int Max { get; } = max;
}

using System.Globalization;

namespace CountyHealth.Indicators.Domain;

/// <summary>A measure in a formula, with the part of it that counts (empty: the total), e.g. billing.revenue@category:drug.</summary>
public sealed record Term(string Measure, string Dimension, int Sign)
{
    public override string ToString() => (Sign < 0 ? "− " : "") + Measure + (Dimension.Length > 0 ? "@" + Dimension : "");
}

/// <summary>
/// An indicator's formula: a sum of terms, divided by another sum when it is a ratio, times a scale (100 for a
/// percentage). Written as text in the catalogue: <c>outpatient.visits</c>,
/// <c>billing.revenue@category:western_drug + billing.revenue@category:patent_drug / billing.revenue * 100</c>.
/// </summary>
public sealed record Formula(IReadOnlyList<Term> Numerator, IReadOnlyList<Term>? Denominator, decimal Scale)
{
    public bool IsRatio => Denominator is not null;

    public IEnumerable<Term> Terms => Numerator.Concat(Denominator ?? []);

    /// <summary>Reads a formula; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static Formula Parse(string text)
    {
        var scale = 1m;
        var body = text.Trim();
        var star = body.LastIndexOf('*');
        if (star >= 0)
        {
            if (!decimal.TryParse(body[(star + 1)..].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out scale) || scale <= 0)
            {
                throw new FormatException($"公式的倍数无效：{text}");
            }
            body = body[..star];
        }
        var parts = body.Split('/');
        if (parts.Length > 2)
        {
            throw new FormatException($"公式最多一个除号：{text}");
        }
        return new Formula(Sum(parts[0], text), parts.Length == 2 ? Sum(parts[1], text) : null, scale);
    }

    private static List<Term> Sum(string text, string formula)
    {
        var terms = new List<Term>();
        var sign = 1;
        foreach (var token in text.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
            .Replace("+", " + ", StringComparison.Ordinal).Replace("-", " - ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token is "+" or "-")
            {
                sign = token == "-" ? -1 : 1;
                continue;
            }
            var at = token.IndexOf('@', StringComparison.Ordinal);
            var measure = at < 0 ? token : token[..at];
            if (measure.Length == 0 || !measure.Contains('.', StringComparison.Ordinal))
            {
                throw new FormatException($"公式中的指标项无效：{token}（{formula}）");
            }
            terms.Add(new Term(measure, at < 0 ? "" : token[(at + 1)..], sign));
            sign = 1;
        }
        return terms.Count > 0 ? terms : throw new FormatException($"公式缺少指标项：{formula}");
    }

    public override string ToString()
    {
        var num = string.Join(" + ", Numerator.Select(t => t.ToString())).Replace("+ −", "−", StringComparison.Ordinal);
        if (Denominator is null)
        {
            return Scale == 1 ? num : $"{num} × {Scale:0.##}";
        }
        var den = string.Join(" + ", Denominator.Select(t => t.ToString())).Replace("+ −", "−", StringComparison.Ordinal);
        return $"({num}) ÷ ({den})" + (Scale == 1 ? "" : $" × {Scale:0.##}");
    }
}

/// <summary>
/// A figure: the value, or why there is none. A ratio with a zero denominator has no value (never 0 % or an error);
/// <see cref="Reason"/> says so in Chinese.
/// </summary>
public sealed record Figure(decimal? Value, decimal Numerator, decimal? Denominator, string? Reason)
{
    public static Figure Evaluate(Formula formula, Func<Term, decimal> valueOf, int decimals, string denominatorName)
    {
        var num = formula.Numerator.Sum(t => t.Sign * valueOf(t));
        if (formula.Denominator is not { } d)
        {
            return new Figure(Math.Round(num * formula.Scale, decimals, MidpointRounding.AwayFromZero), num, null, null);
        }
        var den = d.Sum(t => t.Sign * valueOf(t));
        if (den == 0)
        {
            return new Figure(null, num, den, $"分母为0：本期{denominatorName}为0，无法计算");
        }
        return new Figure(Math.Round(num / den * formula.Scale, decimals, MidpointRounding.AwayFromZero), num, den, null);
    }
}

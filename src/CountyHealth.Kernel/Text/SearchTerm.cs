using System.Linq.Expressions;

namespace CountyHealth.Kernel.Text;

/// <summary>What a search box holds: nothing, pinyin initials or a code (ASCII letters and digits), or Chinese text.</summary>
public enum SearchKind
{
    Empty,
    /// <summary>ASCII letters and digits only: pinyin initials (GXY) or a code (I10, GH001), matched as a prefix.</summary>
    Code,
    /// <summary>Anything else, typically Chinese characters, matched inside the name.</summary>
    Text,
}

/// <summary>A search box's text, trimmed, with full-width letters and digits (typed with a Chinese input method) made half-width.</summary>
public readonly record struct SearchTerm(string Text, SearchKind Kind)
{
    /// <summary>The text upper-cased, as codes and pinyin initials are stored.</summary>
    public string Upper => Text.ToUpperInvariant();

    /// <summary>The text as catalogue names are compared (<see cref="SearchNormalizer"/>): no brackets, spaces or punctuation.</summary>
    public string Normalized => SearchNormalizer.Normalize(Text);

    public bool IsDigits => Text.Length > 0 && Text.All(char.IsAsciiDigit);

    public static SearchTerm Parse(string? query)
    {
        var text = HalfWidth((query ?? "").Trim());
        return new(text, text.Length == 0 ? SearchKind.Empty : text.All(char.IsAsciiLetterOrDigit) ? SearchKind.Code : SearchKind.Text);
    }

    private static string HalfWidth(string s) =>
        s.Any(c => c is >= '\uFF10' and <= '\uFF5A')
            ? string.Concat(s.Select(c => c is >= '\uFF10' and <= '\uFF5A' ? (char)(c - 0xFEE0) : c))
            : s;
}

/// <summary>A catalogue's search columns: its code, and the key and text of its <see cref="SearchKeys"/>.</summary>
public sealed record CatalogueColumns<T>(Expression<Func<T, string>> Code, Expression<Func<T, string>> Key, Expression<Func<T, string>> Text);

/// <summary>
/// The one way a catalogue (drugs, diagnoses, price items) is searched. A <see cref="SearchKind.Code"/> term matches a
/// code by prefix or any reading of the key anywhere (ALDP in 苯磺酸氨氯地平片's BHSALDPP, GXY in 原发性高血压's
/// YFXGXY); a <see cref="SearchKind.Text"/> term matches the normalised name or an alias anywhere. Catalogues are
/// reference data of a few thousand rows, so a match inside a column costs one pass over a small table.
/// </summary>
public static class SearchMatching
{
    /// <summary>Rows matching <paramref name="term"/>; every row for an empty term, none for a term of punctuation only.</summary>
    public static IQueryable<T> WhereMatches<T>(this IQueryable<T> rows, SearchTerm term, CatalogueColumns<T> columns)
    {
        var c = Columns.Of(columns);
        switch (term.Kind)
        {
            case SearchKind.Empty:
                return rows;
            case SearchKind.Code:
                var upper = term.Upper;
                return rows.Where(c.Lambda<T>(Expression.OrElse(c.StartsWith(c.Code, upper), c.Contains(c.Key, upper))));
            default:
                var text = term.Normalized;
                if (text.Length == 0)
                {
                    return rows.Where(_ => false);
                }
                // Typed with spaces or brackets around Latin letters ("p g y", "(COPD)"): initials after all.
                var body = text.All(char.IsAsciiLetterOrDigit)
                    ? Expression.OrElse(c.Contains(c.Text, text), c.Contains(c.Key, text))
                    : c.Contains(c.Text, text);
                return rows.Where(c.Lambda<T>(body));
        }
    }

    /// <summary>
    /// Best matches first, then by <paramref name="then"/>. A code term: the exact code, the usual initials exactly,
    /// another reading exactly, a code prefix, a prefix of the usual initials, of another reading, then the rest.
    /// A text term: the name exactly, an alias exactly, the start of the name, of an alias, then the rest.
    /// </summary>
    public static IOrderedQueryable<T> OrderByMatch<T, TKey>(this IQueryable<T> rows, SearchTerm term, CatalogueColumns<T> columns,
        Expression<Func<T, TKey>> then)
    {
        var c = Columns.Of(columns);
        Expression[] ranks;
        switch (term.Kind)
        {
            case SearchKind.Empty:
                return rows.OrderBy(then);
            case SearchKind.Code:
                var t = term.Upper;
                var key = c.Padded(c.Key);
                ranks =
                [
                    c.Equal(c.Code, t), c.StartsWith(key, " " + t + " "), c.Contains(key, " " + t + " "),
                    c.StartsWith(c.Code, t), c.StartsWith(key, " " + t), c.Contains(key, " " + t),
                ];
                break;
            default:
                var n = term.Normalized;
                var text = c.Padded(c.Text);
                ranks = [c.StartsWith(text, " " + n + " "), c.Contains(text, " " + n + " "), c.StartsWith(text, " " + n), c.Contains(text, " " + n)];
                break;
        }
        Expression rank = Expression.Constant(ranks.Length);
        for (var i = ranks.Length - 1; i >= 0; i--)
        {
            rank = Expression.Condition(ranks[i], Expression.Constant(i), rank);
        }
        return rows.OrderBy(Expression.Lambda<Func<T, int>>(rank, c.Parameter)).ThenBy(then);
    }

    private static readonly System.Reflection.MethodInfo StartsWithMethod = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly System.Reflection.MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly System.Reflection.MethodInfo ConcatMethod = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!;

    /// <summary>The three columns over one parameter, and the comparisons the matcher writes with them.</summary>
    private sealed record Columns(ParameterExpression Parameter, Expression Code, Expression Key, Expression Text)
    {
        public static Columns Of<T>(CatalogueColumns<T> columns)
        {
            var p = columns.Code.Parameters[0];
            return new(p, columns.Code.Body, new Rebind(columns.Key.Parameters[0], p).Visit(columns.Key.Body),
                new Rebind(columns.Text.Parameters[0], p).Visit(columns.Text.Body));
        }

        public Expression<Func<T, bool>> Lambda<T>(Expression body) => Expression.Lambda<Func<T, bool>>(body, Parameter);

        /// <summary>" " + column + " ": a word of the column, or its start, is then a match of " word " or " word".</summary>
        public Expression Padded(Expression column) => Expression.Call(ConcatMethod, Expression.Constant(" "), column, Expression.Constant(" "));

        public Expression StartsWith(Expression column, string value) => Expression.Call(column, StartsWithMethod, Constant(value));

        public Expression Contains(Expression column, string value) => Expression.Call(column, ContainsMethod, Constant(value));

        public Expression Equal(Expression column, string value) => Expression.Equal(column, Constant(value));
    }

    // A captured value (a closure field), so EF sends it as a parameter and caches one plan for every search.
    private static MemberExpression Constant(string value) => Expression.Property(Expression.Constant(new Box(value)), nameof(Box.Value));

    private sealed record Box(string Value);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

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

/// <summary>The one way a catalogue (drugs, diagnoses, price items) is searched: a code or initials by prefix, a name by part.</summary>
public static class SearchMatching
{
    /// <summary>
    /// Rows whose initials or code start with a <see cref="SearchKind.Code"/> term, or whose name contains a
    /// <see cref="SearchKind.Text"/> term; every row for an empty term.
    /// </summary>
    public static IQueryable<T> WhereMatches<T>(this IQueryable<T> rows, SearchTerm term, Expression<Func<T, string>> name,
        Expression<Func<T, string>> initials, Expression<Func<T, string>> code)
    {
        switch (term.Kind)
        {
            case SearchKind.Empty:
                return rows;
            case SearchKind.Code:
                var upper = term.Upper;
                return rows.Where(Or(StartsWith(initials, upper), StartsWith(code, upper)));
            default:
                var text = term.Text;
                return rows.Where(Contains(name, text));
        }
    }

    private static readonly System.Reflection.MethodInfo StartsWithMethod = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly System.Reflection.MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    private static Expression<Func<T, bool>> StartsWith<T>(Expression<Func<T, string>> column, string value) =>
        Expression.Lambda<Func<T, bool>>(Expression.Call(column.Body, StartsWithMethod, Constant(value)), column.Parameters);

    private static Expression<Func<T, bool>> Contains<T>(Expression<Func<T, string>> column, string value) =>
        Expression.Lambda<Func<T, bool>>(Expression.Call(column.Body, ContainsMethod, Constant(value)), column.Parameters);

    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b)
    {
        var right = new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(a.Body, right), a.Parameters);
    }

    // A captured value (a closure field), so EF sends it as a parameter and caches one plan for every search.
    private static MemberExpression Constant(string value) => Expression.Property(Expression.Constant(new Box(value)), nameof(Box.Value));

    private sealed record Box(string Value);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

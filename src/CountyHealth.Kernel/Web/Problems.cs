using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyHealth.Kernel.Web;

/// <summary>ProblemDetails with Chinese messages for expected business failures.</summary>
public static class Problems
{
    public const string InvalidInputTitle = "输入有误";

    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: InvalidInputTitle);

    /// <summary>A rule of the business forbids the action in the record's present state (409).</summary>
    public static ProblemHttpResult Conflict(string message) =>
        TypedResults.Problem(title: message, detail: message, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult NotFound(string message) =>
        TypedResults.Problem(title: message, detail: message, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Forbidden(string message) =>
        TypedResults.Problem(title: message, detail: message, statusCode: StatusCodes.Status403Forbidden);
}

/// <summary>Collects field errors beside the request they validate; the UI shows the same messages next to the fields.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public FieldErrors Require(string field, string? value, string label, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"请填写{label}");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"{label}不能超过{maxLength}个字");
        }
        return this;
    }

    public FieldErrors Range(string field, decimal? value, decimal min, decimal max, string label, string unit)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"{label}应在{min}～{max}{unit}之间");
        }
        return this;
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(ToDictionary(), title: Problems.InvalidInputTitle);

    /// <summary>The first message, for callers that show one line (services used by the UI).</summary>
    public string Summary => string.Join("；", errors.SelectMany(e => e.Value));
}

/// <summary>A page of rows and the total count behind it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

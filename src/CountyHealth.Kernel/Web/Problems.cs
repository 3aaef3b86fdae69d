using CountyHealth.Kernel.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyHealth.Kernel.Web;

/// <summary>ProblemDetails with Chinese messages for expected business failures.</summary>
public static class Problems
{
    public const string InvalidInputTitle = "输入有误";

    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: InvalidInputTitle);

    /// <summary>The field errors as a 400 ValidationProblem.</summary>
    public static ValidationProblem ToProblem(this FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: InvalidInputTitle);

    /// <summary>A rule of the business forbids the action in the record's present state (409).</summary>
    public static ProblemHttpResult Conflict(string message) =>
        TypedResults.Problem(title: message, detail: message, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult NotFound(string message) =>
        TypedResults.Problem(title: message, detail: message, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Forbidden(string message) =>
        TypedResults.Problem(title: message, detail: message, statusCode: StatusCodes.Status403Forbidden);
}

/// <summary>A page of rows and the total count behind it (or, for lists too long to count, the rows seen so far).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

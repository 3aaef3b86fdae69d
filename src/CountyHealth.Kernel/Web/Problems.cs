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

/// <summary>
/// One page of a list. Pages count from 1 (<paramref name="PageNumber"/>); <paramref name="HasMore"/> says whether a
/// further page exists; <paramref name="Total"/> is the exact number of rows when it is known — on the last page — and
/// absent otherwise: counting a county's residents or audit rows on every page would cost seconds and tell nobody anything.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, bool HasMore, int? Total);

/// <summary>The one paging rule of the API: <c>page</c> from 1 (default 1), <c>pageSize</c> from 1 to the list's cap.</summary>
public readonly record struct Paging(int Number, int Size)
{
    /// <summary>What every paged endpoint says of its paging in the API document.</summary>
    public static string Describe(int defaultSize, int maxSize) =>
        $"分页：page 为页码，从 1 开始（默认 1）；pageSize 为每页条数，1–{maxSize}（默认 {defaultSize}），超出范围返回 400。" +
        "响应的 hasMore 表示是否还有下一页；total 仅在最后一页给出准确总数，其余页不计数（为免扫描全县数据），此时为 null。";

    public int Skip => (Number - 1) * Size;

    /// <summary>Rows to read: one beyond the page, to learn whether another follows.</summary>
    public int Take => Size + 1;

    /// <summary>Out-of-range values are refused at the door (<c>[Bounds]</c>); here they are clamped for callers inside the process.</summary>
    public static Paging Of(int? page, int? pageSize, int defaultSize, int maxSize) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? defaultSize, 1, maxSize));

    /// <summary>The page of the rows read at <see cref="Skip"/>: at most one more than the page holds (that one says more follow).</summary>
    public Page<T> PageOf<T>(IReadOnlyList<T> fetched)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        var more = fetched.Count > Size;
        return PageOf(more ? fetched.Take(Size).ToList() : fetched, more);
    }

    /// <summary>A page of rows already cut to the page, and whether more were read beyond it.</summary>
    public Page<T> PageOf<T>(IReadOnlyList<T> items, bool hasMore) => new(items, Number, Size, hasMore, hasMore ? null : Skip + items.Count);
}

using CountyHealth.Kernel.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace CountyHealth.Kernel.Web;

/// <summary>Turns unexpected exceptions into ProblemDetails with a Chinese title; expected failures are returned as results, not thrown.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var errors = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad => BadRequestFields.From(bad),
            System.Text.Json.JsonException json => BadRequestFields.FromJson(json),
            _ => null,
        };
        var (status, title) = exception switch
        {
            _ when errors is not null => (StatusCodes.Status400BadRequest, Problems.InvalidInputTitle),
            _ when SaveConflicts.MessageFor(exception) is { } conflict => (StatusCodes.Status409Conflict, conflict),
            BadHttpRequestException bad => (bad.StatusCode, StatusTitles.Of(bad.StatusCode)),
            OperationCanceledException => (499, "请求已取消"),
            _ => (StatusCodes.Status500InternalServerError, "服务器内部错误，请稍后重试"),
        };
        if (status >= 500)
        {
            log.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
        }
        else if (status == StatusCodes.Status409Conflict)
        {
            log.LogWarning(exception, "A save lost a race no use case answers, on {Path}", httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = errors is null
                ? new ProblemDetails { Status = status, Title = title }
                : new HttpValidationProblemDetails(errors) { Status = status, Title = title },
        });
    }
}

/// <summary>Chinese titles for answers the framework writes by status alone (no route, no sign-in, wrong method).</summary>
public static class StatusTitles
{
    public static string Of(int status) => status switch
    {
        400 => Problems.InvalidInputTitle,
        401 => "请先登录",
        403 => "无权执行此操作",
        404 => "未找到",
        405 => "不支持该请求方法",
        406 => "无法提供所要求的格式",
        409 => "与当前记录状态冲突",
        411 => "请求须注明内容长度",
        413 => "请求内容过大",
        414 => "请求地址过长",
        415 => "请求内容须为 JSON 格式（Content-Type: application/json）",
        429 => "请求过于频繁，请稍后再试",
        431 => "请求头过大",
        499 => "请求已取消",
        >= 500 => "服务器内部错误，请稍后重试",
        _ => "请求未能完成",
    };

    /// <summary>Gives a ProblemDetails written by the framework a Chinese title, and a 400 a field to point at.</summary>
    public static void Translate(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Title is null || problem.Title.All(c => c < 128))
        {
            problem.Title = Of(status);
        }
        if (status == 400 && problem is not HttpValidationProblemDetails && !problem.Extensions.ContainsKey("errors"))
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [problem.Detail ?? "请求的格式不正确"] };
        }
        if (problem.Detail is { } detail && detail.All(c => c < 128))
        {
            problem.Detail = null;
        }
    }
}

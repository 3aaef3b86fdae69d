using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CountyHealth.Kernel.Web;

/// <summary>Turns unexpected exceptions into ProblemDetails with a Chinese title; expected failures are returned as results, not thrown.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "记录已被他人修改，请刷新后重试"),
            BadHttpRequestException bad => (bad.StatusCode, "请求格式有误：" + bad.Message),
            System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "请求格式有误"),
            OperationCanceledException => (499, "请求已取消"),
            _ => (StatusCodes.Status500InternalServerError, "服务器内部错误，请稍后重试"),
        };
        if (status >= 500)
        {
            log.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        });
    }
}

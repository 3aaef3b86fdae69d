using System.Security.Claims;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CountyHealth.Kernel.Ui;

/// <summary>
/// How a screen calls a use case: a page injects <c>UiHandler&lt;RegisterVisit&gt;</c> and runs the handler through it.
/// Each call opens a fresh DI scope (a fresh DbContext: a Blazor circuit lives for hours) as the circuit's signed-in
/// user, so the screen goes through exactly the handler, validation, access rules and audit the REST API uses.
/// </summary>
public sealed class UiHandler<THandler>(IServiceScopeFactory scopes, AuthenticationStateProvider auth, IHttpContextAccessor http, ISignInSessions sessions, NavigationManager navigation,
    PageVisit visit, ILogger<UiHandler<THandler>> log)
    where THandler : notnull
{
    // The circuit's first request carries the browser's address; later events have no HttpContext.
    private readonly string? ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public async Task<TResult> Run<TResult>(Func<THandler, CancellationToken, Task<TResult>> call)
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated == true && !await sessions.IsLiveAsync(user))
        {
            // The session ended while the screen was open: the action runs as nobody (every rule refuses it) and the
            // browser goes to the sign-in page.
            user = new ClaimsPrincipal(new ClaimsIdentity());
            navigation.NavigateTo("/login?error=expired", forceLoad: true);
        }
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(user, ip);
        // The page's first render, its circuit and its reloads are one request of the user: a record read again is one row.
        scope.ServiceProvider.GetRequiredService<AccessMemory>().PageVisit = visit.Current;
        try
        {
            return await call(scope.ServiceProvider.GetRequiredService<THandler>(), CancellationToken.None);
        }
        catch (DbUpdateException e) when (SaveConflicts.MessageFor(e) is { } message && UiResults.TryConflict<TResult>(message, out var answer))
        {
            // A race no use case answers would end the circuit (the page stops responding); the person sees why instead
            // and keeps what they typed.
            log.LogWarning(e, "A save lost a race no use case answers, in {Handler}", typeof(THandler).Name);
            return answer;
        }
    }
}

/// <summary>What a handler's typed result means to a screen: a value, field errors, or a message.</summary>
public sealed record UiOutcome<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors, string? Message)
{
    public bool Ok => Message is null && Errors.Count == 0;

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join("；", m) : null;

    public string AllErrors => Message ?? string.Join("；", Errors.SelectMany(e => e.Value));
}

public static class UiResults
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    /// <summary>
    /// A conflict as the use case's own result type would carry it: a <see cref="ProblemHttpResult"/> (409) when the
    /// type can hold one (the <c>Results&lt;…, ProblemHttpResult&gt;</c> of a write); false when it cannot.
    /// </summary>
    public static bool TryConflict<TResult>(string message, out TResult answer)
    {
        var make = ConflictOf<TResult>.Make;
        answer = make is null ? default! : make(message);
        return make is not null;
    }

    private static class ConflictOf<TResult>
    {
        public static readonly Func<string, TResult>? Make = Build();

        private static Func<string, TResult>? Build()
        {
            static ProblemHttpResult Problem(string m) => TypedResults.Problem(title: m, statusCode: StatusCodes.Status409Conflict);
            if (typeof(TResult).IsAssignableFrom(typeof(ProblemHttpResult)))
            {
                return m => (TResult)(object)Problem(m);
            }
            // Results<T1, …, Tn> converts from each of its cases by an implicit operator.
            var convert = typeof(TResult).GetMethod("op_Implicit", [typeof(ProblemHttpResult)]);
            return convert is null || convert.ReturnType != typeof(TResult) ? null : m => (TResult)convert.Invoke(null, [Problem(m)])!;
        }
    }

    /// <summary>Reads a typed result (Ok, Created, ValidationProblem, Problem, NotFound, NoContent) as a screen needs it.</summary>
    public static UiOutcome<T> Unpack<T>(IResult result) => result switch
    {
        INestedHttpResult nested => Unpack<T>(nested.Result),
        ValidationProblem v => new(default, v.ProblemDetails.Errors.ToDictionary(e => e.Key, e => e.Value), null),
        ProblemHttpResult p => new(default, NoErrors, p.ProblemDetails.Title ?? "操作失败"),
        IValueHttpResult<T> ok => new(ok.Value, NoErrors, null),
        NotFound => new(default, NoErrors, "未找到"),
        _ => new(default, NoErrors, null),
    };
}

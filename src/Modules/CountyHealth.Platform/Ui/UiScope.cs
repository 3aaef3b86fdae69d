using CountyHealth.Platform.Domain;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Platform.Ui;

/// <summary>
/// Runs a screen's operation in a fresh DI scope (a fresh DbContext) as the circuit's signed-in user, so the
/// screens go through exactly the same handlers, validation and audit as the REST API.
/// </summary>
public sealed class UiScope(IServiceScopeFactory scopes, AuthenticationStateProvider auth, IHttpContextAccessor http)
{
    private readonly string? ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public async Task<T> Run<T>(Func<IServiceProvider, Task<T>> work)
    {
        var state = await auth.GetAuthenticationStateAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(state.User, ip);
        return await work(scope.ServiceProvider);
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
    public static UiOutcome<T> Unpack<T>(IResult result) => result switch
    {
        INestedHttpResult nested => Unpack<T>(nested.Result),
        ValidationProblem v => new(default, v.ProblemDetails.Errors.ToDictionary(e => e.Key, e => e.Value), null),
        ProblemHttpResult p => new(default, new Dictionary<string, string[]>(), p.ProblemDetails.Title ?? "操作失败"),
        IValueHttpResult<T> ok => new(ok.Value, new Dictionary<string, string[]>(), null),
        NotFound => new(default, new Dictionary<string, string[]>(), "未找到"),
        _ => new(default, new Dictionary<string, string[]>(), null),
    };

    public static T Get<T>(this IServiceProvider sp) where T : notnull => sp.GetRequiredService<T>();
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>The token answer of POST /api/v1/auth/token.</summary>
public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string? RefreshToken);

/// <summary>A ProblemDetails or ValidationProblemDetails answer.</summary>
public sealed record Problem(string? Title, string? Detail, int? Status, Dictionary<string, string[]>? Errors)
{
    public string[] ErrorsOf(string field) =>
        Errors is not null && Errors.TryGetValue(field, out var messages) ? messages : [];
}

/// <summary>A response read to the end: its status and body.</summary>
public sealed record Reply(HttpStatusCode Status, string Body)
{
    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, ApiClient.Json) ?? throw new InvalidOperationException("Empty body: " + this);

    public override string ToString() => $"{(int)Status} {Body}";
}

/// <summary>An HttpClient for the JSON API with web defaults; signs in with a bearer token.</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SignInAsync(string userName, string password)
    {
        using var response = await PostAsync("/api/v1/auth/token", new { userName, password });
        var token = await ReadAsync<TokenResponse>(response, HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(new Uri(url, UriKind.Relative));

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);

    public Task<HttpResponseMessage> PostAsync(string url, object body) =>
        http.PostAsJsonAsync(new Uri(url, UriKind.Relative), body, Json);

    public Task<HttpResponseMessage> DeleteAsync(string url) => http.DeleteAsync(new Uri(url, UriKind.Relative));

    public Task<HttpResponseMessage> PutAsync(string url, object body) =>
        http.PutAsJsonAsync(new Uri(url, UriKind.Relative), body, Json);

    /// <summary>GET expecting 200 and a body of type T.</summary>
    public async Task<T> GetAsync<T>(string url)
    {
        using var response = await GetAsync(url);
        return await ReadAsync<T>(response, HttpStatusCode.OK);
    }

    /// <summary>POST expecting the given status and a body of type T.</summary>
    public async Task<T> PostAsync<T>(string url, object body, HttpStatusCode expected)
    {
        using var response = await PostAsync(url, body);
        return await ReadAsync<T>(response, expected);
    }

    /// <summary>POST expecting the given status (for answers without a body of interest).</summary>
    public async Task PostAsync(string url, object body, HttpStatusCode expected)
    {
        using var response = await PostAsync(url, body);
        await ExpectStatusAsync(response, expected);
    }

    /// <summary>PUT expecting the given status (for answers without a body of interest).</summary>
    public async Task PutAsync(string url, object body, HttpStatusCode expected)
    {
        using var response = await PutAsync(url, body);
        await ExpectStatusAsync(response, expected);
    }

    /// <summary>PUT expecting the given status and a body of type T.</summary>
    public async Task<T> PutAsync<T>(string url, object body, HttpStatusCode expected)
    {
        using var response = await PutAsync(url, body);
        return await ReadAsync<T>(response, expected);
    }

    /// <summary>Asserts the status (showing the body when it differs) and reads the JSON body.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        await ExpectStatusAsync(response, expected);
        var body = await response.Content.ReadFromJsonAsync<T>(Json);
        Assert.NotNull(body);
        return body;
    }

    public static async Task ExpectStatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }

    /// <summary>Sends the requests at once and reads every reply.</summary>
    public static async Task<Reply[]> AllAtOnceAsync(params Task<HttpResponseMessage>[] requests)
    {
        var responses = await Task.WhenAll(requests);
        var replies = new Reply[responses.Length];
        for (var i = 0; i < responses.Length; i++)
        {
            using var response = responses[i];
            replies[i] = new Reply(response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        return replies;
    }

    public void Dispose() => http.Dispose();
}

namespace CountyHealth.Platform.Domain;

/// <summary>What a sign-in is: a browser's cookie or an API client's token pair.</summary>
public enum SessionKind
{
    Cookie = 1,
    Token = 2,
}

/// <summary>
/// One sign-in, from the password to its end. Every cookie and token names its session, and a request is served only
/// while the session lives: logging out, a lockout, a password or role change and deactivation end it at once. A token
/// session's refresh token is used once: each refresh moves <see cref="RefreshGeneration"/> on, and an old refresh token
/// seen again (it was stolen, or replayed) ends the session.
/// </summary>
internal sealed class SignInSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public SessionKind Kind { get; set; }
    public DateTime StartedAt { get; set; }
    /// <summary>The session ends here whatever is refreshed: a working day.</summary>
    public DateTime ExpiresAt { get; set; }
    public int RefreshGeneration { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? EndReason { get; set; }
    public string? IpAddress { get; set; }

    public bool IsLive(DateTime utcNow) => EndedAt is null && utcNow < ExpiresAt;
}

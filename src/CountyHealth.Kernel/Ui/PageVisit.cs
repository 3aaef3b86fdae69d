using Microsoft.AspNetCore.Components;

namespace CountyHealth.Kernel.Ui;

/// <summary>
/// One opening of a screen by the user: Blazor renders the page on the server in the page's HTTP request, then again
/// when the browser's circuit starts, and the screen reads its record again after each save. To the user, and to the
/// audit log, all of that is one request; a new address is a new visit. The circuit continues the visit its first
/// render began (<see cref="PageVisitState"/> carries it over).
/// </summary>
public sealed class PageVisit(NavigationManager navigation)
{
    private string? uri;
    private Guid id;

    /// <summary>The visit of the page shown now.</summary>
    public Guid Current
    {
        get
        {
            var now = navigation.Uri;
            if (!string.Equals(now, uri, StringComparison.Ordinal))
            {
                (uri, id) = (now, Guid.NewGuid());
            }
            return id;
        }
    }

    /// <summary>The visit as the server's first render leaves it for the circuit.</summary>
    public Opened Open() => new(navigation.Uri, Current);

    /// <summary>The circuit takes up the visit its first render began.</summary>
    public void Continue(Opened opened) => (uri, id) = (opened.Uri, opened.Id);

    public sealed record Opened(string Uri, Guid Id);
}

/// <summary>Carries the page visit from the server's first render of a page to the circuit that takes it over. Renders nothing.</summary>
public sealed class PageVisitState : ComponentBase
{
    [Inject] private PageVisit Visit { get; set; } = default!;

    /// <summary>Set in the first render and saved with the page; restored when the circuit starts.</summary>
    [PersistentState]
    public PageVisit.Opened? Opened { get; set; }

    protected override void OnInitialized()
    {
        if (Opened is { } opened)
        {
            Visit.Continue(opened);
        }
        else
        {
            Opened = Visit.Open();
        }
    }
}

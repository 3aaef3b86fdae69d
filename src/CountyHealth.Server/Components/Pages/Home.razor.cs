using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CountyHealth.Server.Components.Pages;

/// <summary>The home page: the cards of the day the user's permissions open, then the screens she may use.</summary>
public sealed partial class Home
{
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IEnumerable<IHomeCards> CardSources { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    private readonly List<HomeCard> cards = [];

    protected override async Task OnInitializedAsync()
    {
        var user = (await Auth).User;
        foreach (var source in CardSources)
        {
            if ((await Authorization.AuthorizeAsync(user, PermissionPolicy.Granted(source.Permission))).Succeeded)
            {
                cards.Add(await source.TodayAsync(CancellationToken.None));
            }
        }
        cards.Sort((a, b) => a.Order.CompareTo(b.Order));
    }
}

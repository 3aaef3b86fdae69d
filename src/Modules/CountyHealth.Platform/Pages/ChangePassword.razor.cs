using CountyHealth.Kernel.Ui;
using CountyHealth.Platform.Accounts;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Platform.Pages;

public sealed partial class ChangePassword
{
    [Inject] private UiHandler<ChangeOwnPassword> Change { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string? current, next, confirm;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private string? E(string f) => errors.TryGetValue(f, out var m) ? string.Join("；", m) : null;

    private async Task Save()
    {
        if (next != confirm)
        {
            errors = new Dictionary<string, string[]> { ["confirm"] = ["两次输入的新密码不一致"] };
            return;
        }
        var request = new PasswordChange(current ?? "", next ?? "");
        var outcome = UiResults.Unpack<object>(await Change.Run((h, ct) => h.HandleAsync(request, ct)));
        errors = outcome.Errors;
        if (outcome.Ok)
        {
            // Every session of hers has ended, this one too: the sign-in page says why.
            Navigation.NavigateTo("/login?error=changed", forceLoad: true);
        }
    }
}

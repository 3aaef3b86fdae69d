using CountyHealth.Kernel.Ui;
using CountyHealth.Residents.BreakGlass;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Residents.Pages;

public sealed partial class BreakGlassPage
{
    [Inject] private UiHandler<OpenBreakGlass> OpenGrant { get; set; } = default!;
    [Inject] private UiHandler<ListBreakGlass> List { get; set; } = default!;

    private string? idNumber, reason, message;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private List<BreakGlassRow> mine = [];

    private string? E(string field) => errors.TryGetValue(field, out var m) ? string.Join("；", m) : null;

    protected override Task OnInitializedAsync() => Load();

    private async Task Load() => mine = await List.Run((h, ct) => h.HandleAsync(true, ct));

    private async Task Open()
    {
        var request = new BreakGlassRequest(idNumber ?? "", reason ?? "");
        var outcome = UiResults.Unpack<BreakGlassRow>(await OpenGrant.Run((h, ct) => h.HandleAsync(request, ct)));
        (errors, message) = (outcome.Errors, outcome.Message);
        if (outcome.Ok)
        {
            (idNumber, reason) = (null, null);
            await Load();
        }
    }
}

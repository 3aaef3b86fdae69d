using CountyHealth.Kernel.Ui;
using CountyHealth.Platform.ReferenceTables;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Platform.Pages;

public sealed partial class ReferenceTablesPage
{
    [Parameter] public string? Key { get; set; }

    [Inject] private UiHandler<ListReferenceTables> List { get; set; } = default!;
    [Inject] private UiHandler<ReadReferenceTable> Read { get; set; } = default!;
    [Inject] private UiHandler<CorrectReferenceTable> Correct { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private List<ReferenceTableRow> tables = [];
    private ReferenceTableView? view;
    private string? draft, reason, message;
    private bool messageOk;
    private int tab;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private string? E(string f) => errors.TryGetValue(f, out var m) ? string.Join("；", m) : null;

    protected override async Task OnParametersSetAsync()
    {
        tables = await List.Run((h, ct) => h.HandleAsync(ct));
        Key ??= tables.FirstOrDefault()?.Key;
        message = null;
        await Show(null);
        draft = view?.Text;
    }

    private void Open(string key) => Navigation.NavigateTo($"/admin/reference-tables/{Uri.EscapeDataString(key)}");

    private async Task Show(int? version)
    {
        if (Key is null)
        {
            return;
        }
        var outcome = UiResults.Unpack<ReferenceTableView>(await Read.Run((h, ct) => h.HandleAsync(Key, version, ct)));
        (view, tab) = (outcome.Value, 0);
        if (outcome.Message is not null)
        {
            (message, messageOk) = (outcome.Message, false);
        }
    }

    /// <summary>Opens the editor on a version's text (the one in force, or an earlier one to go back to).</summary>
    private async Task Draft(int version)
    {
        if (Key is null)
        {
            return;
        }
        var outcome = UiResults.Unpack<ReferenceTableView>(await Read.Run((h, ct) => h.HandleAsync(Key, version, ct)));
        if (outcome.Value is { } v)
        {
            draft = v.Text;
            reason = version == view?.InForce ? null : $"恢复为第 {version} 版";
            errors = new Dictionary<string, string[]>();
            tab = 1;
        }
    }

    private async Task Save()
    {
        if (Key is null || view is null)
        {
            return;
        }
        var request = new ReferenceTableCorrection(draft, reason, view.InForce);
        var outcome = UiResults.Unpack<ReferenceTableRow>(await Correct.Run((h, ct) => h.HandleAsync(Key, request, ct)));
        errors = outcome.Errors;
        if (outcome.Value is { } saved)
        {
            (message, messageOk, reason) = ($"{saved.Name}第 {saved.Version} 版已保存并生效（{saved.Rows} 行）", true, null);
            tables = await List.Run((h, ct) => h.HandleAsync(ct));
            await Show(null);
            draft = view?.Text;
        }
        else if (outcome.Message is not null)
        {
            (message, messageOk) = (outcome.Message, false);
        }
    }
}

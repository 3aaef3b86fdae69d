using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CountyHealth.Indicators.Pages;

public sealed partial class Targets
{
    [Inject] private UiHandler<ListIndicators> Catalogue { get; set; } = default!;
    [Inject] private UiHandler<GetTargets> Sheet { get; set; } = default!;
    [Inject] private UiHandler<SetCountyTarget> County { get; set; } = default!;
    [Inject] private UiHandler<SetInstitutionTarget> Institution { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Auth { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private List<IndicatorRow> catalogue = [];
    private string code = "MZ01";
    private int year;
    private bool canSet;
    private TargetSheet? sheet;
    private readonly Dictionary<string, decimal?> edits = [];
    private string? error;
    private string? errorRow;

    private static string Key(TargetRow r) => r.InstitutionId?.ToString() ?? "county";

    protected override async Task OnInitializedAsync()
    {
        year = ChinaTime.Today(Clock).Year;
        catalogue = await Catalogue.Run((h, _) => Task.FromResult(h.Handle()));
        canSet = (await Authorization.AuthorizeAsync((await Auth.GetAuthenticationStateAsync()).User, IndicatorPermissions.Targets)).Succeeded;
        await Load();
    }

    private async Task Load()
    {
        edits.Clear();
        (error, errorRow) = (null, null);
        sheet = UiResults.Unpack<TargetSheet>(await Sheet.Run((h, ct) => h.HandleAsync(new TargetQuery(code, year), ct))).Value;
    }

    private async Task Save(TargetRow row)
    {
        var value = edits.GetValueOrDefault(Key(row)) ?? row.Value;
        if (value is not { } v)
        {
            (error, errorRow) = ("请填写目标值", Key(row));
            return;
        }
        var outcome = row.InstitutionId is { } id
            ? UiResults.Unpack<TargetSheet>(await Institution.Run((h, ct) => h.HandleAsync(new InstitutionTargetRequest(code, year, id, v), ct)))
            : UiResults.Unpack<TargetSheet>(await County.Run((h, ct) => h.HandleAsync(new CountyTargetRequest(code, year, v), ct)));
        (error, errorRow) = outcome.Ok ? (null, null) : (outcome.AllErrors, Key(row));
        if (outcome.Value is { } s)
        {
            sheet = s;
            edits.Clear();
        }
    }
}

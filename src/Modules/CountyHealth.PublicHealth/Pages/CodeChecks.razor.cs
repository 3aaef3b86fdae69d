using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class CodeChecks<TCode>
    where TCode : notnull
{
    [Parameter, EditorRequired] public string Label { get; set; } = "";

    [Parameter, EditorRequired] public IReadOnlyList<(TCode Code, string Name)> Table { get; set; } = [];

    /// <summary>The codes ticked, changed in place.</summary>
    [Parameter, EditorRequired] public HashSet<TCode> Selected { get; set; } = [];

    [Parameter] public string? Error { get; set; }

    [Parameter] public string? TestId { get; set; }

    private void Toggle(TCode code, bool on)
    {
        if (on)
        {
            Selected.Add(code);
        }
        else
        {
            Selected.Remove(code);
        }
    }
}

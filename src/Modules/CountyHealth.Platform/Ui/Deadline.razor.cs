using CountyHealth.Kernel.Time;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Platform.Ui;

/// <summary>"剩余 1 小时 52 分" before a legal deadline, amber in its last half hour, red once past; shown on any screen.</summary>
public sealed partial class Deadline : IDisposable
{
    [Parameter, EditorRequired] public DateTime DueAtUtc { get; set; }

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string text = "";
    private bool overdue;
    private bool soon;
    private Timer? timer;

    protected override void OnParametersSet()
    {
        Update();
        timer ??= new Timer(_ => InvokeAsync(() =>
        {
            Update();
            StateHasChanged();
        }), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    private void Update()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        (text, overdue) = Deadlines.Describe(DueAtUtc, now);
        soon = !overdue && DueAtUtc - now < TimeSpan.FromMinutes(30);
    }

    public void Dispose() => timer?.Dispose();
}

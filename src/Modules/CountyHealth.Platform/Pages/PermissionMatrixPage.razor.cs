using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Ui;
using CountyHealth.Platform.Access;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Platform.Pages;

public sealed partial class PermissionMatrixPage
{
    [Inject] private UiHandler<ReadPermissionMatrix> Read { get; set; } = default!;

    private PermissionMatrixView? view;

    protected override async Task OnInitializedAsync() => view = await Read.Run((h, _) => Task.FromResult(h.Handle()));

    private static string CellText(Reach reach) => Domain.PermissionMatrix.ChineseName(reach);

    private static string CellClass(Reach reach) => reach switch
    {
        Reach.None => "reach-none",
        Reach.Own => "reach-own",
        Reach.Below => "reach-below",
        _ => "reach-county",
    };
}

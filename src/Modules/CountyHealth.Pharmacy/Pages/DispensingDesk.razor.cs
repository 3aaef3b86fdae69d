using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Ui;
using CountyHealth.Pharmacy.Dispensing;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CountyHealth.Pharmacy.Pages;

public sealed partial class DispensingDesk
{
    [Inject] private UiHandler<ListDispenseOrders> Orders { get; set; } = default!;
    [Inject] private UiHandler<Dispense> DispenseOrder { get; set; } = default!;
    [Inject] private UiHandler<ReturnDispensed> ReturnItems { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IInstitutionDirectory Institutions { get; set; } = default!;
    [Inject] private ICurrentUser User { get; set; } = default!;

    private List<DispenseOrderRow> waiting = [], dispensed = [];
    private IReadOnlyList<StaffInfo> pharmacists = [];
    private Guid? checker;
    private int tab;

    protected override async Task OnInitializedAsync()
    {
        pharmacists = await Institutions.StaffInRoleAsync(User.InstitutionId ?? Guid.Empty, Roles.Pharmacist);
        checker = User.StaffId;
        await Load();
    }

    private Task<List<DispenseOrderRow>> Fetch(string status) => Orders.Run((h, ct) => h.HandleAsync(status, null, ct));

    private async Task Load()
    {
        waiting = await Fetch("Waiting");
        dispensed = await Fetch("Dispensed");
    }

    private async Task Dispense(Guid orderId)
    {
        var outcome = UiResults.Unpack<DispenseResponse>(await DispenseOrder.Run((h, ct) => h.HandleAsync(orderId, new DispenseConfirmation(checker), ct)));
        if (outcome.Value is { } r)
        {
            Snackbar.Add("发药完成：" + string.Join("，", r.Allocations.Select(a => $"{a.DrugName} 批号{a.BatchNumber} × {a.Quantity} {a.PackUnit}")), Severity.Success);
        }
        else
        {
            Snackbar.Add(outcome.AllErrors, Severity.Error);
        }
        await Load();
    }

    private async Task Return(Guid orderId, Guid lineId)
    {
        var outcome = UiResults.Unpack<object>(await ReturnItems.Run((h, ct) => h.HandleAsync(orderId, new ReturnRequest([lineId]), ct)));
        Snackbar.Add(outcome.Ok ? "已退药入库，可到收费处退费" : outcome.AllErrors, outcome.Ok ? Severity.Success : Severity.Error);
        await Load();
    }
}

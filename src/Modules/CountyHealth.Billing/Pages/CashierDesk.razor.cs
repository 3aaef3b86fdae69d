using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Payments;
using CountyHealth.Billing.Refunds;
using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace CountyHealth.Billing.Pages;

public sealed partial class CashierDesk
{
    [SupplyParameterFromQuery(Name = "visit")] public Guid? VisitId { get; set; }

    [Inject] private UiHandler<PendingCharges> Pending { get; set; } = default!;
    [Inject] private UiHandler<ChargesOfVisit> Charges { get; set; } = default!;
    [Inject] private UiHandler<TakePayment> Payment { get; set; } = default!;
    [Inject] private UiHandler<MakeRefund> RefundCharges { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private List<PendingVisit> pending = [];
    private VisitCharges? charges;
    private readonly HashSet<Guid> selected = [];
    private string method = "Cash";
    private string? refundReason, message;
    private Receipt? receipt;
    private bool busy;
    private decimal? tendered;
    // One request id per intended payment: a double click or a retry sends the same id and is charged once.
    private string requestId = Guid.NewGuid().ToString("N");

    private decimal OpenSelected => charges?.Charges.Where(c => c.Status == "Open" && selected.Contains(c.Id)).Sum(c => c.Amount) ?? 0;
    private bool HasOpen => charges?.Charges.Any(c => c.Status == "Open") == true;

    private bool PaidSelected => charges?.Charges.Any(c => c.Status == "Paid" && selected.Contains(c.Id)) == true;

    // An empty box means the exact amount; the server checks again.
    private string? TenderError => method == "Cash" && tendered is { } t && t < OpenSelected ? $"实收不足，应收{Money.Format(OpenSelected)}" : null;

    private decimal? Change => method == "Cash" && tendered is { } t && t >= OpenSelected ? t - OpenSelected : null;

    private string CurrentLabel => pending.FirstOrDefault(p => p.VisitId == charges?.VisitId) is { } p ? $"{p.VisitNumber}　{p.DepartmentName} {p.DoctorName}" : "";

    private void MethodChanged(string value)
    {
        method = value;
        tendered = null;
    }

    private async Task Next()
    {
        if ((pending.FirstOrDefault(p => p.VisitId != charges?.VisitId) ?? pending.FirstOrDefault()) is { } next)
        {
            await Open(next.VisitId);
            await JS.InvokeVoidAsync("countyHealth.focus", "[data-testid=tendered]");
        }
    }

    private async Task TenderedKey(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !busy && OpenSelected > 0 && TenderError is null)
        {
            await Pay();
        }
    }

    protected override async Task OnInitializedAsync()
    {
        await LoadPending();
        if (VisitId is { } v)
        {
            await Open(v);
        }
    }

    private async Task LoadPending() => pending = await Pending.Run((h, ct) => h.HandleAsync(ct));

    private async Task Open(Guid visitId)
    {
        message = null;
        receipt = null;
        tendered = null;
        var outcome = UiResults.Unpack<VisitCharges>(await Charges.Run((h, ct) => h.HandleAsync(visitId, ct)));
        charges = outcome.Value;
        message = outcome.Message;
        selected.Clear();
        foreach (var c in charges?.Charges.Where(c => c.Status == "Open") ?? [])
        {
            selected.Add(c.Id);
        }
        requestId = Guid.NewGuid().ToString("N");
    }

    private void Toggle(Guid id, bool on)
    {
        if (on)
        {
            selected.Add(id);
        }
        else
        {
            selected.Remove(id);
        }
    }

    private async Task Pay()
    {
        if (charges is null)
        {
            return;
        }
        busy = true;
        try
        {
            var ids = charges.Charges.Where(c => c.Status == "Open" && selected.Contains(c.Id)).Select(c => c.Id).ToList();
            var request = new PaymentRequest(requestId, charges.VisitId, ids, method, method == "Cash" ? tendered : null);
            var outcome = UiResults.Unpack<Receipt>(await Payment.Run((h, ct) => h.HandleAsync(request, ct)));
            if (outcome.Value is { } r)
            {
                await Open(charges.VisitId);
                receipt = r;
                Snackbar.Add($"收费成功 {r.AmountText}", Severity.Success);
                await LoadPending();
            }
            else
            {
                message = outcome.AllErrors;
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task Refund()
    {
        if (charges is null)
        {
            return;
        }
        busy = true;
        try
        {
            var ids = charges.Charges.Where(c => c.Status == "Paid" && selected.Contains(c.Id)).Select(c => c.Id).ToList();
            var request = new RefundRequest(Guid.NewGuid().ToString("N"), ids, refundReason);
            var outcome = UiResults.Unpack<RefundResponse>(await RefundCharges.Run((h, ct) => h.HandleAsync(request, ct)));
            if (outcome.Value is { } r)
            {
                await Open(charges.VisitId);
                Snackbar.Add($"已退费 {Money.Format(r.Amount)}（{r.MethodName}）", Severity.Success);
            }
            else
            {
                message = outcome.AllErrors;
            }
        }
        finally
        {
            busy = false;
        }
    }
}

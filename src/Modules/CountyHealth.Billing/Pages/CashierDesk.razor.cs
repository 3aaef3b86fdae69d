using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Insurance;
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
    [Inject] private UiHandler<SettleCharges> SettleHandler { get; set; } = default!;
    [Inject] private UiHandler<ReverseSettlement> ReverseHandler { get; set; } = default!;
    [Inject] private UiHandler<GetSettlement> SettlementHandler { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private List<PendingVisit> pending = [];
    private VisitCharges? charges;
    private readonly HashSet<Guid> selected = [];
    private string method = "Cash";
    private string? refundReason, reversalReason, message;
    private SettlementView? settlement;
    private Receipt? receipt;
    private bool busy;
    private decimal? tendered;
    // One request id per intended payment: a double click or a retry sends the same id and is charged once.
    private string requestId = Guid.NewGuid().ToString("N");

    private decimal OpenSelected => charges?.Charges.Where(c => c.Status == "Open" && selected.Contains(c.Id)).Sum(c => c.Amount) ?? 0;
    private bool HasOpen => charges?.Charges.Any(c => c.Status == "Open") == true;

    private bool PaidSelected => charges?.Charges.Any(c => c.Status == "Paid" && selected.Contains(c.Id)) == true;

    /// <summary>The visit's settlement waiting for the patient's share, if any.</summary>
    private VisitSettlement? ActiveSettlement => charges?.Settlements?.FirstOrDefault(s => s.Status == "Settled");

    private IEnumerable<ChargeRow> SelectedOpen => charges?.Charges.Where(c => c.Status == "Open" && selected.Contains(c.Id)) ?? [];

    // The settled charges selected, and only they: the patient pays the share the settlement left.
    private bool DueIsPersonShare => ActiveSettlement is { } s && SelectedOpen.All(c => c.SettlementId == s.Id)
        && SelectedOpen.Count() == charges!.Charges.Count(c => c.Status == "Open" && c.SettlementId == s.Id);

    private decimal Due => DueIsPersonShare ? ActiveSettlement!.PersonPays : OpenSelected;

    private bool CanSettle => ActiveSettlement is null && SelectedOpen.Any() && SelectedOpen.All(c => c.SettlementId is null);

    // An empty box means the exact amount; the server checks again.
    private string? TenderError => method == "Cash" && tendered is { } t && t < Due ? $"实收不足，应收{Money.Format(Due)}" : null;

    private decimal? Change => method == "Cash" && tendered is { } t && t >= Due ? t - Due : null;

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
        var active = ActiveSettlement;
        // With a settlement waiting, its charges are what is paid now; the rest wait for their own settlement or payment.
        foreach (var c in charges?.Charges.Where(c => c.Status == "Open" && (active is null || c.SettlementId == active.Id)) ?? [])
        {
            selected.Add(c.Id);
        }
        settlement = null;
        if ((active?.Id ?? (charges?.Settlements is { Count: > 0 } all ? all[^1].Id : null)) is { } shown)
        {
            settlement = UiResults.Unpack<SettlementView>(await SettlementHandler.Run((h, ct) => h.HandleAsync(shown, ct))).Value;
        }
        requestId = Guid.NewGuid().ToString("N");
    }

    private async Task Settle()
    {
        if (charges is null || !CanSettle)
        {
            return;
        }
        busy = true;
        try
        {
            var request = new SettlementRequest(requestId, charges.VisitId, SelectedOpen.Select(c => c.Id).ToList());
            var outcome = UiResults.Unpack<SettlementView>(await SettleHandler.Run((h, ct) => h.HandleAsync(request, ct)));
            if (outcome.Value is { } s)
            {
                await Open(charges.VisitId);
                Snackbar.Add($"医保结算完成：统筹支付{Money.Format(s.FundPays)}，个人支付{Money.Format(s.PersonPays)}", Severity.Success);
                await JS.InvokeVoidAsync("countyHealth.focus", "[data-testid=tendered]");
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

    private async Task ReverseSettlement()
    {
        if (charges is null || settlement is null)
        {
            return;
        }
        busy = true;
        try
        {
            var id = settlement.Id;
            var request = new SettlementReversalRequest(reversalReason);
            var outcome = UiResults.Unpack<SettlementView>(await ReverseHandler.Run((h, ct) => h.HandleAsync(id, request, ct)));
            if (outcome.Value is not null)
            {
                reversalReason = null;
                await Open(charges.VisitId);
                Snackbar.Add("已撤销结算，费用恢复为待收费", Severity.Info);
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
                Snackbar.Add(r.FundAmount == 0 ? $"收费成功 {r.AmountText}" : $"收费成功：个人支付{Money.Format(r.PersonAmount)}（医保统筹支付{Money.Format(r.FundAmount)}）", Severity.Success);
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

using System.Globalization;
using CountyHealth.Kernel.Ui;
using CountyHealth.Pharmacy.Stock;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CountyHealth.Pharmacy.Pages;

public sealed partial class StockRoom
{
    [Inject] private UiHandler<ListStock> Stock { get; set; } = default!;
    [Inject] private UiHandler<ListBatches> Batches { get; set; } = default!;
    [Inject] private UiHandler<ReceiveStock> ReceiveBatch { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private string? query;
    private List<DrugStockRow> stock = [];
    private DrugStockRow? batchesOf, receiptFor;
    private List<StockRow> batches = [];
    private string? batchNumber, expiry, supplier;
    private int quantity;
    private decimal purchasePrice, retailPrice;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private string? E(string f) => errors.TryGetValue(f, out var m) ? string.Join("；", m) : null;

    protected override Task OnInitializedAsync() => Load();

    private async Task Key(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await Load();
        }
    }

    private async Task Load() => stock = await Stock.Run((h, ct) => h.HandleAsync(query, ct));

    private async Task ShowBatches(DrugStockRow s)
    {
        batchesOf = s;
        batches = await Batches.Run((h, ct) => h.HandleAsync(s.DrugId, true, ct));
    }

    private void StartReceipt(DrugStockRow s)
    {
        receiptFor = s;
        (batchNumber, expiry, supplier, quantity, purchasePrice, retailPrice) = (null, null, null, 0, 0, s.RetailPrice);
        errors = new Dictionary<string, string[]>();
    }

    private async Task Receive()
    {
        if (receiptFor is null)
        {
            return;
        }
        DateOnly? exp = DateOnly.TryParseExact(expiry?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var request = new ReceiptRequest(receiptFor.DrugId, batchNumber ?? "", exp, quantity, purchasePrice, retailPrice, supplier);
        var outcome = UiResults.Unpack<StockRow>(await ReceiveBatch.Run((h, ct) => h.HandleAsync(request, ct)));
        errors = outcome.Errors;
        if (outcome.Value is { } row)
        {
            Snackbar.Add($"已入库 {row.DrugName} 批号 {row.BatchNumber} × {row.QuantityReceived}", Severity.Success);
            receiptFor = null;
            await Load();
        }
    }
}

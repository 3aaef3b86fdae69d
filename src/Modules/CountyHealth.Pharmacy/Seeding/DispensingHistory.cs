using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Time;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;

namespace CountyHealth.Pharmacy.Seeding;

/// <summary>The synthetic county's dispensings, their movements and the yearly batches that cover them.</summary>
internal sealed class DispensingHistory(CountyHealthDb db, DrugCache drugs) : IDispensingHistory, ISyntheticData
{
    private readonly Dictionary<(Guid Inst, Guid Drug, int Year), StockBatch> batches = [];
    private readonly List<DispenseOrder> orders = [];
    private readonly List<DispenseLine> lines = [];
    private readonly List<StockMovement> movements = [];
    private IReadOnlyDictionary<Guid, Drug> catalogue = new Dictionary<Guid, Drug>();
    private Random rng = new(0);

    public async Task PrepareAsync(GenerationRun run, CancellationToken ct)
    {
        catalogue = await drugs.GetAsync(db, ct);
        rng = run.Random;
    }

    public Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct) => Task.CompletedTask;

    public void Dispensed(DispenseRequest request, DateTime queuedAt, DateTime dispensedAt, string dispensedBy)
    {
        var order = DispenseOrder.For(request, queuedAt);
        order.Status = DispenseStatus.Dispensed;
        order.DispensedAt = dispensedAt;
        order.DispensedBy = dispensedBy;
        orders.Add(order);
        var year = ChinaTime.ToChina(dispensedAt).Year;
        foreach (var line in order.Lines)
        {
            line.Status = DispenseStatus.Dispensed;
            lines.Add(line);
            var key = (request.InstitutionId, line.DrugId, year);
            if (!batches.TryGetValue(key, out var batch))
            {
                var price = catalogue[line.DrugId].RetailPrice;
                batch = new StockBatch
                {
                    InstitutionId = request.InstitutionId,
                    DrugId = line.DrugId,
                    BatchNumber = $"{year}{rng.Next(1000, 9999)}",
                    ExpiryDate = new DateOnly(year + 2, 12, 31),
                    PurchasePrice = price,
                    RetailPrice = price,
                    Supplier = "冀中医药物流有限公司",
                    ReceivedAt = ChinaTime.StartOfDayUtc(new DateOnly(year, 1, 1)),
                    ReceivedBy = "generator",
                };
                batches[key] = batch;
            }
            batch.QuantityReceived += line.Quantity;
            movements.Add(new StockMovement { BatchId = batch.Id, Kind = MovementKind.Dispense, Quantity = -line.Quantity, DispenseLineId = line.Id, At = dispensedAt, By = "generator" });
        }
    }

    public async Task WriteAsync(GenerationRun run, CancellationToken ct)
    {
        // Each year's batch received what was dispensed from it and a tenth more, which is still on hand.
        foreach (var b in batches.Values)
        {
            var spare = Math.Max(1, b.QuantityReceived / 10);
            b.QuantityOnHand = spare;
            b.QuantityReceived += spare;
            movements.Add(new StockMovement { BatchId = b.Id, Kind = MovementKind.Receipt, Quantity = b.QuantityReceived, At = b.ReceivedAt, By = "generator" });
        }
        await run.Writer.WriteAsync(batches.Values.ToList(), ct);
        await run.Writer.WriteAsync(orders, ct);
        await run.Writer.WriteAsync(lines, ct);
        await run.Writer.WriteAsync(movements, ct);
        batches.Clear();
        orders.Clear();
        lines.Clear();
        movements.Clear();
    }
}

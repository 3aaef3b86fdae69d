using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Stock;

public sealed record StockRow(Guid BatchId, Guid DrugId, string DrugCode, string DrugName, string Specification, string PackUnit, string BatchNumber,
    DateOnly ExpiryDate, string ExpiryStatus, int QuantityOnHand, int QuantityReceived, decimal PurchasePrice, decimal RetailPrice, string? Supplier, int QuantityReserved = 0);

public sealed record DrugStockRow(Guid DrugId, string Code, string Name, string Specification, string PackUnit, decimal RetailPrice, int OnHand, int Usable, DateOnly? NearestExpiry);

public sealed record ReceiptRequest(Guid DrugId, string BatchNumber, DateOnly? ExpiryDate, int Quantity, decimal PurchasePrice, decimal RetailPrice, string? Supplier);

/// <summary>The pharmacy's stock of each drug matching the search box: on hand, usable (unexpired), nearest expiry.</summary>
internal sealed class ListStock(CountyHealthDb db, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<List<DrugStockRow>> HandleAsync(string? q, CancellationToken ct)
    {
        var inst = user.InstitutionId;
        var today = ChinaTime.Today(clock);
        var drugRows = await DrugCatalogue.Matching(db.Set<Drug>().AsNoTracking(), q, d => d.Code).ToListAsync(ct);
        var ids = drugRows.Select(d => d.Id).ToList();
        var batches = await db.Set<StockBatch>().AsNoTracking().Where(b => b.InstitutionId == inst && ids.Contains(b.DrugId) && b.QuantityOnHand > 0)
            .Select(b => new { b.DrugId, b.QuantityOnHand, b.ExpiryDate }).ToListAsync(ct);
        var byDrug = batches.ToLookup(b => b.DrugId);
        return drugRows.Select(d =>
        {
            var bs = byDrug[d.Id].ToList();
            return new DrugStockRow(d.Id, d.Code, d.Name, d.Specification, d.PackUnit, d.RetailPrice, bs.Sum(b => b.QuantityOnHand),
                bs.Where(b => b.ExpiryDate > today).Sum(b => b.QuantityOnHand), bs.Count == 0 ? null : bs.Min(b => b.ExpiryDate));
        }).ToList();
    }
}

/// <summary>The pharmacy's batches (of one drug, or all), with near-expiry and expired flags.</summary>
internal sealed class ListBatches(CountyHealthDb db, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<List<StockRow>> HandleAsync(Guid? drugId, bool? includeEmpty, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var q = from b in db.Set<StockBatch>().AsNoTracking()
                join d in db.Set<Drug>() on b.DrugId equals d.Id
                where b.InstitutionId == user.InstitutionId
                select new { b, d };
        q = drugId is { } id ? q.Where(x => x.b.DrugId == id) : q;
        q = includeEmpty == true ? q : q.Where(x => x.b.QuantityOnHand > 0);
        var rows = await q.OrderBy(x => x.d.Code).ThenBy(x => x.b.ExpiryDate).ToListAsync(ct);
        return rows.Select(x => new StockRow(x.b.Id, x.d.Id, x.d.Code, x.d.Name, x.d.Specification, x.d.PackUnit, x.b.BatchNumber, x.b.ExpiryDate,
            ExpiryStatus.Classify(x.b.ExpiryDate, today), x.b.QuantityOnHand, x.b.QuantityReceived, x.b.PurchasePrice, x.b.RetailPrice, x.b.Supplier, x.b.QuantityReserved)).ToList();
    }
}

/// <summary>Receives a batch from a supplier into the pharmacy's stock (a receipt movement is written with it).</summary>
internal sealed class ReceiveStock(CountyHealthDb db, ICurrentUser user, DrugCache drugs, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<StockRow>, ValidationProblem>> HandleAsync(ReceiptRequest r, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var e = FieldErrors.For(r).Require("batchNumber", r.BatchNumber, "批号", 50);
        var drug = (await drugs.GetAsync(db, ct)).GetValueOrDefault(r.DrugId);
        if (drug is null)
        {
            e.Add("drugId", "请选择药品");
        }
        if (r.ExpiryDate is not { } exp)
        {
            e.Add("expiryDate", "请填写有效期");
        }
        else if (exp <= today)
        {
            e.Add("expiryDate", "有效期已过，不能入库");
        }
        else if (exp > today.AddYears(StockPrices.LongestShelfLifeYears))
        {
            e.Add("expiryDate", $"有效期超过{StockPrices.LongestShelfLifeYears}年，请核对");
        }
        if (r.Quantity <= 0)
        {
            e.Add("quantity", "入库数量必须大于0");
        }
        else if (r.Quantity > 100000)
        {
            e.Add("quantity", "入库数量过大，请核对");
        }
        e.Range("purchasePrice", r.PurchasePrice, 0m, StockPrices.Largest, "进价", "元").Range("retailPrice", r.RetailPrice, 0m, StockPrices.Largest, "零售价", "元")
            .MaxLength("supplier", r.Supplier, "供货单位", 100);
        if (user.InstitutionId is null)
        {
            e.Add("institution", "当前账户未归属机构");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = new StockBatch
        {
            InstitutionId = user.InstitutionId!.Value,
            DrugId = drug!.Id,
            BatchNumber = r.BatchNumber.Trim(),
            ExpiryDate = r.ExpiryDate!.Value,
            QuantityReceived = r.Quantity,
            QuantityOnHand = r.Quantity,
            PurchasePrice = r.PurchasePrice,
            RetailPrice = r.RetailPrice,
            Supplier = r.Supplier,
            ReceivedAt = now,
            ReceivedBy = user.UserName,
        };
        db.Add(batch);
        db.Add(new StockMovement { BatchId = batch.Id, Kind = MovementKind.Receipt, Quantity = r.Quantity, At = now, By = user.UserName });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/pharmacy/batches/{batch.Id}", new StockRow(batch.Id, drug.Id, drug.Code, drug.Name, drug.Specification, drug.PackUnit,
            batch.BatchNumber, batch.ExpiryDate, ExpiryStatus.Classify(batch.ExpiryDate, today), batch.QuantityOnHand, batch.QuantityReceived, batch.PurchasePrice, batch.RetailPrice, batch.Supplier));
    }
}

/// <summary>Plausibility of what a pharmacy buys: larger prices or longer shelf lives are typing errors.</summary>
public static class StockPrices
{
    /// <summary>The most a pack may cost, in yuan.</summary>
    public const decimal Largest = 99_999.99m;

    public const int LongestShelfLifeYears = 10;
}

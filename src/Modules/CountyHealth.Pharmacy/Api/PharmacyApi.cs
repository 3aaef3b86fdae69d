using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Web;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Api;

public sealed record StockRow(Guid BatchId, Guid DrugId, string DrugCode, string DrugName, string Specification, string PackUnit, string BatchNumber,
    DateOnly ExpiryDate, string ExpiryStatus, int QuantityOnHand, int QuantityReceived, decimal PurchasePrice, decimal RetailPrice, string? Supplier);
public sealed record DrugStockRow(Guid DrugId, string Code, string Name, string Specification, string PackUnit, decimal RetailPrice, int OnHand, int Usable, DateOnly? NearestExpiry);
public sealed record ReceiptRequest(Guid DrugId, string BatchNumber, DateOnly? ExpiryDate, int Quantity, decimal PurchasePrice, decimal RetailPrice, string? Supplier);
public sealed record DispenseLineRow(Guid LineId, Guid DrugId, string DrugName, string Specification, int Quantity, string PackUnit, string Usage, string Status, int Available);
public sealed record DispenseOrderRow(Guid Id, string PrescriptionNumber, Guid ResidentId, string ResidentName, string SexName, int Age, string DoctorName,
    string Status, DateTime QueuedAt, string QueuedAtChina, string? DispensedAtChina, string? DispensedBy, IReadOnlyList<DispenseLineRow> Lines);
public sealed record DispenseResponse(Guid OrderId, string Status, IReadOnlyList<AllocationRow> Allocations);
public sealed record AllocationRow(Guid BatchId, string BatchNumber, DateOnly ExpiryDate, int Quantity);
public sealed record ReturnRequest(IReadOnlyList<Guid> LineIds);
public sealed record DrugRequest(string Code, string Name, string Specification, string DosageForm, string DoseUnit, decimal DoseUnitsPerBaseUnit,
    string BaseUnit, int BaseUnitsPerPack, string PackUnit, string DefaultRoute, string DefaultFrequency, decimal DefaultDose, decimal RetailPrice, string? Manufacturer, bool NeedsSkinTest);

internal static class PharmacyApi
{
    public static void MapPharmacyEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/drugs", SearchDrugs).RequireAuthorization().WithTags("药品").WithName("SearchDrugs").WithSummary("按名称、拼音首字母或编码查药品（含本机构可用库存）");
        app.MapPost("/api/v1/drugs", CreateDrug).RequireAuthorization(p => p.RequireRole(Roles.Pharmacy.Split(','))).WithTags("药品").WithName("CreateDrug").WithSummary("新增药品目录");
        var g = app.MapGroup("/api/v1/pharmacy").WithTags("药房").RequireAuthorization(p => p.RequireRole(Roles.Pharmacy.Split(',')));
        g.MapGet("/stock", Stock).WithName("ListStock").WithSummary("本机构药房库存（按药品汇总）");
        g.MapGet("/batches", Batches).WithName("ListBatches").WithSummary("本机构药房库存批次（近效期、过期标记）");
        g.MapPost("/receipts", Receive).WithName("ReceiveStock").WithSummary("入库一个批次");
        g.MapGet("/dispensing", Queue).WithName("DispensingQueue").WithSummary("待发药（已收费）或已发药处方；prescription 按处方号查找");
        g.MapPost("/dispensing/{id:guid}/dispense", Dispense).WithName("Dispense").WithSummary("发药：按效期先到先出扣减批次库存");
        g.MapPost("/dispensing/{id:guid}/return", Return).WithName("ReturnDispensed").WithSummary("退药：已发药品退回原批次，之后方可退费");
    }

    private static async Task<IReadOnlyList<DrugInfo>> SearchDrugs(string? q, int? take, ICurrentUser user, IDrugCatalogue catalogue, CancellationToken ct) =>
        user.InstitutionId is { } inst ? await catalogue.SearchAsync(inst, q ?? "", Math.Clamp(take ?? 20, 1, 200), ct) : [];

    private static async Task<Results<Created<DrugInfo>, ValidationProblem>> CreateDrug(DrugRequest r, CountyHealthDb db, CancellationToken ct)
    {
        var e = new FieldErrors().Require("code", r.Code, "药品编码", 32).Require("name", r.Name, "通用名", 100).Require("specification", r.Specification, "规格", 100)
            .Require("doseUnit", r.DoseUnit, "剂量单位", 16).Require("baseUnit", r.BaseUnit, "最小单位", 16).Require("packUnit", r.PackUnit, "包装单位", 16);
        if (r.DoseUnitsPerBaseUnit <= 0)
        {
            e.Add("doseUnitsPerBaseUnit", "每最小单位含量必须大于0");
        }
        if (r.BaseUnitsPerPack <= 0)
        {
            e.Add("baseUnitsPerPack", "每包装数量必须大于0");
        }
        if (r.RetailPrice < 0)
        {
            e.Add("retailPrice", "零售价不能为负");
        }
        if (!string.IsNullOrWhiteSpace(r.Code) && await db.Set<Drug>().AnyAsync(d => d.Code == r.Code.Trim(), ct))
        {
            e.Add("code", "药品编码已存在");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var d = new Drug
        {
            Code = r.Code.Trim(),
            Name = r.Name.Trim(),
            Pinyin = PinyinInitials.Of(r.Name),
            Specification = r.Specification,
            DosageForm = r.DosageForm,
            DoseUnit = r.DoseUnit,
            DoseUnitsPerBaseUnit = r.DoseUnitsPerBaseUnit,
            BaseUnit = r.BaseUnit,
            BaseUnitsPerPack = r.BaseUnitsPerPack,
            PackUnit = r.PackUnit,
            DefaultRoute = r.DefaultRoute,
            DefaultFrequency = r.DefaultFrequency,
            DefaultDose = r.DefaultDose,
            RetailPrice = r.RetailPrice,
            Manufacturer = r.Manufacturer,
            NeedsSkinTest = r.NeedsSkinTest,
        };
        db.Add(d);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/drugs/{d.Id}", DrugCatalogue.ToInfo(d, 0));
    }

    internal static async Task<List<DrugStockRow>> Stock(string? q, ICurrentUser user, CountyHealthDb db, TimeProvider clock, CancellationToken ct)
    {
        var inst = user.InstitutionId;
        var today = ChinaTime.Today(clock);
        var drugRows = await DrugCatalogue.Matching(db.Set<Drug>().AsNoTracking(), q).OrderBy(d => d.Code).ToListAsync(ct);
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

    internal static async Task<List<StockRow>> Batches(Guid? drugId, bool? includeEmpty, ICurrentUser user, CountyHealthDb db, TimeProvider clock, CancellationToken ct)
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
            ExpiryStatus.Classify(x.b.ExpiryDate, today), x.b.QuantityOnHand, x.b.QuantityReceived, x.b.PurchasePrice, x.b.RetailPrice, x.b.Supplier)).ToList();
    }

    internal static async Task<Results<Created<StockRow>, ValidationProblem>> Receive(ReceiptRequest r, ICurrentUser user, CountyHealthDb db, TimeProvider clock, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var e = new FieldErrors().Require("batchNumber", r.BatchNumber, "批号", 50);
        var drug = await db.Set<Drug>().FirstOrDefaultAsync(d => d.Id == r.DrugId, ct);
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
        if (r.Quantity <= 0)
        {
            e.Add("quantity", "入库数量必须大于0");
        }
        else if (r.Quantity > 100000)
        {
            e.Add("quantity", "入库数量过大，请核对");
        }
        if (r.PurchasePrice < 0)
        {
            e.Add("purchasePrice", "进价不能为负");
        }
        if (r.RetailPrice < 0)
        {
            e.Add("retailPrice", "零售价不能为负");
        }
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

    internal static async Task<List<DispenseOrderRow>> Queue(string? status, string? prescription, ICurrentUser user, CountyHealthDb db, IResidentDirectory residents, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var wanted = status == "Dispensed" ? DispenseStatus.Dispensed : DispenseStatus.Waiting;
        var today = ChinaTime.Today(clock);
        var since = ChinaTime.StartOfDayUtc(today.AddDays(-1));
        var q = db.Set<DispenseOrder>().AsNoTracking().Include(o => o.Lines).Where(o => o.InstitutionId == user.InstitutionId && o.Status == wanted);
        // A prescription number (scanned from the slip) finds its order directly.
        q = !string.IsNullOrWhiteSpace(prescription) ? q.Where(o => o.PrescriptionNumber == prescription.Trim()).OrderBy(o => o.QueuedAt)
            : wanted == DispenseStatus.Dispensed ? q.Where(o => o.DispensedAt >= since).OrderByDescending(o => o.DispensedAt) : q.OrderBy(o => o.QueuedAt);
        var orders = await q.Take(200).ToListAsync(ct);
        var names = await residents.GetManyAsync(orders.Select(o => o.ResidentId), ct);
        var drugIds = orders.SelectMany(o => o.Lines).Select(l => l.DrugId).Distinct().ToList();
        var drugs = await db.Set<Drug>().AsNoTracking().Where(d => drugIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var available = user.InstitutionId is { } inst ? await new DrugCatalogue(db, clock).AvailableAsync(inst, drugIds, ct) : [];
        if (orders.Count > 0)
        {
            await audit.WriteAsync(AuditActions.Search, nameof(DispenseOrder), null, detail: $"发药队列 {wanted}: {orders.Count} 张");
        }
        return orders.Select(o =>
        {
            var r = names.GetValueOrDefault(o.ResidentId);
            return new DispenseOrderRow(o.Id, o.PrescriptionNumber, o.ResidentId, r?.Name ?? "", r?.SexName ?? "", r?.AgeOn(today) ?? 0, o.DoctorName, o.Status.ToString(),
                o.QueuedAt, ChinaTime.Format(o.QueuedAt), o.DispensedAt is { } d ? ChinaTime.Format(d) : null, o.DispensedBy,
                o.Lines.Where(l => l.Status != DispenseStatus.Cancelled).Select(l => new DispenseLineRow(l.Id, l.DrugId, drugs[l.DrugId].Name, drugs[l.DrugId].Specification,
                    l.Quantity, drugs[l.DrugId].PackUnit, l.Usage, l.Status.ToString(), available.GetValueOrDefault(l.DrugId))).ToList());
        }).ToList();
    }

    internal static async Task<Results<Ok<DispenseResponse>, ProblemHttpResult>> Dispense(Guid id, Dispensing dispensing, CancellationToken ct)
    {
        var outcome = await dispensing.DispenseAsync(id, ct);
        if (outcome.NotFound)
        {
            return Problems.NotFound(outcome.Error!);
        }
        return outcome.Ok
            ? TypedResults.Ok(new DispenseResponse(id, nameof(DispenseStatus.Dispensed), outcome.Allocations.Select(a => new AllocationRow(a.BatchId, a.BatchNumber, a.ExpiryDate, a.Quantity)).ToList()))
            : Problems.Conflict(outcome.Error!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Return(Guid id, ReturnRequest r, ICurrentUser user, CountyHealthDb db, Dispensing dispensing, CancellationToken ct)
    {
        if (!await db.Set<DispenseOrder>().AnyAsync(o => o.Id == id && o.InstitutionId == user.InstitutionId, ct))
        {
            return Problems.NotFound("未找到该发药单");
        }
        var error = await dispensing.ReturnAsync(id, r.LineIds ?? [], ct);
        return error is null ? TypedResults.NoContent() : Problems.Conflict(error);
    }
}

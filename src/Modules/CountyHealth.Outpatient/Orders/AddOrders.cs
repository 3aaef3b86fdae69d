using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyHealth.Outpatient.Orders;

public sealed record OrdersRequest(IReadOnlyList<string> ItemCodes);

/// <summary>Orders examinations, lab tests or treatments at a visit; each becomes an open charge.</summary>
internal sealed class AddOrders(CountyHealthDb db, VisitRecords visits, IPriceCatalogue prices, IChargeService charges, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Ok<List<OrderRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid visitId, OrdersRequest r, CancellationToken ct)
    {
        if (await visits.FindAsync(visitId, OutpatientPermissions.Treat, withDiagnoses: false, ct) is not { } visit)
        {
            return Problems.NotFound(VisitRecords.NotFound);
        }
        if (visit.ClosedReason is { } closed)
        {
            return Problems.Conflict(closed);
        }
        var e = FieldErrors.For(r);
        var codes = r.ItemCodes ?? [];
        if (codes.Count == 0)
        {
            e.Add("itemCodes", "请选择检查或检验项目");
        }
        var items = new List<PriceItemInfo>();
        foreach (var code in codes)
        {
            var item = await prices.FindAsync(code, ct);
            if (item is null || item.Kind == "Registration")
            {
                e.Add("itemCodes", $"项目“{code}”不存在");
            }
            else
            {
                items.Add(item);
            }
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var orders = items.Select(i => new VisitOrder { VisitId = visit.Id, ResidentId = visit.ResidentId, ItemCode = i.Code, Name = i.Name, Kind = i.Kind, UnitPrice = i.Price, OrderedAt = now, OrderedBy = user.FullName }).ToList();
        db.AddRange(orders);
        await charges.AddAsync(new BillingEncounter(visit.Id, visit.ResidentId, visit.InstitutionId, visit.DepartmentId),
            orders.Zip(items, (o, item) => new ChargeLine(OutpatientKinds.Order, o.Id, o.Id, o.ItemCode, o.Name, item.Unit, 1, o.UnitPrice,
                RevenueCategories.OfPriceItemKind(o.Kind), item.InsuranceClass)), ct);
        visit.Start(user.StaffId, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(orders.Select(o => new OrderRow(o.Id, o.ItemCode, o.Name, o.Kind, o.Quantity, o.UnitPrice, o.Status.ToString())).ToList());
    }
}

/// <summary>The examinations and lab tests a doctor may order.</summary>
internal sealed class ListOrderableItems(IPriceCatalogue prices) : IUseCase
{
    public async Task<IReadOnlyList<PriceItemInfo>> HandleAsync(CancellationToken ct) =>
        (await prices.SearchAsync(null, null, ct)).Where(p => p.Kind is "Lab" or "Examination").ToList();
}

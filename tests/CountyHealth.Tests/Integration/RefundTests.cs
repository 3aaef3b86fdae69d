using System.Net;
using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Payments;
using CountyHealth.Billing.Refunds;
using CountyHealth.Billing.Settlement;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Dispensing;
using CountyHealth.Pharmacy.Stock;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>Refunds: undispensed items at once, dispensed items only after the pharmacy took them back.</summary>
public abstract class RefundTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task An_undispensed_paid_item_is_refunded_and_leaves_the_pharmacy_queue()
    {
        var drug = await clinic.NewDrugWithStockAsync(5);
        var (visit, prescription) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "qd", 10);
        var order = await clinic.WaitingOrderAsync(prescription.Number);
        var charge = Clinic.ChargeOf(await clinic.ChargesAsync(visit.VisitId), OutpatientKinds.Prescription);

        var refund = await RefundAsync(charge.Id, HttpStatusCode.Created);

        Assert.Equal(charge.Amount, refund.Amount);
        Assert.Equal("现金", refund.MethodName);
        Assert.DoesNotContain(await clinic.QueueAsync(), o => o.Id == order.Id);
        Assert.Equal("Refunded", Clinic.ChargeOf(await clinic.ChargesAsync(visit.VisitId), OutpatientKinds.Prescription).Status);
        Assert.Equal("Cancelled", Assert.Single((await clinic.VisitAsync(visit.VisitId)).Prescriptions).Status);
        Assert.Equal(5, await clinic.OnHandAsync(drug.Id, drug.Code));
    }

    [Fact]
    public async Task A_dispensed_item_is_refunded_only_after_it_was_returned()
    {
        var drug = await clinic.NewDrugWithStockAsync(5);
        var (visit, prescription) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "qd", 20);
        Assert.Equal(2, Assert.Single(prescription.Items).Quantity);
        var order = await clinic.WaitingOrderAsync(prescription.Number);
        await clinic.DispenseAsync(order.Id);
        Assert.Equal(3, await clinic.OnHandAsync(drug.Id, drug.Code));
        var charge = Clinic.ChargeOf(await clinic.ChargesAsync(visit.VisitId), OutpatientKinds.Prescription);

        var refused = await RefundAsync<Problem>(charge.Id, HttpStatusCode.Conflict);
        Assert.Contains("退药", refused.Title, StringComparison.Ordinal);
        Assert.Equal("Paid", Clinic.ChargeOf(await clinic.ChargesAsync(visit.VisitId), OutpatientKinds.Prescription).Status);

        await (await clinic.Pharmacist).PostAsync($"/api/v1/pharmacy/dispensing/{order.Id}/return",
            new ReturnRequest(order.Lines.Select(l => l.LineId).ToList()), HttpStatusCode.NoContent);
        Assert.Equal(5, await clinic.OnHandAsync(drug.Id, drug.Code));

        var refund = await RefundAsync(charge.Id, HttpStatusCode.Created);
        Assert.Equal(charge.Amount, refund.Amount);
        Assert.Equal("Refunded", Clinic.ChargeOf(await clinic.ChargesAsync(visit.VisitId), OutpatientKinds.Prescription).Status);
        Assert.Equal(5, await clinic.OnHandAsync(drug.Id, drug.Code));
    }

    [Fact]
    public async Task The_same_refund_request_twice_at_once_refunds_once()
    {
        var visit = await clinic.NewVisitAsync();
        await clinic.PayAsync(visit.VisitId, visit.ChargeIds, "Cash");
        var before = await clinic.SettlementAsync("Cash");
        var request = new RefundRequest(Guid.NewGuid().ToString("N"), visit.ChargeIds, "挂错科室");
        var cashier = await clinic.Cashier;

        var replies = await ApiClient.AllAtOnceAsync(cashier.PostAsync("/api/v1/billing/refunds", request), cashier.PostAsync("/api/v1/billing/refunds", request));

        var statuses = replies.Select(r => r.Status).Order().ToList();
        Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Created]), "expected one 201 and one replayed 200: " + string.Join(" | ", replies.AsEnumerable()));
        Assert.Single(replies.Select(r => r.Read<RefundResponse>().RefundId).Distinct());
        var after = await clinic.SettlementAsync("Cash");
        Assert.Equal((before.RefundCount + 1, before.Refunds + visit.Fee), (after.RefundCount, after.Refunds));
    }

    private Task<RefundResponse> RefundAsync(Guid chargeId, HttpStatusCode expected) => RefundAsync<RefundResponse>(chargeId, expected);

    private async Task<T> RefundAsync<T>(Guid chargeId, HttpStatusCode expected) =>
        await (await clinic.Cashier).PostAsync<T>("/api/v1/billing/refunds", new RefundRequest(Guid.NewGuid().ToString("N"), [chargeId], "患者要求退费"), expected);
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRefundTests(SqliteHost host) : RefundTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRefundTests(PostgresHost host) : RefundTests(host);

using System.Net;
using CountyHealth.Billing.Charges;
using CountyHealth.Kernel.Data;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Dispensing;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Stock is held (预占) when a prescription is paid: two cashiers racing for the last box, one is paid and the other
/// refused with the drug's name; a refund gives the box back; the pharmacist hands out exactly what was held.
/// </summary>
public abstract class DispensingConcurrencyTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task Two_cashiers_taking_payment_for_the_last_box_at_once_sell_it_once()
    {
        var drug = await clinic.NewDrugAsync();
        await clinic.ReceiveAsync(drug.Id, 1, Clinic.Today.AddYears(2));
        // Each prescription alone fits the one box, so both may be written; only one may be paid.
        var first = await clinic.NewVisitAsync();
        var second = await clinic.NewVisitAsync();
        await clinic.PrescribeAsync(first.VisitId, drug.Id, 10m, "qd", 1);
        await clinic.PrescribeAsync(second.VisitId, drug.Id, 10m, "qd", 1);
        var cashier = await clinic.Cashier;
        var cashier2 = await host.As(DemoAccounts.Cashier2);

        var replies = await ApiClient.AllAtOnceAsync(
            cashier.PostAsync("/api/v1/billing/payments", await OpenPaymentAsync(first.VisitId)),
            cashier2.PostAsync("/api/v1/billing/payments", await OpenPaymentAsync(second.VisitId)));

        var statuses = replies.Select(r => r.Status).Order().ToList();
        Assert.True(statuses.SequenceEqual([HttpStatusCode.Created, HttpStatusCode.Conflict]), "expected one 201 and one 409: " + string.Join(" | ", replies.AsEnumerable()));
        var refused = replies.Single(r => r.Status == HttpStatusCode.Conflict).Read<Problem>();
        Assert.Contains(drug.Name, refused.Title, StringComparison.Ordinal);
        Assert.Contains("库存不足", refused.Title, StringComparison.Ordinal);
        var batch = Assert.Single(await clinic.BatchesAsync(drug.Id));
        Assert.Equal((1, 1), (batch.QuantityOnHand, batch.QuantityReserved));
        // The refused payment took nothing: its charges are still open, and the desk shows only the paid order.
        var loser = replies[0].Status == HttpStatusCode.Conflict ? first : second;
        var loserCharges = await cashier.GetAsync<VisitCharges>($"/api/v1/billing/visits/{loser.VisitId}/charges");
        Assert.All(loserCharges.Charges, c => Assert.Equal("Open", c.Status));
        var queue = (await clinic.QueueAsync()).Where(o => o.Lines.Any(l => l.DrugId == drug.Id)).ToList();
        var waiting = Assert.Single(queue);
        Assert.Null(waiting.Blocker);
        Assert.Equal(1, Assert.Single(waiting.Lines).Reserved);
    }

    [Fact]
    public async Task A_payment_whose_planned_batch_was_emptied_meanwhile_holds_the_next_batch_instead_of_refusing()
    {
        var drug = await clinic.NewDrugAsync();
        var early = await clinic.ReceiveAsync(drug.Id, 1, Clinic.Today.AddYears(1));
        var late = await clinic.ReceiveAsync(drug.Id, 10, Clinic.Today.AddYears(2));
        // Payment A plans its hold on the early batch (its last box) but has not taken it yet …
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        var institution = await db.Set<StockBatch>().Where(b => b.Id == early.BatchId).Select(b => b.InstitutionId).SingleAsync();
        var order = DispenseOrder.For(new DispenseRequest("test.order", Guid.CreateVersion7(), "T-1", (await clinic.RegisterResidentAsync()).Id, institution, "测试",
            [new DispenseLineRequest(Guid.CreateVersion7(), drug.Id, 1, "口服")]), TestClock.Start.UtcDateTime);
        db.Add(order);
        await scope.ServiceProvider.GetRequiredService<StockReservations>().ReserveAsync(order, CancellationToken.None);
        // … when another cashier's payment takes that box and commits (A's transaction starts after it: SQLite's takes the write lock).
        var (_, other) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "qd", 1);

        await using var tx = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<BeforeCommit>().RunAsync(CancellationToken.None);
        await tx.CommitAsync();

        var batches = await clinic.BatchesAsync(drug.Id);
        Assert.Equal(1, Assert.Single(batches, b => b.BatchId == early.BatchId).QuantityReserved);
        Assert.Equal(1, Assert.Single(batches, b => b.BatchId == late.BatchId).QuantityReserved);
        var held = await db.Set<StockReservation>().AsNoTracking().Where(r => r.LineId == order.Lines[0].Id).ToListAsync();
        Assert.Equal(late.BatchId, Assert.Single(held).BatchId);
        Assert.Equal(1, Assert.Single((await clinic.WaitingOrderAsync(other.Number)).Lines).Reserved);
    }

    [Fact]
    public async Task A_refund_before_dispensing_gives_the_held_stock_back()
    {
        var drug = await clinic.NewDrugWithStockAsync(3);
        var (visit, _) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "qd", 20);
        Assert.Equal(2, Assert.Single(await clinic.BatchesAsync(drug.Id)).QuantityReserved);
        var cashier = await clinic.Cashier;
        var charges = await cashier.GetAsync<VisitCharges>($"/api/v1/billing/visits/{visit.VisitId}/charges");
        var drugCharge = Clinic.ChargeOf(charges, CountyHealth.Outpatient.Contracts.OutpatientKinds.Prescription);

        await cashier.PostAsync<CountyHealth.Billing.Refunds.RefundResponse>("/api/v1/billing/refunds",
            new CountyHealth.Billing.Refunds.RefundRequest(Guid.NewGuid().ToString("N"), [drugCharge.Id], "患者不取药"), HttpStatusCode.Created);

        var batch = Assert.Single(await clinic.BatchesAsync(drug.Id));
        Assert.Equal((3, 0), (batch.QuantityOnHand, batch.QuantityReserved));
        Assert.DoesNotContain(await clinic.QueueAsync(), o => o.Lines.Any(l => l.DrugId == drug.Id));
    }

    [Fact]
    public async Task Payments_hold_the_earliest_expiring_batches_and_dispensing_hands_out_what_was_held()
    {
        var drug = await clinic.NewDrugAsync();
        var early = await clinic.ReceiveAsync(drug.Id, 1, Clinic.Today.AddYears(1));
        var late = await clinic.ReceiveAsync(drug.Id, 10, Clinic.Today.AddYears(2));
        var (_, first) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "qd", 1);
        var (_, second) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "qd", 1);
        var firstOrder = await clinic.WaitingOrderAsync(first.Number);
        var secondOrder = await clinic.WaitingOrderAsync(second.Number);
        var pharmacist2 = await host.As(DemoAccounts.Pharmacist2);

        var replies = await ApiClient.AllAtOnceAsync(
            (await clinic.Pharmacist).PostAsync($"/api/v1/pharmacy/dispensing/{firstOrder.Id}/dispense", new { }),
            pharmacist2.PostAsync($"/api/v1/pharmacy/dispensing/{secondOrder.Id}/dispense", new { }));

        Assert.True(replies.All(r => r.Status == HttpStatusCode.OK), "both should be served: " + string.Join(" | ", replies.AsEnumerable()));
        Assert.Equal(early.BatchId, Assert.Single(replies[0].Read<DispenseResponse>().Allocations).BatchId);
        Assert.Equal(late.BatchId, Assert.Single(replies[1].Read<DispenseResponse>().Allocations).BatchId);
        var batches = await clinic.BatchesAsync(drug.Id);
        Assert.Equal((0, 0), Assert.Single(batches, b => b.BatchId == early.BatchId) is var e ? (e.QuantityOnHand, e.QuantityReserved) : default);
        Assert.Equal((9, 0), Assert.Single(batches, b => b.BatchId == late.BatchId) is var l ? (l.QuantityOnHand, l.QuantityReserved) : default);
    }

    [Fact]
    public async Task Two_pharmacists_dispensing_one_order_at_once_hand_it_out_once_and_record_the_checker()
    {
        var drug = await clinic.NewDrugWithStockAsync(5);
        var (_, rx) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "qd", 1);
        var order = await clinic.WaitingOrderAsync(rx.Number);
        var pharmacist2 = await host.As(DemoAccounts.Pharmacist2);

        var replies = await ApiClient.AllAtOnceAsync(
            (await clinic.Pharmacist).PostAsync($"/api/v1/pharmacy/dispensing/{order.Id}/dispense", new { }),
            pharmacist2.PostAsync($"/api/v1/pharmacy/dispensing/{order.Id}/dispense", new { }));

        var statuses = replies.Select(r => r.Status).Order().ToList();
        Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]), "expected one 200 and one 409: " + string.Join(" | ", replies.AsEnumerable()));
        var done = replies.Single(r => r.Status == HttpStatusCode.OK).Read<DispenseResponse>();
        Assert.Equal(done.DispensedBy, done.CheckedBy);
        Assert.Equal(4, Assert.Single(await clinic.BatchesAsync(drug.Id)).QuantityOnHand);
    }

    private async Task<CountyHealth.Billing.Payments.PaymentRequest> OpenPaymentAsync(Guid visitId)
    {
        var charges = await (await clinic.Cashier).GetAsync<VisitCharges>($"/api/v1/billing/visits/{visitId}/charges");
        return Clinic.Payment(visitId, charges.Charges.Where(c => c.Status == "Open").Select(c => c.Id).ToList(), "Cash");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDispensingConcurrencyTests(SqliteHost host) : DispensingConcurrencyTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDispensingConcurrencyTests(PostgresHost host) : DispensingConcurrencyTests(host);

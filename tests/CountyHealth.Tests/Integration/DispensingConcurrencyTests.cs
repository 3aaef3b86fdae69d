using System.Net;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Dispensing;
using CountyHealth.Pharmacy.Stock;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>Two pharmacists racing for the last box: one gets it, the other is told there is not enough stock.</summary>
public abstract class DispensingConcurrencyTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task Two_pharmacists_dispensing_the_last_box_at_once_hand_it_out_once()
    {
        var drug = await clinic.NewDrugAsync();
        var batch = await clinic.ReceiveAsync(drug.Id, 1, Clinic.Today.AddYears(2));
        // Each prescription alone fits the stock of one box, so both may be written and paid.
        var (_, first) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "qd", 1);
        var (_, second) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "qd", 1);
        var firstOrder = await clinic.WaitingOrderAsync(first.Number);
        var secondOrder = await clinic.WaitingOrderAsync(second.Number);
        var pharmacist = await clinic.Pharmacist;
        var pharmacist2 = await host.As(DemoAccounts.Pharmacist2);

        var replies = await ApiClient.AllAtOnceAsync(
            pharmacist.PostAsync($"/api/v1/pharmacy/dispensing/{firstOrder.Id}/dispense", new { }),
            pharmacist2.PostAsync($"/api/v1/pharmacy/dispensing/{secondOrder.Id}/dispense", new { }));

        var statuses = replies.Select(r => r.Status).Order().ToList();
        Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]), "expected one 200 and one 409: " + string.Join(" | ", replies.AsEnumerable()));
        var refused = replies.Single(r => r.Status == HttpStatusCode.Conflict).Read<Problem>();
        Assert.Contains("库存不足", refused.Title, StringComparison.Ordinal);
        var allocation = Assert.Single(replies.Single(r => r.Status == HttpStatusCode.OK).Read<DispenseResponse>().Allocations);
        Assert.Equal((batch.BatchId, 1), (allocation.BatchId, allocation.Quantity));
        Assert.Equal(0, Assert.Single(await clinic.BatchesAsync(drug.Id)).QuantityOnHand);
        Assert.Single(await clinic.QueueAsync(), o => o.Id == firstOrder.Id || o.Id == secondOrder.Id);
    }

    [Fact]
    public async Task When_the_earliest_batch_runs_out_in_a_race_the_loser_is_served_from_the_next_batch()
    {
        var drug = await clinic.NewDrugAsync();
        var early = await clinic.ReceiveAsync(drug.Id, 1, Clinic.Today.AddYears(1));
        var late = await clinic.ReceiveAsync(drug.Id, 10, Clinic.Today.AddYears(2));
        var (_, first) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "qd", 1);
        var (_, second) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "qd", 1);
        var firstOrder = await clinic.WaitingOrderAsync(first.Number);
        var secondOrder = await clinic.WaitingOrderAsync(second.Number);
        var pharmacist2 = await host.As(DemoAccounts.Pharmacist2);

        // Both plan the one box of the earliest batch; whoever loses it plans again instead of asking for a refresh.
        var replies = await ApiClient.AllAtOnceAsync(
            (await clinic.Pharmacist).PostAsync($"/api/v1/pharmacy/dispensing/{firstOrder.Id}/dispense", new { }),
            pharmacist2.PostAsync($"/api/v1/pharmacy/dispensing/{secondOrder.Id}/dispense", new { }));

        Assert.True(replies.All(r => r.Status == HttpStatusCode.OK), "both should be served: " + string.Join(" | ", replies.AsEnumerable()));
        var batches = await clinic.BatchesAsync(drug.Id);
        Assert.Equal(0, Assert.Single(batches, b => b.BatchId == early.BatchId).QuantityOnHand);
        Assert.Equal(9, Assert.Single(batches, b => b.BatchId == late.BatchId).QuantityOnHand);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDispensingConcurrencyTests(SqliteHost host) : DispensingConcurrencyTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDispensingConcurrencyTests(PostgresHost host) : DispensingConcurrencyTests(host);

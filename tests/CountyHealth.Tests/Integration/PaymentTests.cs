using System.Net;
using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Payments;
using CountyHealth.Billing.Refunds;
using CountyHealth.Billing.Settlement;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Orders;
using CountyHealth.Outpatient.Prescriptions;
using CountyHealth.Outpatient.Visits;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>A payment counts once per request id; paid prescriptions are final.</summary>
public abstract class PaymentTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task The_same_request_id_twice_in_a_row_takes_one_payment()
    {
        var before = await clinic.SettlementAsync("Alipay");
        var visit = await clinic.NewVisitAsync();
        var request = Clinic.Payment(visit.VisitId, visit.ChargeIds, "Alipay");
        var cashier = await clinic.Cashier;

        var first = await cashier.PostAsync<Receipt>("/api/v1/billing/payments", request, HttpStatusCode.Created);
        var second = await cashier.PostAsync<Receipt>("/api/v1/billing/payments", request, HttpStatusCode.OK);

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal((first.PaymentId, first.ReceiptNumber, first.Amount), (second.PaymentId, second.ReceiptNumber, second.Amount));
        var after = await clinic.SettlementAsync("Alipay");
        Assert.Equal((before.PaymentCount + 1, before.Payments + visit.Fee), (after.PaymentCount, after.Payments));
    }

    [Fact]
    public async Task The_same_request_id_twice_at_once_takes_one_payment()
    {
        var before = await clinic.SettlementAsync("BankCard");
        var visit = await clinic.NewVisitAsync();
        var request = Clinic.Payment(visit.VisitId, visit.ChargeIds, "BankCard");
        var cashier = await clinic.Cashier;

        var replies = await ApiClient.AllAtOnceAsync(cashier.PostAsync("/api/v1/billing/payments", request), cashier.PostAsync("/api/v1/billing/payments", request));

        var statuses = replies.Select(r => r.Status).Order().ToList();
        Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Created]), "expected one 201 and one replayed 200: " + string.Join(" | ", replies.AsEnumerable()));
        var receipts = replies.Select(r => r.Read<Receipt>()).ToList();
        Assert.Single(receipts.Select(r => r.PaymentId).Distinct());
        Assert.Equal([false, true], receipts.Select(r => r.Replayed).Order());
        var after = await clinic.SettlementAsync("BankCard");
        Assert.Equal((before.PaymentCount + 1, before.Payments + visit.Fee), (after.PaymentCount, after.Payments));
    }

    [Fact]
    public async Task A_paid_prescription_cannot_be_changed()
    {
        var amlodipine = await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片");
        var (visit, prescription) = await clinic.PaidPrescriptionAsync(amlodipine.Id, 5m, "qd", 7);

        using var response = await (await clinic.Doctor).PutAsync($"/api/v1/prescriptions/{prescription.Id}", Clinic.Prescription(amlodipine.Id, 10m, "qd", 14));
        var problem = await ApiClient.ReadAsync<Problem>(response, HttpStatusCode.Conflict);

        Assert.Contains("已收费", problem.Title, StringComparison.Ordinal);
        var unchanged = Assert.Single((await clinic.VisitAsync(visit.VisitId)).Prescriptions);
        Assert.Equal((5m, 1, "Paid"), (Assert.Single(unchanged.Items).Dose, unchanged.Items[0].Quantity, unchanged.Status));
    }

    [Fact]
    public async Task An_unpaid_prescription_can_be_changed_and_its_charge_follows()
    {
        var amlodipine = await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片");
        var visit = await clinic.NewVisitAsync();
        var prescription = await clinic.PrescribeAsync(visit.VisitId, amlodipine.Id, 5m, "qd", 7);

        var changed = await (await clinic.Doctor).PutAsync<PrescriptionRow>($"/api/v1/prescriptions/{prescription.Id}",
            Clinic.Prescription(amlodipine.Id, 10m, "qd", 14), HttpStatusCode.OK);

        Assert.Equal((10m, 4), (Assert.Single(changed.Items).Dose, changed.Items[0].Quantity));
        var charge = Assert.Single((await clinic.ChargesAsync(visit.VisitId)).Charges, c => c.Kind == OutpatientKinds.Prescription);
        Assert.Equal((4m, "Open", 4 * amlodipine.RetailPrice), (charge.Quantity, charge.Status, charge.Amount));
        Assert.Equal(4, Assert.Single(Assert.Single((await clinic.VisitAsync(visit.VisitId)).Prescriptions).Items).Quantity);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePaymentTests(SqliteHost host) : PaymentTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPaymentTests(PostgresHost host) : PaymentTests(host);

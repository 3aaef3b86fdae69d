using System.Net;
using CountyHealth.Billing.Contracts;
using CountyHealth.Outpatient.Orders;
using CountyHealth.Outpatient.Prescriptions;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Pharmacy.Contracts;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>A patient's day from the registration desk to the pharmacy window, through the API.</summary>
public abstract class OutpatientDayTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task Registration_consultation_payment_and_dispensing_from_the_earliest_expiring_batch()
    {
        // Registration desk: a new resident, a visit at 内科 with 李卫东, the fee paid by WeChat.
        var resident = await clinic.RegisterResidentAsync();
        var department = await clinic.InternalMedicineAsync();
        var doctor = await clinic.DoctorStaffAsync();
        var cashier = await clinic.Cashier;
        var visit = await cashier.PostAsync<VisitRegistered>("/api/v1/visits", new VisitRequest(resident.Id, department.Id, doctor.Id, null), HttpStatusCode.Created);
        Assert.Equal("内科", visit.DepartmentName);
        Assert.Equal(doctor.Name, visit.DoctorName);
        var registrationCharge = Assert.Single(visit.ChargeIds);
        var registrationFee = Assert.Single(await cashier.GetAsync<List<PriceItemInfo>>("/api/v1/price-items?kind=Registration"), p => p.Code == "GH001");
        Assert.Equal(registrationFee.Price, visit.Fee);
        var feeReceipt = await clinic.PayAsync(visit.VisitId, [registrationCharge], "WeChat");
        Assert.Equal(visit.Fee, feeReceipt.Amount);
        Assert.Equal("WeChat", feeReceipt.Method);
        Assert.Equal(resident.Name, feeReceipt.ResidentName);

        // Consulting room: vitals, diagnosis I10, amlodipine 5 mg qd for 14 days, a lab test.
        var doc = await clinic.Doctor;
        await doc.PutAsync($"/api/v1/visits/{visit.VisitId}/record", Clinic.Record(150, 95), HttpStatusCode.NoContent);
        var diagnoses = await doc.PutAsync<List<DiagnosisRow>>($"/api/v1/visits/{visit.VisitId}/diagnoses",
            new DiagnosesRequest([new DiagnosisRequest("I10", true)]), HttpStatusCode.OK);
        Assert.Equal("I10", Assert.Single(diagnoses).Code);
        var amlodipine = await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片");
        var prescription = await clinic.PrescribeAsync(visit.VisitId, amlodipine.Id, 5m, "qd", 14);
        var item = Assert.Single(prescription.Items);
        Assert.Equal(ExpectedPacks(amlodipine, 5m, 14), item.Quantity);
        Assert.Equal(2, item.Quantity); // 14 tablets of 5 mg, 7 tablets a box
        Assert.Equal(item.Quantity * amlodipine.RetailPrice, item.Amount);
        var lab = (await doc.GetAsync<List<PriceItemInfo>>("/api/v1/price-items?kind=Lab"))[0];
        var orders = await doc.PostAsync<List<OrderRow>>($"/api/v1/visits/{visit.VisitId}/orders", new OrdersRequest([lab.Code]), HttpStatusCode.OK);
        Assert.Equal(lab.Price, Assert.Single(orders).UnitPrice);

        var detail = await clinic.VisitAsync(visit.VisitId);
        Assert.Equal((150, 95), (detail.Record.SystolicBp, detail.Record.DiastolicBp));
        Assert.Equal(24.2m, detail.Bmi);
        Assert.True(Assert.Single(detail.Diagnoses).IsPrimary);

        // Cashier: the prescription and the lab test are open; paying them in cash takes their sum.
        var charges = await clinic.ChargesAsync(visit.VisitId);
        var open = charges.Charges.Where(c => c.Status == "Open").ToList();
        Assert.Equal(2, open.Count);
        Assert.Equal(item.Amount + lab.Price, charges.OpenAmount);
        var receipt = await clinic.PayAsync(visit.VisitId, open.Select(c => c.Id).ToList(), "Cash");
        Assert.Equal(open.Sum(c => c.Amount), receipt.Amount);
        Assert.Equal(2, receipt.Lines.Count);
        Assert.All((await clinic.ChargesAsync(visit.VisitId)).Charges, c => Assert.Equal("Paid", c.Status));

        // Pharmacy: the prescription waits; dispensing takes 2 boxes from the batch that expires first.
        var stockBefore = await clinic.OnHandAsync(amlodipine.Id, "氨氯地平");
        var earliest = (await clinic.BatchesAsync(amlodipine.Id)).Where(b => b.ExpiryStatus != "expired" && b.QuantityOnHand > 0).MinBy(b => b.ExpiryDate)!;
        Assert.True(earliest.QuantityOnHand >= 2, "the demo stock's earliest batch should hold at least 2 boxes");
        var order = await clinic.WaitingOrderAsync(prescription.Number);
        Assert.Equal(resident.Name, order.ResidentName);
        Assert.Equal(2, Assert.Single(order.Lines).Quantity);
        var dispensed = await clinic.DispenseAsync(order.Id);
        var allocation = Assert.Single(dispensed.Allocations);
        Assert.Equal((earliest.BatchId, 2), (allocation.BatchId, allocation.Quantity));
        Assert.Equal(stockBefore - 2, await clinic.OnHandAsync(amlodipine.Id, "氨氯地平"));
        Assert.Equal(earliest.QuantityOnHand - 2, Assert.Single(await clinic.BatchesAsync(amlodipine.Id), b => b.BatchId == earliest.BatchId).QuantityOnHand);
        Assert.DoesNotContain(await clinic.QueueAsync(), o => o.Id == order.Id);
        Assert.Equal("Dispensed", Assert.Single((await clinic.VisitAsync(visit.VisitId)).Prescriptions).Status);
    }

    [Fact]
    public async Task Daily_settlement_adds_up_the_payments_by_method()
    {
        var weChatBefore = await clinic.SettlementAsync("WeChat");
        var cashBefore = await clinic.SettlementAsync("Cash");

        var visit = await clinic.NewVisitAsync();
        var fee = await clinic.PayAsync(visit.VisitId, visit.ChargeIds, "WeChat");
        var lab = (await (await clinic.Doctor).GetAsync<List<PriceItemInfo>>("/api/v1/price-items?kind=Lab"))[^1];
        await (await clinic.Doctor).PostAsync<List<OrderRow>>($"/api/v1/visits/{visit.VisitId}/orders", new OrdersRequest([lab.Code]), HttpStatusCode.OK);
        var labReceipt = await clinic.PayOpenChargesAsync(visit.VisitId, "Cash");

        var weChat = await clinic.SettlementAsync("WeChat");
        var cash = await clinic.SettlementAsync("Cash");
        Assert.Equal((weChatBefore.PaymentCount + 1, weChatBefore.Payments + fee.Amount), (weChat.PaymentCount, weChat.Payments));
        Assert.Equal((cashBefore.PaymentCount + 1, cashBefore.Payments + lab.Price), (cash.PaymentCount, cash.Payments));
        Assert.Equal(lab.Price, labReceipt.Amount);
        Assert.Equal(cash.Payments - cash.Refunds, cash.Net);
    }

    [Fact]
    public async Task Saving_the_diagnoses_again_replaces_them()
    {
        var visit = await clinic.NewVisitAsync();
        var doc = await clinic.Doctor;
        await doc.PutAsync<List<DiagnosisRow>>($"/api/v1/visits/{visit.VisitId}/diagnoses", new DiagnosesRequest([new DiagnosisRequest("I10", true)]), HttpStatusCode.OK);

        var saved = await doc.PutAsync<List<DiagnosisRow>>($"/api/v1/visits/{visit.VisitId}/diagnoses",
            new DiagnosesRequest([new DiagnosisRequest("E11", false), new DiagnosisRequest("I10", true)]), HttpStatusCode.OK);

        Assert.Equal(["E11", "I10"], saved.Select(d => d.Code));
        var detail = await clinic.VisitAsync(visit.VisitId);
        Assert.Equal([("E11", false), ("I10", true)], detail.Diagnoses.Select(d => (d.Code, d.IsPrimary)));
    }

    /// <summary>Boxes for a daily dose over some days: whole tablets per dose, whole boxes in all.</summary>
    private static int ExpectedPacks(DrugInfo drug, decimal dose, int days) =>
        (int)Math.Ceiling(Math.Ceiling(dose / drug.DoseUnitsPerBaseUnit) * days / drug.BaseUnitsPerPack);
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOutpatientDayTests(SqliteHost host) : OutpatientDayTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOutpatientDayTests(PostgresHost host) : OutpatientDayTests(host);

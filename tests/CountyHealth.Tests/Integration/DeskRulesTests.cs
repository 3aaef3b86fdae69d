using System.Net;
using System.Text.RegularExpressions;
using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Payments;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Prescriptions;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Platform.Audit;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// The desks' rules over the API: numbers read aloud and counted per institution and day, cash tendered and change,
/// the total in capitals, the cashier's list naming the visit, a finished visit read-only until reopened with a
/// reason (audited), and the 处方笺 with the pharmacy's records.
/// </summary>
public abstract partial class DeskRulesTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task Document_numbers_are_prefix_day_and_a_sequence_that_counts_up()
    {
        var first = await clinic.NewVisitAsync();
        var second = await clinic.NewVisitAsync();
        var day = Clinic.Today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($"^MZ{day}-\\d{{4,}}$", first.VisitNumber);
        Assert.Equal(Sequence(first.VisitNumber) + 1, Sequence(second.VisitNumber));
        var drug = await clinic.NewDrugWithStockAsync(5);
        var rx = await clinic.PrescribeAsync(second.VisitId, drug.Id, 10m, "qd", 1);
        Assert.Matches($"^CF{day}-\\d{{4,}}$", rx.Number);
        var receipt = await clinic.PayOpenChargesAsync(second.VisitId, "Cash");
        Assert.Matches($"^SF{day}-\\d{{4,}}$", receipt.ReceiptNumber);
    }

    [Fact]
    public async Task Cash_tendered_gives_change_and_too_little_is_refused_with_the_amount_due()
    {
        var visit = await clinic.NewVisitAsync();
        var charges = await clinic.ChargesAsync(visit.VisitId);
        var open = charges.Charges.Where(c => c.Status == "Open").Select(c => c.Id).ToList();
        var cashier = await clinic.Cashier;

        using var tooLittle = await cashier.PostAsync("/api/v1/billing/payments", Clinic.Payment(visit.VisitId, open, "Cash") with { Tendered = charges.OpenAmount - 0.01m });
        var problem = await ApiClient.ReadAsync<Problem>(tooLittle, HttpStatusCode.BadRequest);
        Assert.Contains("实收金额不足", Assert.Single(problem.ErrorsOf("tendered")), StringComparison.Ordinal);
        Assert.All((await clinic.ChargesAsync(visit.VisitId)).Charges, c => Assert.Equal("Open", c.Status));

        var receipt = await cashier.PostAsync<Receipt>("/api/v1/billing/payments", Clinic.Payment(visit.VisitId, open, "Cash") with { Tendered = 50m }, HttpStatusCode.Created);
        Assert.Equal((50m, 50m - charges.OpenAmount), (receipt.Tendered, receipt.Change));
        Assert.EndsWith("整", receipt.AmountInWords, StringComparison.Ordinal);
        Assert.Equal(visit.VisitNumber, receipt.VisitNumber);
        Assert.Equal("内科", receipt.DepartmentName);
    }

    [Fact]
    public async Task The_cashiers_list_names_the_visit_its_department_and_doctor()
    {
        var visit = await clinic.NewVisitAsync();
        var pending = await (await clinic.Cashier).GetAsync<List<PendingVisit>>("/api/v1/billing/pending");
        var row = Assert.Single(pending, p => p.VisitId == visit.VisitId);
        Assert.Equal((visit.VisitNumber, "内科"), (row.VisitNumber, row.DepartmentName));
        Assert.False(string.IsNullOrEmpty(row.DoctorName));
    }

    [Fact]
    public async Task A_finished_visit_is_read_only_until_reopened_with_a_reason_which_is_audited()
    {
        var visit = await clinic.NewVisitAsync();
        var doctor = await clinic.Doctor;
        await doctor.PutAsync($"/api/v1/visits/{visit.VisitId}/record", Clinic.Record(130, 80), HttpStatusCode.NoContent);
        await doctor.PutAsync($"/api/v1/visits/{visit.VisitId}/diagnoses", new DiagnosesRequest([new DiagnosisRequest("I10", true)]), HttpStatusCode.OK);
        await doctor.PostAsync($"/api/v1/visits/{visit.VisitId}/finish", new { }, HttpStatusCode.NoContent);

        using var change = await doctor.PutAsync($"/api/v1/visits/{visit.VisitId}/record", Clinic.Record(150, 90));
        Assert.Contains("只读", (await ApiClient.ReadAsync<Problem>(change, HttpStatusCode.Conflict)).Title, StringComparison.Ordinal);
        using var again = await doctor.PostAsync($"/api/v1/visits/{visit.VisitId}/finish", new { });
        await ApiClient.ExpectStatusAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(130, (await clinic.VisitAsync(visit.VisitId)).Record.SystolicBp);

        using var noReason = await doctor.PostAsync($"/api/v1/visits/{visit.VisitId}/reopen", new ReopenRequest("补"));
        Assert.NotEmpty((await ApiClient.ReadAsync<Problem>(noReason, HttpStatusCode.BadRequest)).ErrorsOf("reason"));
        await doctor.PostAsync($"/api/v1/visits/{visit.VisitId}/reopen", new ReopenRequest("化验结果回报，补充诊断"), HttpStatusCode.NoContent);
        await doctor.PutAsync($"/api/v1/visits/{visit.VisitId}/record", Clinic.Record(150, 90), HttpStatusCode.NoContent);
        var detail = await clinic.VisitAsync(visit.VisitId);
        Assert.Equal((150, "化验结果回报，补充诊断", (string?)null), (detail.Record.SystolicBp, detail.ReopenReason, detail.ClosedReason));

        var rows = (await (await host.As(DemoAccounts.Admin)).GetAsync<Page<AuditRow>>($"/api/v1/audit?action=Reopen&document={visit.VisitNumber}")).Items;
        var row = Assert.Single(rows);
        Assert.Contains("化验结果回报", row.Detail, StringComparison.Ordinal);
        Assert.Equal(DemoAccounts.Doctor, row.UserName);
    }

    [Fact]
    public async Task The_prescription_slip_carries_its_type_lines_and_the_pharmacys_records()
    {
        var drug = await clinic.NewDrugWithStockAsync(5);
        var (visit, rx) = await clinic.PaidPrescriptionAsync(drug.Id, 10m, "bid", 3);
        var doctor = await clinic.Doctor;
        var before = await doctor.GetAsync<PrescriptionSlipView>($"/api/v1/prescriptions/{rx.Id}/slip");
        Assert.Equal(("Ordinary", "普通处方", visit.VisitNumber), (before.Type, before.TypeName, before.VisitNumber));
        Assert.Null(before.CheckedBy);
        var line = Assert.Single(before.Lines);
        Assert.Equal((drug.Name, "10mg", 1), (line.DrugName, line.Dose, line.Quantity));

        var order = await clinic.WaitingOrderAsync(rx.Number);
        var checker = (await (await clinic.Pharmacist).GetAsync<List<CountyHealth.Platform.Personnel.StaffRow>>("/api/v1/staff"))
            .FirstOrDefault(s => s.Name == "刘志刚");
        var done = await (await clinic.Pharmacist).PostAsync<CountyHealth.Pharmacy.Dispensing.DispenseResponse>($"/api/v1/pharmacy/dispensing/{order.Id}/dispense",
            new CountyHealth.Pharmacy.Dispensing.DispenseConfirmation(checker?.Id), HttpStatusCode.OK);
        var after = await doctor.GetAsync<PrescriptionSlipView>($"/api/v1/prescriptions/{rx.Id}/slip");
        Assert.Equal((done.DispensedBy, done.DispensedBy, done.CheckedBy), (after.ReviewedBy, after.DispensedBy, after.CheckedBy));
        Assert.NotNull(after.DispensedAtChina);

        using var cashierReads = await (await clinic.Cashier).GetAsync($"/api/v1/prescriptions/{rx.Id}/slip");
        Assert.Equal(HttpStatusCode.Forbidden, cashierReads.StatusCode);
    }

    private static int Sequence(string number) => int.Parse(SequencePattern().Match(number).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"-(\d+)$")]
    private static partial Regex SequencePattern();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDeskRulesTests(SqliteHost host) : DeskRulesTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDeskRulesTests(PostgresHost host) : DeskRulesTests(host);

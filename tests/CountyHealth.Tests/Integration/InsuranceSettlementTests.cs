using System.Net;
using CountyHealth.Billing.Insurance;
using CountyHealth.Billing.Payments;
using CountyHealth.Billing.Refunds;
using CountyHealth.Billing.Settlement;
using CountyHealth.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// 即时结报 through the API under the demo policy (城乡居民医保, a township centre's outpatient: 起付线 ¥50 a year, 60 %):
/// a visit of the 挂号费 (¥1, 自费) and five boxes of a 甲类 test drug (¥8.80 each) is ¥45.00, of which ¥44.00 is in scope.
/// The first visit of the year bears ¥44 of the deductible and gets nothing from the fund; the second bears the ¥6 left
/// and gets (44 − 6) × 60 % = ¥22.80.
/// </summary>
public abstract class InsuranceSettlementTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    private async Task<(Guid ResidentId, Guid DrugId)> EnrolledPatientAsync()
    {
        var resident = await clinic.RegisterResidentAsync();
        await clinic.EnrolAsync(resident.Id);
        var drug = await clinic.NewDrugWithStockAsync(100);
        return (resident.Id, drug.Id);
    }

    private async Task<Guid> VisitWithDrugAsync(Guid residentId, Guid drugId)
    {
        var visit = await clinic.RegisterVisitAsync(residentId);
        await clinic.PrescribeAsync(visit.VisitId, drugId, 10m, "qd", 50);
        return visit.VisitId;
    }

    [Fact]
    public async Task A_visit_is_settled_step_by_step_paid_for_its_share_and_the_deductible_carries_over_the_year()
    {
        var (resident, drug) = await EnrolledPatientAsync();
        var first = await clinic.SettleOpenChargesAsync(await VisitWithDrugAsync(resident, drug));

        Assert.Equal((45.00m, 1.00m, 0m, 44.00m, 44.00m, 0m, 45.00m), (first.Total, first.Excluded, first.ClassBSelfPaid, first.Eligible, first.DeductibleApplied, first.FundPays, first.PersonPays));
        Assert.Equal("城乡居民基本医疗保险", first.SchemeName);
        Assert.Equal("乡镇卫生院", first.LevelName);
        Assert.Equal("Settled", first.Status);
        Assert.Contains("乡镇卫生院门诊起付线¥50.00，按年度累计；本年已计¥0.00，尚余¥50.00", first.Steps.Single(s => s.Code == "deductible").Rule, StringComparison.Ordinal);
        Assert.Equal(2, first.ChargeIds.Count);

        var secondVisit = await VisitWithDrugAsync(resident, drug);
        var second = await clinic.SettleOpenChargesAsync(secondVisit);
        Assert.Equal((44.00m, 6.00m, 22.80m, 22.20m), (second.DeductibleMetBefore, second.DeductibleApplied, second.FundPays, second.PersonPays));

        // The cashier takes the patient's share only; the receipt and the day's settlement say what the fund pays.
        var receipt = await (await clinic.Cashier).PostAsync<Receipt>("/api/v1/billing/payments",
            new PaymentRequest(Guid.NewGuid().ToString("N"), secondVisit, second.ChargeIds, "Cash", 50m), HttpStatusCode.Created);
        Assert.Equal((45.00m, 22.80m, 22.20m, 27.80m), (receipt.Amount, receipt.FundAmount, receipt.PersonAmount, receipt.Change));
        Assert.Equal(second.Id, receipt.SettlementId);
        Assert.Equal("Paid", (await (await clinic.Cashier).GetAsync<SettlementView>($"/api/v1/billing/insurance/settlements/{second.Id}")).Status);
        var day = await (await clinic.Cashier).GetAsync<SettlementReport>("/api/v1/billing/settlement");
        var entry = Assert.Single(day.Entries, e => e.Number == receipt.ReceiptNumber);
        Assert.Equal((22.20m, 22.80m), (entry.Amount, entry.FundAmount));
    }

    [Fact]
    public async Task A_settled_visit_is_paid_whole_and_less_than_the_patients_share_is_refused()
    {
        var (resident, drug) = await EnrolledPatientAsync();
        var visit = await VisitWithDrugAsync(resident, drug);
        await clinic.SettleOpenChargesAsync(visit);
        var secondVisit = await VisitWithDrugAsync(resident, drug);
        var s = await clinic.SettleOpenChargesAsync(secondVisit);
        var cashier = await clinic.Cashier;

        var part = await cashier.PostAsync("/api/v1/billing/payments", new PaymentRequest(Guid.NewGuid().ToString("N"), secondVisit, [s.ChargeIds[0]], "Cash", null));
        Assert.Contains("整单收费", await part.MessageAsync(HttpStatusCode.BadRequest, "chargeIds"), StringComparison.Ordinal);
        var tooLittle = await cashier.PostAsync("/api/v1/billing/payments", new PaymentRequest(Guid.NewGuid().ToString("N"), secondVisit, s.ChargeIds, "Cash", 22.19m));
        Assert.Contains("应收¥22.20", await tooLittle.MessageAsync(HttpStatusCode.BadRequest, "tendered"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reversal_gives_the_year_back_and_settling_again_gives_the_same_result()
    {
        var (resident, drug) = await EnrolledPatientAsync();
        var visit = await VisitWithDrugAsync(resident, drug);
        var first = await clinic.SettleOpenChargesAsync(visit);
        var cashier = await clinic.Cashier;

        var noReason = await cashier.PostAsync($"/api/v1/billing/insurance/settlements/{first.Id}/reversal", new SettlementReversalRequest(" "));
        Assert.Contains("原因", await noReason.MessageAsync(HttpStatusCode.BadRequest, "reason"), StringComparison.Ordinal);
        var reversed = await cashier.PostAsync<SettlementView>($"/api/v1/billing/insurance/settlements/{first.Id}/reversal", new SettlementReversalRequest("项目录入有误"), HttpStatusCode.OK);
        Assert.Equal(("Reversed", "项目录入有误"), (reversed.Status, reversed.ReversalReason));
        Assert.All((await clinic.ChargesAsync(visit)).Charges, c => Assert.Null(c.SettlementId));

        var again = await clinic.SettleOpenChargesAsync(visit);
        Assert.NotEqual(first.Id, again.Id);
        Assert.Equal((first.DeductibleMetBefore, first.FundPaidBefore, first.DeductibleApplied, first.FundPays, first.PersonPays),
            (again.DeductibleMetBefore, again.FundPaidBefore, again.DeductibleApplied, again.FundPays, again.PersonPays));
        Assert.Equal(first.Steps.Select(x => (x.Code, x.Amount, x.Rule)), again.Steps.Select(x => (x.Code, x.Amount, x.Rule)));
    }

    [Fact]
    public async Task A_settled_receipt_is_refunded_whole_giving_the_fund_and_the_year_their_share_back()
    {
        var (resident, drug) = await EnrolledPatientAsync();
        await clinic.SettleOpenChargesAsync(await VisitWithDrugAsync(resident, drug));
        var visit = await VisitWithDrugAsync(resident, drug);
        var s = await clinic.SettleOpenChargesAsync(visit);
        var receipt = await clinic.PayAsync(visit, s.ChargeIds, "WeChat");
        var cashier = await clinic.Cashier;

        var part = await cashier.PostAsync("/api/v1/billing/refunds", new RefundRequest(Guid.NewGuid().ToString("N"), [s.ChargeIds[0]], "退挂号费"));
        Assert.Contains("整张收据退费", await part.MessageAsync(HttpStatusCode.BadRequest, "chargeIds"), StringComparison.Ordinal);
        var refund = await cashier.PostAsync<RefundResponse>("/api/v1/billing/refunds", new RefundRequest(Guid.NewGuid().ToString("N"), s.ChargeIds, "患者要求退费"), HttpStatusCode.Created);
        Assert.Equal((22.20m, 22.80m, "微信"), (refund.Amount, refund.FundAmount, refund.MethodName));
        var after = await cashier.GetAsync<SettlementView>($"/api/v1/billing/insurance/settlements/{s.Id}");
        Assert.Equal("Reversed", after.Status);
        Assert.StartsWith("退费：", after.ReversalReason, StringComparison.Ordinal);
        Assert.Equal(receipt.PaymentId, (await cashier.GetAsync<Receipt>($"/api/v1/billing/payments/{receipt.PaymentId}/receipt")).PaymentId);

        // The next visit starts from the year as it was before the refunded one.
        var next = await clinic.SettleOpenChargesAsync(await VisitWithDrugAsync(resident, drug));
        Assert.Equal((44.00m, 0m, 6.00m, 22.80m), (next.DeductibleMetBefore, next.FundPaidBefore, next.DeductibleApplied, next.FundPays));
    }

    [Fact]
    public async Task Two_settlements_of_one_person_at_once_never_spend_the_same_deductible()
    {
        var (resident, drug) = await EnrolledPatientAsync();
        var visits = new[] { await VisitWithDrugAsync(resident, drug), await VisitWithDrugAsync(resident, drug) };
        var cashier = await clinic.Cashier;
        var open = new List<List<Guid>>();
        foreach (var v in visits)
        {
            open.Add((await clinic.ChargesAsync(v)).Charges.Select(c => c.Id).ToList());
        }
        var replies = await ApiClient.AllAtOnceAsync(
            cashier.PostAsync("/api/v1/billing/insurance/settlements", new SettlementRequest(Guid.NewGuid().ToString("N"), visits[0], open[0])),
            cashier.PostAsync("/api/v1/billing/insurance/settlements", new SettlementRequest(Guid.NewGuid().ToString("N"), visits[1], open[1])));
        Assert.All(replies, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        var both = replies.Select(r => r.Read<SettlementView>()).OrderBy(s => s.DeductibleMetBefore).ToList();
        Assert.Equal((0m, 44.00m), (both[0].DeductibleMetBefore, both[1].DeductibleMetBefore));
        Assert.Equal(50.00m, both.Sum(s => s.DeductibleApplied));
        Assert.Equal(22.80m, both.Sum(s => s.FundPays));
    }

    [Fact]
    public async Task The_same_charges_settled_twice_at_once_are_settled_once()
    {
        var (resident, drug) = await EnrolledPatientAsync();
        var visit = await VisitWithDrugAsync(resident, drug);
        var ids = (await clinic.ChargesAsync(visit)).Charges.Select(c => c.Id).ToList();
        var cashier = await clinic.Cashier;
        var replies = await ApiClient.AllAtOnceAsync(
            cashier.PostAsync("/api/v1/billing/insurance/settlements", new SettlementRequest(Guid.NewGuid().ToString("N"), visit, ids)),
            cashier.PostAsync("/api/v1/billing/insurance/settlements", new SettlementRequest(Guid.NewGuid().ToString("N"), visit, ids)));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], replies.Select(r => r.Status).Order());
        var requestId = Guid.NewGuid().ToString("N");
        var other = await VisitWithDrugAsync(resident, drug);
        var first = await clinic.SettleOpenChargesAsync(other, requestId);
        var retried = await cashier.PostAsync<SettlementView>("/api/v1/billing/insurance/settlements",
            new SettlementRequest(requestId, other, first.ChargeIds), HttpStatusCode.OK);
        Assert.Equal((first.Id, true), (retried.Id, retried.Replayed));
    }

    [Fact]
    public async Task The_fund_statistics_count_the_settlements_not_reversed_and_each_figure_is_the_sum_of_its_records()
    {
        var (resident, drug) = await EnrolledPatientAsync();
        await clinic.SettleOpenChargesAsync(await VisitWithDrugAsync(resident, drug));
        var visit = await VisitWithDrugAsync(resident, drug);
        var paid = await clinic.SettleOpenChargesAsync(visit);
        await clinic.PayAsync(visit, paid.ChargeIds, "Cash");
        var reversedVisit = await VisitWithDrugAsync(resident, drug);
        var reversed = await clinic.SettleOpenChargesAsync(reversedVisit);
        await (await clinic.Cashier).PostAsync<SettlementView>($"/api/v1/billing/insurance/settlements/{reversed.Id}/reversal", new SettlementReversalRequest("录入有误"), HttpStatusCode.OK);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await CountyHealth.Indicators.MonthlyTables.RefreshAsync(scope.ServiceProvider, CancellationToken.None);
        }

        var bureau = await host.As(DemoAccounts.Bureau);
        var month = $"{Clinic.Today:yyyy-MM}";
        var report = await bureau.GetAsync<CountyHealth.Indicators.Figures.StatisticsReport>($"/api/v1/indicators/statistics?kind=month&month={month}&codes=YB07,YB08,YB04,YB05");
        var centre = report.Rows.Single(r => r.Name == "葛仙庄镇卫生院");
        var fund = await RecordsAsync(bureau, "YB07", centre.InstitutionId!.Value, month);
        Assert.Contains(fund, r => r.Number == paid.Number && r.Value == 22.80m);
        Assert.DoesNotContain(fund, r => r.Number == reversed.Number);
        var fundCell = centre.Cells.Single(c => c.Code == "YB07");
        Assert.Equal(fund.Sum(r => r.Value), fundCell.Value);
        var ratio = centre.Cells.Single(c => c.Code == "YB08");
        Assert.Equal(fundCell.Value, ratio.Numerator);
        Assert.True(ratio.Denominator > ratio.Numerator, "the eligible expenses are more than the fund paid");

        // The patient is kept by the centre: she is among its beneficiaries of the year, once however many payments.
        var people = await RecordsAsync(bureau, "YB04", centre.InstitutionId!.Value, month);
        Assert.Contains(people, r => r.Number == paid.Number);
        var share = centre.Cells.Single(c => c.Code == "YB05");
        Assert.Equal(centre.Cells.Single(c => c.Code == "YB04").Value, share.Numerator);
        Assert.True(share.Denominator >= share.Numerator);
    }

    private static async Task<List<CountyHealth.Indicators.Contracts.FactRecord>> RecordsAsync(ApiClient bureau, string code, Guid institution, string month)
    {
        var records = new List<CountyHealth.Indicators.Contracts.FactRecord>();
        for (var page = 1; ; page++)
        {
            var found = await bureau.GetAsync<CountyHealth.Indicators.Figures.FigureRecords>($"/api/v1/indicators/{code}/records?institution={institution}&month={month}&term=0&page={page}");
            records.AddRange(found.Records);
            if (!found.HasMore)
            {
                return records;
            }
        }
    }

    [Fact]
    public async Task A_settled_prescription_cannot_change_until_the_settlement_is_reversed()
    {
        var (resident, drug) = await EnrolledPatientAsync();
        var visit = await VisitWithDrugAsync(resident, drug);
        var s = await clinic.SettleOpenChargesAsync(visit);
        var prescription = Assert.Single((await clinic.VisitAsync(visit)).Prescriptions);
        var doctor = await clinic.Doctor;
        var change = await doctor.PutAsync($"/api/v1/prescriptions/{prescription.Id}", Clinic.Prescription(drug, 10m, "qd", 30));
        Assert.Contains("撤销结算", await change.MessageAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
        var cancel = await doctor.DeleteAsync($"/api/v1/prescriptions/{prescription.Id}");
        Assert.Contains("撤销结算", await cancel.MessageAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);

        await (await clinic.Cashier).PostAsync<SettlementView>($"/api/v1/billing/insurance/settlements/{s.Id}/reversal", new SettlementReversalRequest("医生调整处方"), HttpStatusCode.OK);
        await doctor.PutAsync($"/api/v1/prescriptions/{prescription.Id}", Clinic.Prescription(drug, 10m, "qd", 30), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_patient_not_enrolled_this_year_is_told_to_pay_in_full()
    {
        var resident = await clinic.RegisterResidentAsync();
        var visit = await clinic.RegisterVisitAsync(resident.Id);
        var ids = (await clinic.ChargesAsync(visit.VisitId)).Charges.Select(c => c.Id).ToList();
        Assert.Null((await clinic.ChargesAsync(visit.VisitId)).SchemeName);
        var response = await (await clinic.Cashier).PostAsync("/api/v1/billing/insurance/settlements", new SettlementRequest(Guid.NewGuid().ToString("N"), visit.VisitId, ids));
        Assert.Contains($"未登记{Clinic.Today.Year}年度参保", await response.MessageAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);

        await clinic.EnrolAsync(resident.Id);
        Assert.Equal("城乡居民基本医疗保险", (await clinic.ChargesAsync(visit.VisitId)).SchemeName);
        var twice = await (await clinic.Cashier).PostAsync("/api/v1/billing/insurance/enrolments", new EnrolmentRequest(resident.Id, "CXJM", Clinic.Today.Year));
        Assert.Contains("已登记", await twice.MessageAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cap_is_never_exceeded_over_a_year_of_visits()
    {
        // A policy of the employees' scheme from today with a ¥30 cap, no deductible and 90 % at a township centre.
        var admin = await host.As("admin");
        await admin.PostAsync<PolicyView>("/api/v1/billing/insurance/policies", new PolicyRequest("ZGYB", "封顶线测试方案", Clinic.Today, 0m, 0m, 30m, 0.1m, 70, 0m,
            [new("Outpatient", "Township", 0m, 0.9m, 0m)]), HttpStatusCode.Created);
        var resident = await clinic.RegisterResidentAsync();
        await (await clinic.Cashier).PostAsync<EnrolmentRow>("/api/v1/billing/insurance/enrolments", new EnrolmentRequest(resident.Id, "ZGYB", Clinic.Today.Year), HttpStatusCode.Created);
        var drug = await clinic.NewDrugWithStockAsync(100);
        var settlements = new List<SettlementView>();
        for (var i = 0; i < 3; i++)
        {
            settlements.Add(await clinic.SettleOpenChargesAsync(await VisitWithDrugAsync(resident.Id, drug.Id)));
        }
        // 44 × 90 % = 39.60 a visit: the first gets the ¥30 of the cap, the others nothing, and say why.
        Assert.Equal([30.00m, 0m, 0m], settlements.Select(s => s.FundPays));
        Assert.All(settlements, s => Assert.Equal(s.Total, s.FundPays + s.PersonPays));
        Assert.Contains("超出部分", settlements[0].Steps.Single(s => s.Code == "cap").Rule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_never_begins_in_the_past_and_its_figures_are_checked()
    {
        var admin = await host.As("admin");
        var past = await admin.PostAsync("/api/v1/billing/insurance/policies", new PolicyRequest("CXJM", "补录方案", Clinic.Today.AddDays(-1), 400m, 700m, 150_000m, 0.1m, 70, 0.2m,
            [new("Outpatient", "Township", 50m, 0.6m, 0m)]));
        Assert.Contains("不能早于今天", await past.MessageAsync(HttpStatusCode.BadRequest, "effectiveFrom"), StringComparison.Ordinal);
        var ratio = await admin.PostAsync("/api/v1/billing/insurance/policies", new PolicyRequest("CXJM", "比例有误", Clinic.Today.AddYears(3), 400m, 700m, 150_000m, 0.1m, 70, 0.2m,
            [new("Outpatient", "Township", 50m, 1.2m, 0m), new("Outpatient", "Township", 50m, 0.6m, 0m)]));
        var problem = await ratio.MessageAsync(HttpStatusCode.BadRequest, "rates[0].ratio");
        Assert.Contains("乡镇卫生院门诊报销比例", problem, StringComparison.Ordinal);
        var cashier = await clinic.Cashier;
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.PostAsync("/api/v1/billing/insurance/policies", new { })).StatusCode);
        var policies = await cashier.GetAsync<List<PolicyView>>("/api/v1/billing/insurance/policies");
        Assert.Contains(policies, p => p.SchemeCode == "CXJM" && p.InForce && p.Rates.Any(r => r.Level == "Township" && r.Setting == "Outpatient" && r.Deductible == 50m));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteInsuranceSettlementTests(SqliteHost host) : InsuranceSettlementTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresInsuranceSettlementTests(PostgresHost host) : InsuranceSettlementTests(host);

using System.Net;
using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Payments;
using CountyHealth.Billing.Refunds;
using CountyHealth.Billing.Settlement;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Orders;
using CountyHealth.Outpatient.Prescriptions;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Dispensing;
using CountyHealth.Pharmacy.Stock;
using CountyHealth.Platform.Accounts;
using CountyHealth.Platform.Audit;
using CountyHealth.Platform.Institutions;
using CountyHealth.Platform.Personnel;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Households;
using CountyHealth.Residents.ResidentIndex;
using CountyHealth.Tests.Support;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>The steps of an outpatient day at 葛仙庄镇卫生院 through the API, each asserting that it succeeded.</summary>
public sealed class Clinic(CountyHealthFactory host)
{
    /// <summary>Today in China, as the in-process hosts see it (their clock starts at ten in the morning of it).</summary>
    public static DateOnly Today => TestClock.Today;

    public Task<ApiClient> Cashier => host.As(DemoAccounts.Cashier);
    public Task<ApiClient> Doctor => host.As(DemoAccounts.Doctor);
    public Task<ApiClient> Pharmacist => host.As(DemoAccounts.Pharmacist);

    /// <summary>The county catalogue is the administrator's (least privilege: a pharmacy stocks drugs, it does not define them).</summary>
    public Task<ApiClient> Admin => host.As(DemoAccounts.Admin);

    public async Task<ResidentRow> RegisterResidentAsync(NewResident resident)
    {
        var registered = await (await Cashier).PostAsync<ResidentRegistered>("/api/v1/residents", resident.ToRequest(), HttpStatusCode.Created);
        Assert.False(registered.Existing);
        return registered.Resident;
    }

    public async Task<ResidentRow> RegisterResidentAsync() => await RegisterResidentAsync(TestData.Resident());

    public async Task<DepartmentRow> InternalMedicineAsync()
    {
        var departments = await (await Cashier).GetAsync<List<DepartmentRow>>("/api/v1/departments");
        return Assert.Single(departments, d => d.Name == "内科");
    }

    public async Task<StaffRow> DoctorStaffAsync()
    {
        var doctors = await (await Cashier).GetAsync<List<StaffRow>>("/api/v1/staff?role=doctor");
        return Assert.Single(doctors, s => s.UserName == DemoAccounts.Doctor);
    }

    public async Task<VisitRegistered> RegisterVisitAsync(Guid residentId)
    {
        var department = await InternalMedicineAsync();
        var doctor = await DoctorStaffAsync();
        return await (await Cashier).PostAsync<VisitRegistered>("/api/v1/visits", new VisitRequest(residentId, department.Id, doctor.Id, null), HttpStatusCode.Created);
    }

    /// <summary>A new resident with a new visit at 内科.</summary>
    public async Task<VisitRegistered> NewVisitAsync() => await RegisterVisitAsync((await RegisterResidentAsync()).Id);

    public async Task<Receipt> PayAsync(Guid visitId, IReadOnlyList<Guid> chargeIds, string method, string? requestId = null) =>
        await (await Cashier).PostAsync<Receipt>("/api/v1/billing/payments", Payment(visitId, chargeIds, method, requestId), HttpStatusCode.Created);

    public static PaymentRequest Payment(Guid visitId, IReadOnlyList<Guid> chargeIds, string method, string? requestId = null) =>
        new(requestId ?? Guid.NewGuid().ToString("N"), visitId, chargeIds, method);

    /// <summary>Enrols the resident in the residents' scheme (城乡居民医保) for this year, as the centre's cashier.</summary>
    public async Task<CountyHealth.Billing.Insurance.EnrolmentRow> EnrolAsync(Guid residentId, int? year = null) =>
        await (await Cashier).PostAsync<CountyHealth.Billing.Insurance.EnrolmentRow>("/api/v1/billing/insurance/enrolments",
            new CountyHealth.Billing.Insurance.EnrolmentRequest(residentId, "CXJM", year ?? Today.Year), HttpStatusCode.Created);

    /// <summary>Settles every open charge of the visit with the patient's insurance.</summary>
    public async Task<CountyHealth.Billing.Insurance.SettlementView> SettleOpenChargesAsync(Guid visitId, string? requestId = null)
    {
        var open = (await ChargesAsync(visitId)).Charges.Where(c => c.Status == "Open" && c.SettlementId is null).Select(c => c.Id).ToList();
        return await (await Cashier).PostAsync<CountyHealth.Billing.Insurance.SettlementView>("/api/v1/billing/insurance/settlements",
            new CountyHealth.Billing.Insurance.SettlementRequest(requestId ?? Guid.NewGuid().ToString("N"), visitId, open), HttpStatusCode.Created);
    }

    public async Task<VisitCharges> ChargesAsync(Guid visitId) =>
        await (await Cashier).GetAsync<VisitCharges>($"/api/v1/billing/visits/{visitId}/charges");

    /// <summary>Pays every open charge of the visit.</summary>
    public async Task<Receipt> PayOpenChargesAsync(Guid visitId, string method)
    {
        var open = (await ChargesAsync(visitId)).Charges.Where(c => c.Status == "Open").Select(c => c.Id).ToList();
        Assert.NotEmpty(open);
        return await PayAsync(visitId, open, method);
    }

    public async Task<DrugInfo> FindDrugAsync(string query, string name)
    {
        var drugs = await (await Doctor).GetAsync<List<DrugInfo>>($"/api/v1/drugs?q={Uri.EscapeDataString(query)}");
        return Assert.Single(drugs, d => d.Name == name);
    }

    public async Task<PrescriptionRow> PrescribeAsync(Guid visitId, Guid drugId, decimal dose, string frequency, int days) =>
        await (await Doctor).PostAsync<PrescriptionRow>($"/api/v1/visits/{visitId}/prescriptions", Prescription(drugId, dose, frequency, days), HttpStatusCode.Created);

    public static PrescriptionRequest Prescription(Guid drugId, decimal dose, string frequency, int days) =>
        new([new PrescriptionItemRequest(drugId, dose, frequency, null, days)]);

    public async Task<VisitDetail> VisitAsync(Guid visitId) => await (await Doctor).GetAsync<VisitDetail>($"/api/v1/visits/{visitId}");

    /// <summary>A new drug (10 mg tablets, 10 per box, ¥8.80 a box) with no stock.</summary>
    public async Task<DrugInfo> NewDrugAsync()
    {
        var code = TestData.Code("IT");
        var request = new DrugRequest(code, "测试片" + code, "10mg×10片", "片剂", "mg", 10m, "片", 10, "盒", "口服", "qd", 10m, 8.80m, "测试制药厂", false, CountyHealth.Kernel.Amounts.InsuranceClass.ClassA);
        return await (await Admin).PostAsync<DrugInfo>("/api/v1/drugs", request, HttpStatusCode.Created);
    }

    public async Task<StockRow> ReceiveAsync(Guid drugId, int packs, DateOnly expiry) =>
        await (await Pharmacist).PostAsync<StockRow>("/api/v1/pharmacy/receipts",
            new ReceiptRequest(drugId, TestData.Code("B"), expiry, packs, 5.00m, 8.80m, "冀中医药物流有限公司"), HttpStatusCode.Created);

    public async Task<DrugInfo> NewDrugWithStockAsync(int packs)
    {
        var drug = await NewDrugAsync();
        await ReceiveAsync(drug.Id, packs, Today.AddYears(2));
        return drug;
    }

    /// <summary>A new resident's visit with a prescription of the drug, paid in full (registration and prescription).</summary>
    public async Task<(VisitRegistered Visit, PrescriptionRow Prescription)> PaidPrescriptionAsync(Guid drugId, decimal dose, string frequency, int days)
    {
        var visit = await NewVisitAsync();
        var prescription = await PrescribeAsync(visit.VisitId, drugId, dose, frequency, days);
        await PayOpenChargesAsync(visit.VisitId, "Cash");
        return (visit, prescription);
    }

    public async Task<List<DispenseOrderRow>> QueueAsync(ApiClient? pharmacist = null) =>
        await (pharmacist ?? await Pharmacist).GetAsync<List<DispenseOrderRow>>("/api/v1/pharmacy/dispensing");

    public async Task<DispenseOrderRow> WaitingOrderAsync(string prescriptionNumber) =>
        Assert.Single(await QueueAsync(), o => o.PrescriptionNumber == prescriptionNumber);

    public async Task<DispenseResponse> DispenseAsync(Guid orderId) =>
        await (await Pharmacist).PostAsync<DispenseResponse>($"/api/v1/pharmacy/dispensing/{orderId}/dispense", new { }, HttpStatusCode.OK);

    public async Task<List<StockRow>> BatchesAsync(Guid drugId) =>
        await (await Pharmacist).GetAsync<List<StockRow>>($"/api/v1/pharmacy/batches?drugId={drugId}&includeEmpty=true");

    public async Task<int> OnHandAsync(Guid drugId, string query)
    {
        var stock = await (await Pharmacist).GetAsync<List<DrugStockRow>>($"/api/v1/pharmacy/stock?q={Uri.EscapeDataString(query)}");
        return Assert.Single(stock, s => s.DrugId == drugId).OnHand;
    }

    public async Task<SettlementRow> SettlementAsync(string method)
    {
        var report = await (await Cashier).GetAsync<SettlementReport>("/api/v1/billing/settlement");
        return Assert.Single(report.Lines, l => l.Method == method);
    }

    public async Task<Page<ResidentRow>> SearchResidentsAsync(string query) =>
        await (await Cashier).GetAsync<Page<ResidentRow>>($"/api/v1/residents?q={Uri.EscapeDataString(query)}&pageSize=100");

    /// <summary>A consultation record with the given blood pressure and plausible other vitals (BMI 24.2).</summary>
    public static RecordRequest Record(int? systolic, int? diastolic) =>
        new("头晕3天", "3天前无明显诱因出现头晕", "高血压病史5年", "无", "神清，心肺未见异常", "低盐饮食，规律服药",
            systolic, diastolic, 36.5m, 78, 18, 70m, 170m, 5.6m);

    public static ChargeRow ChargeOf(VisitCharges charges, string kind) =>
        Assert.Single(charges.Charges, c => c.Kind == kind);
}

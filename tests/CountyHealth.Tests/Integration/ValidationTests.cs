using System.Net;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Stock;
using CountyHealth.Platform.Accounts;
using CountyHealth.Platform.Institutions;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>Bad input is refused with 400, a Chinese message on the field, and nothing saved.</summary>
public abstract class ValidationTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task An_id_number_with_a_wrong_check_digit_is_refused_on_idNumber()
    {
        var resident = TestData.Resident();
        var badId = resident.IdNumber[..17] + WrongCheckChar(resident.IdNumber);

        var problem = await RegisterExpectingProblemAsync(resident with { IdNumber = badId });

        Assert.Contains("校验位错误", Assert.Single(problem.ErrorsOf("idNumber")));
        await AssertNotRegisteredAsync(resident);
    }

    [Fact]
    public async Task A_birth_date_in_the_future_is_refused_on_birthDate()
    {
        var resident = TestData.Resident();
        var future = Clinic.Today.AddDays(30);

        var problem = await RegisterExpectingProblemAsync(resident with { IdNumber = "", BirthDate = future });

        Assert.Equal("出生日期不能晚于今天", Assert.Single(problem.ErrorsOf("birthDate")));
        await AssertNotRegisteredAsync(resident);
    }

    [Fact]
    public async Task A_sex_that_disagrees_with_the_id_number_is_refused_on_sex()
    {
        var resident = TestData.Resident(Sex.Male);

        var problem = await RegisterExpectingProblemAsync(resident with { Sex = Sex.Female });

        Assert.Equal("性别与身份证号码不符（号码显示为男）", Assert.Single(problem.ErrorsOf("sex")));
        await AssertNotRegisteredAsync(resident);
    }

    [Fact]
    public async Task An_impossible_blood_pressure_is_refused_on_both_fields()
    {
        var visit = await clinic.NewVisitAsync();

        using var response = await (await clinic.Doctor).PutAsync($"/api/v1/visits/{visit.VisitId}/record", Clinic.Record(400, 20));
        var problem = await ApiClient.ReadAsync<Problem>(response, HttpStatusCode.BadRequest);

        Assert.Equal("收缩压应在60～300mmHg之间", Assert.Single(problem.ErrorsOf("systolicBp")));
        Assert.Equal("舒张压应在30～200mmHg之间", Assert.Single(problem.ErrorsOf("diastolicBp")));
        var detail = await clinic.VisitAsync(visit.VisitId);
        Assert.Null(detail.Record.SystolicBp);
        Assert.Null(detail.Record.ChiefComplaint);
        Assert.Equal("Waiting", detail.Status);
    }

    [Fact]
    public async Task A_dose_of_zero_is_refused_on_the_item()
    {
        var visit = await clinic.NewVisitAsync();
        var amlodipine = await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片");

        var problem = await PrescribeExpectingProblemAsync(visit.VisitId, amlodipine.Id, 0m);

        Assert.Equal("苯磺酸氨氯地平片的单次剂量必须大于0", Assert.Single(problem.ErrorsOf("items[0].dose")));
        await AssertNothingPrescribedAsync(visit.VisitId);
    }

    /// <summary>The inputs that once reached a 500 or were stored, each now a 400 naming its field (and nothing stored).</summary>
    [Theory]
    [InlineData("POST", "/api/v1/drugs", "{\"code\":\"X1\",\"name\":\"测试\"}", "dosageForm")]
    [InlineData("POST", "/api/v1/institutions", "{}", "code")]
    [InlineData("POST", "/api/v1/departments", "{\"institutionId\":\"00000000-0000-0000-0000-000000000001\",\"isClinical\":true}", "name")]
    [InlineData("POST", "/api/v1/users", "{\"userName\":\"zz\",\"fullName\":\"某\",\"password\":\"Abcdef12\",\"institutionId\":\"00000000-0000-0000-0000-000000000001\",\"staffId\":null,\"roles\":[null]}", "roles[0]")]
    [InlineData("GET", "/api/v1/audit?from=0001-01-01", null, "from")]
    [InlineData("GET", "/api/v1/departments?institutionId=abc", null, "institutionId")]
    [InlineData("POST", "/api/v1/residents", "{\"name\":\"张\\u202E三\",\"sex\":1,\"birthDate\":\"1980-01-01\",\"idNumber\":null,\"phone\":null,\"address\":null,\"ethnicity\":null}", "name")]
    [InlineData("POST", "/api/v1/residents", "{\"name\":\"张三\",\"sex\":1,\"birthDate\":\"2026-02-30\",\"idNumber\":null,\"phone\":null,\"address\":null,\"ethnicity\":null}", "birthDate")]
    [InlineData("POST", "/api/v1/residents", "", "body")]
    public async Task Bad_input_is_a_chinese_400_naming_the_field(string method, string url, string? body, string field)
    {
        var user = url.Contains("residents", StringComparison.Ordinal) ? DemoAccounts.Cashier : DemoAccounts.Admin;
        var client = await host.As(user);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        var problem = await ApiClient.ReadAsync<Problem>(response, HttpStatusCode.BadRequest);
        Assert.Equal("输入有误", problem.Title);
        Assert.Contains(problem.ErrorsOf(field), m => m.Any(c => c is >= '\u4e00' and <= '\u9fff'));
    }

    [Fact]
    public async Task An_institution_cannot_take_a_code_in_use_or_an_unknown_parent_and_an_account_needs_a_real_staff_member()
    {
        var admin = await host.As(DemoAccounts.Admin);
        var institutions = await admin.GetAsync<List<InstitutionRow>>("/api/v1/institutions");
        var township = institutions.Single(i => i.Name == "葛仙庄镇卫生院");
        var other = institutions.First(i => i.Id != township.Id);
        var request = new InstitutionRequest(other.Code, township.Name, township.Kind, township.ParentId, null, null, false);

        using (var taken = await admin.PutAsync($"/api/v1/institutions/{township.Id}", request))
        {
            Assert.Equal("机构编码已存在", Assert.Single((await ApiClient.ReadAsync<Problem>(taken, HttpStatusCode.BadRequest)).ErrorsOf("code")));
        }
        using (var orphan = await admin.PutAsync($"/api/v1/institutions/{township.Id}", request with { Code = township.Code, ParentId = Guid.NewGuid() }))
        {
            Assert.Equal("上级机构不存在", Assert.Single((await ApiClient.ReadAsync<Problem>(orphan, HttpStatusCode.BadRequest)).ErrorsOf("parentId")));
        }
        using var ghost = await admin.PostAsync("/api/v1/users", new UserRequest(TestData.Code("gh."), "某", "Ghost2026", township.Id, Guid.NewGuid(), ["cashier"]));
        Assert.Equal("人员不存在或不属于该机构", Assert.Single((await ApiClient.ReadAsync<Problem>(ghost, HttpStatusCode.BadRequest)).ErrorsOf("staffId")));
        Assert.Equal(township.Code, (await admin.GetAsync<List<InstitutionRow>>("/api/v1/institutions")).Single(i => i.Id == township.Id).Code);
    }

    [Fact]
    public async Task A_put_refuses_what_it_was_not_given_instead_of_wiping_it()
    {
        var visit = await clinic.NewVisitAsync();
        var doctor = await clinic.Doctor;
        await doctor.PutAsync($"/api/v1/visits/{visit.VisitId}/record", Clinic.Record(150, 95));

        using (var empty = await doctor.PutAsync($"/api/v1/visits/{visit.VisitId}/record", new { }))
        {
            Assert.NotEmpty((await ApiClient.ReadAsync<Problem>(empty, HttpStatusCode.BadRequest)).ErrorsOf("chiefComplaint"));
        }
        using (var noDiagnoses = await doctor.PutAsync($"/api/v1/visits/{visit.VisitId}/diagnoses", new { }))
        {
            Assert.NotEmpty((await ApiClient.ReadAsync<Problem>(noDiagnoses, HttpStatusCode.BadRequest)).ErrorsOf("diagnoses"));
        }
        Assert.Equal(150, (await clinic.VisitAsync(visit.VisitId)).Record.SystolicBp);
    }

    [Fact]
    public async Task Drug_doses_prices_and_expiry_dates_must_be_plausible()
    {
        var admin = await host.As(DemoAccounts.Admin);
        var request = new DrugRequest(TestData.Code("PL"), "测试片", "10mg×10片", "片剂", "mg", 10m, "片", 10, "盒", "口服", "qd", -1m, 2_147_483_648m, null, false, CountyHealth.Kernel.Amounts.InsuranceClass.ClassA);
        using (var drug = await admin.PostAsync("/api/v1/drugs", request))
        {
            var problem = await ApiClient.ReadAsync<Problem>(drug, HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem.ErrorsOf("retailPrice"));
        }
        using (var dose = await admin.PostAsync("/api/v1/drugs", request with { RetailPrice = 8.8m, DefaultDose = 0m }))
        {
            Assert.NotEmpty((await ApiClient.ReadAsync<Problem>(dose, HttpStatusCode.BadRequest)).ErrorsOf("defaultDose"));
        }
        var real = await clinic.NewDrugAsync();
        using var expiry = await (await clinic.Pharmacist).PostAsync("/api/v1/pharmacy/receipts", new ReceiptRequest(real.Id, "B1", new DateOnly(2099, 12, 31), 10, 1m, 2m, null));
        Assert.NotEmpty((await ApiClient.ReadAsync<Problem>(expiry, HttpStatusCode.BadRequest)).ErrorsOf("expiryDate"));
    }

    [Fact]
    public async Task A_drug_without_stock_cannot_be_prescribed()
    {
        var visit = await clinic.NewVisitAsync();
        var drug = await clinic.NewDrugAsync();
        Assert.Equal(0, drug.AvailablePacks);

        var problem = await PrescribeExpectingProblemAsync(visit.VisitId, drug.Id, 10m);

        Assert.Contains("无库存", Assert.Single(problem.ErrorsOf("items[0].drugId")), StringComparison.Ordinal);
        await AssertNothingPrescribedAsync(visit.VisitId);
    }

    private static char WrongCheckChar(string id) =>
        "0123456789X".First(c => c != ChineseIdNumber.ComputeCheckChar(id.AsSpan(0, 17)));

    private async Task<Problem> RegisterExpectingProblemAsync(NewResident resident)
    {
        using var response = await (await clinic.Cashier).PostAsync("/api/v1/residents", resident.ToRequest());
        var problem = await ApiClient.ReadAsync<Problem>(response, HttpStatusCode.BadRequest);
        Assert.Equal("输入有误", problem.Title);
        return problem;
    }

    private async Task AssertNotRegisteredAsync(NewResident resident)
    {
        Assert.Empty((await clinic.SearchResidentsAsync(resident.Name)).Items);
        Assert.Empty((await clinic.SearchResidentsAsync(resident.Phone)).Items);
    }

    private async Task<Problem> PrescribeExpectingProblemAsync(Guid visitId, Guid drugId, decimal dose)
    {
        using var response = await (await clinic.Doctor).PostAsync($"/api/v1/visits/{visitId}/prescriptions", Clinic.Prescription(drugId, dose, "qd", 7));
        return await ApiClient.ReadAsync<Problem>(response, HttpStatusCode.BadRequest);
    }

    private async Task AssertNothingPrescribedAsync(Guid visitId)
    {
        Assert.Empty((await clinic.VisitAsync(visitId)).Prescriptions);
        Assert.DoesNotContain((await clinic.ChargesAsync(visitId)).Charges, c => c.Kind == OutpatientKinds.Prescription);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteValidationTests(SqliteHost host) : ValidationTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresValidationTests(PostgresHost host) : ValidationTests(host);

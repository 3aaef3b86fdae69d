using System.Net;
using CountyHealth.Outpatient.Contracts;
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

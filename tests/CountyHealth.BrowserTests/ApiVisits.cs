using System.Net.Http.Json;
using CountyHealth.Residents.Domain;
using CountyHealth.Tests.Support;
using static CountyHealth.BrowserTests.ScreenWalkTests;

namespace CountyHealth.BrowserTests;

/// <summary>A new patient registered with a visit to 内科 through the API, so a test starts where the doctor does.</summary>
internal static class ApiVisits
{
    public sealed record NewVisit(string Name, string IdNumber, string VisitId);

    /// <summary>A resident named <paramref name="prefix"/> and two characters, born in the 3,000 days from <paramref name="bornFrom"/>.</summary>
    public static async Task<NewVisit> RegisterAsync(SqliteServerFixture server, string prefix, DateOnly bornFrom, int sex, string address)
    {
        var name = prefix + new string(Enumerable.Range(0, 2).Select(_ => "春夏秋冬梅兰竹菊松柏"[TestSeed.Next(10)]).ToArray());
        var birth = bornFrom.AddDays(TestSeed.Next(0, 3000));
        var idNumber = ChineseIdNumber.Compose("130534", birth, TestSeed.IdSequence(sex == 1));
        using var cashierApi = await server.ApiAsync("cashier");
        var registered = await ReadAsync(await cashierApi.PostAsJsonAsync("/api/v1/residents",
            new { name, sex, birthDate = birth, idNumber, phone = "13" + TestSeed.Next(100_000_000, 999_999_999), address, ethnicity = (string?)null }));
        var residentId = registered.GetProperty("resident").GetProperty("id").GetString()!;
        var departments = await ReadAsync(await cashierApi.GetAsync(new Uri("/api/v1/departments", UriKind.Relative)));
        var medicine = departments.EnumerateArray().First(d => d.GetProperty("name").GetString() == "内科").GetProperty("id").GetString();
        var visit = await ReadAsync(await cashierApi.PostAsJsonAsync("/api/v1/visits",
            new { residentId, departmentId = medicine, doctorStaffId = (string?)null, registrationItemCode = (string?)null }));
        return new NewVisit(name, idNumber, visit.GetProperty("visitId").GetString()!);
    }
}

using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CountyHealth.Residents.Domain;
using CountyHealth.Tests.Support;
using Xunit;
using static CountyHealth.BrowserTests.OutpatientDayTests;
using static CountyHealth.BrowserTests.ScreenWalkTests;

namespace CountyHealth.BrowserTests;

/// <summary>
/// The administrator (the one role the permission matrix lets read the audit log) looks up what was done to one
/// resident's records, by her name, and reads it in Chinese: who, what kind of record, its number, the diagnosis code;
/// a chart opened once is read once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AuditLogTests(SqliteServerFixture server)
{
    [Fact]
    public async Task The_administrator_finds_a_residents_records_by_her_name_with_names_and_numbers_not_keys()
    {
        // A new patient, registered and diagnosed through the API; the doctor then opens her chart on screen.
        var name = "审计" + new string(Enumerable.Range(0, 2).Select(_ => "春夏秋冬梅兰竹菊松柏"[TestSeed.Next(10)]).ToArray());
        var birth = new DateOnly(1962, 7, 9).AddDays(TestSeed.Next(0, 3000));
        var idNumber = ChineseIdNumber.Compose("130534", birth, TestSeed.IdSequence(false));
        using var cashierApi = await server.ApiAsync("cashier");
        var registered = await ReadAsync(await cashierApi.PostAsJsonAsync("/api/v1/residents",
            new { name, sex = 2, birthDate = birth, idNumber, phone = (string?)null, address = (string?)null, ethnicity = (string?)null }));
        var residentId = registered.GetProperty("resident").GetProperty("id").GetString()!;
        var departments = await ReadAsync(await cashierApi.GetAsync(new Uri("/api/v1/departments", UriKind.Relative)));
        var internalMedicine = departments.EnumerateArray().First(d => d.GetProperty("name").GetString() == "内科").GetProperty("id").GetString();
        var visit = await ReadAsync(await cashierApi.PostAsJsonAsync("/api/v1/visits",
            new { residentId, departmentId = internalMedicine, doctorStaffId = (string?)null, registrationItemCode = (string?)null }));
        var visitId = visit.GetProperty("visitId").GetString()!;
        var visitNumber = visit.GetProperty("visitNumber").GetString()!;
        using var doctorApi = await server.ApiAsync("doctor");
        await ReadAsync(await doctorApi.PutAsJsonAsync($"/api/v1/visits/{visitId}/diagnoses", new { diagnoses = new[] { new { code = "I10", isPrimary = true } } }));
        var doctorName = (await ReadAsync(await doctorApi.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))).GetProperty("fullName").GetString()!;
        var doctor = await server.SignInAsync("doctor");
        await doctor.GotoAsync(server.BaseUrl + $"/outpatient/visits/{visitId}");
        await WaitInteractive(doctor);
        await Expect(doctor.Locator("[data-testid=visit-patient]"), name);

        var admin = await server.SignInAsync("admin");
        await admin.GotoAsync(server.BaseUrl + "/admin/audit");
        await WaitInteractive(admin);
        await Input(admin, "audit-resident").FillAsync(name);
        await admin.ClickAsync("[data-testid=audit-search]");
        var rows = admin.Locator("[data-testid=audit-row]");
        await Expect(rows, "新增诊断：I10");

        // Her registration, the doctor's look at the chart and the diagnosis, each with names and numbers.
        await Expect(rows.Filter(new() { HasText = "居民" }).Filter(new() { HasText = "新增" }), name);
        var read = rows.Filter(new() { HasText = "查看" }).Filter(new() { HasText = visitNumber });
        await Expect(read, "就诊");
        await Expect(read, doctorName);
        await Expect(read, name);
        // The chart was opened once: its render on the server and in the circuit are one request, one row.
        Assert.Equal(1, await read.CountAsync());
        await Expect(rows.Filter(new() { HasText = "新增诊断" }), visitNumber);
        var table = await admin.Locator("[data-testid=audit-table]").InnerTextAsync();
        Assert.DoesNotMatch(GuidPattern(), table);
        Assert.DoesNotContain("Visit", table, StringComparison.Ordinal);
        Assert.All(await rows.AllInnerTextsAsync(), row => Assert.Contains(name, row, StringComparison.Ordinal));
        await admin.ScreenshotAsync(new() { Path = Path.Combine(server.ScreenshotFolder, "24-audit-log-by-resident.png"), FullPage = true });
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}

using System.Net;
using System.Text.RegularExpressions;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Platform.Accounts;
using CountyHealth.Platform.Audit;
using CountyHealth.Platform.Institutions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// The audit log as the administrator reads it over the API: names and numbers instead of keys, Chinese record types and
/// fields, diagnosis codes, its filters by resident name, ID number and document number, one row per sign-in, reads
/// collapsed within a request, and search text stored without full ID or mobile numbers.
/// </summary>
public abstract partial class AuditLogTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task The_log_names_people_and_records_in_Chinese_and_shows_the_diagnosis_codes()
    {
        var (resident, visit, prescription, receipt) = await OutpatientDayAsync();
        var doctorName = (await (await clinic.Doctor).GetAsync<MeResponse>("/api/v1/me")).FullName;

        var rows = await AuditAsync($"resident={Uri.EscapeDataString(resident.Name)}");

        var read = Assert.Single(rows, r => r.Action == AuditActions.Read && r.EntityType == "Visit" && r.UserName == DemoAccounts.Doctor);
        Assert.Equal(("查看", "就诊", visit.VisitNumber, resident.Name, doctorName), (read.ActionName, read.EntityName, read.RecordLabel, read.ResidentName, read.UserFullName));
        var created = Assert.Single(rows, r => r.Action == AuditActions.Create && r.EntityType == "Resident");
        Assert.Equal(("新增", "居民", resident.Name), (created.ActionName, created.EntityName, created.RecordLabel));
        Assert.Contains(rows, r => r.EntityName == "处方" && r.RecordLabel == prescription.Number);
        Assert.Contains(rows, r => r.EntityName == "收费" && r.RecordLabel == receipt.ReceiptNumber);

        var record = Assert.Single(rows, r => r.Action == AuditActions.Update && r.EntityType == "Visit" && r.Description!.Contains("主诉", StringComparison.Ordinal));
        Assert.Contains("体格检查", record.Description, StringComparison.Ordinal);
        var diagnoses = rows.Where(r => r.Action == AuditActions.Update && r.EntityType == "Visit" && r.Description!.Contains("诊断：", StringComparison.Ordinal)).ToList();
        Assert.Contains(diagnoses, r => r.Description!.Contains("新增诊断：I10 特发性(原发性)高血压（主要诊断）", StringComparison.Ordinal));
        // Replacing I10 with I10 and E11 adds E11 and says nothing of I10, which stayed.
        var second = Assert.Single(diagnoses, r => r.Description!.Contains("E11", StringComparison.Ordinal));
        Assert.Equal("新增诊断：E11 非胰岛素依赖型糖尿病", second.Description);

        // What the page shows holds no key: every record here has a number or a name.
        foreach (var r in rows)
        {
            var shown = string.Join(" ", r.UserFullName, r.ActionName, r.EntityName, r.RecordLabel, r.ResidentName, r.Description);
            Assert.False(GuidPattern().IsMatch(shown), $"a key in what the page shows: {shown}");
            Assert.DoesNotMatch("[A-Za-z]{4,}", r.EntityName + r.ActionName);
        }
    }

    [Fact]
    public async Task The_log_filters_by_resident_name_ID_number_and_document_number()
    {
        var (resident, visit, prescription, receipt) = await OutpatientDayAsync();
        var other = await clinic.RegisterResidentAsync();

        var byName = await AuditAsync($"resident={Uri.EscapeDataString(resident.Name)}");
        var byIdNumber = await AuditAsync($"resident={resident.IdNumber}");
        Assert.True(byName.Count > 5, $"only {byName.Count} rows for the day's patient");
        Assert.All(byName, r => Assert.Equal(resident.Id, r.ResidentId));
        // The same rows, and the administrator's search by name, which named her.
        Assert.Equal(byName.Select(r => r.Id), byIdNumber.Where(r => r.EntityType != "AuditEntry").Select(r => r.Id));
        Assert.Contains(byIdNumber, r => r.EntityType == "AuditEntry" && r.Description == $"审计日志 居民={resident.Name}：{byName.Count} 条");
        Assert.All(byIdNumber, r => Assert.Equal(resident.Id, r.ResidentId));
        Assert.NotEmpty(await AuditAsync($"resident={other.IdNumber}"));

        var byVisit = await AuditAsync($"document={visit.VisitNumber}");
        Assert.Contains(byVisit, r => r.Action == AuditActions.Create);
        Assert.Contains(byVisit, r => r.Action == AuditActions.Read);
        Assert.All(byVisit, r => Assert.Equal(visit.VisitId.ToString(), r.EntityId));
        Assert.All(byVisit.Where(r => r.EntityType == "Visit"), r => Assert.Equal(visit.VisitNumber, r.RecordLabel));
        Assert.Contains(byVisit, r => r.EntityName == "收费项目" && r.Description == "就诊费用"); // the cashier read the visit's charges
        // Typed in small letters, the number still finds its visit.
        Assert.Equal(byVisit.Select(r => r.Id), (await AuditAsync($"document={visit.VisitNumber.ToLowerInvariant()}")).Select(r => r.Id));

        var byPrescription = await AuditAsync($"document={prescription.Number}");
        Assert.Contains(byPrescription, r => r.Action == AuditActions.Create);
        Assert.All(byPrescription, r => Assert.Equal(prescription.Id.ToString(), r.EntityId));
        var byReceipt = await AuditAsync($"document={receipt.ReceiptNumber}");
        Assert.Contains(byReceipt, r => r.Action == AuditActions.Create && r.EntityName == "收费");
        Assert.All(byReceipt, r => Assert.Equal(receipt.PaymentId.ToString(), r.EntityId));

        Assert.Empty(await AuditAsync("document=MZ19000101-9999"));
        Assert.Empty(await AuditAsync($"resident={Uri.EscapeDataString("查无此人")}"));
    }

    [Fact]
    public async Task A_sign_in_is_one_row_in_the_accounts_name_and_a_token_refresh_adds_none()
    {
        var admin = await host.As(DemoAccounts.Admin);
        var township = Assert.Single(await admin.GetAsync<List<InstitutionRow>>("/api/v1/institutions"), i => i.Name == "葛仙庄镇卫生院");
        var userName = TestData.Code("au.");
        await admin.PostAsync("/api/v1/users", new UserRequest(userName, "审计收费员", "Audit2026", township.Id, null, ["cashier"]), HttpStatusCode.Created);

        using var anonymous = host.Anonymous();
        using (var wrong = await anonymous.PostAsync("/api/v1/auth/token", new { userName, password = "Wrong2026" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var token = await anonymous.PostAsync<TokenResponse>("/api/v1/auth/token", new { userName, password = "Audit2026" }, HttpStatusCode.OK);
        for (var i = 0; i < 2; i++)
        {
            token = await anonymous.PostAsync<TokenResponse>("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken }, HttpStatusCode.OK);
        }

        var rows = await AuditAsync($"userName={userName}");
        var signIn = Assert.Single(rows, r => r.Action == AuditActions.SignIn);
        Assert.Equal(("登录", "审计收费员", "账户", $"审计收费员（{userName}）", "令牌"), (signIn.ActionName, signIn.UserFullName, signIn.EntityName, signIn.RecordLabel, signIn.Description));
        var failed = Assert.Single(rows, r => r.Action == AuditActions.SignInFailed);
        Assert.Equal(("登录失败", "密码错误"), (failed.ActionName, failed.Description));
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task Stored_search_text_holds_no_full_ID_or_mobile_number()
    {
        var resident = await clinic.RegisterResidentAsync();
        Assert.Contains((await clinic.SearchResidentsAsync(resident.IdNumber!)).Items, r => r.Id == resident.Id);
        Assert.Contains((await clinic.SearchResidentsAsync(resident.Phone!)).Items, r => r.Id == resident.Id);
        using (var anonymous = host.Anonymous())
        using (var typedAsName = await anonymous.PostAsync("/api/v1/auth/token", new { userName = resident.IdNumber, password = "Wrong2026" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, typedAsName.StatusCode);
        }

        var id = resident.IdNumber!;
        var phone = resident.Phone!;
        var searches = await AuditAsync($"userName={DemoAccounts.Cashier}&action=Search");
        Assert.Contains(searches, r => r.Detail == $"q={id[..4]}**********{id[^4..]}; 1 条");
        Assert.Contains(searches, r => r.Detail == $"q={phone[..3]}****{phone[^4..]}; 1 条");

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Detail != null && (a.Detail.Contains(id) || a.Detail.Contains(phone))));
        var maskedName = $"用户名 {id[..4]}**********{id[^4..]}";
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInFailed && a.Detail == maskedName));
    }

    [Fact]
    public async Task Rows_stored_before_masking_are_masked_once()
    {
        var id = TestData.IdNumber(CountyHealth.Residents.Contracts.Sex.Male, new DateOnly(1961, 5, 4));
        var phone = TestData.MobilePhone();
        var search = new AuditEntry { At = host.Clock.GetUtcNow().UtcDateTime, UserName = "it.old", Action = AuditActions.Search, EntityType = "Resident", Detail = $"q={id}; 1 条" };
        var signIn = new AuditEntry { At = search.At, UserName = "it.old", Action = AuditActions.SignInFailed, EntityType = "UserAccount", Detail = $"用户名 {phone}" };
        var write = new AuditEntry { At = search.At, UserName = "it.old", Action = AuditActions.Update, EntityType = "Visit", Detail = "ChiefComplaint" };
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
            db.AuditEntries.AddRange(search, signIn, write);
            await db.SaveChangesAsync();
            Assert.True(await StoredAuditText.MaskAsync(db) >= 2);
            Assert.Equal(0, await StoredAuditText.MaskAsync(db));
        }
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
            var stored = await db.AuditEntries.AsNoTracking().Where(a => a.UserName == "it.old").ToDictionaryAsync(a => a.Action, a => a.Detail);
            Assert.Equal($"q={id[..4]}**********{id[^4..]}; 1 条", stored[AuditActions.Search]);
            Assert.Equal($"用户名 {phone[..3]}****{phone[^4..]}", stored[AuditActions.SignInFailed]);
            Assert.Equal("ChiefComplaint", stored[AuditActions.Update]);
        }
    }

    /// <summary>
    /// No operation of the API reads one record twice today; a request that does (a use case and a helper both looking
    /// the visit up, in scopes of their own) is driven here through a test route, over HTTP, as the doctor.
    /// </summary>
    [Fact]
    public async Task Reads_of_one_record_within_one_request_are_one_row()
    {
        var visit = await clinic.NewVisitAsync();
        var resident = (await clinic.VisitAsync(visit.VisitId)).ResidentId;
        var number = visit.VisitNumber;
        using var withRoute = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, ReadTwiceRoute>()));
        using var http = withRoute.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var client = new ApiClient(http);
        await client.SignInAsync(DemoAccounts.Doctor, DemoAccounts.Password);
        var before = await ReadsAsync(number);

        using (var once = await client.GetAsync($"{ReadTwiceRoute.Path}?visit={visit.VisitId}&resident={resident}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, once.StatusCode);
        }
        Assert.Equal(before + 1, await ReadsAsync(number));
        using (var again = await client.GetAsync($"{ReadTwiceRoute.Path}?visit={visit.VisitId}&resident={resident}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }
        Assert.Equal(before + 2, await ReadsAsync(number)); // another request, another row
    }

    private async Task<int> ReadsAsync(string visitNumber) =>
        (await AuditAsync($"userName={DemoAccounts.Doctor}&action=Read&document={visitNumber}")).Count;

    /// <summary>A route that reads one visit three times in one request: twice in the request's scope, once in a scope of its own.</summary>
    private sealed class ReadTwiceRoute : IStartupFilter
    {
        public const string Path = "/test/read-twice";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(Path, route => route.Run(async context =>
            {
                var signedIn = await context.AuthenticateAsync(BearerTokenDefaults.AuthenticationScheme);
                context.User = signedIn.Principal!;
                var visit = Guid.Parse(context.Request.Query["visit"]!);
                var resident = Guid.Parse(context.Request.Query["resident"]!);
                var audit = context.RequestServices.GetRequiredService<AuditLog>();
                await audit.ReadAsync("Visit", visit, resident);
                await audit.ReadAsync("Visit", visit, resident, "再看一次");
                await using (var own = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope())
                {
                    await own.ServiceProvider.GetRequiredService<AuditLog>().ReadAsync("Visit", visit, resident);
                }
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            }));
            next(app);
        };
    }

    /// <summary>The patient of a day: registered, seen (record, a diagnosis, then a second), prescribed, paid, her chart read.</summary>
    private async Task<(CountyHealth.Residents.Contracts.ResidentRow Resident, VisitRegistered Visit, PrescriptionRow Prescription, CountyHealth.Billing.Payments.Receipt Receipt)> OutpatientDayAsync()
    {
        var resident = await clinic.RegisterResidentAsync();
        var visit = await clinic.RegisterVisitAsync(resident.Id);
        var doctor = await clinic.Doctor;
        await doctor.PutAsync($"/api/v1/visits/{visit.VisitId}/record", Clinic.Record(150, 95), HttpStatusCode.NoContent);
        await doctor.PutAsync<List<DiagnosisRow>>($"/api/v1/visits/{visit.VisitId}/diagnoses", new DiagnosesRequest([new DiagnosisRequest("I10", true)]), HttpStatusCode.OK);
        await doctor.PutAsync<List<DiagnosisRow>>($"/api/v1/visits/{visit.VisitId}/diagnoses",
            new DiagnosesRequest([new DiagnosisRequest("I10", true), new DiagnosisRequest("E11", false)]), HttpStatusCode.OK);
        var drug = await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片");
        var prescription = await clinic.PrescribeAsync(visit.VisitId, drug.Id, 5m, "qd", 7);
        var receipt = await clinic.PayOpenChargesAsync(visit.VisitId, "Cash");
        await clinic.VisitAsync(visit.VisitId);
        return (resident, visit, prescription, receipt);
    }

    private async Task<IReadOnlyList<AuditRow>> AuditAsync(string query) =>
        (await (await host.As(DemoAccounts.Admin)).GetAsync<Page<AuditRow>>($"/api/v1/audit?{query}&pageSize=500")).Items;

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuditLogTests(SqliteHost host) : AuditLogTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditLogTests(PostgresHost host) : AuditLogTests(host);

/// <summary>Every record of personal health data, every field of it and every part, has a Chinese name in the audit log.</summary>
[Collection(SqliteCollection.Name)]
public sealed class AuditVocabularyTests(SqliteHost host)
{
    [Fact]
    public async Task Every_personal_health_record_and_field_has_a_Chinese_name()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        var words = new AuditVocabulary(scope.ServiceProvider.GetServices<AuditedRecords>().SelectMany(r => r.Types));
        var named = words.Types.ToDictionary(t => t.EntityType, StringComparer.Ordinal);
        var missing = new List<string>();
        var records = db.Model.GetEntityTypes().Where(t => typeof(IPersonalHealthData).IsAssignableFrom(t.ClrType)).ToList();
        Assert.True(records.Count >= 10, $"only {records.Count} records of personal health data in the model");
        foreach (var type in records)
        {
            if (!named.TryGetValue(type.ClrType.Name, out var t) || !HasChinese(t.Name))
            {
                missing.Add(type.ClrType.Name);
                continue;
            }
            // Every field a write may list; "" says on purpose that the log does not mention it.
            missing.AddRange(type.GetProperties().Where(p => !p.IsPrimaryKey() && !t.Fields.ContainsKey(p.Name)).Select(p => $"{type.ClrType.Name}.{p.Name}"));
            missing.AddRange(t.Fields.Where(f => f.Value.Length > 0 && !HasChinese(f.Value)).Select(f => $"{type.ClrType.Name}.{f.Key}"));
        }
        foreach (var part in db.Model.GetEntityTypes().Where(t => typeof(IPersonalHealthDataPart).IsAssignableFrom(t.ClrType)))
        {
            if (!named.TryGetValue(part.ClrType.Name, out var t) || !HasChinese(t.Name))
            {
                missing.Add(part.ClrType.Name);
            }
        }
        Assert.True(missing.Count == 0, "name these in Chinese in the module's AuditedRecords: " + string.Join(", ", missing));
    }

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}

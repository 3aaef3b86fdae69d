using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Domain;
using CountyHealth.Billing.Payments;
using CountyHealth.Billing.Refunds;
using CountyHealth.Billing.Settlement;
using CountyHealth.Kernel.Data;
using CountyHealth.Outpatient.Orders;
using CountyHealth.Outpatient.Prescriptions;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Dispensing;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Pharmacy.Stock;
using CountyHealth.Platform.Accounts;
using CountyHealth.Platform.Audit;
using CountyHealth.Platform.Institutions;
using CountyHealth.Platform.Personnel;
using CountyHealth.Residents.Households;
using CountyHealth.Residents.ResidentIndex;
using CountyHealth.Tests.Integration;
using CountyHealth.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace CountyHealth.Tests.Resilience;

/// <summary>
/// Nothing lost: clients run the outpatient day while the server is killed with SIGKILL at random moments and
/// restarted. Afterwards every payment and dispensing the clients saw acknowledged exists exactly once, every batch's
/// stock equals its receipts minus its dispensings, and no charge is both paid and open.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Kills = 3;
    private const int Workers = 4;

    [Fact]
    public Task Sqlite_loses_nothing_when_the_server_is_killed() => RunAsync(DatabaseProviders.Sqlite);

    [Fact]
    public Task Postgres_loses_nothing_when_the_server_is_killed() => RunAsync(DatabaseProviders.Postgres);

    private static async Task RunAsync(string provider)
    {
        var (settings, connectionString, cleanup) = await DatabaseAsync(provider);
        try
        {
            await using var server = new ServerProcess(settings);
            await server.StartAsync();
            var cashier = await Client.SignInAsync(server, DemoAccounts.Cashier);
            var doctor = await Client.SignInAsync(server, DemoAccounts.Doctor);
            var pharmacist = await Client.SignInAsync(server, DemoAccounts.Pharmacist);
            var admin = await Client.SignInAsync(server, DemoAccounts.Admin);

            var drug = await admin.PostAsync<DrugInfo>("/api/v1/drugs", new DrugRequest("CR" + Guid.NewGuid().ToString("N")[..8], "测试用卡托普利片", "25mg×100片", "片剂",
                "mg", 25m, "片", 100, "瓶", "口服", "tid", 25m, 3.20m, null, false, CountyHealth.Kernel.Amounts.InsuranceClass.ClassA));
            for (var b = 0; b < 3; b++)
            {
                await pharmacist.PostAsync<StockRow>("/api/v1/pharmacy/receipts", new ReceiptRequest(drug.Id, $"CR{b}", Clinic.Today.AddYears(1 + b), 200, 2.5m, 3.2m, null));
            }
            var departments = await cashier.GetAsync<List<DepartmentRow>>("/api/v1/departments");
            var department = departments.Single(d => d.Name == "内科");

            var paid = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
            var dispensed = new ConcurrentBag<Guid>();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(150));
            var killer = Task.Run(async () =>
            {
                for (var k = 0; k < Kills; k++)
                {
                    await Task.Delay(TestSeed.Next(1500, 3500));
                    await server.KillAsync();
                    await server.StartAsync();
                }
                await Task.Delay(1500);
            });
            var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
            {
                while (!killer.IsCompleted && !stop.IsCancellationRequested)
                {
                    await OneVisitAsync(cashier, doctor, pharmacist, drug, department, paid, dispensed, stop.Token);
                }
            })).ToList();
            await killer;
            await Task.WhenAll(workers);
            Assert.False(stop.IsCancellationRequested, "the run did not finish in time");
            Assert.True(paid.Count >= Workers, $"too little work was done to mean anything ({paid.Count} payments)");

            await using var db = TestDatabase.Open(provider, connectionString);
            await VerifyAsync(db, paid, dispensed);
        }
        finally
        {
            await cleanup();
        }
    }

    private static async Task OneVisitAsync(Client cashier, Client doctor, Client pharmacist, DrugInfo drug, DepartmentRow department,
        ConcurrentDictionary<string, Guid> paid, ConcurrentBag<Guid> dispensed, CancellationToken ct)
    {
        var person = TestData.Resident();
        var resident = await cashier.PostAsync<ResidentRegistered>("/api/v1/residents", person.ToRequest(), ct);
        var visit = await cashier.PostAsync<VisitRegistered>("/api/v1/visits", new VisitRequest(resident.Resident.Id, department.Id, null, null), ct);
        var rx = await doctor.PostAsync<PrescriptionRow>($"/api/v1/visits/{visit.VisitId}/prescriptions",
            new PrescriptionRequest([new PrescriptionItemRequest(drug.Id, 25m, "tid", null, 7)]), ct);
        var charges = await cashier.GetAsync<VisitCharges>($"/api/v1/billing/visits/{visit.VisitId}/charges", ct);
        var requestId = Guid.NewGuid().ToString("N");
        // The same request id on every retry: a payment whose answer was lost in the crash is not taken twice.
        var receipt = await cashier.PostAsync<Receipt>("/api/v1/billing/payments",
            new PaymentRequest(requestId, visit.VisitId, charges.Charges.Where(c => c.Status == "Open").Select(c => c.Id).ToList(), "Cash"), ct);
        paid[requestId] = receipt.PaymentId;
        var queue = await pharmacist.GetAsync<List<DispenseOrderRow>>("/api/v1/pharmacy/dispensing", ct);
        var order = queue.SingleOrDefault(o => o.PrescriptionNumber == rx.Number);
        if (order is null)
        {
            return;
        }
        var (status, _) = await pharmacist.SendAsync(c => c.PostAsJsonAsync(new Uri($"/api/v1/pharmacy/dispensing/{order.Id}/dispense", UriKind.Relative), new { }, ct), ct);
        if (status == HttpStatusCode.OK)
        {
            dispensed.Add(order.Id);
        }
    }

    private static async Task VerifyAsync(CountyHealthDb db, ConcurrentDictionary<string, Guid> paid, ConcurrentBag<Guid> dispensed)
    {
        var requestIds = paid.Keys.ToList();
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => requestIds.Contains(p.RequestId)).ToListAsync();
        Assert.Equal(requestIds.Count, payments.Count);
        Assert.All(payments, p => Assert.Equal(paid[p.RequestId], p.Id));

        var orderIds = dispensed.ToList();
        var orders = await db.Set<DispenseOrder>().AsNoTracking().Include(o => o.Lines).Where(o => orderIds.Contains(o.Id)).ToListAsync();
        Assert.Equal(orderIds.Count, orders.Count);
        Assert.All(orders, o => Assert.Equal(DispenseStatus.Dispensed, o.Status));
        var lineIds = orders.SelectMany(o => o.Lines).Select(l => (Guid?)l.Id).ToList();
        var dispenseMoves = await db.Set<StockMovement>().AsNoTracking().Where(m => lineIds.Contains(m.DispenseLineId) && m.Kind == MovementKind.Dispense).ToListAsync();
        Assert.Equal(orders.SelectMany(o => o.Lines).Sum(l => l.Quantity), -dispenseMoves.Sum(m => m.Quantity));

        var batches = await db.Set<StockBatch>().AsNoTracking().ToListAsync();
        var moved = (await db.Set<StockMovement>().AsNoTracking().Select(m => new { m.BatchId, m.Quantity }).ToListAsync())
            .GroupBy(m => m.BatchId).ToDictionary(g => g.Key, g => g.Sum(m => m.Quantity));
        Assert.All(batches, b =>
        {
            Assert.True(b.QuantityOnHand >= 0);
            Assert.Equal(moved.GetValueOrDefault(b.Id), b.QuantityOnHand);
        });

        var charges = await db.Set<Charge>().AsNoTracking().ToListAsync();
        Assert.DoesNotContain(charges, c => c.Status == ChargeStatus.Open && c.PaymentId is not null);
        Assert.DoesNotContain(charges, c => c.Status == ChargeStatus.Paid && c.PaymentId is null);
        var allPayments = await db.Set<Payment>().AsNoTracking().ToListAsync();
        Assert.All(allPayments, p => Assert.Equal(p.Amount, charges.Where(c => c.PaymentId == p.Id).Sum(c => c.Amount)));
    }

    private static async Task<(List<string> Settings, string ConnectionString, Func<Task> Cleanup)> DatabaseAsync(string provider)
    {
        if (provider == DatabaseProviders.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("countyhealth-crash-").FullName;
            return (["--Database:Provider=Sqlite", "--Database:DataFolder=" + folder], $"Data Source={Path.Combine(folder, "countyhealth.db")}",
                () =>
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                    return Task.CompletedTask;
                }
            );
        }
        var server = Environment.GetEnvironmentVariable(CountyHealthFactory.PostgresVariable)
            ?? throw new InvalidOperationException($"The PostgreSQL crash test needs {CountyHealthFactory.PostgresVariable} (scripts/test.sh sets it).");
        var name = $"ch_crash_{Guid.NewGuid():N}";
        await TestDatabase.ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var cs = $"{server};Database={name}";
        return (["--Database:Provider=Postgres", "--ConnectionStrings:CountyHealth=" + cs], cs, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await TestDatabase.ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        );
    }

    /// <summary>A signed-in API client that rides out the server's death: connection failures are retried, a lost token is renewed.</summary>
    private sealed class Client : IDisposable
    {
        private readonly HttpClient http;
        private readonly string userName;

        private Client(ServerProcess server, string userName)
        {
            http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(15) };
            this.userName = userName;
        }

        public static async Task<Client> SignInAsync(ServerProcess server, string userName)
        {
            var c = new Client(server, userName);
            await c.RenewAsync(CancellationToken.None);
            return c;
        }

        private async Task RenewAsync(CancellationToken ct)
        {
            using var r = await http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName, password = DemoAccounts.Password }, ct);
            r.EnsureSuccessStatusCode();
            var token = await r.Content.ReadFromJsonAsync<TokenResponse>(ApiClient.Json, ct);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        }

        public async Task<(HttpStatusCode Status, string Body)> SendAsync(Func<HttpClient, Task<HttpResponseMessage>> send, CancellationToken ct)
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    using var response = await send(http);
                    if (response.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        await RenewAsync(ct);
                        continue;
                    }
                    return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    await Task.Delay(250, ct);
                }
            }
        }

        public async Task<T> GetAsync<T>(string url, CancellationToken ct = default) =>
            Read<T>(await SendAsync(c => c.GetAsync(new Uri(url, UriKind.Relative), ct), ct));

        public async Task<T> PostAsync<T>(string url, object body, CancellationToken ct = default) =>
            Read<T>(await SendAsync(c => c.PostAsJsonAsync(new Uri(url, UriKind.Relative), body, ApiClient.Json, ct), ct));

        private static T Read<T>((HttpStatusCode Status, string Body) reply) =>
            (int)reply.Status is >= 200 and < 300
                ? System.Text.Json.JsonSerializer.Deserialize<T>(reply.Body, ApiClient.Json)!
                : throw new InvalidOperationException($"{(int)reply.Status}: {reply.Body}");

        public void Dispose() => http.Dispose();
    }
}

/// <summary>Direct access to a test database, for checks that must not go through the server.</summary>
internal static class TestDatabase
{
    public static CountyHealthDb Open(string provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<CountyHealthDb>();
        if (provider == DatabaseProviders.Sqlite)
        {
            builder.UseSqlite(connectionString);
        }
        else
        {
            builder.UseNpgsql(connectionString);
        }
        builder.UseModelParts(CountyHealth.Server.Hosting.ModuleCatalogue.All.Select(m => m.GetType().Assembly));
        return new CountyHealthDb(builder.Options);
    }

    public static async Task ExecuteAsync(string server, string sql)
    {
        await using var conn = new NpgsqlConnection($"{server};Database=postgres;Pooling=false");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}

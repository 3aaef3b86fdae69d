using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CountyHealth.Billing.Charges;
using CountyHealth.Billing.Insurance;
using CountyHealth.Billing.Payments;
using CountyHealth.Billing.Refunds;
using CountyHealth.Billing.Settlement;
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
using Microsoft.Data.Sqlite;
using Npgsql;

// The benchmark client: load over HTTP on loopback, bounded in users, time and count, with a same-run baseline.
//   outpatient --url U --users N --seconds S [--drugs N] --label L --out FILE
//   search     --url U --provider Sqlite|Postgres --db CS --queries N --label L --out FILE
//   indicators --url U --provider Sqlite|Postgres --db CS --year Y --rebuild-seconds S [--scans no: the figures only] --label L --out FILE
//   copy-baseline --db CS --generated-rows-per-second R [--sample N] --label L --out FILE   (PostgreSQL)
var mode = args.Length > 0 ? args[0] : throw new ArgumentException("mode: outpatient | search");
var opts = Options.Parse(args.Skip(1).ToArray());
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
var report = new StringBuilder();
switch (mode)
{
    case "outpatient":
        await Outpatient.RunAsync(opts, json, report);
        break;
    case "search":
        await Search.RunAsync(opts, json, report);
        break;
    case "indicators":
        await IndicatorBench.RunAsync(opts, json, report);
        break;
    case "baseline-write":
        await BaselineWrite.RunAsync(opts, report);
        break;
    case "copy-baseline":
        await CopyBaseline.RunAsync(opts, report);
        break;
    default:
        throw new ArgumentException("unknown mode " + mode);
}
Console.Write(report);
if (opts.Get("out") is { } file)
{
    await File.AppendAllTextAsync(file, report.ToString());
}

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args) =>
        new(Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i].TrimStart('-'), i => args[2 * i + 1], StringComparer.Ordinal));

    public string? Get(string key) => values.GetValueOrDefault(key);

    public string Require(string key) => Get(key) ?? throw new ArgumentException("missing --" + key);

    public int Int(string key, int fallback) => Get(key) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}

/// <summary>Latencies of one step, in milliseconds.</summary>
internal sealed class Timings
{
    private readonly List<double> ms = [];
    private int errors;

    public void Add(double value)
    {
        lock (ms)
        {
            ms.Add(value);
        }
    }

    public void Error() => Interlocked.Increment(ref errors);

    public string Row(string step)
    {
        lock (ms)
        {
            var sorted = ms.Order().ToArray();
            double P(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
            return string.Create(CultureInfo.InvariantCulture, $"| {step} | {sorted.Length} | {errors} | {P(0.50):0.0} | {P(0.95):0.0} | {P(0.99):0.0} |\n");
        }
    }
}

internal static class Http
{
    public static async Task<HttpClient> SignInAsync(string url, string user, JsonSerializerOptions json)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        using var r = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = "Demo2026" }, json);
        r.EnsureSuccessStatusCode();
        var token = (await r.Content.ReadFromJsonAsync<JsonElement>(json)).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static async Task<T> Timed<T>(Timings t, Func<Task<HttpResponseMessage>> call, JsonSerializerOptions json)
    {
        var watch = Stopwatch.StartNew();
        using var response = await call();
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode)
        {
            t.Error();
            throw new InvalidOperationException($"{(int)response.StatusCode} {body}");
        }
        t.Add(watch.Elapsed.TotalMilliseconds);
        return body.Length == 0 ? default! : JsonSerializer.Deserialize<T>(body, json)!;
    }
}

/// <summary>Simulated cashiers, doctors and pharmacists doing register → visit → consult → prescribe → pay → dispense.</summary>
internal static class Outpatient
{
    private static PrescriptionItemRequest Item(DrugInfo d) =>
        d.Name.Contains("氨氯地平", StringComparison.Ordinal) ? new(d.Id, 5m, "qd", null, 7) : new(d.Id, d.DefaultDose, d.DefaultFrequency, null, 7);

    public static async Task RunAsync(Options o, JsonSerializerOptions json, StringBuilder report)
    {
        var url = o.Require("url");
        var users = o.Int("users", 16);
        var seconds = o.Int("seconds", 30);
        var maxVisits = o.Int("max-visits", 100_000);
        var cashier = await Http.SignInAsync(url, "cashier", json);
        var doctor = await Http.SignInAsync(url, "doctor", json);
        var pharmacist = await Http.SignInAsync(url, "pharmacist", json);
        var department = (await cashier.GetFromJsonAsync<List<DepartmentRow>>("/api/v1/departments", json))!.Single(d => d.Name == "内科");
        // --drugs 1 (the default, comparable with earlier runs): every prescription is amlodipine from one batch, so at
        // 64 users the pharmacists queue on that batch's row. --drugs N spreads prescriptions over N oral drugs.
        var drugCount = o.Int("drugs", 1);
        var amlodipine = (await doctor.GetFromJsonAsync<List<DrugInfo>>("/api/v1/drugs?q=%E6%B0%A8%E6%B0%AF%E5%9C%B0%E5%B9%B3", json))!.First();
        var formulary = drugCount <= 1 ? [amlodipine] : (await doctor.GetFromJsonAsync<List<DrugInfo>>("/api/v1/drugs", json))!
            .Where(d => !d.NeedsSkinTest && d.DefaultRoute == "口服" && d.DefaultDose > 0).Prepend(amlodipine).DistinctBy(d => d.Id).Take(drugCount).ToList();
        // Enough stock for the run, received as one batch.
        foreach (var d in formulary)
        {
            await pharmacist.PostAsJsonAsync("/api/v1/pharmacy/receipts", new ReceiptRequest(d.Id, "BENCH" + Stopwatch.GetTimestamp(), new DateOnly(2030, 12, 31), 99_000, 12m, 13.5m, null), json);
        }
        var admin = await Http.SignInAsync(url, "admin", json);
        var before = await ServerCost.ReadAsync(admin, json);
        // --insured P: that share of the patients (per cent) is enrolled in the residents' scheme at registration and each
        // of their visits is settled with it (即时结报) before the patient's share is paid.
        var insured = o.Int("insured", 0);
        var year = TimeProvider.System.GetUtcNow().AddHours(8).Year;
        string[] steps = insured > 0
            ? ["register resident", "enrol", "register visit", "save consultation", "diagnose", "prescribe", "charges", "settle", "pay", "find order", "dispense"]
            : ["register resident", "register visit", "save consultation", "diagnose", "prescribe", "charges", "pay", "find order", "dispense"];
        var timings = steps.ToDictionary(s => s, _ => new Timings());
        var completed = 0;
        var failed = 0;
        var run = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var seq = 0;
        async Task User()
        {
            var rng = new Random(Environment.CurrentManagedThreadId * 7919 + Interlocked.Increment(ref seq));
            while (run.Elapsed < until && Volatile.Read(ref completed) < maxVisits)
            {
                try
                {
                    var birth = new DateOnly(1940, 1, 1).AddDays(rng.Next(0, 365 * 70));
                    var name = "压测" + (char)('甲' + rng.Next(0, 20)) + (char)('乙' + rng.Next(0, 20));
                    // A made-up ID number can be a generated resident's: the server refuses it for another name (409,
                    // since issue 8), so the clerk, as at the counter, checks the card and types it again.
                    async Task<HttpResponseMessage> Register()
                    {
                        for (var attempt = 1; ; attempt++)
                        {
                            var candidate = Ids.Compose("130534", birth, rng.Next(0, 500) * 2 + 1);
                            var response = await cashier.PostAsJsonAsync("/api/v1/residents", new ResidentRequest(name, Sex.Male, birth, candidate, null, null, null), json);
                            if (response.StatusCode != System.Net.HttpStatusCode.Conflict || attempt == 5)
                            {
                                return response;
                            }
                            response.Dispose();
                        }
                    }
                    var resident = await Http.Timed<ResidentRegistered>(timings["register resident"], Register, json);
                    var enrolled = insured > 0 && rng.Next(100) < insured;
                    if (enrolled)
                    {
                        await Http.Timed<object>(timings["enrol"], () => cashier.PostAsJsonAsync("/api/v1/billing/insurance/enrolments",
                            new EnrolmentRequest(resident.Resident.Id, "CXJM", year), json), json);
                    }
                    var visit = await Http.Timed<VisitRegistered>(timings["register visit"], () => cashier.PostAsJsonAsync("/api/v1/visits",
                        new VisitRequest(resident.Resident.Id, department.Id, null, null), json), json);
                    await Http.Timed<object>(timings["save consultation"], () => doctor.PutAsJsonAsync($"/api/v1/visits/{visit.VisitId}/record",
                        new RecordRequest("头晕", null, null, null, null, null, 150, 95, 36.5m, 78, 18, 70m, 170m, null), json), json);
                    await Http.Timed<object>(timings["diagnose"], () => doctor.PutAsJsonAsync($"/api/v1/visits/{visit.VisitId}/diagnoses",
                        new DiagnosesRequest([new DiagnosisRequest("I10", true)]), json), json);
                    var rx = await Http.Timed<PrescriptionRow>(timings["prescribe"], () => doctor.PostAsJsonAsync($"/api/v1/visits/{visit.VisitId}/prescriptions",
                        new PrescriptionRequest([Item(formulary[rng.Next(formulary.Count)])]), json), json);
                    var charges = await Http.Timed<VisitCharges>(timings["charges"], () => cashier.GetAsync($"/api/v1/billing/visits/{visit.VisitId}/charges"), json);
                    if (enrolled)
                    {
                        await Http.Timed<SettlementView>(timings["settle"], () => cashier.PostAsJsonAsync("/api/v1/billing/insurance/settlements",
                            new SettlementRequest(Guid.NewGuid().ToString("N"), visit.VisitId, charges.Charges.Select(c => c.Id).ToList()), json), json);
                    }
                    await Http.Timed<Receipt>(timings["pay"], () => cashier.PostAsJsonAsync("/api/v1/billing/payments",
                        new PaymentRequest(Guid.NewGuid().ToString("N"), visit.VisitId, charges.Charges.Select(c => c.Id).ToList(), "WeChat"), json), json);
                    var orders = await Http.Timed<List<DispenseOrderRow>>(timings["find order"], () => pharmacist.GetAsync($"/api/v1/pharmacy/dispensing?prescription={rx.Number}"), json);
                    await Http.Timed<DispenseResponse>(timings["dispense"], () => pharmacist.PostAsJsonAsync($"/api/v1/pharmacy/dispensing/{orders.Single().Id}/dispense", new { }, json), json);
                    Interlocked.Increment(ref completed);
                }
                catch (InvalidOperationException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, users).Select(_ => Task.Run(User)));
        run.Stop();
        var after = await ServerCost.ReadAsync(admin, json);
        report.Append(CultureInfo.InvariantCulture, $"\n### Outpatient day — {o.Get("label")}, {users} users, {run.Elapsed.TotalSeconds:0} s{(formulary.Count > 1 ? $", {formulary.Count} drugs" : "")}{(insured > 0 ? $", {insured} % insured and settled" : "")}\n\n");
        report.Append(CultureInfo.InvariantCulture, $"**{completed / run.Elapsed.TotalSeconds:0.0} complete visits/s** ({completed} visits, {failed} failed)\n\n");
        report.Append(ServerCost.Describe(before, after, completed + failed)).Append("\n\n");
        report.Append("| step | n | errors | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        foreach (var s in steps)
        {
            report.Append(timings[s].Row(s));
        }
    }
}

/// <summary>The server's own counters (GET /api/v1/system/counters): CPU time, database commands and commits.</summary>
internal sealed record ServerCost(double CpuMilliseconds, long DbCommands, long DbCommits, long Requests)
{
    public static async Task<ServerCost> ReadAsync(HttpClient admin, JsonSerializerOptions json) =>
        (await admin.GetFromJsonAsync<ServerCost>("/api/v1/system/counters", json))!;

    /// <summary>Per visit started in the phase (completed or failed): every started visit cost the server its work.</summary>
    public static string Describe(ServerCost before, ServerCost after, int visits)
    {
        var n = Math.Max(1, visits);
        var statements = after.DbCommands - before.DbCommands + after.DbCommits - before.DbCommits;
        return string.Create(CultureInfo.InvariantCulture,
            $"Server cost per visit: **{(after.CpuMilliseconds - before.CpuMilliseconds) / n:0.0} ms CPU**, **{statements / (double)n:0.0} SQL statements** " +
            $"({(after.DbCommands - before.DbCommands) / (double)n:0.0} commands + {(after.DbCommits - before.DbCommits) / (double)n:0.0} commits), " +
            $"{(after.Requests - before.Requests) / (double)n:0.0} HTTP requests (the counters' own 2 reads included)");
    }
}

/// <summary>Resident search by name, pinyin initials, ID fragment and phone; baseline: one hand-written SQL query per kind.</summary>
internal static class Search
{
    public static async Task RunAsync(Options o, JsonSerializerOptions json, StringBuilder report)
    {
        var url = o.Require("url");
        var provider = o.Require("provider");
        var cs = o.Require("db");
        var n = o.Int("queries", 300);
        // Since issue 8 the administrator reads no residents: the search is the registration desk's, scoped to its
        // township and villages (the newest residents, the sample, are the ones the outpatient phases registered there).
        var desk = await Http.SignInAsync(url, "cashier", json);
        await using DbConnection conn = provider == "Postgres" ? new NpgsqlConnection(cs) : new SqliteConnection(cs);
        await conn.OpenAsync();
        var sample = new List<(string Name, string Pinyin, string Id, string? Phone)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT \"Name\", \"Pinyin\", \"IdNumber\", \"Phone\" FROM residents WHERE \"IdNumber\" IS NOT NULL AND \"Phone\" IS NOT NULL ORDER BY \"Id\" DESC LIMIT " + n.ToString(CultureInfo.InvariantCulture);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                sample.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
            }
        }
        var total = await Scalar(conn, "SELECT COUNT(*) FROM residents");
        report.Append(CultureInfo.InvariantCulture, $"\n### Resident search — {o.Get("label")}, {total:N0} residents, {sample.Count} queries of each kind, as 葛仙庄镇卫生院's registration desk (its township and villages)\n\n");
        report.Append("| query | n | errors | API p50 ms | API p95 ms | API p99 ms | SQL p50 ms | SQL p95 ms | SQL p99 ms |\n|---|---|---|---|---|---|---|---|---|\n");
        var kinds = new (string Kind, Func<(string Name, string Pinyin, string Id, string? Phone), string> Query, string Sql)[]
        {
            ("name (surname + first given character)", s => s.Name[..Math.Min(2, s.Name.Length)], "SELECT \"Id\",\"Name\",\"IdNumber\",\"Phone\" FROM residents WHERE \"Name\" >= @q AND \"Name\" < @hi ORDER BY \"Name\", \"BirthDate\" LIMIT 21"),
            ("pinyin initials", s => s.Pinyin, "SELECT \"Id\",\"Name\",\"IdNumber\",\"Phone\" FROM residents WHERE \"Pinyin\" >= @q AND \"Pinyin\" < @hi ORDER BY \"Pinyin\", \"Name\" LIMIT 21"),
            ("full ID number", s => s.Id, "SELECT \"Id\",\"Name\",\"IdNumber\",\"Phone\" FROM residents WHERE \"IdNumber\" = @q LIMIT 21"),
            // @r is the query reversed: a tail of the number is a prefix of the reversed column ('Z' sorts after digits and X).
            ("ID tail (last 6)", s => s.Id[^6..], "SELECT \"Id\",\"Name\",\"IdNumber\",\"Phone\" FROM residents WHERE (\"IdNumberReversed\" >= @r AND \"IdNumberReversed\" < @r || 'Z') OR (\"PhoneReversed\" >= @r AND \"PhoneReversed\" < @r || 'Z') ORDER BY \"Name\" LIMIT 21"),
            ("mobile phone", s => s.Phone!, "SELECT \"Id\",\"Name\",\"IdNumber\",\"Phone\" FROM residents WHERE \"Phone\" = @q LIMIT 21"),
        };
        foreach (var (kind, query, sql) in kinds)
        {
            var api = new Timings();
            var raw = new Timings();
            foreach (var s in sample)
            {
                var q = query(s);
                try
                {
                    await Http.Timed<JsonElement>(api, () => desk.GetAsync("/api/v1/residents?q=" + Uri.EscapeDataString(q)), json);
                }
                catch (InvalidOperationException)
                {
                }
                var watch = Stopwatch.StartNew();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = sql;
                var p = cmd.CreateParameter();
                p.ParameterName = "@q";
                p.Value = q;
                cmd.Parameters.Add(p);
                var r = cmd.CreateParameter();
                r.ParameterName = "@r";
                r.Value = new string(q.Reverse().ToArray());
                cmd.Parameters.Add(r);
                // A prefix as an index range, as the server writes it (LIKE 'q%' walks no index under a non-C collation).
                var hi = cmd.CreateParameter();
                hi.ParameterName = "@hi";
                hi.Value = q + '\uffff';
                cmd.Parameters.Add(hi);
                await using (var reader = await cmd.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                    }
                }
                raw.Add(watch.Elapsed.TotalMilliseconds);
            }
            var a = api.Row(kind).TrimEnd('\n').TrimEnd('|');
            var b = raw.Row("").Split('|', StringSplitOptions.TrimEntries)[4..7];
            report.Append(a).Append("| ").Append(string.Join(" | ", b)).Append(" |\n");
        }
    }

    internal static async Task<long> Scalar(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The write path's baseline: raw ADO.NET, no HTTP, no EF — each simulated visit is one transaction inserting the
/// 12 rows a visit writes (visit, diagnosis, prescription, item, two charges, payment, dispense order and line,
/// stock movement, two audit entries) into a scratch table, from as many connections as the load test has users.
/// </summary>
internal static class BaselineWrite
{
    private const int RowsPerVisit = 12;

    public static async Task RunAsync(Options o, StringBuilder report)
    {
        var provider = o.Require("provider");
        var cs = o.Require("db");
        var users = o.Int("users", 16);
        var seconds = o.Int("seconds", 30);
        var pg = provider == "Postgres";
        DbConnection Open() => pg ? new NpgsqlConnection(cs) : new SqliteConnection(cs + ";Default Timeout=30");
        await using (var setup = Open())
        {
            await setup.OpenAsync();
            await Exec(setup, "DROP TABLE IF EXISTS bench_rows");
            await Exec(setup, pg
                ? "CREATE TABLE bench_rows (id uuid PRIMARY KEY, visit uuid NOT NULL, kind int NOT NULL, amount numeric(18,2) NOT NULL, at timestamptz NOT NULL, note varchar(200))"
                : "CREATE TABLE bench_rows (id TEXT PRIMARY KEY, visit TEXT NOT NULL, kind INTEGER NOT NULL, amount TEXT NOT NULL, at TEXT NOT NULL, note TEXT)");
            if (!pg)
            {
                await Exec(setup, "PRAGMA journal_mode=WAL");
            }
        }
        var visits = 0;
        var run = Stopwatch.StartNew();
        var latencies = new Timings();
        async Task Writer()
        {
            await using var conn = Open();
            await conn.OpenAsync();
            if (!pg)
            {
                await Exec(conn, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");
            }
            while (run.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var watch = Stopwatch.StartNew();
                await using var tx = pg ? await conn.BeginTransactionAsync() : ((SqliteConnection)conn).BeginTransaction(deferred: false);
                await using var cmd = conn.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO bench_rows (id, visit, kind, amount, at, note) VALUES (@id, @visit, @kind, @amount, @at, @note)";
                var ps = new[] { "@id", "@visit", "@kind", "@amount", "@at", "@note" }.Select(n => { var p = cmd.CreateParameter(); p.ParameterName = n; cmd.Parameters.Add(p); return p; }).ToArray();
                var visit = Guid.CreateVersion7();
                for (var k = 0; k < RowsPerVisit; k++)
                {
                    ps[0].Value = pg ? Guid.CreateVersion7() : Guid.CreateVersion7().ToString();
                    ps[1].Value = pg ? visit : visit.ToString();
                    ps[2].Value = k;
                    ps[3].Value = 13.5m;
                    ps[4].Value = pg ? DateTime.SpecifyKind(new DateTime(2026, 11, 23, 8, 0, 0), DateTimeKind.Utc) : "2026-11-23 08:00:00";
                    ps[5].Value = "苯磺酸氨氯地平片 5mg×7片";
                    await cmd.ExecuteNonQueryAsync();
                }
                await tx.CommitAsync();
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref visits);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, users).Select(_ => Task.Run(Writer)));
        run.Stop();
        await using (var cleanup = Open())
        {
            await cleanup.OpenAsync();
            await Exec(cleanup, "DROP TABLE bench_rows");
        }
        report.Append(CultureInfo.InvariantCulture, $"\nBaseline (raw ADO.NET, {RowsPerVisit} rows per visit in one transaction, {users} connections): **{visits / run.Elapsed.TotalSeconds:0.0} visits/s**\n\n");
        report.Append("| step | n | errors | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|\n").Append(latencies.Row("one visit's rows"));
    }

    private static async Task Exec(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>GB 11643 numbers for the simulated registrations (the product's rule is internal to its module).</summary>
internal static class Ids
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string Compose(string region, DateOnly birth, int seq)
    {
        var first = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("000", CultureInfo.InvariantCulture);
        var sum = first.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return first + "10X98765432"[sum % 11];
    }
}

/// <summary>
/// The indicator engine at county scale (issue 10): the full catalogue for every institution over a year, the
/// dashboard, the generated summary — each against its limit — and the rebuild of the monthly tables (timed by the
/// rebuild-aggregates verb, passed in) against hand-written GROUP BY scans of the same records in the same run.
/// </summary>
internal static class IndicatorBench
{
    public static async Task RunAsync(Options o, JsonSerializerOptions json, StringBuilder report)
    {
        var url = o.Require("url");
        var provider = o.Require("provider");
        var year = int.Parse(o.Require("year"), CultureInfo.InvariantCulture);
        var runs = o.Int("runs", 5);
        var bureau = await Http.SignInAsync(url, "bureau", json);
        var director = await Http.SignInAsync(url, "director", json);
        await using DbConnection conn = provider == "Postgres" ? new NpgsqlConnection(o.Require("db")) : new SqliteConnection(o.Require("db"));
        await conn.OpenAsync();
        var facts = await Search.Scalar(conn, "SELECT COUNT(*) FROM indicator_facts");
        var visits = await Search.Scalar(conn, "SELECT COUNT(*) FROM visits");
        report.Append(CultureInfo.InvariantCulture, $"\n### Indicators — {o.Get("label")}, {visits:N0} visits, {facts:N0} monthly figures, year {year}\n\n");
        report.Append("| step | runs | errors | p50 ms | max ms | limit ms |\n|---|---|---|---|---|---|\n");
        // No codes: the whole catalogue.
        var steps = new (string Step, HttpClient Client, string[] Urls, int Limit)[]
        {
            ("full catalogue, every institution, the year (kind=year)", bureau, [$"/api/v1/indicators/statistics?kind=year&month={year}-12"], 1000),
            ("full catalogue, every institution, each month of the year (12 tables)", bureau,
                Enumerable.Range(1, 12).Select(m => $"/api/v1/indicators/statistics?kind=month&month={year}-{m:00}").ToArray(), 1000),
            ("fund statistics (YB01–YB10), every institution, the year", bureau,
                [$"/api/v1/indicators/statistics?kind=year&month={year}-12&codes=YB01,YB02,YB03,YB04,YB05,YB06,YB07,YB08,YB09,YB10"], 1000),
            ("dashboard, county (bureau)", bureau, [$"/api/v1/indicators/dashboard?month={year}-12"], 300),
            ("dashboard, 葛仙庄镇卫生院 and its villages (director)", director, [$"/api/v1/indicators/dashboard?month={year}-12"], 300),
            ("work summary of the county, the year", bureau, [$"/api/v1/indicators/summary?month={year}-12"], 2000),
        };
        foreach (var (step, client, urls, limit) in steps)
        {
            // One warm-up call, then the runs: each run every URL of the step in turn.
            await Http.Timed<JsonElement>(new Timings(), () => client.GetAsync(urls[0]), json);
            var times = new List<double>();
            var errors = 0;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                foreach (var u in urls)
                {
                    try
                    {
                        await Http.Timed<JsonElement>(new Timings(), () => client.GetAsync(u), json);
                    }
                    catch (InvalidOperationException)
                    {
                        errors++;
                    }
                }
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            report.Append(CultureInfo.InvariantCulture, $"| {step} | {runs} | {errors} | {times[times.Count / 2]:N0} | {times[^1]:N0} | {limit:N0} |\n");
        }

        // The same records the rebuild counts, each scanned once by a hand-written GROUP BY on institution and month.
        var month = provider == "Postgres" ? (Func<string, string>)(c => $"to_char({c} AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai', 'YYYYMM')") : c => $"strftime('%Y%m', {c}, '+8 hours')";
        var date = provider == "Postgres" ? (Func<string, string>)(c => $"to_char({c}, 'YYYYMM')") : c => $"substr({c}, 1, 7)";
        var day = date("v.\"VisitDate\"");
        var scans = new (string Name, string Sql)[]
        {
            ("visits by institution, month, department, doctor", $"SELECT v.\"InstitutionId\", {day}, v.\"DepartmentId\", v.\"DoctorStaffId\", COUNT(*) FROM visits v WHERE v.\"Status\" <> 4 GROUP BY 1, 2, 3, 4"),
            ("prescriptions by institution, month (visit date)", $"SELECT v.\"InstitutionId\", {day}, COUNT(*) FROM prescriptions p JOIN visits v ON v.\"Id\" = p.\"VisitId\" GROUP BY 1, 2"),
            ("prescription items by institution, month (visit date)", $"SELECT v.\"InstitutionId\", {day}, COUNT(*), SUM(i.\"Quantity\" * i.\"UnitPrice\") FROM prescription_items i JOIN prescriptions p ON p.\"Id\" = i.\"PrescriptionId\" JOIN visits v ON v.\"Id\" = p.\"VisitId\" GROUP BY 1, 2"),
            ("paid charges by institution, month, category", $"SELECT p.\"InstitutionId\", {month("p.\"PaidAt\"")}, c.\"Category\", SUM(c.\"Amount\") FROM payments p JOIN charges c ON c.\"PaymentId\" = p.\"Id\" GROUP BY 1, 2, 3"),
            ("refunded charges by institution, month, category", $"SELECT r.\"InstitutionId\", {month("r.\"RefundedAt\"")}, c.\"Category\", SUM(c.\"Amount\") FROM refunds r JOIN charges c ON c.\"RefundId\" = r.\"Id\" GROUP BY 1, 2, 3"),
            ("dispensings by institution, month", $"SELECT \"InstitutionId\", {month("\"DispensedAt\"")}, COUNT(*) FROM dispense_orders WHERE \"DispensedAt\" IS NOT NULL GROUP BY 1, 2"),
            ("stock movements by month", $"SELECT {month("\"At\"")}, \"BatchId\", SUM(\"Quantity\") FROM stock_movements GROUP BY 1, 2"),
            ("residents by managing institution, month", $"SELECT \"ManagingInstitutionId\", {month("\"CreatedAt\"")}, COUNT(*) FROM residents GROUP BY 1, 2"),
            // The programmes' records (issue 11), each by its institution and the month of its date.
            ("chronic enrolments by institution, month, programme", $"SELECT \"InstitutionId\", {date("\"EnrolledOn\"")}, \"Programme\", COUNT(*) FROM chronic_enrolments GROUP BY 1, 2, 3"),
            ("chronic follow-ups by institution, month, programme, at target", $"SELECT \"InstitutionId\", {date("\"Date\"")}, \"Programme\", \"AtTarget\", COUNT(*) FROM chronic_follow_ups GROUP BY 1, 2, 3, 4"),
            ("vaccinations by institution, month, series, dose", $"SELECT \"GivenAtInstitutionId\", {date("\"GivenOn\"")}, \"Series\", \"Dose\", COUNT(*) FROM vaccinations GROUP BY 1, 2, 3, 4"),
            ("health records by institution, month made", $"SELECT \"InstitutionId\", {date("\"CreatedOn\"")}, COUNT(*) FROM health_records GROUP BY 1, 2"),
            ("child checks by institution, month, contact", $"SELECT \"InstitutionId\", {date("\"Date\"")}, \"Contact\", COUNT(*) FROM child_checks GROUP BY 1, 2, 3"),
            ("elderly checks by institution, month", $"SELECT \"InstitutionId\", {date("\"Date\"")}, COUNT(*) FROM elderly_checks GROUP BY 1, 2"),
            ("pregnancies by institution, month registered", $"SELECT \"InstitutionId\", {date("\"RegisteredOn\"")}, COUNT(*) FROM pregnancies GROUP BY 1, 2"),
            ("maternal visits by institution, month, contact", $"SELECT \"InstitutionId\", {date("\"Date\"")}, \"Contact\", COUNT(*) FROM maternal_visits GROUP BY 1, 2, 3"),
            ("mental follow-ups by institution, month, class", $"SELECT \"InstitutionId\", {date("\"Date\"")}, \"Class\", COUNT(*) FROM mental_follow_ups GROUP BY 1, 2, 3"),
            ("TB visits by institution, month", $"SELECT \"InstitutionId\", {date("\"Date\"")}, COUNT(*) FROM tb_visits GROUP BY 1, 2"),
            ("report cards by institution, month", $"SELECT \"InstitutionId\", {month("\"CreatedAt\"")}, \"DiseaseCode\", COUNT(*) FROM report_cards GROUP BY 1, 2, 3"),
            ("education activities by institution, month, kind", $"SELECT \"InstitutionId\", {date("\"Date\"")}, \"Kind\", SUM(\"AudienceCount\") FROM education_activities GROUP BY 1, 2, 3"),
            // Insurance (issue 12): the claims by the institution of care, the enrolled population and its use of the fund by home clinic.
            ("insurance settlements by institution, month", $"SELECT \"InstitutionId\", {month("\"SettledAt\"")}, COUNT(*), SUM(\"Total\"), SUM(\"Eligible\"), SUM(\"FundPays\") FROM insurance_settlements WHERE \"Status\" <> 3 GROUP BY 1, 2"),
            ("insurance enrolments by institution, year, scheme", "SELECT \"InstitutionId\", \"Year\", \"SchemeId\", COUNT(*), SUM(\"Contribution\") FROM insurance_enrolments GROUP BY 1, 2, 3"),
            ("fund paid by home clinic, month", $"SELECT \"HomeInstitutionId\", {month("\"SettledAt\"")}, SUM(\"FundPays\") FROM insurance_settlements WHERE \"Status\" <> 3 AND \"FundPays\" > 0 GROUP BY 1, 2"),
        };
        // The figures the rebuild derives from more than one table, each by the plain GROUP BY over the records it reads
        // (session 15): a first visit needs the resident's earlier visits, a doctor-day the days, a record in use its
        // resident's services of the last three years, coverage the children with their doses, the children 0–6 their births.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        string Day(DateOnly d) => $"'{d:yyyy-MM-dd}'";
        var servicesFrom = Day(thisMonth.AddYears(-3));
        string Served(string table, string column) => $"SELECT \"ResidentId\" AS r, {date($"\"{column}\"")} AS m FROM {table} WHERE \"{column}\" >= {servicesFrom}";
        var derived = new (string Name, string Sql)[]
        {
            ("first visits by institution, month (no earlier visit there)", $"SELECT v.\"InstitutionId\", {day}, COUNT(*) FROM visits v WHERE v.\"Status\" <> 4 AND NOT EXISTS " +
                "(SELECT 1 FROM visits o WHERE o.\"ResidentId\" = v.\"ResidentId\" AND o.\"InstitutionId\" = v.\"InstitutionId\" AND o.\"Status\" <> 4 AND o.\"RegisteredAt\" < v.\"RegisteredAt\") GROUP BY 1, 2"),
            ("doctor-days: visits by institution, doctor, day", "SELECT \"InstitutionId\", \"DoctorStaffId\", \"VisitDate\", COUNT(*) FROM visits WHERE \"Status\" <> 4 AND \"DoctorStaffId\" IS NOT NULL GROUP BY 1, 2, 3"),
            ("health records with their residents' service months (three years)", "SELECT h.\"InstitutionId\", s.m, COUNT(*) FROM health_records h JOIN (" +
                string.Join(" UNION ", Served("visits", "VisitDate"), Served("vaccinations", "GivenOn"), Served("chronic_follow_ups", "Date"), Served("elderly_checks", "Date"),
                    Served("mental_follow_ups", "Date"), Served("maternal_visits", "Date"), Served("child_checks", "Date"), Served("tb_visits", "Date")) +
                ") s ON s.r = h.\"ResidentId\" GROUP BY 1, 2"),
            ("children of the schedule's years by clinic, birth month, dose had", $"SELECT r.\"ManagingInstitutionId\", {date("r.\"BirthDate\"")}, v.\"Series\", v.\"Dose\", COUNT(*) FROM residents r " +
                $"LEFT JOIN vaccinations v ON v.\"ResidentId\" = r.\"Id\" WHERE r.\"BirthDate\" >= {Day(thisMonth.AddYears(-14))} GROUP BY 1, 2, 3, 4"),
            ("each enrolled person's first fund payment of the year, by home clinic and month", $"SELECT e.\"InstitutionId\", {month("f.first")}, COUNT(*) FROM " +
                "(SELECT \"EnrolmentId\", MIN(\"SettledAt\") AS first FROM insurance_settlements WHERE \"Status\" <> 3 AND \"FundPays\" > 0 GROUP BY 1) f " +
                "JOIN insurance_enrolments e ON e.\"Id\" = f.\"EnrolmentId\" GROUP BY 1, 2"),
            ("children 0–6 since 2000 by clinic, birth month, newborn visited", $"SELECT r.\"ManagingInstitutionId\", {date("r.\"BirthDate\"")}, COUNT(*), COUNT(c.\"Id\") FROM residents r " +
                $"LEFT JOIN child_checks c ON c.\"ResidentId\" = r.\"Id\" AND c.\"Contact\" = 'newborn' WHERE r.\"BirthDate\" >= '1993-01-01' GROUP BY 1, 2"),
        };
        if (o.Get("scans") == "no")
        {
            return;
        }
        report.Append("\n| hand-written scan | ms |\n|---|---|\n");
        var scanTotal = 0.0;
        var derivedTotal = 0.0;
        foreach (var (name, sql) in scans.Concat(derived))
        {
            var watch = Stopwatch.StartNew();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 3600;
            await using (var r = await cmd.ExecuteReaderAsync())
            {
                while (await r.ReadAsync())
                {
                }
            }
            if (derived.Any(d => d.Name == name))
            {
                derivedTotal += watch.Elapsed.TotalMilliseconds;
            }
            else
            {
                scanTotal += watch.Elapsed.TotalMilliseconds;
            }
            report.Append(CultureInfo.InvariantCulture, $"| {name} | {watch.Elapsed.TotalMilliseconds:N0} |\n");
        }
        report.Append(CultureInfo.InvariantCulture, $"| **the {scans.Length} single-table scans** | **{scanTotal:N0}** |\n| **with the {derived.Length} derived figures' scans** | **{scanTotal + derivedTotal:N0}** |\n");
        if (o.Get("rebuild-seconds") is { } rebuilt)
        {
            var rebuildMs = double.Parse(rebuilt, CultureInfo.InvariantCulture) * 1000;
            report.Append(CultureInfo.InvariantCulture, $"\nRebuild of the monthly tables (rebuild-aggregates): {rebuildMs:N0} ms = {rebuildMs / (scanTotal + derivedTotal):0.00}× all the hand-written scans " +
                $"({rebuildMs / scanTotal:0.00}× the single-table ones alone; limit 1.5×).\n");
        }
    }
}

/// <summary>
/// The raw COPY rate of the same database's rows, the yardstick of the generator (issue 11: generation keeps ≥ 50 % of
/// it). Each table's rows (up to --sample of them) are exported with binary COPY and timed going into an empty copy of
/// the table with its indexes and constraints (not its foreign keys, which the generator's writes do check: the
/// yardstick is the stricter for it); the table's full count at that rate gives the time raw COPY would take for all
/// the rows, and the sum over the tables the raw rate to compare with the generator's rows/s.
/// </summary>
internal static class CopyBaseline
{
    public static async Task RunAsync(Options o, StringBuilder report)
    {
        var sample = o.Int("sample", 1_000_000);
        var generated = double.Parse(o.Require("generated-rows-per-second"), CultureInfo.InvariantCulture);
        await using var conn = new NpgsqlConnection(o.Require("db"));
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'bench_copy%' AND tablename <> '__EFMigrationsHistory' ORDER BY tablename", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var file = Path.Combine(Path.GetTempPath(), $"copy-baseline-{Environment.ProcessId}.bin");
        var rows = new List<(string Table, long Rows, long Sampled, double Seconds)>();
        try
        {
            foreach (var table in tables)
            {
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", conn) { CommandTimeout = 3600 };
                var total = (long)(await count.ExecuteScalarAsync())!;
                if (total == 0)
                {
                    continue;
                }
                var take = Math.Min(total, sample);
                await using (var export = await conn.BeginRawBinaryCopyAsync($"COPY (SELECT * FROM \"{table}\" LIMIT {take}) TO STDOUT (FORMAT BINARY)"))
                await using (var output = File.Create(file))
                {
                    await export.CopyToAsync(output);
                }
                await using (var create = new NpgsqlCommand($"DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (LIKE \"{table}\" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)", conn))
                {
                    await create.ExecuteNonQueryAsync();
                }
                var watch = Stopwatch.StartNew();
                await using (var import = await conn.BeginRawBinaryCopyAsync("COPY bench_copy FROM STDIN (FORMAT BINARY)"))
                await using (var input = File.OpenRead(file))
                {
                    await input.CopyToAsync(import);
                }
                var seconds = watch.Elapsed.TotalSeconds;
                rows.Add((table, total, take, seconds));
                Console.WriteLine($"  {table,-32} {total,14:N0} rows, {take:N0} copied in {seconds:N2} s = {take / seconds:N0} rows/s");
            }
        }
        finally
        {
            File.Delete(file);
            await using var drop = new NpgsqlCommand("DROP TABLE IF EXISTS bench_copy", conn);
            await drop.ExecuteNonQueryAsync();
        }
        var allRows = rows.Sum(r => r.Rows);
        var rawSeconds = rows.Sum(r => r.Rows * r.Seconds / r.Sampled);
        var raw = allRows / rawSeconds;
        report.Append(CultureInfo.InvariantCulture, $"\n### Raw COPY yardstick — {o.Get("label")}, {rows.Count} tables, {allRows:N0} rows (up to {sample:N0} a table copied and timed)\n\n");
        report.Append("| table | rows | copied | raw rows/s |\n|---|---|---|---|\n");
        foreach (var r in rows.OrderByDescending(r => r.Rows).Take(15))
        {
            report.Append(CultureInfo.InvariantCulture, $"| {r.Table} | {r.Rows:N0} | {r.Sampled:N0} | {r.Sampled / r.Seconds:N0} |\n");
        }
        report.Append(CultureInfo.InvariantCulture, $"| (the other {Math.Max(0, rows.Count - 15)} tables) | {rows.OrderByDescending(r => r.Rows).Skip(15).Sum(r => r.Rows):N0} | | |\n");
        report.Append(CultureInfo.InvariantCulture, $"\nRaw COPY of all the rows: {rawSeconds:N0} s = **{raw:N0} rows/s**; the generator: {generated:N0} rows/s = **{generated / raw:P0}** of it (limit ≥ 50 %).\n");
    }
}

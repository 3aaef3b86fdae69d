using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using CountyHealth.Kernel.Data;
using CountyHealth.Outpatient.Orders;
using CountyHealth.Outpatient.Prescriptions;
using CountyHealth.Outpatient.Visits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Every statement of the outpatient day and of resident search finds its rows through an index: a scan of a table
/// that grows with the county is cheap on the demo data and takes a second per request on the county (one such
/// query once made each dispensing scan all 10 million prescriptions and collapsed the SQLite server under load).
/// </summary>
public sealed class QueryPlanTests(QueryPlanTests.PlanRecordingHost host) : IClassFixture<QueryPlanTests.PlanRecordingHost>
{
    /// <summary>Tables whose row count grows with residents and visits; the others are reference data of a few thousand rows.</summary>
    private static readonly HashSet<string> CountyScaleTables = new(StringComparer.Ordinal)
    {
        "residents", "resident_institutions", "households", "visits", "visit_diagnoses", "visit_orders", "prescriptions", "prescription_items",
        "charges", "payments", "refunds", "dispense_orders", "dispense_lines", "stock_movements", "audit_entries",
    };

    [Fact]
    public async Task The_outpatient_day_and_resident_search_never_scan_a_county_sized_table()
    {
        var clinic = new Clinic(host);
        host.Recorder.Clear();
        var resident = await clinic.RegisterResidentAsync();
        var visit = await clinic.RegisterVisitAsync(resident.Id);
        var doctor = await clinic.Doctor;
        await doctor.PutAsync($"/api/v1/visits/{visit.VisitId}/record", Clinic.Record(150, 95), HttpStatusCode.NoContent);
        await doctor.PutAsync<List<DiagnosisRow>>($"/api/v1/visits/{visit.VisitId}/diagnoses", new DiagnosesRequest([new DiagnosisRequest("I10", true)]), HttpStatusCode.OK);
        var drug = await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片");
        var prescription = await clinic.PrescribeAsync(visit.VisitId, drug.Id, 5m, "qd", 14);
        await clinic.VisitAsync(visit.VisitId);
        await clinic.PayOpenChargesAsync(visit.VisitId, "WeChat");
        var order = await clinic.WaitingOrderAsync(prescription.Number);
        var scanned = await (await clinic.Pharmacist).GetAsync<List<CountyHealth.Pharmacy.Dispensing.DispenseOrderRow>>($"/api/v1/pharmacy/dispensing?prescription={prescription.Number}");
        Assert.Equal(order.Id, Assert.Single(scanned).Id);
        await clinic.DispenseAsync(order.Id);
        // The lists the desks keep open all day.
        var cashier = await clinic.Cashier;
        var pharmacist = await clinic.Pharmacist;
        foreach (var (client, url) in new[]
        {
            (cashier, "/api/v1/billing/pending"),
            (cashier, "/api/v1/billing/settlement"),
            (cashier, $"/api/v1/billing/payments/{(await clinic.ChargesAsync(visit.VisitId)).Charges[0].PaymentId}/receipt"),
            (doctor, "/api/v1/visits"),
            (pharmacist, "/api/v1/pharmacy/dispensing?status=Dispensed"),
            (pharmacist, "/api/v1/pharmacy/stock"),
            (pharmacist, $"/api/v1/pharmacy/batches?drugId={drug.Id}"),
            (cashier, $"/api/v1/residents/{resident.Id}"),
        })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        }
        foreach (var query in new[] { resident.Name, resident.Pinyin, resident.IdNumber!, resident.IdNumber![^6..], resident.Phone! })
        {
            Assert.Contains((await clinic.SearchResidentsAsync(query)).Items, r => r.Id == resident.Id);
        }

        var plans = host.Recorder.Plans.ToList();
        Assert.True(plans.Count > 30, $"the recorder saw only {plans.Count} statements");
        var scans = plans
            .SelectMany(p => ScannedTables(p.Sql, p.Plan).Where(CountyScaleTables.Contains).Select(t => $"{t}: {p.Sql}\n  {string.Join("\n  ", p.Plan)}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(scans.Count == 0, "Full scans of county-sized tables:\n" + string.Join("\n\n", scans));
    }

    [Fact]
    public async Task Recounting_a_marked_month_never_scans_a_county_sized_table()
    {
        var clinic = new Clinic(host);
        var drug = await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片");
        var visit = await clinic.NewVisitAsync();
        await clinic.PrescribeAsync(visit.VisitId, drug.Id, 5m, "qd", 7);
        await clinic.PayOpenChargesAsync(visit.VisitId, "Cash");
        var institution = (await clinic.InternalMedicineAsync()).InstitutionId;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        host.Recorder.Clear();

        // Every source's month of the centre marked, and counted again (by this call or the background refresher).
        var month = Clinic.Today.Year * 100 + Clinic.Today.Month;
        db.AddRange(new[] { "outpatient", "billing", "pharmacy", "residents", "forms" }
            .Select(source => new CountyHealth.Kernel.Facts.FactChange { Source = source, InstitutionId = institution, Month = month }));
        await db.SaveChangesAsync();
        await CountyHealth.Indicators.MonthlyTables.RefreshAsync(scope.ServiceProvider, CancellationToken.None);
        while (await db.Set<CountyHealth.Kernel.Facts.FactChange>().AnyAsync())
        {
            await Task.Delay(100);
        }

        var plans = host.Recorder.Plans.ToList();
        Assert.Contains(plans, p => p.Sql.Contains("\"prescription_items\"", StringComparison.Ordinal) && p.Sql.Contains("GROUP BY", StringComparison.Ordinal));
        var scans = plans
            .SelectMany(p => ScannedTables(p.Sql, p.Plan).Where(CountyScaleTables.Contains).Select(t => $"{t}: {p.Sql}\n  {string.Join("\n  ", p.Plan)}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(scans.Count == 0, "Full scans of county-sized tables:\n" + string.Join("\n\n", scans));
    }

    [Fact]
    public async Task The_audit_logs_filters_and_labels_never_scan_a_county_sized_table()
    {
        var clinic = new Clinic(host);
        var drug = await clinic.FindDrugAsync("氨氯地平", "苯磺酸氨氯地平片");
        var visit = await clinic.NewVisitAsync();
        var prescription = await clinic.PrescribeAsync(visit.VisitId, drug.Id, 5m, "qd", 7);
        var receipt = await clinic.PayOpenChargesAsync(visit.VisitId, "Cash");
        var detail = await clinic.VisitAsync(visit.VisitId);
        var admin = await clinic.Admin;
        host.Recorder.Clear();
        foreach (var filter in new[]
        {
            $"resident={Uri.EscapeDataString(detail.ResidentName)}", $"resident={detail.IdNumber}", $"document={visit.VisitNumber}",
            $"document={prescription.Number}", $"document={receipt.ReceiptNumber}", $"residentId={detail.ResidentId}&action=Read",
        })
        {
            var page = await admin.GetAsync<CountyHealth.Kernel.Web.Page<CountyHealth.Platform.Audit.AuditRow>>($"/api/v1/audit?{filter}");
            Assert.NotEmpty(page.Items);
        }

        var plans = host.Recorder.Plans.ToList();
        Assert.True(plans.Count(p => p.Sql.StartsWith("SELECT", StringComparison.Ordinal) && p.Sql.Contains("FROM \"audit_entries\"", StringComparison.Ordinal)) >= 6,
            "the recorder should see the log's own queries");
        var scans = plans
            .SelectMany(p => ScannedTables(p.Sql, p.Plan).Where(CountyScaleTables.Contains).Select(t => $"{t}: {p.Sql}\n  {string.Join("\n  ", p.Plan)}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(scans.Count == 0, "Full scans of county-sized tables:\n" + string.Join("\n\n", scans));
    }

    [Fact]
    public void The_plan_reader_names_the_table_behind_an_alias()
    {
        const string sql = """SELECT "p"."Id" FROM "prescriptions" AS "p" LEFT JOIN "prescription_items" AS "p1" ON "p"."Id" = "p1"."PrescriptionId" """;
        Assert.Equal(["prescriptions"], ScannedTables(sql, ["SCAN p", "SEARCH p1 USING INDEX IX_prescription_items_PrescriptionId (PrescriptionId=?)"]));
        Assert.Equal(["visits"], ScannedTables("""SELECT 1 FROM visits WHERE "VisitDate" = 1""", ["SCAN visits USING COVERING INDEX IX_visits_DepartmentId_VisitDate"]));
        Assert.Empty(ScannedTables(sql, ["SEARCH p USING INTEGER PRIMARY KEY (rowid=?)"]));
    }

    /// <summary>Tables that a plan reads by scanning (SQLite's "SCAN x", with or without a covering index), aliases resolved.</summary>
    internal static IEnumerable<string> ScannedTables(string sql, IEnumerable<string> plan)
    {
        var aliases = Regex.Matches(sql, """(?:FROM|JOIN)\s+"?(\w+)"?\s+AS\s+"?(\w+)"?""", RegexOptions.IgnoreCase)
            .GroupBy(m => m.Groups[2].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Groups[1].Value, StringComparer.Ordinal);
        foreach (var line in plan)
        {
            var m = Regex.Match(line, @"^SCAN (\w+)");
            if (m.Success)
            {
                yield return aliases.GetValueOrDefault(m.Groups[1].Value, m.Groups[1].Value);
            }
        }
    }

    /// <summary>The SQLite host with a recorder that asks SQLite for the plan of every single-statement command before running it.</summary>
    public sealed class PlanRecordingHost() : CountyHealthFactory(DatabaseProviders.Sqlite)
    {
        public PlanRecorder Recorder { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.ConfigureDbContext<CountyHealthDb>(o => o.AddInterceptors(Recorder)));
        }
    }

    public sealed class PlanRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<(string Sql, List<string> Plan)> plans = new();

        public IEnumerable<(string Sql, List<string> Plan)> Plans => plans;

        public void Clear() => plans.Clear();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Explain(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Explain(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Explain(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Explain(command);
            return ValueTask.FromResult(result);
        }

        private void Explain(DbCommand command)
        {
            var sql = command.CommandText.Trim();
            // EXPLAIN covers only the first statement of a batch and would run the rest: explain single statements only
            // (EF's batches are INSERTs and key-based UPDATEs), and never the pragmas.
            if (sql.TrimEnd(';').Contains(';', StringComparison.Ordinal) || sql.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)
                || command is not SqliteCommand sqlite)
            {
                return;
            }
            using var explain = sqlite.Connection!.CreateCommand();
            explain.Transaction = sqlite.Transaction;
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (SqliteParameter p in sqlite.Parameters)
            {
                explain.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value ?? DBNull.Value));
            }
            var plan = new List<string>();
            using (var reader = explain.ExecuteReader())
            {
                while (reader.Read())
                {
                    plan.Add(reader.GetString(reader.GetOrdinal("detail")));
                }
            }
            plans.Enqueue((sql, plan));
        }
    }
}

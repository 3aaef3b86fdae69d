using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Outpatient.Seeding;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using CountyHealth.Residents.Households;
using CountyHealth.Residents.ResidentIndex;
using CountyHealth.Residents.Seeding;
using CountyHealth.Server.Operations;
using CountyHealth.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>The synthetic county's bulk path writes rows that EF and the API read back, and that keep the product's invariants.</summary>
public abstract class GeneratorTests(CountyHealthFactory host)
{
    [Fact]
    public async Task A_small_generated_county_reads_back_and_keeps_the_invariants()
    {
        GenerationReport report;
        List<string> indexesBefore;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            indexesBefore = await IndexesAsync(scope.ServiceProvider.GetRequiredService<CountyHealthDb>());
            var generator = scope.ServiceProvider.GetRequiredService<CountyGenerator>();
            // As the generate verb loads: on PostgreSQL the secondary indexes are dropped for the load and built again.
            report = await generator.GenerateAsync(new GenerationOptions(400, TestSeed.Next(int.MaxValue), 2, 1.08, DeferIndexes: true), _ => { }, CancellationToken.None);
        }
        Assert.Equal(400, report.RowsByTable["residents"]);
        Assert.InRange(report.RowsByTable["visits"], 400 * 2 * 0.7, 400 * 2 * 1.5); // ≈1.08 a resident and year
        Assert.True(report.RowsByTable["prescriptions"] < report.RowsByTable["visits"]);

        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CountyHealthDb>();
        Assert.True(indexesBefore.Count > 50, $"only {indexesBefore.Count} indexes");
        Assert.Equal(indexesBefore, await IndexesAsync(db));
        var generated = await db.Set<Payment>().AsNoTracking().Where(p => p.CashierUserName == "generator").Select(p => p.VisitId).ToListAsync();
        Assert.True(generated.Count >= report.RowsByTable["payments"]);

        // Every batch's stock equals its receipts minus its dispensings.
        var batches = await db.Set<StockBatch>().AsNoTracking().Where(b => b.ReceivedBy == "generator").ToListAsync();
        var ids = batches.Select(b => b.Id).ToList();
        var moved = (await db.Set<StockMovement>().AsNoTracking().Where(m => ids.Contains(m.BatchId)).Select(m => new { m.BatchId, m.Quantity }).ToListAsync())
            .GroupBy(m => m.BatchId).ToDictionary(g => g.Key, g => g.Sum(m => m.Quantity));
        Assert.NotEmpty(batches);
        Assert.All(batches, b => Assert.Equal(b.QuantityOnHand, moved[b.Id]));

        // Every payment equals its charges, and no generated charge is left open.
        var visitSample = generated.Take(200).ToList();
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => visitSample.Contains(p.VisitId)).ToListAsync();
        var charges = await db.Set<Charge>().AsNoTracking().Where(c => visitSample.Contains(c.VisitId)).ToListAsync();
        Assert.All(payments, p => Assert.Equal(p.Amount, charges.Where(c => c.PaymentId == p.Id).Sum(c => c.Amount)));
        Assert.DoesNotContain(charges, c => c.Status != ChargeStatus.Paid);

        // Generated residents are valid MPI entries, findable through the API by a records clerk of the township that
        // keeps them (and not by the county's administrator, who manages accounts, not patients).
        var createdAt = (await db.Set<Resident>().AsNoTracking().OrderByDescending(r => r.Id).FirstAsync()).CreatedAt;
        var generatedResidents = await db.Set<Resident>().AsNoTracking().Where(r => r.CreatedAt == createdAt).ToListAsync();
        Assert.Equal(400, generatedResidents.Count);
        var resident = generatedResidents.MaxBy(r => r.Id)!;
        var village = await db.Set<CountyHealth.Platform.Domain.Institution>().AsNoTracking().SingleAsync(i => i.Id == resident.ManagingInstitutionId);
        var township = village.ParentId ?? throw new InvalidOperationException("a generated village clinic has no township centre");
        var below = await db.Set<CountyHealth.Platform.Domain.Institution>().AsNoTracking()
            .Where(i => i.Id == township || i.ParentId == township).Select(i => i.Id).ToListAsync();
        var admin = await host.As(DemoAccounts.Admin);
        var clerkName = TestData.Code("gen.");
        using (var created = await admin.PostAsync("/api/v1/users",
            new CountyHealth.Platform.Accounts.UserRequest(clerkName, "档案测试", "Gen2026pass", township, null, ["recordsclerk"])))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }
        var clerk = await host.SignInAsync(clerkName, "Gen2026pass");
        Assert.True(ChineseIdNumber.TryParse(resident.IdNumber, DateOnly.MaxValue, out var info, out _));
        Assert.Equal(resident.Sex, info!.Sex);
        var found = await clerk.GetAsync<Page<ResidentRow>>($"/api/v1/residents?q={resident.IdNumber}");
        Assert.Equal(resident.Name, Assert.Single(found.Items).Name);
        using (var denied = await admin.GetAsync($"/api/v1/residents?q={resident.IdNumber}"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, denied.StatusCode);
        }

        // Every generated resident lives in a household of one address with exactly one head; the API shows its members.
        Assert.All(generatedResidents, r => Assert.NotNull(r.HouseholdId));
        var households = generatedResidents.GroupBy(r => r.HouseholdId).ToList();
        Assert.Equal(report.RowsByTable["households"], households.Count);
        Assert.InRange(400.0 / households.Count, 2.0, 3.3);
        Assert.All(households, h => Assert.Single(h, r => r.RelationToHead == HouseholdRelations.Head));
        Assert.All(households, h => Assert.Single(h.Select(r => r.Address).Distinct()));
        var family = households.First(h => h.Count() > 1 && below.Contains(h.First().ManagingInstitutionId));
        var view = await clerk.GetAsync<HouseholdView>($"/api/v1/residents/{family.First().Id}/household");
        Assert.Equal(family.Select(r => r.Id).Order(), view.Members.Select(m => m.ResidentId).Order());
        Assert.Equal("户主", view.Members[0].RelationName);
        Assert.Equal(family.First().Address, view.Address);

        var diagnoses = await db.Set<VisitDiagnosis>().AsNoTracking().Where(d => d.Code == "I10").CountAsync();
        Assert.True(diagnoses > 0, "hypertension is diagnosed at survey rates");

        // Nearly every resident is enrolled each year; an enrolled patient's payment is settled, the fund's share on the
        // receipt, the charges held by the settlement, and its slip worked again from what it stored gives the same.
        var generatedIds = generatedResidents.Select(r => r.Id).ToList();
        var enrolledThisYear = await db.Set<InsuranceEnrolment>().AsNoTracking().Where(e => generatedIds.Contains(e.ResidentId) && e.Year == Clinic.Today.Year).CountAsync();
        Assert.InRange(enrolledThisYear, 400 * 0.9, 400);
        var settled = payments.Where(p => p.InsuranceSettlementId is not null).ToList();
        Assert.True(settled.Count > payments.Count / 2, $"only {settled.Count} of {payments.Count} payments settled");
        var settlementIds = settled.Select(p => p.InsuranceSettlementId!.Value).ToList();
        var settlements = await db.Set<InsuranceSettlement>().AsNoTracking().Where(x => settlementIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id);
        Assert.All(settled, p =>
        {
            var x = settlements[p.InsuranceSettlementId!.Value];
            Assert.Equal((p.Amount, p.FundAmount, x.Total), (x.Total, x.FundPays, x.FundPays + x.PersonPays));
            Assert.All(charges.Where(c => c.PaymentId == p.Id), c => Assert.Equal(x.Id, c.InsuranceSettlementId));
        });
        var sample = settlements.Values.First(x => x.FundPays > 0);
        var slip = await CountyHealth.Billing.Insurance.InsuranceSettlements.ViewAsync(db, sample, "", "", "", false, CancellationToken.None);
        Assert.Equal(sample.FundPays, slip.Steps.Single(x => x.Code == "fund").Amount);
        Assert.Equal(sample.DeductibleApplied, slip.Steps.Single(x => x.Code == "deductible").Amount);

        // Each person's year equals the settlements it counts, within the deductible and the cap.
        var years = await db.Set<InsuranceYearUse>().AsNoTracking().Where(y => generatedIds.Contains(y.ResidentId)).ToListAsync();
        var sums = (await db.Set<InsuranceSettlement>().AsNoTracking().Where(x => generatedIds.Contains(x.ResidentId)).Select(x => new { x.ResidentId, x.Year, x.FundPays, x.DeductibleApplied }).ToListAsync())
            .GroupBy(x => (x.ResidentId, x.Year)).ToDictionary(g => g.Key, g => (Fund: g.Sum(x => x.FundPays), Deductible: g.Sum(x => x.DeductibleApplied), Count: g.Count()));
        Assert.NotEmpty(sums);
        Assert.All(sums, kv =>
        {
            var year = Assert.Single(years, y => y.ResidentId == kv.Key.ResidentId && y.Year == kv.Key.Year);
            Assert.Equal((kv.Value.Fund, kv.Value.Deductible, kv.Value.Count), (year.FundPaid, year.OutpatientDeductibleMet, year.Settlements));
            Assert.True(year.OutpatientDeductibleMet <= 50m && year.FundPaid <= 150_000m);
        });
    }

    /// <summary>Every index of the schema with its definition, as the database gives it.</summary>
    private static Task<List<string>> IndexesAsync(CountyHealthDb db) => db.Database.SqlQueryRaw<string>(db.IsSqlite
            ? "SELECT name || ' ' || coalesce(sql, '') AS \"Value\" FROM sqlite_master WHERE type = 'index' ORDER BY name"
            : "SELECT indexname || ' ' || indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname")
        .ToListAsync();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteGeneratorTests(SqliteHost host) : GeneratorTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresGeneratorTests(PostgresHost host) : GeneratorTests(host);

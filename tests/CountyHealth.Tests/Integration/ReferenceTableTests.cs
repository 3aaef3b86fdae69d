using System.Net;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.ReferenceTables;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Immunisation;
using CountyHealth.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// The administrator corrects the immunisation schedule through the API: the child's next dose moves at once; a text
/// the schedule's reader refuses, a changed header, a missing reason or a stale base version save nothing; other roles
/// may read the tables but not correct them; the newest version is put back in force after a restart; the correction
/// is in the audit log. The table is put back as shipped at the end (the host is shared with the other tests).
/// </summary>
public abstract class ReferenceTableTests(CountyHealthFactory host)
{
    private const string Url = "/api/v1/reference-tables/" + NationalSchedule.Key;
    private const string HepB2 = "HepB\t乙肝疫苗\t2\tHepB\t乙肝疫苗\t肌内注射\tinactivated\t1m\t28d\t12m\t\t2021-02-23\t";
    private readonly Clinic clinic = new(host);

    [Fact]
    public async Task A_corrected_schedule_is_in_force_at_once_and_a_bad_one_saves_nothing()
    {
        var admin = await host.As(DemoAccounts.Admin);
        var nurse = await host.As(DemoAccounts.Nurse);
        var table = host.Services.GetRequiredService<ReferenceTable<ImmunisationSchedule>>();
        var shipped = table.Shipped;
        try
        {
            var birth = Clinic.Today.AddDays(-42);
            var child = await clinic.RegisterResidentAsync(TestData.Child(birth));
            var card = $"/api/v1/public-health/immunisation/children/{child.Id}";
            await nurse.PostAsync<ChildCard>($"{card}/vaccinations", new VaccinationRequest("HepB", birth, null, null, InjectionSite.RightUpperArm, DoseSource.FromCertificate, null),
                HttpStatusCode.Created);
            Assert.Equal(ChinaTime.FormatDate(birth.AddMonths(1)), (await nurse.GetAsync<ChildCard>(card)).Series.Single(s => s.Series == "HepB").NextDueOn);

            var view = await admin.GetAsync<ReferenceTableView>(Url);
            var version = view.InForce;
            Assert.Contains(view.Rows, r => string.Join('\t', r) == HepB2);
            Assert.Contains("series", view.Columns);

            // Refused, each with its reason, and nothing saved.
            var badLine = view.Text.Replace(HepB2, HepB2.Replace("\t1m\t", "\t6w\t", StringComparison.Ordinal), StringComparison.Ordinal);
            var refused = await (await admin.PutAsync(Url, new ReferenceTableCorrection(badLine, "依据省疾控通知调整", version))).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(refused.ErrorsOf("text"), m => m.Contains("起始月龄“6w”", StringComparison.Ordinal) && m.Contains('行'));
            var header = await (await admin.PutAsync(Url, new ReferenceTableCorrection(view.Text.Replace("series_name", "name", StringComparison.Ordinal), "依据省疾控通知调整", version)))
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(header.ErrorsOf("text"), m => m.Contains("表头", StringComparison.Ordinal));
            var corrected = view.Text.Replace(HepB2, HepB2.Replace("\t1m\t", "\t2m\t", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.NotEmpty((await (await admin.PutAsync(Url, new ReferenceTableCorrection(corrected, " ", version))).ProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("reason"));
            Assert.NotEmpty((await (await admin.PutAsync(Url, new ReferenceTableCorrection(view.Text, "依据省疾控通知调整", version))).ProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("text"));
            Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsync(Url, new ReferenceTableCorrection(corrected, "依据省疾控通知调整", version - 1))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PutAsync(Url, new ReferenceTableCorrection(corrected, "依据省疾控通知调整", version))).StatusCode);
            Assert.Equal(version, (await nurse.GetAsync<ReferenceTableView>(Url)).InForce);

            // Saved as the next version: the child's second dose is now due at two months.
            var saved = await admin.PutAsync<ReferenceTableRow>(Url, new ReferenceTableCorrection(corrected, "依据省疾控通知调整", version), HttpStatusCode.OK);
            Assert.Equal(version + 1, saved.Version);
            Assert.Equal(ChinaTime.FormatDate(birth.AddMonths(2)), (await nurse.GetAsync<ChildCard>(card)).Series.Single(s => s.Series == "HepB").NextDueOn);
            var history = await admin.GetAsync<ReferenceTableView>(Url);
            Assert.Equal([version + 1, version], history.Versions.Take(2).Select(v => v.Version));
            Assert.Equal("依据省疾控通知调整", history.Versions[0].Reason);
            Assert.Equal(view.Text, (await admin.GetAsync<ReferenceTableView>($"{Url}?version={version}")).Text);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/reference-tables/no.such-table")).StatusCode);

            // A restart puts the newest saved version back in force.
            table.Apply(shipped, 1);
            await ReferenceTableLoader.LoadAsync(host.Services, NullLogger.Instance, CancellationToken.None);
            Assert.Equal(version + 1, table.Version);
            Assert.Equal("2月龄", table.Current.Find("HepB", 2, Clinic.Today)!.MinAge.Text);

            await using var scope = host.Services.CreateAsyncScope();
            var entry = await scope.ServiceProvider.GetRequiredService<CountyHealthDb>().AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == "ReferenceTableVersion").OrderByDescending(a => a.At).FirstAsync();
            Assert.Equal((AuditActions.Create, "admin"), (entry.Action, entry.UserName));
            Assert.Contains("依据省疾控通知调整", entry.Detail, StringComparison.Ordinal);

            // Back to the shipped table, as a correction like any other.
            await admin.PutAsync<ReferenceTableRow>(Url, new ReferenceTableCorrection(shipped, "恢复为随系统发布的版本", version + 1), HttpStatusCode.OK);
            Assert.Equal(ChinaTime.FormatDate(birth.AddMonths(1)), (await nurse.GetAsync<ChildCard>(card)).Series.Single(s => s.Series == "HepB").NextDueOn);
        }
        finally
        {
            if (table.Text != shipped)
            {
                table.Apply(shipped, table.Version);
            }
        }
    }

    [Fact]
    public async Task Every_module_table_is_listed_with_its_version_in_force()
    {
        var doctor = await host.As(DemoAccounts.Doctor);
        var tables = await doctor.GetAsync<List<ReferenceTableRow>>("/api/v1/reference-tables");
        Assert.Superset(new HashSet<string> { NationalSchedule.Key, CountyHealth.PublicHealth.ChildHealth.ChildSchedule.Key, "idr.notifiable-diseases", "idr.cluster-rule" },
            tables.Select(t => t.Key).ToHashSet());
        Assert.All(tables, t => Assert.True(t.Rows > 0 && t.Version >= 1));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteReferenceTableTests(SqliteHost host) : ReferenceTableTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresReferenceTableTests(PostgresHost host) : ReferenceTableTests(host);

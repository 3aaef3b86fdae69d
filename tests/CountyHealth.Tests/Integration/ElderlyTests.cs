using System.Net;
using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Elderly;
using CountyHealth.PublicHealth.Records;
using CountyHealth.Residents.Contracts;
using CountyHealth.Tests.Support;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Older people's annual check through the API: scored and graded, impossible figures and a resident under 65 refused,
/// a complete check of a resident with a record counts as managed, and the due list turns.
/// </summary>
public abstract class ElderlyTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    private static string Url(Guid id) => $"/api/v1/public-health/elderly/{id}";

    private static ElderlyCheckRequest Check(DateOnly date, int eating = 0, int? sbp = 138, ScreenResult cognition = ScreenResult.Negative, int? mmse = null,
        IReadOnlyList<string>? tests = null) =>
        new(date, eating, 1, 0, 0, 5, sbp, 82, 162m, 60m, 84m, 5.6m, cognition, mmse, ScreenResult.Negative, null,
            tests ?? ElderlyRules.Tests.Select(t => t.Key).ToList(), ["results", "falls"]);

    private async Task<ResidentRow> OlderAsync(int age)
    {
        var birth = Clinic.Today.AddYears(-age).AddDays(-10);
        return await clinic.RegisterResidentAsync(new NewResident(TestData.Name().Name, "", Sex.Female, birth, TestData.IdNumber(Sex.Female, birth), TestData.MobilePhone()) with
        {
            Initials = "",
        });
    }

    [Fact]
    public async Task A_complete_check_is_scored_graded_and_counted_and_impossible_figures_save_nothing()
    {
        var doctor = await clinic.Doctor;
        var older = await OlderAsync(72);
        await (await host.As(DemoAccounts.RecordsClerk)).PutAsync<HealthRecordView>($"/api/v1/public-health/records/{older.Id}",
            new HealthRecordRequest(new() { ["residence"] = "1", ["blood"] = "5", ["rh"] = "3", ["marital"] = "2", ["payment"] = "3", ["allergy"] = "1" }, null, 0), HttpStatusCode.Created);
        Assert.Contains((await doctor.GetAsync<Page<ElderlyRow>>($"/api/v1/public-health/elderly?show=due&q={older.IdNumber}")).Items, r => r.ResidentId == older.Id);

        var wrong = await (await doctor.PostAsync($"{Url(older.Id)}/checks", Check(Clinic.Today, eating: 1, sbp: 300, cognition: ScreenResult.Positive)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["进餐的评分只能是 0、3、5"], wrong.ErrorsOf("eating"));
        Assert.NotEmpty(wrong.ErrorsOf("systolicBp"));
        Assert.NotEmpty(wrong.ErrorsOf("mmseScore"));
        Assert.Empty((await doctor.GetAsync<ElderlyView>(Url(older.Id))).Checks);

        var saved = await doctor.PostAsync<ElderlyView>($"{Url(older.Id)}/checks", Check(Clinic.Today, eating: 3), HttpStatusCode.Created);
        var check = Assert.Single(saved.Checks);
        Assert.Equal((9, "中度依赖", true), (check.SelfCareScore, check.SelfCareGrade, check.Complete));
        Assert.Equal(22.9m, check.Bmi);
        Assert.True(saved.DoneThisYear);
        Assert.Contains((await doctor.GetAsync<Page<ElderlyRow>>($"/api/v1/public-health/elderly?show=done&q={older.IdNumber}")).Items, r => r.ResidentId == older.Id);

        var bureau = await host.As(DemoAccounts.Bureau);
        var centre = (await (await host.As(DemoAccounts.Admin)).GetAsync<List<CountyHealth.Platform.Institutions.InstitutionRow>>("/api/v1/institutions"))
            .Single(i => i.Name == "葛仙庄镇卫生院").Id;
        // The check is in the centre's month (LN02); the managed rate (LN01) is a village-level figure over the reported 65+ population.
        async Task<HashSet<Guid>> Checked() => (await bureau.GetAsync<FigureRecords>($"/api/v1/indicators/LN02/records?institution={centre}&month={Clinic.Today:yyyy-MM}&term=0"))
            .Records.Select(r => r.Id).ToHashSet();
        Assert.Contains(older.Id, await IndicatorTests.PollAsync(Checked, ids => ids.Contains(older.Id)));
    }

    [Fact]
    public async Task The_check_is_for_residents_of_65_and_over_and_an_incomplete_one_does_not_count()
    {
        var doctor = await clinic.Doctor;
        var young = await OlderAsync(64);
        Assert.Contains("65岁及以上", (await (await doctor.PostAsync($"{Url(young.Id)}/checks", Check(Clinic.Today))).ProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("date")[0],
            StringComparison.Ordinal);
        var older = await OlderAsync(66);
        var partial = await doctor.PostAsync<ElderlyView>($"{Url(older.Id)}/checks", Check(Clinic.Today, tests: ["blood", "ecg"]), HttpStatusCode.Created);
        Assert.False(partial.Checks[0].Complete);
        Assert.False(partial.DoneThisYear);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.As(DemoAccounts.VillageDoctor2)).GetAsync(Url(older.Id))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteElderlyTests(SqliteHost host) : ElderlyTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresElderlyTests(PostgresHost host) : ElderlyTests(host);

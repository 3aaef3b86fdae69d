using System.Net;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Education;
using CountyHealth.Tests.Support;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Health education through the API: a talk recorded counts against the year's volume; a talk without its speaker or
/// audience is refused; a village doctor records for her own clinic only; the cashier has no grant.
/// </summary>
public abstract class EducationTests(CountyHealthFactory host)
{
    public static EducationRequest Talk(Guid? institution, DateOnly day, string? speaker = "周医生", int audience = 40) =>
        new(institution, day, EducationKind.Talk, "卫生院健康教育室", "高血压防治", "葛仙庄镇卫生院", speaker, "辖区居民", audience, 1, 50, "高血压的危害与控制", null, ["photos", "signin"]);

    [Fact]
    public async Task A_talk_counts_against_the_years_volume_and_a_bad_record_is_refused()
    {
        var doctor = await host.As(DemoAccounts.PublicHealth);
        var today = Clinic.Today;
        var before = await doctor.GetAsync<EducationSheet>($"/api/v1/public-health/education?year={today.Year}");
        var talks = before.Progress.Single(p => p.Kind == "talk");
        Assert.Equal(12, talks.Required);
        Assert.Equal((int)Math.Ceiling(12 * today.Month / 12m), talks.DueByNow);

        var bad = await (await doctor.PostAsync("/api/v1/public-health/education", Talk(null, today.AddDays(1), " ", 0) with { Archive = ["photos", "video"] }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.ErrorsOf("date"));
        Assert.NotEmpty(bad.ErrorsOf("speaker"));
        Assert.NotEmpty(bad.ErrorsOf("audienceCount"));
        Assert.NotEmpty(bad.ErrorsOf("archive"));

        var saved = await doctor.PostAsync<EducationActivityRow>("/api/v1/public-health/education", Talk(null, today), HttpStatusCode.Created);
        Assert.Equal("健康知识讲座", saved.KindName);
        var after = await doctor.GetAsync<EducationSheet>($"/api/v1/public-health/education?year={today.Year}");
        Assert.Equal(talks.Done + 1, after.Progress.Single(p => p.Kind == "talk").Done);
        Assert.Contains(after.Activities, a => a.Id == saved.Id && a.Archive == "图片材料、签到表");

        // A village doctor keeps her own clinic's record, not the centre's; the cashier has no grant.
        var village = await host.As(DemoAccounts.VillageDoctor);
        Assert.Equal(6, (await village.GetAsync<EducationSheet>($"/api/v1/public-health/education?year={today.Year}")).Progress.Single(p => p.Kind == "talk").Required);
        Assert.Equal(HttpStatusCode.NotFound, (await village.PostAsync("/api/v1/public-health/education", Talk(after.InstitutionId, today))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.As(DemoAccounts.Cashier)).PostAsync("/api/v1/public-health/education", Talk(null, today))).StatusCode);
    }

    [Fact]
    public async Task Printed_material_counts_in_kinds_and_the_same_title_given_out_again_counts_once()
    {
        var doctor = await host.As(DemoAccounts.PublicHealth);
        var today = Clinic.Today;
        var title = $"冬春季传染病防治折页{Guid.NewGuid():N}"[..20];
        EducationRequest Print(int kinds) => Talk(null, today) with { Kind = EducationKind.PrintedMaterial, Topic = title, Speaker = null, AudienceCount = 0, MaterialKinds = kinds, MaterialCount = 200 };
        var before = (await doctor.GetAsync<EducationSheet>($"/api/v1/public-health/education?year={today.Year}")).Progress.Single(p => p.Kind == "print");
        Assert.Equal("种", before.Unit);

        await doctor.PostAsync<EducationActivityRow>("/api/v1/public-health/education", Print(2), HttpStatusCode.Created);
        await doctor.PostAsync<EducationActivityRow>("/api/v1/public-health/education", Print(1), HttpStatusCode.Created);

        var after = await doctor.GetAsync<EducationSheet>($"/api/v1/public-health/education?year={today.Year}");
        Assert.Equal(before.Done + 2, after.Progress.Single(p => p.Kind == "print").Done);
        Assert.Equal(2, after.Activities.Count(a => a.Topic == title));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEducationTests(SqliteHost host) : EducationTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresEducationTests(PostgresHost host) : EducationTests(host);

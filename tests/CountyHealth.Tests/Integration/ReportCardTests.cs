using System.Net;
using CountyHealth.Indicators.Figures;
using CountyHealth.Kernel.Web;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Residents.Contracts;
using CountyHealth.Surveillance.Cards;
using CountyHealth.Surveillance.Domain;
using CountyHealth.Tests.Support;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Infectious-disease reporting through the API: a notifiable diagnosis drafts a card with its legal deadline, a card
/// without its required fields is refused and stays a draft, the CDC accepts or returns it, an accepted card is
/// corrected by a new card, a withdrawn card counts nowhere, the timeliness figures count each card by the rule, and
/// the matrix keeps every card at its institution.
/// </summary>
public abstract class ReportCardTests(CountyHealthFactory host)
{
    private readonly Clinic clinic = new(host);

    private Task<(VisitRegistered Visit, ResidentRow Resident, CardView Card)> DiagnoseAsync(params string[] codes) => DiagnoseAsync(clinic, codes);

    /// <summary>A new resident's visit at the township centre, diagnosed by its doctor: the card the diagnosis drafted.</summary>
    internal static async Task<(VisitRegistered Visit, ResidentRow Resident, CardView Card)> DiagnoseAsync(Clinic clinic, params string[] codes)
    {
        var resident = await clinic.RegisterResidentAsync();
        var visit = await clinic.RegisterVisitAsync(resident.Id);
        var doctor = await clinic.Doctor;
        await doctor.PutAsync<List<DiagnosisRow>>($"/api/v1/visits/{visit.VisitId}/diagnoses",
            new DiagnosesRequest(codes.Select((c, i) => new DiagnosisRequest(c, i == 0)).ToList()), HttpStatusCode.OK);
        var notice = Assert.Single((await clinic.VisitAsync(visit.VisitId)).Notices ?? [], n => n.Href.StartsWith("/surveillance/", StringComparison.Ordinal));
        var card = await doctor.GetAsync<CardView>("/api/v1/surveillance/cards/" + notice.Href.Split('/')[^1]);
        return (visit, resident, card);
    }

    internal static CardFields Completed(CardView card) => card.Fields with
    {
        Occupation = "农民",
        Classification = CaseClassification.Clinical,
        OnsetDate = DateOnly.FromDateTime(card.DiagnosedAtUtc.AddHours(8)).AddDays(-2),
    };

    [Fact]
    public async Task A_notifiable_diagnosis_drafts_one_card_filled_from_the_visit_which_is_sent_returned_sent_again_and_accepted()
    {
        var (visit, resident, card) = await DiagnoseAsync("A03", "I10");
        var doctor = await clinic.Doctor;
        var cdc = await host.As(DemoAccounts.Cdc);

        Assert.Equal(CardStatus.Draft, card.Status);
        Assert.Equal("细菌性和阿米巴性痢疾", card.DiseaseName);
        Assert.Equal(resident.Name, card.Fields.PatientName);
        Assert.Equal(resident.IdNumber, card.Fields.IdNumber);
        Assert.Equal("本县区", card.Fields.ResidenceCategory);
        Assert.Equal(TimeSpan.FromHours(24), card.DueAtUtc - card.DiagnosedAtUtc);
        Assert.Equal(["occupation", "classification", "onsetDate"], card.Missing.Select(m => m.Field));
        var notice = Assert.Single((await clinic.VisitAsync(visit.VisitId)).Notices!, n => n.Href.StartsWith("/surveillance/", StringComparison.Ordinal));
        Assert.True(notice.Urgent);
        Assert.Equal(card.DueAtUtc, notice.DueAt);

        // Saving the diagnoses again adds no second card.
        await doctor.PutAsync<List<DiagnosisRow>>($"/api/v1/visits/{visit.VisitId}/diagnoses",
            new DiagnosesRequest([new DiagnosisRequest("A03", true), new DiagnosisRequest("J06", false)]), HttpStatusCode.OK);
        Assert.Single((await clinic.VisitAsync(visit.VisitId)).Notices!, n => n.Href.StartsWith("/surveillance/", StringComparison.Ordinal));

        // Sent without its required fields: refused field by field, and nothing saved.
        var refused = await (await doctor.PutAsync($"/api/v1/surveillance/cards/{card.Id}", new CardRequest(card.Fields with { Notes = "未保存" }, true, card.Version))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请选择人群分类", refused.ErrorsOf("fields.occupation"));
        Assert.Contains("请填写发病日期", refused.ErrorsOf("fields.onsetDate"));
        var still = await doctor.GetAsync<CardView>($"/api/v1/surveillance/cards/{card.Id}");
        Assert.Equal((CardStatus.Draft, (string?)null, card.Version), (still.Status, still.Fields.Notes, still.Version));

        var sent = await doctor.PutAsync<CardView>($"/api/v1/surveillance/cards/{card.Id}", new CardRequest(Completed(card), true, card.Version), HttpStatusCode.OK);
        Assert.Equal(CardStatus.Submitted, sent.Status);
        Assert.True(sent.ReportedInTime);
        Assert.False(sent.CanEdit);
        Assert.Contains((await cdc.GetAsync<Page<CardRow>>("/api/v1/surveillance/cards?status=submitted&pageSize=200")).Items, r => r.Id == card.Id);

        var noReason = await (await cdc.PostAsync($"/api/v1/surveillance/cards/{card.Id}/review", new ReviewCardRequest(false, " ", sent.Version))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("退回报告卡请写明退卡原因", noReason.ErrorsOf("reason"));
        var returned = await cdc.PostAsync<CardView>($"/api/v1/surveillance/cards/{card.Id}/review", new ReviewCardRequest(false, "现住址不详，请补充门牌号", sent.Version), HttpStatusCode.OK);
        Assert.Equal(CardStatus.Returned, returned.Status);
        var mine = await doctor.GetAsync<CardView>($"/api/v1/surveillance/cards/{card.Id}");
        Assert.Equal("现住址不详，请补充门牌号", mine.ReturnReason);
        Assert.True(mine.CanEdit);

        var again = await doctor.PutAsync<CardView>($"/api/v1/surveillance/cards/{card.Id}",
            new CardRequest(mine.Fields with { Address = mine.Fields.Address + "（东院）" }, true, mine.Version), HttpStatusCode.OK);
        var accepted = await cdc.PostAsync<CardView>($"/api/v1/surveillance/cards/{card.Id}/review", new ReviewCardRequest(true, null, again.Version), HttpStatusCode.OK);
        Assert.Equal(CardStatus.Accepted, accepted.Status);
        Assert.Equal(["诊断生成", "报告", "退回", "修改后重报", "审核通过"], accepted.History.Select(h => h.Action));
        // The first sending is what timeliness judges, however often the card came back.
        Assert.True(accepted.ReportedInTime);

        // A stale version is refused: someone else changed the card meanwhile.
        await (await cdc.PostAsync($"/api/v1/surveillance/cards/{card.Id}/review", new ReviewCardRequest(true, null, sent.Version))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_accepted_card_is_corrected_by_a_new_card_which_replaces_it_once_accepted()
    {
        var (_, _, card) = await DiagnoseAsync("B08");
        var doctor = await clinic.Doctor;
        var cdc = await host.As(DemoAccounts.Cdc);
        Assert.Equal("手足口病", card.DiseaseName);
        var sent = await doctor.PutAsync<CardView>($"/api/v1/surveillance/cards/{card.Id}", new CardRequest(Completed(card), true, card.Version), HttpStatusCode.OK);
        var accepted = await cdc.PostAsync<CardView>($"/api/v1/surveillance/cards/{card.Id}/review", new ReviewCardRequest(true, null, sent.Version), HttpStatusCode.OK);
        Assert.True(accepted.CanCorrect || !accepted.CanEdit);

        var correction = await doctor.PostAsync<CardView>($"/api/v1/surveillance/cards/{card.Id}/correction", new { }, HttpStatusCode.Created);
        Assert.Equal((CardKind.Correction, card.Id, CardStatus.Draft), (correction.Kind, correction.CorrectsCardId, correction.Status));
        await (await doctor.PostAsync($"/api/v1/surveillance/cards/{card.Id}/correction", new { })).ProblemAsync(HttpStatusCode.Conflict);
        var confirmed = correction.Fields with { Classification = CaseClassification.Confirmed };
        var sentCorrection = await doctor.PutAsync<CardView>($"/api/v1/surveillance/cards/{correction.Id}", new CardRequest(confirmed, true, correction.Version), HttpStatusCode.OK);
        await cdc.PostAsync<CardView>($"/api/v1/surveillance/cards/{correction.Id}/review", new ReviewCardRequest(true, null, sentCorrection.Version), HttpStatusCode.OK);

        var original = await doctor.GetAsync<CardView>($"/api/v1/surveillance/cards/{card.Id}");
        Assert.Equal(correction.Id, original.CorrectedByCardId);
        Assert.False(original.CanCorrect);
        Assert.Equal("已订正", original.History[^1].Action);
    }

    [Fact]
    public async Task A_third_case_of_measles_in_the_township_within_a_week_raises_a_cluster_alert_and_a_withdrawn_card_does_not_count()
    {
        // Measles is diagnosed in no other test: this test's cases are the township's only ones.
        var cdc = await host.As(DemoAccounts.Cdc);
        var doctor = await clinic.Doctor;
        async Task<ClusterRow?> MeaslesAsync() => (await cdc.GetAsync<ClusterView>("/api/v1/surveillance/clusters")).Alerts.SingleOrDefault(a => a.DiseaseName == "麻疹");
        var (_, _, first) = await DiagnoseAsync("B05");
        var (_, _, second) = await DiagnoseAsync("B05");
        Assert.Null(await MeaslesAsync());
        var (_, _, third) = await DiagnoseAsync("B05");
        var alert = await MeaslesAsync();
        Assert.NotNull(alert);
        Assert.Equal(("葛仙庄镇卫生院", 3), (alert!.TownshipName, alert.Cases));
        Assert.Contains("7 天内同一病种 ≥ 3 例", (await cdc.GetAsync<ClusterView>("/api/v1/surveillance/clusters")).Rule, StringComparison.Ordinal);

        await doctor.PostAsync<CardView>($"/api/v1/surveillance/cards/{third.Id}/withdraw", new WithdrawCardRequest("重复报告", third.Version), HttpStatusCode.OK);
        Assert.Null(await MeaslesAsync());
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task A_card_stays_at_its_institution_and_only_the_cdc_reviews()
    {
        var (_, _, card) = await DiagnoseAsync("A03");
        var village = await host.As(DemoAccounts.VillageDoctor);
        var bureau = await host.As(DemoAccounts.Bureau);
        var doctor = await clinic.Doctor;
        Assert.Equal(HttpStatusCode.NotFound, (await village.GetAsync($"/api/v1/surveillance/cards/{card.Id}")).StatusCode);
        Assert.DoesNotContain((await village.GetAsync<Page<CardRow>>("/api/v1/surveillance/cards?status=all&pageSize=200")).Items, r => r.Id == card.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await bureau.GetAsync($"/api/v1/surveillance/cards/{card.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.PostAsync($"/api/v1/surveillance/cards/{card.Id}/review", new ReviewCardRequest(true, null, card.Version))).StatusCode);
        var bad = await (await doctor.GetAsync("/api/v1/surveillance/cards?status=late&month=2026-13")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.ErrorsOf("status"));
        Assert.NotEmpty(bad.ErrorsOf("month"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteReportCardTests(SqliteHost host) : ReportCardTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresReportCardTests(PostgresHost host) : ReportCardTests(host);

/// <summary>
/// Reporting on time and late, and what the timeliness figures count. A host of its own: moving its clock by hours
/// expires every token signed in on it, which the shared hosts' other tests must not see.
/// </summary>
public sealed class ReportCardTimelinessTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task A_class_a_card_is_due_in_two_hours_and_the_timeliness_figures_count_each_card_by_the_rule()
    {
        var clinic = new Clinic(host);
        var (_, _, late) = await ReportCardTests.DiagnoseAsync(clinic, "A00");
        var (_, _, withdrawn) = await ReportCardTests.DiagnoseAsync(clinic, "A09");
        var (_, _, onTime) = await ReportCardTests.DiagnoseAsync(clinic, "A15");
        var doctor = await clinic.Doctor;
        var bureau = await host.As(DemoAccounts.Bureau);
        Assert.Equal(("霍乱", TimeSpan.FromHours(2)), (late.DiseaseName, late.DueAtUtc - late.DiagnosedAtUtc));

        await doctor.PutAsync<CardView>($"/api/v1/surveillance/cards/{onTime.Id}", new CardRequest(ReportCardTests.Completed(onTime), true, onTime.Version), HttpStatusCode.OK);
        var noReason = await (await doctor.PostAsync($"/api/v1/surveillance/cards/{withdrawn.Id}/withdraw", new WithdrawCardRequest("", withdrawn.Version))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.ErrorsOf("reason"));
        var gone = await doctor.PostAsync<CardView>($"/api/v1/surveillance/cards/{withdrawn.Id}/withdraw", new WithdrawCardRequest("排除诊断：非感染性腹泻", withdrawn.Version), HttpStatusCode.OK);
        Assert.Equal(CardStatus.Withdrawn, gone.Status);

        // Three hours on, the cholera card is past its two hours.
        host.Clock.Advance(TimeSpan.FromHours(3));
        doctor = await host.SignInAsync(DemoAccounts.Doctor, DemoAccounts.Password);
        bureau = await host.SignInAsync(DemoAccounts.Bureau, DemoAccounts.Password);
        var sentLate = await doctor.PutAsync<CardView>($"/api/v1/surveillance/cards/{late.Id}", new CardRequest(ReportCardTests.Completed(late), true, late.Version), HttpStatusCode.OK);
        Assert.False(sentLate.ReportedInTime);
        Assert.StartsWith("超过报告时限", sentLate.History[^1].Detail, StringComparison.Ordinal);

        var month = $"{DateOnly.FromDateTime(late.DiagnosedAtUtc.AddHours(8)):yyyy-MM}";
        async Task<HashSet<Guid>> Term(int term) => (await bureau.GetAsync<FigureRecords>($"/api/v1/indicators/CR01/records?institution={late.InstitutionId}&month={month}&term={term}"))
            .Records.Select(r => r.Id).ToHashSet();
        var denominator = await IndicatorTests.PollAsync(() => Term(1), ids => ids.Contains(late.Id) && ids.Contains(onTime.Id));
        Assert.Contains(late.Id, denominator);
        Assert.Contains(onTime.Id, denominator);
        Assert.DoesNotContain(withdrawn.Id, denominator);
        var numerator = await Term(0);
        Assert.Contains(onTime.Id, numerator);
        Assert.DoesNotContain(late.Id, numerator);
    }

}

internal static class ProblemReplies
{
    /// <summary>The problem a refused request answered with, after checking its status.</summary>
    public static Task<Problem> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected) => ApiClient.ReadAsync<Problem>(response, expected);

    /// <summary>What a refused request said: the field's messages when a field is named (it must be there), else the detail.</summary>
    public static async Task<string> MessageAsync(this HttpResponseMessage response, HttpStatusCode expected, string? field = null)
    {
        var problem = await response.ProblemAsync(expected);
        if (field is null)
        {
            return problem.Detail ?? problem.Title ?? "";
        }
        Assert.True(problem.Errors?.ContainsKey(field) == true, $"no message on {field}: {string.Join("; ", problem.Errors?.Keys.ToList() ?? [])} {problem.Detail}");
        return string.Join("；", problem.Errors![field]);
    }
}

using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Maternal;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class PregnancyPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetPregnancy> Get { get; set; } = default!;
    [Inject] private UiHandler<RecordAntenatalVisit> Antenatal { get; set; } = default!;
    [Inject] private UiHandler<RecordDelivery> Delivery { get; set; } = default!;
    [Inject] private UiHandler<RecordPostpartumVisit> Postpartum { get; set; } = default!;
    [Inject] private UiHandler<EndPregnancy> Ending { get; set; } = default!;
    [Inject] private UiHandler<RegisterNewborn> Newborn { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private PregnancyView? pregnancy;
    private string step = "antenatal";
    private Form form = new();
    private NewbornForm newborn = new();
    private string? message;
    private bool messageOk;
    private bool flagged;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The forms of the page as it edits them (one step shown at a time).</summary>
    private sealed class Form
    {
        public DateTime? Date { get; set; }
        public decimal? WeightKg { get; set; }
        public int? SystolicBp { get; set; }
        public int? DiastolicBp { get; set; }
        public int? Haemoglobin { get; set; }
        public decimal? FundalHeightCm { get; set; }
        public int? FetalHeartRate { get; set; }
        public decimal? TemperatureC { get; set; }
        public bool OtherAbnormal { get; set; }
        public HashSet<string> Guidance { get; } = [];
        public HashSet<string> AbnormalItems { get; } = [];
        public bool Referral { get; set; }
        public string? ReferralReason { get; set; }
        public DateTime? DeliveredOn { get; set; }
        public DateTime? DischargedOn { get; set; }
        public string? DeliveredAt { get; set; }
        public DeliveryMode Mode { get; set; } = DeliveryMode.Vaginal;
        public int LiveBirths { get; set; } = 1;
        public MaternalContact Contact { get; set; } = MaternalContact.Postpartum;
        public string? EndReason { get; set; }
    }

    private sealed class NewbornForm
    {
        public string? Name { get; set; }
        public Sex Sex { get; set; } = Sex.Male;
    }

    /// <summary>The name the baby gets when none is typed, shown in the empty box.</summary>
    private string NewbornPlaceholder => pregnancy is null ? "" :
        "不填则登记为 " + MaternalRules.NewbornName(pregnancy.Name, newborn.Sex, pregnancy.Newborns.Count + 1, pregnancy.LiveBirths ?? 1);

    private async Task SaveNewborn()
    {
        await Save(Newborn.Run((h, ct) => h.HandleAsync(Id, new NewbornRequest(newborn.Name, newborn.Sex, pregnancy!.Version), ct)));
        if (messageOk && pregnancy is { Newborns.Count: > 0 } p)
        {
            message = $"已登记新生儿 {p.Newborns[^1].Name}，已入母亲的家庭户。";
            flagged = false;
            newborn = new NewbornForm();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<PregnancyView>(await Get.Run((h, ct) => h.HandleAsync(Id, ct)));
        (pregnancy, message) = (outcome.Value, outcome.Message);
        Reset();
    }

    private DateTime TodayStart => ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue);

    /// <summary>A fresh form for where the pregnancy stands: the antenatal visit before delivery, the postpartum visit (or the 42-day check once it is done) after.</summary>
    private void Reset()
    {
        step = pregnancy?.Status == PregnancyStatus.Delivered ? "postpartum" : "antenatal";
        form = new Form
        {
            Date = TodayStart,
            DeliveredOn = TodayStart,
            DischargedOn = TodayStart,
            Contact = pregnancy?.Visits.Any(v => v.Contact == MaternalContact.Postpartum) == true ? MaternalContact.Check42 : MaternalContact.Postpartum,
        };
    }

    private void Step(string next)
    {
        step = next;
        errors = new Dictionary<string, string[]>();
    }

    private string? E(string field) => errors.TryGetValue(field, out var m) ? m[0] : null;

    private DateOnly Day(DateTime? d) => d is { } x ? DateOnly.FromDateTime(x) : ChinaTime.Today(Clock);

    private Task SaveAntenatal() => Save(Antenatal.Run((h, ct) => h.HandleAsync(Id, new AntenatalVisitRequest(Day(form.Date), form.WeightKg, form.SystolicBp, form.DiastolicBp,
        form.Haemoglobin, form.FundalHeightCm, form.FetalHeartRate, form.OtherAbnormal, [.. form.Guidance], form.Referral, form.ReferralReason, pregnancy!.Version), ct)));

    private Task SaveDelivery() => Save(Delivery.Run((h, ct) => h.HandleAsync(Id, new DeliveryRequest(Day(form.DeliveredOn), Day(form.DischargedOn), form.DeliveredAt, form.Mode,
        form.LiveBirths, pregnancy!.Version), ct)));

    private Task SavePostpartum() => Save(Postpartum.Run((h, ct) => h.HandleAsync(Id, new PostpartumRequest(form.Contact, Day(form.Date), form.TemperatureC, form.SystolicBp,
        form.DiastolicBp, [.. form.AbnormalItems], [.. form.Guidance], form.Referral, form.ReferralReason, pregnancy!.Version), ct)));

    private Task End() => Save(Ending.Run((h, ct) => h.HandleAsync(Id, new EndPregnancyRequest(Day(form.Date), form.EndReason, pregnancy!.Version), ct)));

    private async Task Save<TResult>(Task<TResult> running) where TResult : Microsoft.AspNetCore.Http.IResult
    {
        var outcome = UiResults.Unpack<PregnancyView>(await running);
        errors = outcome.Errors;
        messageOk = outcome.Ok;
        if (outcome.Value is { } saved)
        {
            pregnancy = saved;
            var latest = saved.Visits.Count > 0 ? saved.Visits[0] : null;
            flagged = latest is { Abnormal: true } || latest?.Referral == true;
            message = $"已保存。{(latest is null ? "" : $"{latest.Name}：{latest.Classification}{(latest.AbnormalItems.Length > 0 ? $"（{latest.AbnormalItems}）" : "")}{(latest.Referral ? "，已转诊" : "")}。")}下次服务：{saved.NextContact}"
                + (saved.NextDueOn is null ? "" : $"（{saved.NextDueOn} ～ {saved.NextDueBy}）");
            Reset();
        }
        else
        {
            message = outcome.Errors.Count > 0 ? "请按提示修改后再保存" : outcome.AllErrors;
        }
    }
}

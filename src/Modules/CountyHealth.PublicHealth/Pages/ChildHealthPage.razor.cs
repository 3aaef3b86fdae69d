using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.PublicHealth.ChildHealth;
using CountyHealth.PublicHealth.Domain;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class ChildHealthPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private ReferenceTable<ChildCheckSchedule> Schedule { get; set; } = default!;
    [Inject] private UiHandler<GetChildHealth> Get { get; set; } = default!;
    [Inject] private UiHandler<RecordChildCheck> Record { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private ChildHealthView? child;
    private ChildContact? contact;
    private Form form = new();
    private string? message;
    private bool messageOk;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The check form as the page edits it: every field of every form, sent only for the chosen contact's form.</summary>
    private sealed class Form
    {
        public string? Contact { get; set; }
        public DateTime? Date { get; set; }
        public decimal? WeightKg { get; set; }
        public decimal? LengthCm { get; set; }
        public decimal? HeadCm { get; set; }
        public GrowthRating? WeightRating { get; set; }
        public GrowthRating? LengthRating { get; set; }
        public GrowthAssessment? Growth { get; set; }
        public int? HbGL { get; set; }
        public bool? HearingPassed { get; set; }
        public decimal? VisionLeft { get; set; }
        public decimal? VisionRight { get; set; }
        public HashSet<int> WarningSigns { get; } = [];
        public HashSet<int> Illness { get; } = [1];
        public bool Referral { get; set; }
        public string? ReferralReason { get; set; }
        public HashSet<int> Guidance { get; } = [];
        public DateTime? NextDate { get; set; }
        public int? GestationalWeeks { get; set; }
        public decimal? BirthWeightKg { get; set; }
        public Feeding? Feeding { get; set; }
        public HashSet<int> Jaundice { get; } = [];
        public HashSet<int> Cord { get; } = [];
        public NewbornHearing? HearingScreen { get; set; }
        public HashSet<int> MetabolicScreen { get; } = [];
    }

    private string FormTitle => contact is null ? "" : contact.Form switch
    {
        ChildForm.Newborn => "新生儿家庭访视记录表",
        ChildForm.Infant => $"1～8月龄儿童健康检查记录表 · {contact.Name}",
        ChildForm.Toddler => $"12～30月龄儿童健康检查记录表 · {contact.Name}",
        _ => $"3～6岁儿童健康检查记录表 · {contact.Name}",
    };

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<ChildHealthView>(await Get.Run((h, ct) => h.HandleAsync(Id, ct)));
        (child, message) = (outcome.Value, outcome.Message);
        Reset();
    }

    private void Reset()
    {
        // The newborn visit's 出生孕周 starts from the delivery the baby was registered at, when there is one.
        form = new Form { Date = ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue), Contact = child?.NextContact, GestationalWeeks = child?.GestationalWeeks };
        contact = child?.NextContact is { } key ? Schedule.Current.Find(key) : null;
    }

    private void ChooseContact(string key)
    {
        form.Contact = key;
        contact = Schedule.Current.Find(key);
        errors = new Dictionary<string, string[]>();
    }

    private static Color ChipColor(ContactStatus s) => s switch
    {
        ContactStatus.Done => Color.Success,
        ContactStatus.Due => Color.Info,
        ContactStatus.Overdue => Color.Error,
        ContactStatus.Missed => Color.Dark,
        _ => Color.Default,
    };

    private static void Toggle(HashSet<int> set, int value, bool on)
    {
        if (on)
        {
            set.Add(value);
        }
        else
        {
            set.Remove(value);
        }
    }

    private string? E(string field) => errors.TryGetValue(field, out var m) ? m[0] : null;

    private async Task Save()
    {
        if (contact is null)
        {
            return;
        }
        var (f, kind) = (form, contact.Form);
        var newborn = kind == ChildForm.Newborn;
        static DateOnly? Day(DateTime? d) => d is { } v ? DateOnly.FromDateTime(v) : null;
        var request = new ChildCheckRequest(contact.Key, Day(f.Date) ?? ChinaTime.Today(Clock), f.WeightKg, f.LengthCm, kind == ChildForm.Infant ? f.HeadCm : null,
            newborn ? null : f.WeightRating, newborn ? null : f.LengthRating, kind == ChildForm.Preschool ? f.Growth : null,
            contact.Has(ChildTest.Haemoglobin) ? f.HbGL : null, contact.Has(ChildTest.Hearing) ? f.HearingPassed : null,
            contact.Has(ChildTest.Vision) ? f.VisionLeft : null, contact.Has(ChildTest.Vision) ? f.VisionRight : null,
            contact.WarningSigns.Count > 0 ? f.WarningSigns.Order().ToList() : [], newborn ? [] : f.Illness.Order().ToList(), f.Referral,
            f.Referral ? f.ReferralReason : null, f.Guidance.Order().ToList(), Day(f.NextDate),
            newborn ? f.GestationalWeeks : null, newborn ? f.BirthWeightKg : null, newborn ? f.Feeding : null, newborn ? f.Jaundice.Order().ToList() : [],
            newborn ? f.Cord.Order().ToList() : [], newborn ? f.HearingScreen : null, newborn ? f.MetabolicScreen.Order().ToList() : []);
        var outcome = UiResults.Unpack<ChildHealthView>(await Record.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        errors = outcome.Errors;
        messageOk = outcome.Ok;
        if (outcome.Value is { } saved)
        {
            var name = contact.Name;
            child = saved;
            message = $"{name}检查已保存" + (saved.NextContact is { } next && Schedule.Current.Find(next) is { } n ? $"；下一次：{n.Name}（{saved.Schedule.First(s => s.Key == next).DueOn} 起）" : "");
            Reset();
        }
        else
        {
            message = outcome.AllErrors;
        }
    }
}

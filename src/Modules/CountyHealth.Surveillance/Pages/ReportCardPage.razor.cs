using CountyHealth.Kernel.Ui;
using CountyHealth.Residents.Contracts;
using CountyHealth.Surveillance.Cards;
using CountyHealth.Surveillance.Domain;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Surveillance.Pages;

public sealed partial class ReportCardPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetCard> Get { get; set; } = default!;
    [Inject] private UiHandler<ListDiseases> Diseases { get; set; } = default!;
    [Inject] private UiHandler<SaveCard> SaveHandler { get; set; } = default!;
    [Inject] private UiHandler<ReviewCard> ReviewHandler { get; set; } = default!;
    [Inject] private UiHandler<WithdrawCard> WithdrawHandler { get; set; } = default!;
    [Inject] private UiHandler<CorrectCard> CorrectHandler { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private CardView? card;
    private List<DiseaseRow> diseases = [];
    private Form f = new();
    private string? message;
    private bool messageOk;
    private string? reason;
    private string? withdrawReason;
    private bool withdrawing;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The card's fields as the form edits them (dates as the date pickers hold them).</summary>
    private sealed class Form
    {
        public string? PatientName { get; set; }
        public string? ParentName { get; set; }
        public string? IdNumber { get; set; }
        public Sex Sex { get; set; }
        public DateTime? BirthDate { get; set; }
        public string? Workplace { get; set; }
        public string? Phone { get; set; }
        public string? ResidenceCategory { get; set; }
        public string? Address { get; set; }
        public string? Occupation { get; set; }
        public CaseClassification? Classification { get; set; }
        public string? AcuteOrChronic { get; set; }
        public string DiseaseCode { get; set; } = "";
        public DateTime? OnsetDate { get; set; }
        public DateTime? DeathDate { get; set; }
        public string? Notes { get; set; }

        public static Form Of(CardFields c) => new()
        {
            PatientName = c.PatientName,
            ParentName = c.ParentName,
            IdNumber = c.IdNumber,
            Sex = c.Sex,
            BirthDate = Date(c.BirthDate),
            Workplace = c.Workplace,
            Phone = c.Phone,
            ResidenceCategory = c.ResidenceCategory,
            Address = c.Address,
            Occupation = c.Occupation,
            Classification = c.Classification,
            AcuteOrChronic = c.AcuteOrChronic,
            DiseaseCode = c.DiseaseCode,
            OnsetDate = Date(c.OnsetDate),
            DeathDate = Date(c.DeathDate),
            Notes = c.Notes,
        };

        public CardFields ToFields() => new(PatientName, ParentName, IdNumber, Sex, Day(BirthDate), Workplace, Phone, ResidenceCategory, Address, Occupation,
            Classification, CardRules.AcuteOrChronicDiseases.Contains(DiseaseCode) ? AcuteOrChronic : null, DiseaseCode, Day(OnsetDate), Day(DeathDate), Notes);

        private static DateTime? Date(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

        private static DateOnly? Day(DateTime? d) => d is { } x ? DateOnly.FromDateTime(x) : null;
    }

    protected override async Task OnParametersSetAsync()
    {
        diseases = (await Diseases.Run((h, _) => Task.FromResult(h.Handle()))).ToList();
        var outcome = UiResults.Unpack<CardView>(await Get.Run((h, ct) => h.HandleAsync(Id, false, ct)));
        Show(outcome.Value);
        message = outcome.Message;
        messageOk = false;
    }

    private void Show(CardView? view)
    {
        card = view;
        if (view is not null)
        {
            f = Form.Of(view.Fields);
            // A disease since taken off the list still shows on its old card.
            if (diseases.All(d => d.Code != view.Fields.DiseaseCode))
            {
                diseases.Insert(0, new DiseaseRow(view.Fields.DiseaseCode, view.DiseaseName, view.ClassName, view.ReportWithin, []));
            }
        }
    }

    private string? E(string field) =>
        errors.TryGetValue("fields." + field, out var m) || errors.TryGetValue(field, out m) ? m[0] : null;

    private async Task Save(bool submit)
    {
        var request = new CardRequest(f.ToFields(), submit, card!.Version);
        Done(UiResults.Unpack<CardView>(await SaveHandler.Run((h, ct) => h.HandleAsync(Id, request, ct))), submit ? "已网络直报，等待疾控审核" : "已保存");
    }

    private async Task Review(bool accept)
    {
        withdrawing = false;
        var request = new ReviewCardRequest(accept, reason, card!.Version);
        Done(UiResults.Unpack<CardView>(await ReviewHandler.Run((h, ct) => h.HandleAsync(Id, request, ct))), accept ? "已审核通过" : "已退回报告单位");
    }

    private async Task Withdraw()
    {
        var request = new WithdrawCardRequest(withdrawReason, card!.Version);
        var outcome = UiResults.Unpack<CardView>(await WithdrawHandler.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        if (outcome.Ok)
        {
            withdrawing = false;
        }
        Done(outcome, "报告卡已删除");
    }

    private async Task Correct()
    {
        var outcome = UiResults.Unpack<CardView>(await CorrectHandler.Run((h, ct) => h.HandleAsync(Id, ct)));
        if (outcome.Value is { } correction)
        {
            Navigation.NavigateTo($"/surveillance/cards/{correction.Id}");
            return;
        }
        Done(outcome, "");
    }

    private void Done(UiOutcome<CardView> outcome, string success)
    {
        errors = outcome.Errors;
        messageOk = outcome.Ok;
        message = outcome.Ok ? success : outcome.AllErrors;
        if (outcome.Value is { } saved)
        {
            Show(saved);
        }
    }
}

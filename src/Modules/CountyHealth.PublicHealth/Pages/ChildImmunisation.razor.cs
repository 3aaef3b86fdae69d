using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Immunisation;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class ChildImmunisation
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private UiHandler<GetChildCard> Get { get; set; } = default!;
    [Inject] private UiHandler<CheckDose> Check { get; set; } = default!;
    [Inject] private UiHandler<RecordVaccination> Record { get; set; } = default!;
    [Inject] private UiHandler<CheckCertificate> Certificate { get; set; } = default!;
    [Inject] private UiHandler<VoidVaccination> VoidDose { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private ChildCard? card;
    private Form form = new();
    private DoseCheckView? check;
    private string? message;
    private bool messageOk;
    private string? checkSchool;
    private DateTime? checkedOn;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private Voiding? voiding;
    private string? voidReason;

    /// <summary>The dose record the nurse is about to void.</summary>
    private sealed record Voiding(Guid Id, string Label, string? GivenOn, string? Batch);

    /// <summary>The dose form as the page edits it.</summary>
    private sealed class Form
    {
        public string? Series { get; set; }
        public DateTime? GivenOn { get; set; }
        public DoseSource Source { get; set; } = DoseSource.Given;
        public string? Batch { get; set; }
        public string? Manufacturer { get; set; }
        public InjectionSite Site { get; set; } = InjectionSite.LeftUpperArm;
        public string? ConfirmReason { get; set; }
    }

    private DateOnly Today => ChinaTime.Today(Clock);

    protected override async Task OnParametersSetAsync()
    {
        var outcome = UiResults.Unpack<ChildCard>(await Get.Run((h, ct) => h.HandleAsync(Id, ct)));
        (card, message) = (outcome.Value, outcome.Message);
        checkedOn = Today.ToDateTime(TimeOnly.MinValue);
        await Start();
    }

    /// <summary>A fresh form: today, the first series with a dose due by today (else the first not complete).</summary>
    private async Task Start()
    {
        var first = card?.Series.FirstOrDefault(s => s.NextDueOn is not null && string.CompareOrdinal(s.NextDueOn, ChinaTime.FormatDate(Today)) <= 0)
            ?? card?.Series.FirstOrDefault(s => s.Next is not null);
        form = new Form { GivenOn = Today.ToDateTime(TimeOnly.MinValue), Series = first?.Series };
        await Preview();
    }

    private async Task SeriesChanged(string series)
    {
        form.Series = series;
        await Preview();
    }

    private async Task DateChanged(DateTime? day)
    {
        form.GivenOn = day;
        await Preview();
    }

    /// <summary>Asks the schedule which dose this would be and what it says of the day, before the nurse saves.</summary>
    private async Task Preview()
    {
        if (card is null || !card.CanRecord || form.Series is null)
        {
            check = null;
            return;
        }
        var query = new DoseCheckQuery(form.Series, form.GivenOn is { } d ? DateOnly.FromDateTime(d) : null);
        check = UiResults.Unpack<DoseCheckView>(await Check.Run((h, ct) => h.HandleAsync(Id, query, ct))).Value;
        if (check?.Route == "口服")
        {
            form.Site = InjectionSite.Oral;
        }
        else if (form.Site == InjectionSite.Oral)
        {
            form.Site = InjectionSite.LeftUpperArm;
        }
    }

    private string? E(string field) => errors.TryGetValue(field, out var m) ? string.Join("；", m) : null;

    private async Task Save()
    {
        var request = new VaccinationRequest(form.Series ?? "", form.GivenOn is { } d ? DateOnly.FromDateTime(d) : Today, form.Batch, form.Manufacturer, form.Site, form.Source,
            form.ConfirmReason);
        var outcome = UiResults.Unpack<ChildCard>(await Record.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        errors = outcome.Errors;
        messageOk = outcome.Ok;
        message = outcome.Ok ? $"已登记：{check?.Label}（{request.GivenOn:yyyy-MM-dd}）" : outcome.AllErrors;
        if (outcome.Value is { } saved)
        {
            card = saved;
            await Start();
        }
    }

    private void StartVoid(Guid id, string series, DoseCell d)
    {
        (voiding, voidReason, errors) = (new Voiding(id, $"{series}第{d.Dose}剂", d.GivenOn, d.Batch), null, new Dictionary<string, string[]>());
    }

    private async Task Void()
    {
        if (voiding is not { } v)
        {
            return;
        }
        var outcome = UiResults.Unpack<ChildCard>(await VoidDose.Run((h, ct) => h.HandleAsync(Id, v.Id, new VoidVaccinationRequest(voidReason), ct)));
        errors = outcome.Errors;
        messageOk = outcome.Ok;
        message = outcome.Ok ? $"已作废：{v.Label}（{v.GivenOn}）" : outcome.AllErrors;
        if (outcome.Value is { } saved)
        {
            (card, voiding, voidReason) = (saved, null, null);
            await Start();
        }
    }

    private async Task CheckCertificate()
    {
        var request = new CertificateCheckRequest(checkSchool ?? "", checkedOn is { } d ? DateOnly.FromDateTime(d) : Today);
        var outcome = UiResults.Unpack<ChildCard>(await Certificate.Run((h, ct) => h.HandleAsync(Id, request, ct)));
        errors = outcome.Errors;
        messageOk = outcome.Ok;
        if (outcome.Value is { } saved)
        {
            card = saved;
            var latest = saved.Checks[0];
            message = latest.MissingAtCheck.Count == 0 ? "查验完成：已全程接种" : $"查验完成：需补种 {string.Join("、", latest.MissingAtCheck)}";
            checkSchool = null;
        }
        else
        {
            message = outcome.AllErrors;
        }
    }

    private async Task Print() => await JS.InvokeVoidAsync("countyHealth.print");
}

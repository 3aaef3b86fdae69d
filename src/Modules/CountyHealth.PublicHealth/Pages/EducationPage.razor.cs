using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Ui;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Education;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.PublicHealth.Pages;

public sealed partial class EducationPage
{
    [Inject] private UiHandler<GetEducationSheet> Get { get; set; } = default!;
    [Inject] private UiHandler<RecordEducationActivity> Record { get; set; } = default!;
    [Inject] private IAccessScope Scope { get; set; } = default!;
    [Inject] private IInstitutionDirectory Directory { get; set; } = default!;
    [Inject] private ICurrentUser User { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private List<InstitutionInfo> institutions = [];
    private Guid? institution;
    private int year;
    private EducationSheet? sheet;
    private string? message;
    private bool messageOk;
    private Form form = new();
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    /// <summary>The activity record as the page edits it.</summary>
    private sealed class Form
    {
        public DateTime? Date { get; set; }
        public EducationKind Kind { get; set; } = EducationKind.Talk;
        public string? Topic { get; set; }
        public string? Place { get; set; }
        public string? Organiser { get; set; }
        public string? Speaker { get; set; }
        public string? Audience { get; set; } = "辖区居民";
        public int AudienceCount { get; set; }
        public int MaterialKinds { get; set; }
        public int MaterialCount { get; set; }
        public string? Content { get; set; }
        public HashSet<string> Archive { get; } = [];
    }

    protected override async Task OnInitializedAsync()
    {
        year = ChinaTime.Today(Clock).Year;
        (institutions, _) = await Scope.ChoicesAsync(Directory, PublicHealthPermissions.Read);
        institution = institutions.Any(i => i.Id == User.InstitutionId) ? User.InstitutionId : institutions.FirstOrDefault()?.Id;
        await Load();
    }

    private void Reset() => form = new Form { Date = ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue), Organiser = sheet?.InstitutionName };

    private async Task Load()
    {
        var outcome = UiResults.Unpack<EducationSheet>(await Get.Run((h, ct) => h.HandleAsync(new EducationQuery(institution, year), ct)));
        (sheet, message, messageOk) = (outcome.Value, outcome.Ok ? null : outcome.AllErrors, false);
        Reset();
    }

    private string? E(string field) => errors.TryGetValue(field, out var m) ? m[0] : null;

    private async Task Save()
    {
        var request = new EducationRequest(sheet!.InstitutionId, form.Date is { } d ? DateOnly.FromDateTime(d) : ChinaTime.Today(Clock), form.Kind, form.Place, form.Topic,
            form.Organiser, form.Speaker, form.Audience, form.AudienceCount, form.MaterialKinds, form.MaterialCount, form.Content, null, [.. form.Archive]);
        var outcome = UiResults.Unpack<EducationActivityRow>(await Record.Run((h, ct) => h.HandleAsync(request, ct)));
        errors = outcome.Errors;
        if (outcome.Value is { } saved)
        {
            await Load();
            (message, messageOk) = ($"已登记：{saved.Date} {saved.KindName}“{saved.Topic}”", true);
            return;
        }
        (message, messageOk) = (outcome.Errors.Count > 0 ? "请按提示修改后再保存" : outcome.AllErrors, false);
    }
}

using System.Globalization;
using CountyHealth.Kernel.Ui;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using CountyHealth.Residents.ResidentIndex;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace CountyHealth.Residents.Ui;

/// <summary>Finds a resident by name, pinyin initials, ID number or phone — or registers a new one — and hands her to the screen.</summary>
public sealed partial class ResidentPicker
{
    [Parameter] public EventCallback<ResidentRow> OnPicked { get; set; }

    [Inject] private UiHandler<SearchResidents> Search { get; set; } = default!;
    [Inject] private UiHandler<RegisterResident> Register { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private bool focusFirst;

    private string? query;
    private List<ResidentRow>? results;
    private bool showNew;
    private string? idNumber, name, birthDate, phone, address, message;
    private Sex sex;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private string? Err(string field) => errors.TryGetValue(field, out var m) ? string.Join("；", m) : null;

    private static string Mask(string? id) => id is { Length: 18 } ? ChineseIdNumber.Mask(id) : id ?? "";

    private async Task KeyUp(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SearchAsync();
        }
    }

    // At the counter the keyboard does it all: Enter searches; one match is taken at once, several put the focus on
    // the first 选择 (Tab moves on, Enter takes it).
    private async Task SearchAsync()
    {
        var page = await Search.Run((h, ct) => h.HandleAsync(new ResidentQuery(query, 1, 20), ct));
        results = page.Items.ToList();
        if (results.Count == 1)
        {
            await Pick(results[0]);
        }
        else
        {
            focusFirst = results.Count > 1;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (focusFirst)
        {
            focusFirst = false;
            await JS.InvokeVoidAsync("countyHealth.focus", "[data-testid=resident-pick]");
        }
    }

    private void FillFromId()
    {
        // Typing a valid ID number fills in sex and birth date, as the card says; the server validates again on save.
        if (ChineseIdNumber.TryParse(idNumber, DateOnly.MaxValue, out var info, out _) && info is not null)
        {
            sex = info.Sex;
            birthDate = info.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    private async Task SaveNew()
    {
        message = null;
        DateOnly? birth = DateOnly.TryParseExact(birthDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var request = new ResidentRequest(name ?? "", sex, birth, idNumber, phone, address, null);
        var outcome = UiResults.Unpack<ResidentRegistered>(await Register.Run((h, ct) => h.HandleAsync(request, ct)));
        errors = outcome.Errors;
        if (!string.IsNullOrWhiteSpace(birthDate) && birth is null)
        {
            errors = new Dictionary<string, string[]>(errors) { ["birthDate"] = ["出生日期格式应为 yyyy-MM-dd"] };
        }
        if (outcome.Value is { } v)
        {
            showNew = false;
            (idNumber, name, birthDate, phone, address) = (null, null, null, null, null);
            await Pick(v.Resident);
        }
        else
        {
            message = outcome.Message;
        }
    }

    private async Task Pick(ResidentRow r)
    {
        results = null;
        await OnPicked.InvokeAsync(r);
    }
}

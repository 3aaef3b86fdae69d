using System.Globalization;
using CountyHealth.Kernel.Ui;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Households;
using CountyHealth.Residents.ResidentIndex;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CountyHealth.Residents.Pages;

public sealed partial class Residents
{
    private enum Editing
    {
        None,
        Contact,
        Identity,
    }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private UiHandler<GetHousehold> Household { get; set; } = default!;
    [Inject] private UiHandler<UpdateResident> UpdateContact { get; set; } = default!;
    [Inject] private UiHandler<CorrectIdentity> Correct { get; set; } = default!;
    [Inject] private UiHandler<IdentityChanges> Changes { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private ResidentRow? picked;
    private HouseholdView? household;
    private string? householdMessage, message;
    private Editing editing;
    private string? phone, address, name, birthDate, idNumber, reason;
    private Sex sex;
    private List<IdentityChangeRow> changes = [];
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private string? E(string field) => errors.TryGetValue(field, out var m) ? string.Join("；", m) : null;

    private async Task Pick(ResidentRow r)
    {
        picked = r;
        (household, householdMessage, message, editing) = (null, null, null, Editing.None);
        (phone, address) = (r.Phone, r.Address);
        errors = new Dictionary<string, string[]>();
        changes = UiResults.Unpack<List<IdentityChangeRow>>(await Changes.Run((h, ct) => h.HandleAsync(r.Id, ct))).Value ?? [];
        if ((await Authorization.AuthorizeAsync((await AuthenticationState).User, ResidentsPermissions.ReadHousehold)).Succeeded)
        {
            var outcome = UiResults.Unpack<HouseholdView>(await Household.Run((h, ct) => h.HandleAsync(r.Id, ct)));
            (household, householdMessage) = (outcome.Value, outcome.Message);
        }
    }

    private async Task SaveContact()
    {
        var request = new ResidentContactRequest(phone, address);
        var outcome = UiResults.Unpack<ResidentRow>(await UpdateContact.Run((h, ct) => h.HandleAsync(picked!.Id, request, ct)));
        (errors, message) = (outcome.Errors, outcome.Message);
        if (outcome.Value is { } row)
        {
            (picked, editing) = (row, Editing.None);
            Snackbar.Add("联系方式已保存", Severity.Success);
        }
    }

    private void StartIdentity()
    {
        editing = editing == Editing.Identity ? Editing.None : Editing.Identity;
        (name, sex, idNumber, reason) = (picked!.Name, picked.Sex, picked.IdNumber, null);
        birthDate = picked.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private async Task SaveIdentity()
    {
        DateOnly? birth = DateOnly.TryParseExact(birthDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var request = new ResidentIdentityRequest(name ?? "", sex, birth, idNumber, reason ?? "");
        var outcome = UiResults.Unpack<ResidentRow>(await Correct.Run((h, ct) => h.HandleAsync(picked!.Id, request, ct)));
        (errors, message) = (outcome.Errors, outcome.Message);
        if (!string.IsNullOrWhiteSpace(birthDate) && birth is null)
        {
            errors = new Dictionary<string, string[]>(errors) { ["birthDate"] = ["出生日期格式应为 yyyy-MM-dd"] };
        }
        if (outcome.Value is { } row)
        {
            editing = Editing.None;
            Snackbar.Add("身份信息已更正，原值已保留", Severity.Success);
            await Pick(row);
        }
    }
}

using CountyHealth.Kernel.Ui;
using CountyHealth.Platform.Accounts;
using CountyHealth.Platform.Institutions;
using CountyHealth.Platform.Personnel;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CountyHealth.Platform.Pages;

public sealed partial class StaffAccounts
{
    [Inject] private UiHandler<ListInstitutions> Institutions { get; set; } = default!;
    [Inject] private UiHandler<ListStaff> Staff { get; set; } = default!;
    [Inject] private UiHandler<CreateStaff> CreateStaff { get; set; } = default!;
    [Inject] private UiHandler<CreateUser> CreateUser { get; set; } = default!;
    [Inject] private UiHandler<ChangeAccount> ChangeAccount { get; set; } = default!;
    [Inject] private UiHandler<UnlockUser> UnlockUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private StaffRow? editing;
    private IReadOnlyCollection<string> editRoles = [];
    private bool editActive;

    private List<StaffRow> staff = [];
    private List<InstitutionRow> institutions = [];
    private Guid? institutionId;
    private string? name, title, userName, password;
    private IReadOnlyCollection<string> roles = [];
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private string? E(string f) => errors.TryGetValue(f, out var m) ? string.Join("；", m) : null;

    protected override Task OnInitializedAsync() => Load();

    private async Task Load()
    {
        institutions = await Institutions.Run((h, ct) => h.HandleAsync(ct));
        staff = await Staff.Run((h, ct) => h.HandleAsync(new StaffFilter(null, null, null), ct));
    }

    private void StartEdit(StaffRow s)
    {
        (editing, editRoles, editActive) = (s, s.Roles.ToList(), s.AccountActive);
        errors = new Dictionary<string, string[]>();
    }

    private async Task SaveAccount()
    {
        var change = new AccountChange(editRoles.ToList(), editActive);
        var outcome = UiResults.Unpack<object>(await ChangeAccount.Run((h, ct) => h.HandleAsync(editing!.UserName!, change, ct)));
        errors = outcome.Errors;
        if (outcome.Ok)
        {
            Snackbar.Add($"账户 {editing!.UserName} 已调整", Severity.Success);
            editing = null;
            await Load();
        }
        else if (outcome.Message is { } message)
        {
            Snackbar.Add(message, Severity.Error);
        }
    }

    private async Task Unlock()
    {
        var outcome = UiResults.Unpack<object>(await UnlockUser.Run((h, _) => h.HandleAsync(editing!.UserName!)));
        if (outcome.Ok)
        {
            Snackbar.Add($"账户 {editing!.UserName} 已解除锁定", Severity.Success);
            editing = null;
            await Load();
        }
    }

    private async Task Save()
    {
        var staffRequest = new StaffRequest(institutionId ?? Guid.Empty, null, name ?? "", title, null);
        var s = UiResults.Unpack<StaffRow>(await CreateStaff.Run((h, ct) => h.HandleAsync(staffRequest, ct)));
        errors = s.Errors;
        if (s.Value is null)
        {
            return;
        }
        var userRequest = new UserRequest(userName ?? "", name ?? "", password ?? "", institutionId!.Value, s.Value.Id, roles.ToList());
        var u = UiResults.Unpack<object>(await CreateUser.Run((h, ct) => h.HandleAsync(userRequest, ct)));
        errors = u.Errors;
        if (u.Ok)
        {
            Snackbar.Add("人员与账户已保存", Severity.Success);
            (name, title, userName, password) = (null, null, null, null);
            await Load();
        }
    }
}

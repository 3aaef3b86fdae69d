using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Ui;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CountyHealth.Outpatient.Pages;

public sealed partial class Registration
{
    [Inject] private UiHandler<ListRegistrationChoices> Choices { get; set; } = default!;
    [Inject] private UiHandler<RegisterVisit> Register { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private string? focusNext;

    private ResidentRow? resident;
    private IReadOnlyList<DepartmentInfo> departments = [];
    private IReadOnlyList<StaffInfo> doctors = [];
    private IReadOnlyList<PriceItemInfo> fees = [];
    private Guid? departmentId, doctorId;
    private string? feeCode, message;
    private VisitRegistered? registered;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private string? Err(string f) => errors.TryGetValue(f, out var m) ? string.Join("；", m) : null;

    protected override async Task OnInitializedAsync()
    {
        var choices = await Choices.Run((h, ct) => h.HandleAsync(ct));
        (departments, doctors, fees) = (choices.Departments, choices.Doctors, choices.Fees);
        feeCode = fees.Count > 0 ? fees[0].Code : null;
    }

    private void Picked(ResidentRow r)
    {
        resident = r;
        registered = null;
        focusNext = "[data-testid=reg-department]";
    }

    // Enter moves on: a picked resident puts the focus on the department, a registration on 收挂号费.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (focusNext is { } selector)
        {
            focusNext = null;
            await JS.InvokeVoidAsync("countyHealth.focus", selector);
        }
    }

    private async Task RegisterAsync()
    {
        message = null;
        if (resident is null)
        {
            return;
        }
        var request = new VisitRequest(resident.Id, departmentId ?? Guid.Empty, doctorId, feeCode);
        var outcome = UiResults.Unpack<VisitRegistered>(await Register.Run((h, ct) => h.HandleAsync(request, ct)));
        errors = outcome.Errors;
        message = outcome.Message ?? (outcome.Errors.ContainsKey("residentId") ? Err("residentId") : null);
        if (outcome.Value is { } v)
        {
            registered = v;
            resident = null;
            focusNext = "[data-testid=reg-pay]";
        }
    }
}

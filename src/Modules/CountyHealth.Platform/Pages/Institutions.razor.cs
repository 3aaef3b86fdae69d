using CountyHealth.Kernel.Ui;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Institutions;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CountyHealth.Platform.Pages;

public sealed partial class Institutions
{
    [Inject] private UiHandler<ListInstitutions> List { get; set; } = default!;
    [Inject] private UiHandler<CreateInstitution> Create { get; set; } = default!;
    [Inject] private UiHandler<ListDepartments> Departments { get; set; } = default!;
    [Inject] private UiHandler<CreateDepartment> CreateDept { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private List<InstitutionRow> institutions = [];
    private List<DepartmentRow> departments = [];
    private InstitutionRow? selected;
    private string? code, name, deptName;
    private InstitutionKind kind = InstitutionKind.VillageClinic;
    private Guid? parentId;
    private bool deptClinical = true;
    private bool isTcm;
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    private string? E(string f) => errors.TryGetValue(f, out var m) ? string.Join("；", m) : null;

    protected override Task OnInitializedAsync() => Load();

    private async Task Load() => institutions = await List.Run((h, ct) => h.HandleAsync(ct));

    private async Task Select(InstitutionRow i)
    {
        selected = i;
        departments = UiResults.Unpack<List<DepartmentRow>>(await Departments.Run((h, ct) => h.HandleAsync(i.Id, ct))).Value ?? [];
    }

    private async Task AddInstitution()
    {
        var request = new InstitutionRequest(code ?? "", name ?? "", kind, parentId, null, null, isTcm);
        var outcome = UiResults.Unpack<InstitutionRow>(await Create.Run((h, ct) => h.HandleAsync(request, ct)));
        errors = outcome.Errors;
        if (outcome.Ok)
        {
            Snackbar.Add("机构已保存", Severity.Success);
            (code, name, isTcm) = (null, null, false);
            await Load();
        }
    }

    private async Task AddDepartment()
    {
        if (selected is null)
        {
            return;
        }
        var request = new DepartmentRequest(selected.Id, deptName ?? "", deptClinical);
        var outcome = UiResults.Unpack<DepartmentRow>(await CreateDept.Run((h, ct) => h.HandleAsync(request, ct)));
        errors = outcome.Errors.ToDictionary(e => e.Key == "name" ? "deptName" : e.Key, e => e.Value);
        if (outcome.Ok)
        {
            deptName = null;
            await Select(selected);
        }
    }
}

using System.Globalization;
using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Audit;
using Microsoft.AspNetCore.Components;

namespace CountyHealth.Platform.Pages;

public sealed partial class AuditLogPage
{
    private static readonly Dictionary<string, string> Actions = new()
    {
        [AuditActions.Read] = "查看",
        [AuditActions.Search] = "查询",
        [AuditActions.Create] = "新增",
        [AuditActions.Update] = "修改",
        [AuditActions.Delete] = "删除",
        [AuditActions.Denied] = "越权拒绝",
        [AuditActions.SignIn] = "登录",
        [AuditActions.SignInFailed] = "登录失败",
        [AuditActions.Print] = "打印",
    };

    [Inject] private UiHandler<SearchAudit> Search { get; set; } = default!;

    private string? userName, action, residentId, from, to;
    private int pageIndex;
    private Page<AuditRow>? result;

    protected override Task OnInitializedAsync() => Load(0);

    private async Task Load(int index)
    {
        pageIndex = index;
        Guid? rid = Guid.TryParse(residentId, out var g) ? g : null;
        DateOnly? f = DateOnly.TryParse(from, CultureInfo.InvariantCulture, out var df) ? df : null;
        DateOnly? t = DateOnly.TryParse(to, CultureInfo.InvariantCulture, out var dt) ? dt : null;
        result = await Search.Run((h, ct) => h.HandleAsync(new AuditFilter(userName, action, rid, f, t, index, 50), ct));
    }
}

using CountyHealth.Kernel.Security;

namespace CountyHealth.Platform.Contracts;

/// <summary>The Platform's permissions, and those every module shares (reference data, one's own account, break-glass).</summary>
public static class PlatformPermissions
{
    public const string ReferenceRead = "reference.read";
    public const string AccountSelf = "account.self";
    public const string DirectoryRead = "directory.read";
    public const string DirectoryManage = "directory.manage";
    public const string AccountsManage = "accounts.manage";
    public const string PermissionsRead = "permissions.read";
    public const string AuditRead = "audit.read";
    public const string SystemCounters = "system.counters";
    /// <summary>Correcting the rule and code tables the modules ship (immunisation schedule, notifiable diseases …).</summary>
    public const string ReferenceEdit = "reference.edit";
    /// <summary>Opening one resident's records beyond one's reach, with a stated reason, for a limited time.</summary>
    public const string BreakGlass = "breakglass";
    public const string BreakGlassReview = "breakglass.review";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(ReferenceRead, "查阅字典：诊断、用药频次、收费项目、药品目录、角色", "基础"),
        new(AccountSelf, "查看本人账户", "基础"),
        new(DirectoryRead, "查阅机构、科室与人员", "机构与人员"),
        new(DirectoryManage, "维护机构与科室", "机构与人员"),
        new(AccountsManage, "维护人员与登录账户、分配角色、停用与解锁", "机构与人员"),
        new(PermissionsRead, "查看权限矩阵", "机构与人员"),
        new(AuditRead, "查阅审计日志", "安全"),
        new(SystemCounters, "读取服务器性能计数", "安全"),
        new(ReferenceEdit, "修订规则与代码表（免疫程序、儿童健康检查时间表、法定传染病病种表等），留存各版本", "基础"),
        new(BreakGlass, "紧急查阅：说明理由后限时查阅一位居民的档案与病历", "安全"),
        new(BreakGlassReview, "查看紧急查阅记录", "安全"),
    ];
}

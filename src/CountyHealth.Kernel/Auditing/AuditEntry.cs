using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyHealth.Kernel.Auditing;

/// <summary>One access to personal health data or one security event: who, when, what record, which action, from where.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public Guid? InstitutionId { get; set; }
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    public Guid? ResidentId { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}

/// <summary>Audit actions, stored as their names.</summary>
public static class AuditActions
{
    public const string Read = "Read";
    public const string Search = "Search";
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string Denied = "Denied";
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string Print = "Print";
    /// <summary>A resident already in the index was linked to the institution caring for her.</summary>
    public const string Link = "Link";
    /// <summary>A break-glass access was opened (with its reason) or used.</summary>
    public const string BreakGlass = "BreakGlass";
    public const string SignOut = "SignOut";
    /// <summary>A finished record was opened again for changes, with the reason.</summary>
    public const string Reopen = "Reopen";
    /// <summary>Sign-in sessions ended by the server: lockout, password or role change, deactivation, a reused refresh token.</summary>
    public const string SessionsRevoked = "SessionsRevoked";

    /// <summary>What the audit log calls each action, in the order its filter offers them.</summary>
    public static IReadOnlyDictionary<string, string> ChineseNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Read] = "查看",
        [Search] = "查询",
        [Create] = "新增",
        [Update] = "修改",
        [Delete] = "删除",
        [Print] = "打印",
        [Link] = "关联本机构",
        [Denied] = "越权拒绝",
        [BreakGlass] = "紧急查阅",
        [SignIn] = "登录",
        [SignInFailed] = "登录失败",
        [SignOut] = "退出登录",
        [SessionsRevoked] = "强制下线",
    };

    public static string ChineseName(string action) => ChineseNames.TryGetValue(action, out var name) ? name : action;
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(a => a.Id);
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.UserName).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(24);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.Detail).HasMaxLength(1000);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.ResidentId, a.At });
        b.HasIndex(a => new { a.UserName, a.At });
    }
}

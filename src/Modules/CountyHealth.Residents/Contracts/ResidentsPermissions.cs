using CountyHealth.Kernel.Security;

namespace CountyHealth.Residents.Contracts;

/// <summary>The resident index's permissions (their reach per role is in the permission matrix).</summary>
public static class ResidentsPermissions
{
    /// <summary>Find a resident and read her identity and contact details (through the institutions she is known at).</summary>
    public const string Read = "resident.read";
    public const string Register = "resident.register";
    public const string EditContact = "resident.contact.edit";
    /// <summary>Correct name, sex, birth date or ID number: at her home institution, with the old values kept.</summary>
    public const string EditIdentity = "resident.identity.edit";
    /// <summary>The household (户) is the home institution's record, not the care institutions'.</summary>
    public const string ReadHousehold = "household.read";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(Read, "查找、查阅居民身份与联系方式", "居民", BreakGlass: true),
        new(Register, "登记居民（身份证号已建档时核对姓名后关联）", "居民"),
        new(EditContact, "修改居民电话与地址", "居民"),
        new(EditIdentity, "更正居民身份信息（姓名、性别、出生日期、身份证号）", "居民"),
        new(ReadHousehold, "查阅家庭户（户籍档案归建档机构）", "居民"),
    ];
}

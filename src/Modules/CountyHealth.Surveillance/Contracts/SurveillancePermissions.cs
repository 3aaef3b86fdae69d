using CountyHealth.Kernel.Security;

namespace CountyHealth.Surveillance.Contracts;

/// <summary>Infectious-disease reporting's permissions (their reach per role is in the permission matrix).</summary>
public static class SurveillancePermissions
{
    /// <summary>Read report cards (the reporting institution's, the CDC's county).</summary>
    public const string Read = "idr.read";
    /// <summary>Fill, send, correct and withdraw a report card (网络直报).</summary>
    public const string Report = "idr.report";
    /// <summary>The CDC's review: accept, or return with a reason.</summary>
    public const string Review = "idr.review";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(Read, "查阅传染病报告卡", "传染病报告"),
        new(Report, "填写、报告、订正、删除传染病报告卡（网络直报）", "传染病报告"),
        new(Review, "审核传染病报告卡（通过或退回）", "传染病报告"),
    ];
}

using CountyHealth.Kernel.Modules;
using CountyHealth.Surveillance.Contracts;

namespace CountyHealth.Surveillance.Cards;

/// <summary>The cards waiting within the user's reach: to report (and how many past their deadline) or to review.</summary>
internal sealed class ReportingHomeCard(GetCardDesk desk) : IHomeCards
{
    public string Permission => SurveillancePermissions.Read;

    public async Task<HomeCard> TodayAsync(CancellationToken ct)
    {
        var d = await desk.HandleAsync(ct);
        return new HomeCard("传染病报告", d.CanReview
            ? [new("待审核", $"{d.Submitted} 张"), new("待报告", $"{d.Open} 张"), new("其中已超时限", $"{d.Overdue} 张")]
            : [new("待报告", $"{d.Open} 张"), new("其中已超时限", $"{d.Overdue} 张"), new("待疾控审核", $"{d.Submitted} 张")],
            "/surveillance/cards", d.CanReview ? "去审核" : "去报告", 25);
    }
}

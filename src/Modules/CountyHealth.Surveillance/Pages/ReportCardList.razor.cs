using CountyHealth.Kernel.Ui;
using CountyHealth.Kernel.Web;
using CountyHealth.Surveillance.Cards;
using CountyHealth.Surveillance.Domain;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CountyHealth.Surveillance.Pages;

public sealed partial class ReportCardList
{
    [Inject] private UiHandler<GetCardDesk> Desk { get; set; } = default!;
    [Inject] private UiHandler<ListCards> Cards { get; set; } = default!;
    [Inject] private UiHandler<ListClusters> Clusters { get; set; } = default!;

    private CardDesk? desk;
    private ClusterView? clusters;
    private string status = "open";
    private string? month;
    private string? monthError;
    private string? message;
    private List<CardRow> rows = [];
    private int pageNumber = 1;
    private bool hasMore;

    protected override async Task OnInitializedAsync()
    {
        desk = await Desk.Run((h, ct) => h.HandleAsync(ct));
        // The CDC opens on its queue; a reporter on her cards to send.
        status = desk.CanReview ? "submitted" : "open";
        await Load();
    }

    private async Task Choose(string? value)
    {
        status = value ?? "open";
        pageNumber = 1;
        await Load();
    }

    private async Task Go(int number)
    {
        pageNumber = number;
        await Load();
    }

    private async Task Load()
    {
        var query = new CardQuery(status, string.IsNullOrWhiteSpace(month) ? null : month.Trim(), pageNumber, 50);
        var outcome = UiResults.Unpack<Page<CardRow>>(await Cards.Run((h, ct) => h.HandleAsync(query, ct)));
        monthError = outcome.ErrorFor("month");
        message = monthError is null ? outcome.Message : null;
        rows = outcome.Value?.Items.ToList() ?? [];
        hasMore = outcome.Value?.HasMore ?? false;
        desk = await Desk.Run((h, ct) => h.HandleAsync(ct));
        clusters = await Clusters.Run((h, ct) => h.HandleAsync(ct));
    }
}

/// <summary>A card's state in one colour on every screen: amber to report, red returned, blue waiting for the CDC, green accepted.</summary>
internal static class CardColors
{
    public static Color Of(CardStatus s) => s switch
    {
        CardStatus.Draft => Color.Warning,
        CardStatus.Returned => Color.Error,
        CardStatus.Submitted => Color.Info,
        CardStatus.Accepted => Color.Success,
        _ => Color.Default,
    };
}

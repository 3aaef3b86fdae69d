namespace CountyHealth.Kernel.Modules;

/// <summary>A figure of a worker's day on her home page, e.g. 待收费 · 3 人.</summary>
public sealed record HomeFigure(string Label, string Value);

/// <summary>
/// A card of the home page: what the day holds at one desk, and the way to it; <paramref name="Body"/>, a component
/// drawn below the figures across the page's width (the director's dashboard).
/// </summary>
public sealed record HomeCard(string Title, IReadOnlyList<HomeFigure> Figures, string Href, string Action, int Order, Type? Body = null);

/// <summary>
/// A module's card for the home page of the users granted <see cref="Permission"/> (the cashier's takings and waiting
/// patients, the doctor's queue, the pharmacist's orders and expiring stock): counts of the user's own institution and
/// day, never a patient's name.
/// </summary>
public interface IHomeCards
{
    string Permission { get; }

    Task<HomeCard> TodayAsync(CancellationToken ct);
}

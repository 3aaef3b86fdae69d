using CountyHealth.Kernel.Generation;

namespace CountyHealth.Billing.Contracts;

/// <summary>
/// Billing's side of the synthetic county's history: a module that generates encounters records here what was
/// charged and paid; Billing makes the charges and the payment (a method drawn at random, a receipt number).
/// </summary>
public interface IBillingHistory
{
    /// <summary>Records the lines as charged at <paramref name="chargedAt"/> and paid together at <paramref name="paidAt"/>.</summary>
    void Paid(BillingEncounter encounter, IReadOnlyList<ChargeLine> lines, DateTime chargedAt, DateTime paidAt);

    /// <summary>Writes everything recorded since the last call, and forgets it.</summary>
    Task WriteAsync(GenerationRun run, CancellationToken ct);
}

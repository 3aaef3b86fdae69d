using CountyHealth.Kernel.Generation;

namespace CountyHealth.Pharmacy.Contracts;

/// <summary>
/// The pharmacy's side of the synthetic county's history: a module that generates paid documents records here that
/// they were queued and handed out; the pharmacy makes the orders, their lines, the stock movements and the batches
/// they came from (one batch per institution, drug and year, received on 1 January with a tenth to spare).
/// </summary>
public interface IDispensingHistory
{
    /// <summary>Records the dispensing of a request at a moment.</summary>
    void Dispensed(DispenseRequest request, DateTime queuedAt, DateTime dispensedAt, string dispensedBy);

    /// <summary>Writes everything recorded since the last call, and forgets it.</summary>
    Task WriteAsync(GenerationRun run, CancellationToken ct);
}

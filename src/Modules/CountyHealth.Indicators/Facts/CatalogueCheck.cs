using Microsoft.Extensions.Hosting;

namespace CountyHealth.Indicators.Facts;

/// <summary>
/// Reads the indicator catalogue as the server starts: a formula naming a measure no source counts, a part a measure is
/// not kept by, or a code used twice stops the start with its message, instead of answering every figure with a 500.
/// </summary>
internal sealed class CatalogueCheck(IndicatorCatalogue catalogue) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(catalogue.Indicators.Count);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

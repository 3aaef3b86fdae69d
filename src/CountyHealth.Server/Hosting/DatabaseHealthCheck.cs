using CountyHealth.Kernel.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CountyHealth.Server.Hosting;

internal sealed class DatabaseHealthCheck(CountyHealthDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("数据库无法连接");
}

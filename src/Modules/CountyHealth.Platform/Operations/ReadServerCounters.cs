using CountyHealth.Kernel.Diagnostics;
using CountyHealth.Kernel.Modules;

namespace CountyHealth.Platform.Operations;

/// <summary>The server's CPU time and database statements so far, for the administrator and the benchmark.</summary>
internal sealed class ReadServerCounters(ServerCounters counters) : IUseCase
{
    public ServerCounterSnapshot Handle() => counters.Snapshot();
}

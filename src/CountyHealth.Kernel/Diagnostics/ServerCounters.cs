using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CountyHealth.Kernel.Diagnostics;

/// <summary>What the server has cost so far: its CPU time and the statements it sent to the database.</summary>
public sealed record ServerCounterSnapshot(double CpuMilliseconds, long DbCommands, long DbCommits, long Requests);

/// <summary>
/// Counts every database command and commit of this process (a batch of INSERTs sent at once is one command), so a
/// benchmark can divide what the server spent by the work it did. Counting is one interlocked add per command.
/// </summary>
public sealed class ServerCounters : DbCommandInterceptor, IDbTransactionInterceptor
{
    private long commands;
    private long commits;
    private long requests;

    public ServerCounterSnapshot Snapshot()
    {
        using var process = Process.GetCurrentProcess();
        return new(process.TotalProcessorTime.TotalMilliseconds, Interlocked.Read(ref commands), Interlocked.Read(ref commits), Interlocked.Read(ref requests));
    }

    public void CountRequest() => Interlocked.Increment(ref requests);

    private T Count<T>(T result)
    {
        Interlocked.Increment(ref commands);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) => Count(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Count(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Count(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref commits);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref commits);
        return Task.CompletedTask;
    }
}

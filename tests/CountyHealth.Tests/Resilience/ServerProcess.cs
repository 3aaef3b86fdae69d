using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CountyHealth.Tests.Resilience;

/// <summary>
/// The real server, started from its build output as a separate process on a free loopback port, which a test may
/// SIGKILL and start again. Shared by the crash test and the browser tests (linked into their project).
/// </summary>
public sealed class ServerProcess(IReadOnlyList<string> settings) : IAsyncDisposable
{
    private Process? process;
    private readonly StringBuilder log = new();

    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort()}";

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public async Task StartAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var bin = Path.Combine(RepoRoot(), "src", "CountyHealth.Server", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = bin, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(bin, "CountyHealth.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.ArgumentList.Add("--Serilog:MinimumLevel:Default=Warning");
        foreach (var s in settings)
        {
            start.ArgumentList.Add(s);
        }
        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                break;
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl + "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException("The server did not become healthy:\n" + Log);
    }

    /// <summary>SIGKILL: no shutdown, no flush; whatever was committed must survive.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Append(string? line)
    {
        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CountyHealth.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}

using System.Diagnostics;
using CountyHealth.Server.Hosting;
using CountyHealth.Tests.Resilience;
using Xunit;

namespace CountyHealth.Tests.Integration;

/// <summary>The program's verbs as an operator meets them: help for each, and a mistyped option refused with a message.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("serve", "--urls")]
    [InlineData("migrate", "迁移")]
    [InlineData("generate", "--residents")]
    [InlineData("backup", "--to")]
    [InlineData("restore", "--from")]
    [InlineData("verify", "校验和")]
    [InlineData("reindex-pinyin", "检索码")]
    [InlineData("rebuild-aggregates", "--source")]
    public async Task Every_verb_explains_itself(string verb, string mentioned)
    {
        var (code, output) = await RunAsync(verb, "--help");

        Assert.Equal(0, code);
        Assert.Contains(mentioned, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_program_lists_its_verbs()
    {
        var (code, output) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.All(new[] { "serve", "migrate", "generate", "backup", "restore", "verify", "reindex-pinyin" }, v => Assert.Contains(v, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mistyped_option_is_refused_and_named()
    {
        var (code, output) = await RunAsync("generate", "--residnets", "5");

        Assert.NotEqual(0, code);
        Assert.Contains("--residnets", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--residents", "0", "--residents 应在")]
    [InlineData("--years", "31", "--years 应在")]
    public async Task An_out_of_range_size_is_refused_and_named(string option, string value, string message)
    {
        var (code, output) = await RunAsync("generate", option, value);

        Assert.NotEqual(0, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_of_a_source_that_does_not_exist_is_refused_with_the_sources_there_are()
    {
        var folder = Directory.CreateTempSubdirectory("ch-rebuild-");
        try
        {
            var (code, output) = await RunAsync("rebuild-aggregates", "--source", "healthrecords", "--source", "nosuch", "--Database:Provider=Sqlite",
                $"--Database:DataFolder={folder.FullName}", "--Serilog:MinimumLevel:Default=Warning");

            Assert.Equal(2, code);
            Assert.Contains("没有这些指标来源：nosuch。", output, StringComparison.Ordinal);
            Assert.Contains("healthrecords", output[output.IndexOf("可选", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_required_option_is_refused()
    {
        var (code, output) = await RunAsync("backup");

        Assert.NotEqual(0, code);
        Assert.Contains("--to", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Database:Provider=Postgres", true)]
    [InlineData("--ConnectionStrings:CountyHealth=Host=x;Database=y", true)]
    [InlineData("--environment=Development", true)]
    [InlineData("--Seed:Demo=false", true)]
    [InlineData("--seed=7", false)]
    [InlineData("--residents", false)]
    [InlineData("--urls=http://127.0.0.1:1", false)]
    [InlineData("generate", false)]
    public void Settings_for_the_host_are_told_from_the_verbs_options(string arg, bool setting) =>
        Assert.Equal(setting, CommandLine.IsSetting(arg));

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var bin = Path.Combine(ServerProcess.RepoRoot(), "src", "CountyHealth.Server", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = bin, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(bin, "CountyHealth.Server.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

using System.CommandLine;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;
using CountyHealth.Server.Operations;

namespace CountyHealth.Server.Hosting;

/// <summary>
/// The program's command line: serve (the default) and the operator's verbs, each with --help. Configuration settings
/// are given as --Section:Key=value (e.g. --Database:Provider=Postgres) and go to the host; any other unknown option is
/// refused with a message.
/// </summary>
internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        var settings = args.Where(IsSetting).ToArray();
        var root = new RootCommand("CountyHealth 区县卫生健康信息平台。不带命令时启动服务（serve）。配置项写作 --节:键=值，例如 --Database:Provider=Postgres。");
        var rootUrls = UrlsOption();
        root.Options.Add(rootUrls);
        root.SetAction((p, _) => ServeAsync(settings, p.GetValue(rootUrls)));

        var serveUrls = UrlsOption();
        var serve = new Command("serve", "启动服务：迁移数据库、空库时生成演示县，然后提供界面与接口") { serveUrls };
        serve.SetAction((p, _) => ServeAsync(settings, p.GetValue(serveUrls)));

        var migrate = new Command("migrate", "应用数据库迁移（空库时生成演示县），然后退出");
        migrate.Aliases.Add("seed");
        migrate.SetAction(async (_, _) =>
        {
            await using var app = CountyHealthHost.Build(settings);
            await CountyHealthHost.PrepareDatabaseAsync(app);
            return 0;
        });

        var d = GenerationOptions.Default;
        var residents = new Option<int>("--residents") { Description = $"居民人数（默认 {d.Residents:N0}，即种子文档 001 的区）", DefaultValueFactory = _ => d.Residents };
        var seed = new Option<int>("--seed") { Description = "随机种子：同一种子生成同一个县", DefaultValueFactory = _ => d.Seed };
        var years = new Option<int>("--years") { Description = "门诊历史的年数", DefaultValueFactory = _ => d.Years };
        var rate = new Option<double>("--visits-per-resident-year") { Description = "每名居民每年门诊次数", DefaultValueFactory = _ => d.VisitsPerResidentYear };
        var generate = new Command("generate", "生成合成县：乡镇、村卫生室、居民（按第七次人口普查年龄性别结构）、家庭户与多年门诊记录") { residents, seed, years, rate };
        generate.Validators.Add(r =>
        {
            // Only what was typed is checked: a command validator sees 0, not the default, for an option left out.
            if (r.GetResult(residents) is { Implicit: false } given && given.GetValueOrDefault<int>() is < 1 or > 50_000_000)
            {
                r.AddError("--residents 应在 1～50,000,000 之间");
            }
            if (r.GetResult(years) is { Implicit: false } givenYears && givenYears.GetValueOrDefault<int>() is < 0 or > 30)
            {
                r.AddError("--years 应在 0～30 之间");
            }
        });
        generate.SetAction(async (p, ct) =>
        {
            var options = new GenerationOptions(p.GetValue(residents), p.GetValue(seed), p.GetValue(years), p.GetValue(rate), DeferIndexes: true);
            await using var app = CountyHealthHost.Build(settings);
            await CountyHealthHost.PrepareDatabaseAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            Console.WriteLine($"Generating a county of {options.Residents:N0} residents, {options.Years} years of visits, seed {options.Seed} …");
            var report = await scope.ServiceProvider.GetRequiredService<CountyGenerator>().GenerateAsync(options, Console.WriteLine, ct);
            foreach (var (table, rows) in report.RowsByTable.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {table,-24} {rows,14:N0}");
            }
            Console.WriteLine($"{report.Rows:N0} rows in {report.Elapsed.TotalSeconds:N1} s = {report.RowsPerSecond:N0} rows/s");
            Console.WriteLine("Building the monthly tables of the indicators …");
            await Indicators.MonthlyTables.RebuildAsync(scope.ServiceProvider, line => Console.WriteLine("  " + line), ct);
            return 0;
        });

        var to = new Option<FileInfo>("--to") { Description = "备份文件（不得已存在）；旁边写 FILE.manifest", Required = true };
        var backup = new Command("backup", "一致性备份（SQLite VACUUM INTO；PostgreSQL pg_dump），并写出每张表的行数与 SHA-256") { to };
        backup.SetAction((p, ct) => WithDatabaseAsync(settings, async db =>
        {
            var file = p.GetValue(to)!.FullName;
            var manifest = await Backup.BackupAsync(db, file, ct);
            Console.WriteLine($"Backed up {manifest.Count} tables, {manifest.Sum(m => m.Rows):N0} rows, to {file} (manifest: {file}.manifest)");
            return 0;
        }));

        var from = new Option<FileInfo>("--from") { Description = "要恢复的备份文件（其 .manifest 在旁边）", Required = true };
        var restore = new Command("restore", "恢复到所配置的新空库，并逐表核对行数与校验和；不一致时退出码为 1") { from };
        restore.SetAction((p, ct) => WithDatabaseAsync(settings, async db =>
        {
            var file = p.GetValue(from)!.FullName;
            var problems = await Backup.RestoreAsync(db, file, ct);
            foreach (var problem in problems)
            {
                Console.Error.WriteLine("MISMATCH " + problem);
            }
            Console.WriteLine(problems.Count == 0 ? $"Restored {file}: every table's row count and checksum match the backup" : $"Restore of {file} does not match its manifest");
            return problems.Count == 0 ? 0 : 1;
        }));

        var verify = new Command("verify", "列出每张表的行数与校验和");
        verify.SetAction((_, ct) => WithDatabaseAsync(settings, async db =>
        {
            foreach (var f in await Backup.FingerprintAsync(db, ct))
            {
                Console.WriteLine($"{f.Table,-28} {f.Rows,14:N0}  {f.Sha256}");
            }
            return 0;
        }));

        var reindex = new Command("reindex-pinyin", "按本版本的拼音表与读音规则重写检索码（含居民姓名首字母）；升级后运行一次，仅改写有差异的行");
        reindex.SetAction(async (_, ct) =>
        {
            await using var app = CountyHealthHost.Build(settings);
            var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CountyHealth.ReindexPinyin");
            // Migrated (with the usual backup) but not seeded: an empty database has nothing to rewrite.
            await DatabaseSetup.MigrateAsync(app.Services, log, app.Services.GetRequiredService<TimeProvider>());
            await using var scope = app.Services.CreateAsyncScope();
            var changed = await CountyHealthHost.RefreshSearchKeysAsync(scope.ServiceProvider, atStart: false, log, ct);
            Console.WriteLine($"Rewrote the search keys of {changed:N0} rows");
            return 0;
        });

        var only = new Option<string[]>("--source") { Description = "只重建这些来源（可重复；如更正规则表后只重算 healthrecords）；不给则全部重建", AllowMultipleArgumentsPerToken = true };
        var rebuild = new Command("rebuild-aggregates", "从业务记录重建指标的月度汇总表（逐个来源显示进度）；汇总表平时由服务每隔数秒自动更新") { only };
        rebuild.SetAction(async (p, ct) =>
        {
            await using var app = CountyHealthHost.Build(settings);
            var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CountyHealth.RebuildAggregates");
            await DatabaseSetup.MigrateAsync(app.Services, log, app.Services.GetRequiredService<TimeProvider>());
            await using var scope = app.Services.CreateAsyncScope();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var sources = p.GetValue(only) is { Length: > 0 } named ? named : null;
            var known = scope.ServiceProvider.GetServices<Indicators.Contracts.IFactSource>().Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
            if (sources?.Except(known, StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
            {
                Console.Error.WriteLine($"没有这些指标来源：{string.Join("、", unknown)}。可选：{string.Join("、", known)}");
                return 2;
            }
            var rows = await Indicators.MonthlyTables.RebuildAsync(scope.ServiceProvider, line => Console.WriteLine("  " + line), ct, sources);
            Console.WriteLine($"Rebuilt the monthly tables: {rows:N0} rows in {watch.Elapsed.TotalSeconds:N1} s");
            return 0;
        });

        root.Subcommands.Add(serve);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(generate);
        root.Subcommands.Add(backup);
        root.Subcommands.Add(restore);
        root.Subcommands.Add(verify);
        root.Subcommands.Add(reindex);
        root.Subcommands.Add(rebuild);
        // Exceptions propagate: the test host and the operator see the real error, not a rewritten one.
        return root.Parse(args.Where(a => !IsSetting(a)).ToArray()).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static readonly HashSet<string> OptionNames = new(StringComparer.Ordinal) { "urls", "residents", "seed", "years", "visits-per-resident-year", "to", "from", "source", "help", "version" };

    /// <summary>
    /// A configuration setting for the host: --Section:Key=value, or --key=value for a key that is not one of the verbs'
    /// options (the test host passes --environment=… and --applicationName=… this way).
    /// </summary>
    internal static bool IsSetting(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }
        var end = arg.IndexOfAny([':', '='], 2);
        return end > 2 && !OptionNames.Contains(arg[2..end]);
    }

    private static Option<string?> UrlsOption() => new("--urls") { Description = "监听地址，例如 http://127.0.0.1:5080（默认见 appsettings.json）" };

    private static async Task<int> ServeAsync(string[] settings, string? urls)
    {
        await using var app = CountyHealthHost.Build(urls is null ? settings : [.. settings, "--urls", urls]);
        await CountyHealthHost.PrepareDatabaseAsync(app);
        CountyHealthHost.MapPipeline(app);
        CountyHealthHost.PrintBanner(app);
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> WithDatabaseAsync(string[] settings, Func<CountyHealthDb, Task<int>> work)
    {
        await using var app = CountyHealthHost.Build(settings);
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CountyHealthDb>());
    }
}

using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Security;
using CountyHealth.Platform.Domain;
using CountyHealth.Server.Operations;
using CountyHealth.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using DemoAccountList = CountyHealth.Platform.Contracts.DemoAccounts;

namespace CountyHealth.Tests.Integration;

/// <summary>
/// Malformed variants of every operation's body and query, sent by an account the matrix grants it to: none reaches a
/// 5xx, every 400 names a field in Chinese, and the database is as it was. Bounded (at most <see cref="VariantsPerOperation"/>
/// variants an operation) and deterministic: the variants come from the run's seed (<see cref="TestSeed"/>), printed on failure.
/// </summary>
public abstract class FuzzTests(CountyHealthFactory host)
{
    private const int VariantsPerOperation = 150;

    // Written by every request (who asked, which session): not the records the fuzz must leave alone.
    // The indicators' marks and monthly tables are derived from the records and kept by a background refresher: they
    // move while the fuzz runs, whatever it sends.
    private static readonly string[] Bookkeeping = ["audit_entries", "sign_in_sessions", "fact_changes", "indicator_facts"];

    [Fact]
    public async Task Malformed_input_never_reaches_a_5xx_gets_a_named_chinese_error_and_changes_nothing()
    {
        // The run's seed itself: the same COUNTYHEALTH_TEST_SEED sends the same variants in the same order.
        var seed = TestSeed.Value;
        var random = new Random(seed);
        var operations = await OpenApiOperations.ReadAsync(host);
        var matrix = host.Services.GetRequiredService<PermissionMatrix>();
        var clients = new Dictionary<string, ApiClient>(StringComparer.Ordinal);
        foreach (var op in operations.Where(o => o.Permission is not null))
        {
            var account = DemoAccountList.All.FirstOrDefault(a => matrix.ReachOf(a.Role, op.Permission!) != Reach.None)
                ?? throw new InvalidOperationException($"no demo account may call {op}");
            clients[op.Id] = await host.As(account.UserName);
        }
        using var anonymous = host.Anonymous();
        var before = await FingerprintAsync();
        var failures = new List<string>();
        var sent = 0;

        foreach (var op in operations)
        {
            var client = clients.GetValueOrDefault(op.Id) ?? anonymous;
            var variants = Variants(op, random).OrderBy(_ => random.Next()).Take(VariantsPerOperation).ToList();
            foreach (var variant in variants)
            {
                using var request = new HttpRequestMessage(new HttpMethod(op.Method), op.PathWithUnknownIds() + variant.Query);
                if (variant.Body is not null)
                {
                    request.Content = new StringContent(variant.Body, Encoding.UTF8, variant.ContentType);
                }
                using var response = await client.SendAsync(request);
                sent++;
                var body = await response.Content.ReadAsStringAsync();
                var problem = Judge(response.StatusCode, body);
                if (problem is not null)
                {
                    failures.Add($"{op} [{variant.Name}] → {(int)response.StatusCode}: {problem} {Shorten(body)}");
                }
            }
        }

        var after = await FingerprintAsync();
        var changed = before.Where(b => after.Single(a => a.Table == b.Table) != b).Select(b => b.Table).ToList();
        Assert.True(sent > 300, $"only {sent} malformed requests were sent");
        Assert.True(failures.Count == 0 && changed.Count == 0,
            $"fuzz with {TestSeed.Variable}={seed}: {failures.Count} of {sent} answers wrong; tables changed: {string.Join(", ", changed)}\n"
            + string.Join("\n", failures.Take(40)));
    }

    private static string? Judge(HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (code >= 500)
        {
            return "a server error";
        }
        if (code is >= 200 and < 300)
        {
            return "accepted malformed input";
        }
        if (status != HttpStatusCode.BadRequest)
        {
            return null; // 401/403/404/405/409/415: refused for another reason, nothing stored (the fingerprint checks)
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object || !errors.EnumerateObject().Any())
            {
                return "a 400 that names no field";
            }
            var messages = errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString() ?? "")).ToList();
            return messages.All(m => m.Any(c => c is >= '\u4e00' and <= '\u9fff')) ? null : "a 400 message that is not Chinese";
        }
        catch (JsonException)
        {
            return "a 400 that is not ProblemDetails";
        }
    }

    private sealed record Variant(string Name, string? Body, string ContentType = "application/json", string Query = "");

    private static IEnumerable<Variant> Variants(OpenApiOperation op, Random random)
    {
        foreach (var q in op.Body is null ? op.Query : [])
        {
            foreach (var (name, value) in BadQueryValues(op.QueryFormats[q]))
            {
                yield return new Variant($"?{q}={name}", null, Query: $"?{q}={Uri.EscapeDataString(value)}");
            }
        }
        if (op.Body is null)
        {
            yield break;
        }
        yield return new Variant("empty body", "");
        yield return new Variant("null", "null");
        yield return new Variant("array", "[]");
        yield return new Variant("string", "\"x\"");
        yield return new Variant("truncated", "{\"a\":");
        yield return new Variant("not json", "请挂号");
        yield return new Variant("nested 200 deep", new string('[', 200) + new string(']', 200));
        yield return new Variant("text/plain", Sample(op.Body).ToJsonString(), "text/plain");
        var sample = Sample(op.Body);
        var extra = sample.DeepClone().AsObject();
        extra["zzzUnknown"] = 1;
        yield return new Variant("unknown field", extra.ToJsonString());
        foreach (var (path, type, nullable) in Members(op.Body, ""))
        {
            yield return Mutate(sample, path, "missing", null, remove: true);
            if (!nullable)
            {
                yield return Mutate(sample, path, "null", null);
            }
            foreach (var (name, value) in BadValues(type, random))
            {
                yield return Mutate(sample, path, name, value);
            }
        }
    }

    private static (string Name, string Value)[] BadQueryValues(string format) => format switch
    {
        "uuid" => [("word", "abc"), ("number", "123")],
        "date" => [("word", "abc"), ("Feb 30", "2026-02-30"), ("year 1", "0001-01-01"), ("year 9999", "9999-12-31")],
        "int32" => [("word", "abc"), ("fraction", "1.5"), ("huge", "99999999999999999999"), ("-1", "-1"), ("0", "0")],
        "boolean" => [("word", "yes")],
        _ => [("10k", new string('长', 10_000)), ("NUL", "a\0b"), ("bidi", "a\u202Eb"), ("zero width", "a\u200Bb")],
    };

    private static IEnumerable<(string Name, JsonNode? Value)> BadValues(Type type, Random random)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            yield return ("10k chars", new string('长', 10_000));
            yield return ("NUL", "张\0三");
            yield return ("bidi override", "张\u202E三");
            yield return ("zero width", "张\u200B三");
            yield return ("number", 12345);
            yield return ("object", new JsonObject());
        }
        else if (t == typeof(int) || t == typeof(decimal) || t == typeof(long))
        {
            yield return ("word", "abc");
            yield return ("1e30", JsonValue.Create(1e30));
            yield return ("2^31", 2147483648L);
            yield return ("-1e12", -1_000_000_000_000m);
            yield return ("fraction", t == typeof(decimal) ? JsonValue.Create(0.5m - 10m * random.Next(1, 5)) : JsonValue.Create(1.5));
        }
        else if (t == typeof(Guid))
        {
            yield return ("not a guid", "not-a-guid");
            yield return ("number", 7);
        }
        else if (t == typeof(DateOnly))
        {
            yield return ("Feb 30", "2026-02-30");
            yield return ("year 9999", "9999-12-31");
            yield return ("year 1", "0001-01-01");
        }
        else if (t == typeof(bool))
        {
            yield return ("yes", "yes");
        }
        else if (t.IsEnum)
        {
            yield return ("undefined", 99);
            yield return ("word", "nothing");
        }
        else if (IsList(t, out _))
        {
            yield return ("[null]", new JsonArray((JsonNode?)null));
            yield return ("not a list", "x");
            yield return ("201 items", new JsonArray(Enumerable.Range(0, 201).Select(_ => SampleValue(ElementOf(t))).ToArray()));
        }
        else
        {
            yield return ("not an object", 5);
        }
    }

    private static Variant Mutate(JsonObject sample, string path, string name, JsonNode? value, bool remove = false)
    {
        var copy = sample.DeepClone().AsObject();
        var parts = path.Split('.');
        JsonNode node = copy;
        foreach (var part in parts[..^1])
        {
            node = part.EndsWith("[0]", StringComparison.Ordinal) ? node[part[..^3]]![0]! : node[part]!;
        }
        var target = node.AsObject();
        if (remove)
        {
            target.Remove(parts[^1]);
        }
        else
        {
            target[parts[^1]] = value?.DeepClone();
        }
        return new Variant($"{path}: {name}", copy.ToJsonString());
    }

    /// <summary>The members of a request record and of the first item of its lists of records, as JSON paths.</summary>
    private static IEnumerable<(string Path, Type Type, bool Nullable)> Members(Type record, string prefix)
    {
        var context = new NullabilityInfoContext();
        foreach (var p in Constructor(record).GetParameters())
        {
            var path = prefix + Camel(p.Name!);
            var nullable = System.Nullable.GetUnderlyingType(p.ParameterType) is not null || context.Create(p).ReadState == NullabilityState.Nullable;
            yield return (path, p.ParameterType, nullable);
            if (IsList(p.ParameterType, out var element) && IsRecord(element))
            {
                foreach (var inner in Members(element, path + "[0]."))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>A well-formed body of the record's type (made-up values: ids that do not exist, text that is plain).</summary>
    private static JsonObject Sample(Type record)
    {
        var o = new JsonObject();
        foreach (var p in Constructor(record).GetParameters())
        {
            o[Camel(p.Name!)] = SampleValue(p.ParameterType);
        }
        return o;
    }

    private static JsonNode? SampleValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(string) => "测试",
            _ when t == typeof(Guid) => Guid.NewGuid().ToString(),
            _ when t == typeof(int) || t == typeof(long) => 1,
            _ when t == typeof(decimal) => 1m,
            _ when t == typeof(bool) => false,
            _ when t == typeof(DateOnly) => "2026-12-01",
            _ when t.IsEnum => Convert.ToInt32(Enum.GetValues(t).GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
            _ when IsList(t, out var element) => new JsonArray(SampleValue(element)),
            _ when IsRecord(t) => Sample(t),
            _ => null,
        };
    }

    private static ConstructorInfo Constructor(Type record) => record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

    private static bool IsRecord(Type t) => t.GetMethod("<Clone>$") is not null;

    private static bool IsList(Type t, out Type element)
    {
        element = t.IsGenericType && t.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[0] : typeof(object);
        return element != typeof(object);
    }

    private static Type ElementOf(Type list) => list.GetGenericArguments()[0];

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;

    private async Task<List<TableFingerprint>> FingerprintAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CountyHealthDb>();
        return (await Backup.FingerprintAsync(db, CancellationToken.None)).Where(t => !Bookkeeping.Contains(t.Table)).ToList();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteFuzzTests(SqliteHost host) : FuzzTests(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresFuzzTests(PostgresHost host) : FuzzTests(host);

using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Indicators.Facts;

/// <summary>
/// The indicator catalogue: every module's <c>indicators.tsv</c> (embedded beside its fact source) read once, checked
/// against the measures the sources count — a formula naming a measure or part that no source counts stops the start.
/// </summary>
internal sealed class IndicatorCatalogue
{
    private readonly Lazy<(IReadOnlyList<Indicator> Indicators, IReadOnlyDictionary<string, Measure> Measures, IReadOnlyDictionary<string, string> SourceOf)> loaded;

    public IndicatorCatalogue(IServiceScopeFactory scopes) => loaded = new(() => Load(scopes));

    public IReadOnlyList<Indicator> Indicators => loaded.Value.Indicators;

    public IReadOnlyDictionary<string, Measure> Measures => loaded.Value.Measures;

    /// <summary>The source counting a measure.</summary>
    public string SourceOf(string measure) => loaded.Value.SourceOf[measure];

    public Indicator? Find(string code) => Indicators.FirstOrDefault(i => i.Code == code);

    private static (IReadOnlyList<Indicator>, IReadOnlyDictionary<string, Measure>, IReadOnlyDictionary<string, string>) Load(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var sources = scope.ServiceProvider.GetServices<IFactSource>().ToList();
        var measures = new Dictionary<string, Measure>(StringComparer.Ordinal);
        var sourceOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var indicators = new List<Indicator>();
        foreach (var source in sources)
        {
            foreach (var m in source.Measures)
            {
                measures.Add(m.Key, m);
                sourceOf.Add(m.Key, source.Name);
            }
        }
        foreach (var assembly in sources.Select(s => s.GetType().Assembly).Distinct())
        {
            var name = assembly.GetName().Name + ".indicators.tsv";
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is null)
            {
                continue;
            }
            using var reader = new StreamReader(stream);
            indicators.AddRange(Indicator.Parse(reader.ReadToEnd(), name));
        }
        foreach (var i in indicators)
        {
            foreach (var t in i.Formula.Terms)
            {
                if (!measures.TryGetValue(t.Measure, out var m))
                {
                    throw new InvalidOperationException($"指标 {i.Code} 的公式引用了不存在的计数项 {t.Measure}");
                }
                if (t.Dimension.Length > 0 && !m.Breakdowns.Any(b => t.Dimension.StartsWith(b + ":", StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException($"指标 {i.Code} 的公式按 {t.Dimension} 取 {t.Measure}，但该计数项不按此分列");
                }
            }
        }
        var duplicate = indicators.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? throw new InvalidOperationException($"指标代码重复：{duplicate.Key}")
            : (indicators, measures, sourceOf);
    }
}

using System.Reflection;
using CountyHealth.Indicators.Contracts;
using CountyHealth.Indicators.Domain;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Indicators.Facts;

/// <summary>A module that declares aggregate forms: its assembly embeds <c>{Module}.aggregate-forms.tsv</c> and <c>{Module}.aggregate-rules.tsv</c>.</summary>
public sealed record AggregateFormFiles(Assembly Assembly)
{
    public static void Add(IServiceCollection services, Assembly assembly) => services.AddSingleton(new AggregateFormFiles(assembly));
}

/// <summary>Every module's aggregate forms and validation rules, read once at start; a bad line stops the start with its line number.</summary>
internal sealed class FormCatalogue(IEnumerable<AggregateFormFiles> files)
{
    private readonly Lazy<AggregateRules> loaded = new(() => Load(files));

    public AggregateRules Rules => loaded.Value;

    public IReadOnlyList<AggregateForm> Forms => loaded.Value.Forms;

    public AggregateForm? Find(string? code) => code is null ? null : loaded.Value.Form(code);

    private static AggregateRules Load(IEnumerable<AggregateFormFiles> files)
    {
        var forms = new List<AggregateForm>();
        var rules = new List<ValidationRule>();
        foreach (var assembly in files.Select(f => f.Assembly).Distinct())
        {
            var prefix = assembly.GetName().Name;
            var own = AggregateFormFile.ParseForms(Read(assembly, prefix + ".aggregate-forms.tsv"), prefix + ".aggregate-forms.tsv");
            forms.AddRange(own);
            rules.AddRange(AggregateFormFile.ParseRules(Read(assembly, prefix + ".aggregate-rules.tsv"), own, prefix + ".aggregate-rules.tsv"));
        }
        var duplicate = forms.GroupBy(f => f.Code).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null ? throw new InvalidOperationException($"填报表代码重复：{duplicate.Key}") : new AggregateRules(forms, rules);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"缺少嵌入资源 {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>
/// The approved values of the aggregate forms as monthly figures: each field a measure <c>forms.{form}_{field}</c>, in
/// the month reported, by the institution that reported it. A report counts once approved, and stops counting when the
/// bureau returns it.
/// </summary>
internal sealed class AggregateFacts(CountyHealthDb db, FormCatalogue forms) : IFactSource
{
    public string Name => AggregateFormFile.Source;

    public IReadOnlyList<Measure> Measures { get; } = forms.Forms.SelectMany(f => f.Fields.Select(field => new Measure(f.MeasureOf(field), $"{f.Name}：{field.Name}", field.Unit,
        field.AddsUp ? MeasureKind.Sum : MeasureKind.EndOfPeriod, $"“{f.Name}”已审核的月报中填报的{field.Name}，记在所报月份"))).ToList();

    public static void AddFeeds(IServiceCollection services) =>
        services.AddSingleton<IFactFeed>(new FactFeed<AggregateReport>(AggregateFormFile.Source, r => (r.InstitutionId, FactMonths.FirstDay(r.Month)),
            nameof(AggregateReport.Status), nameof(AggregateReport.ValuesJson)));

    public async Task<IReadOnlyList<MonthlyFact>> CountAsync(FactRange range, CancellationToken ct)
    {
        var reports = db.Set<AggregateReport>().AsNoTracking().Where(r => r.Status == ReportStatus.Approved && r.Month >= range.FromMonth && r.Month <= range.ToMonth);
        if (range.Institutions is { } some)
        {
            reports = reports.Where(r => some.Contains(r.InstitutionId));
        }
        var facts = new List<MonthlyFact>();
        foreach (var r in await reports.Select(r => new { r.FormCode, r.InstitutionId, r.Month, r.ValuesJson }).ToListAsync(ct))
        {
            if (forms.Find(r.FormCode) is not { } form)
            {
                continue;
            }
            var values = new AggregateReport { ValuesJson = r.ValuesJson }.Values;
            facts.AddRange(form.Fields.Where(f => values.ContainsKey(f.Key)).Select(f => new MonthlyFact(r.InstitutionId, r.Month, form.MeasureOf(f), "", values[f.Key])));
        }
        return facts;
    }

    public async Task<IReadOnlyList<FactRecord>> RecordsAsync(string measure, string dimension, Guid institutionId, int month, int skip, int take, CancellationToken ct)
    {
        var field = forms.Forms.SelectMany(f => f.Fields.Select(x => (Form: f, Field: x))).FirstOrDefault(x => x.Form.MeasureOf(x.Field) == measure);
        if (field.Form is null)
        {
            return [];
        }
        var rows = await db.Set<AggregateReport>().AsNoTracking()
            .Where(r => r.FormCode == field.Form.Code && r.InstitutionId == institutionId && r.Month == month && r.Status == ReportStatus.Approved)
            .OrderBy(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        return rows.Select(r => new FactRecord(r.Id, $"{field.Form.Name} {FactMonths.Name(month)}", ChinaTime.FormatDate(ChinaTime.DayOf(r.ReviewedAt ?? r.EnteredAt)),
            $"填报 {r.EnteredBy}，审核 {r.ReviewedBy}", field.Field.Name, r.Values.TryGetValue(field.Field.Key, out var v) ? v : null)).ToList();
    }
}

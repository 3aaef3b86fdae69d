using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.Surveillance.Contracts;
using CountyHealth.Surveillance.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Surveillance.Cards;

public sealed record ClusterRow(string DiseaseCode, string DiseaseName, Guid TownshipId, string TownshipName, int Cases, string First, string Last);

/// <summary>The cluster thresholds: shipped with the module (Resources/cluster-rule.tsv), corrected by the administrator.</summary>
internal static class ClusterRules
{
    public const string Key = "idr.cluster-rule";

    public static ReferenceTable<ClusterRule> Create() => new(Key, "聚集性疫情预警阈值",
        "同一乡镇同一病种在若干天内达到若干例即在疾控审核页预警；默认 7 天 3 例（甲类及按甲类管理的 1 例），由县疾控中心按本县实际修订。",
        ReferenceTableRegistration.Embedded(typeof(ClusterRules).Assembly, "CountyHealth.Surveillance.cluster-rule.tsv"), ClusterRule.Parse);
}

/// <summary>The alerts now, and the rule that raised them (shown beside them).</summary>
public sealed record ClusterView(string Rule, IReadOnlyList<ClusterRow> Alerts);

/// <summary>
/// Cluster alerts over the cards within the user's reach: first reports not withdrawn, by disease and by the township
/// of the reporting institution (a village clinic's cards count in its township; the county hospital is its own).
/// </summary>
internal sealed class ListClusters(CountyHealthDb db, IAccessScope scope, IInstitutionDirectory institutions, ReferenceTable<ClusterRule> rules, TimeProvider clock) : IUseCase
{
    public async Task<ClusterView> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = rules.Current;
        var since = now - TimeSpan.FromDays(rule.Days);
        var cards = await scope.WithinAsync(db.Set<ReportCard>().AsNoTracking()
            .Where(c => c.Kind == CardKind.Initial && c.Status != CardStatus.Withdrawn && c.DiagnosedAt > since), SurveillancePermissions.Read, c => c.InstitutionId, ct);
        var rows = await cards.Select(c => new { c.DiseaseCode, c.DiseaseName, c.DiseaseClass, c.AsClassA, c.InstitutionId, c.DiagnosedAt }).ToListAsync(ct);
        var all = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id);
        Guid TownshipOf(Guid id) => all.TryGetValue(id, out var i) && i.Kind == InstitutionKind.VillageClinic && i.ParentId is { } parent ? parent : id;
        var alerts = rule.Find(rows.Select(r => new ClusterCase(r.DiseaseCode, r.DiseaseName, r.DiseaseClass == DiseaseClass.A || r.AsClassA, TownshipOf(r.InstitutionId), r.DiagnosedAt)), now);
        return new ClusterView(rule.Describe(), alerts.Select(a => new ClusterRow(a.DiseaseCode, a.DiseaseName, a.Township,
            all.TryGetValue(a.Township, out var t) ? t.Name : "", a.Cases, ChinaTime.Format(a.First), ChinaTime.Format(a.Last))).ToList());
    }
}

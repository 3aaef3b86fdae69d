using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Immunisation;

/// <summary>
/// One dose of the card: the record when given (<paramref name="Id"/>), or when it falls due. <paramref name="Voidable"/>: the
/// last dose recorded of its series, the one a record entered in error can be voided from (later doses first).
/// </summary>
public sealed record DoseCell(string Key, int Dose, string VaccineName, string MinAge, string? GivenOn, string? Batch, string? SiteName, string? NurseName,
    string? GivenAt, bool FromCertificate, string? Warnings, string? ConfirmReason, string? DueOn, bool Overdue, Guid? Id = null, bool Voidable = false);

/// <summary>A dose record voided as entered in error, kept on the card with who voided it and why.</summary>
public sealed record VoidRow(string Label, string GivenOn, string Batch, string NurseName, string Reason, string VoidedBy, string VoidedAt);

public sealed record SeriesRow(string Series, string Name, IReadOnlyList<DoseCell> Doses, string? Next, string? NextDueOn, bool NextOverdue);

public sealed record CheckRow(Guid Id, string School, string CheckedOn, string ResultName, IReadOnlyList<string> MissingAtCheck, IReadOnlyList<string> StillMissing,
    string CheckedBy);

/// <summary>A child's vaccination card (预防接种证) as the clinic keeps it: each series with its doses given and the next due.</summary>
public sealed record ChildCard(Guid ResidentId, string Name, string SexName, string BirthDate, DateOnly BirthDateValue, string Age, string? IdNumber, string? Phone,
    string? Address, string InstitutionName, IReadOnlyList<SeriesRow> Series, IReadOnlyList<CheckRow> Checks, bool CanRecord, IReadOnlyList<VoidRow> Voided);

/// <summary>The national schedule: shipped with the module (Resources/immunisation-schedule.tsv), corrected by the administrator.</summary>
public static class NationalSchedule
{
    public const string Key = "phs.immunisation-schedule";

    public static ReferenceTable<ImmunisationSchedule> Create() => new(Key, "国家免疫规划儿童免疫程序",
        "每种疫苗每一剂的起始月龄、最短间隔、完成月龄、最大月龄和起止日期（2021年版及2025年百白破调整）。接种、应种与漏种名单、接种率都按此表计算；由县疾控中心核对后修订。",
        ReferenceTableRegistration.Embedded(typeof(NationalSchedule).Assembly, "CountyHealth.PublicHealth.immunisation-schedule.tsv"), ImmunisationSchedule.Parse);

    /// <summary>The shipped table, for rules tested without a host.</summary>
    public static ImmunisationSchedule Shipped { get; } = Create().Current;

    /// <summary>Children are listed until their seventh birthday: the schedule's last doses are due at six.</summary>
    public const int ListedUntilYears = 7;
}

/// <summary>Loads a child under the scope rule (a refusal is audited and looks like "not found") and her doses; shows her card.</summary>
internal sealed class ImmunisationRecords(CountyHealthDb db, IAccessScope scope, IResidentDirectory residents, IInstitutionDirectory institutions,
    ReferenceTable<ImmunisationSchedule> table, TimeProvider clock)
{
    public const string NotFound = "未找到该儿童";

    public async Task<ResidentSummary?> FindChildAsync(Guid residentId, string permission, CancellationToken ct)
    {
        var child = (await residents.GetManyAsync([residentId], ct)).GetValueOrDefault(residentId);
        return child is not null && await scope.AllowsAsync(permission, child.ManagingInstitutionId, "Resident", child.Id, child.Id, ct) ? child : null;
    }

    public async Task<List<Vaccination>> DosesAsync(Guid residentId, CancellationToken ct) =>
        await db.Set<Vaccination>().AsNoTracking().Where(v => v.ResidentId == residentId).OrderBy(v => v.GivenOn).ThenBy(v => v.RecordedAt).ToListAsync(ct);

    /// <summary>
    /// The children under seven managed by the institutions (and found by a search, if any), each with the next dose of
    /// every series not complete — the due lists' and the home card's one computation.
    /// </summary>
    public async Task<List<(BornResident Child, IReadOnlyList<DueDose> Due)>> DueAsync(IReadOnlyCollection<Guid> within, string? search, DateOnly today, CancellationToken ct)
    {
        var children = residents.BornBetween(today.AddYears(-NationalSchedule.ListedUntilYears).AddDays(1), today).Where(c => within.Contains(c.ManagingInstitutionId));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var found = residents.MatchingResidentIds(search);
            children = children.Where(c => found.Contains(c.Id));
        }
        var born = await children.ToListAsync(ct);
        var schedule = table.Current;
        // The children's ids as a parameter, not a subquery: the planner then probes the (resident, series, dose) index once
        // a child instead of scanning every dose of the county (it misjudges how many doses a subquery's children have).
        var ids = born.Select(c => c.Id).ToList();
        var doses = (await db.Set<Vaccination>().AsNoTracking().Where(v => ids.Contains(v.ResidentId))
                .Select(v => new { v.ResidentId, v.Series, v.Dose, v.GivenOn }).ToListAsync(ct))
            .ToLookup(v => v.ResidentId, v => schedule.Given(v.Series, v.Dose, v.GivenOn));
        return born.Select(c => (c, VaccinationRules.Due(schedule, c.BirthDate, doses[c.Id].ToList(), today))).ToList();
    }

    public ImmunisationSchedule Schedule => table.Current;

    public GivenDose Given(Vaccination v) => table.Current.Given(v.Series, v.Dose, v.GivenOn);

    public IReadOnlyList<ScheduledDose> Missing(DateOnly birth, IReadOnlyCollection<GivenDose> given, DateOnly on) => table.Current.Missing(birth, given, on);

    /// <summary>An age as the clinic says it: "15天", "8月龄", "2岁3月".</summary>
    public static string AgeText(DateOnly birth, DateOnly day)
    {
        var months = (day.Year - birth.Year) * 12 + day.Month - birth.Month - (day.Day < birth.Day ? 1 : 0);
        return months switch
        {
            < 1 => $"{day.DayNumber - birth.DayNumber}天",
            < 12 => $"{months}月龄",
            _ when months % 12 == 0 => $"{months / 12}岁",
            _ => $"{months / 12}岁{months % 12}月",
        };
    }

    public static string SiteName(InjectionSite s) => s switch
    {
        InjectionSite.LeftUpperArm => "左上臂",
        InjectionSite.RightUpperArm => "右上臂",
        InjectionSite.LeftThigh => "左大腿",
        InjectionSite.RightThigh => "右大腿",
        _ => "口服",
    };

    public async Task<ChildCard> CardAsync(ResidentSummary child, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var schedule = table.Current;
        var doses = await DosesAsync(child.Id, ct);
        var given = doses.Select(Given).ToList();
        var names = (await institutions.ListAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        var series = new List<SeriesRow>();
        foreach (var (code, name) in schedule.Series)
        {
            var next = VaccinationRules.Next(schedule, code, child.BirthDate, given, today);
            var cells = schedule.SeriesOn(code, today).Select(d =>
            {
                var v = doses.FirstOrDefault(x => x.Series == code && x.Dose == d.Dose);
                var isNext = next?.Dose.Dose == d.Dose;
                return new DoseCell(d.Key, d.Dose, v?.VaccineName ?? d.VaccineName, d.MinAge.Text, v is null ? null : ChinaTime.FormatDate(v.GivenOn), v?.Batch,
                    v is null ? null : SiteName(v.Site), v?.NurseName, v is null ? null : names.GetValueOrDefault(v.GivenAtInstitutionId), v?.Source == DoseSource.FromCertificate,
                    v?.Warnings, v?.ConfirmReason, isNext ? ChinaTime.FormatDate(next!.DueOn) : null, isNext && next!.DueOn < today,
                    v?.Id, v is not null && VaccinationVoids.IsLast(doses, v));
            }).ToList();
            series.Add(new SeriesRow(code, name, cells, next?.Dose.Label, next is null ? null : ChinaTime.FormatDate(next.DueOn), next is not null && next.DueOn < today));
        }
        var checks = await db.Set<CertificateCheck>().AsNoTracking().Where(c => c.ResidentId == child.Id).OrderByDescending(c => c.CheckedOn).ToListAsync(ct);
        var labels = schedule.All.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Last().Label);
        var stillMissing = Missing(child.BirthDate, given, today).Select(d => d.Key).ToHashSet();
        return new ChildCard(child.Id, child.Name, child.SexName, ChinaTime.FormatDate(child.BirthDate), child.BirthDate, AgeText(child.BirthDate, today),
            child.IdNumber, child.Phone, child.Address, names.GetValueOrDefault(child.ManagingInstitutionId, ""), series,
            checks.Select(c => CheckRowOf(c, labels, stillMissing)).ToList(),
            await scope.CoversAsync(PublicHealthPermissions.Immunise, child.ManagingInstitutionId, ct),
            (await db.Set<VoidedVaccination>().AsNoTracking().Where(v => v.ResidentId == child.Id).OrderByDescending(v => v.VoidedAt).ToListAsync(ct))
                .Select(v => new VoidRow(labels.GetValueOrDefault(ScheduledDose.KeyOf(v.Series, v.Dose), $"{v.VaccineName}第{v.Dose}剂"), ChinaTime.FormatDate(v.GivenOn), v.Batch, v.NurseName,
                    v.Reason, v.VoidedBy, ChinaTime.Format(v.VoidedAt))).ToList());
    }

    public static CheckRow CheckRowOf(CertificateCheck c, IReadOnlyDictionary<string, string> labels, IReadOnlySet<string> missingNow)
    {
        var atCheck = c.Missing.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new CheckRow(c.Id, c.School, ChinaTime.FormatDate(c.CheckedOn), c.Result == CheckResult.Complete ? "全程接种" : "需补种",
            atCheck.Select(k => labels.GetValueOrDefault(k, k)).ToList(), atCheck.Where(missingNow.Contains).Select(k => labels.GetValueOrDefault(k, k)).ToList(), c.CheckedBy);
    }
}

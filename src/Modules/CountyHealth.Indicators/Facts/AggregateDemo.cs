using CountyHealth.Indicators.Domain;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Indicators.Facts;

/// <summary>
/// The demo county's aggregate reports: fourteen months approved for every institution that fills a form, so the form
/// indicators have 同比 and 环比, and last month left at each step of the cycle — the demo township's patriotic-health
/// report a draft for its director, two others waiting for the bureau's review. The supervision institute reports
/// seed 001's figures: 2,801 units, 2,673 supervised.
/// </summary>
public static class AggregateDemo
{
    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CountyHealthDb>();
        var forms = services.GetRequiredService<FormCatalogue>();
        var institutions = await services.GetRequiredService<IInstitutionDirectory>().ListAsync(ct);
        var clock = services.GetRequiredService<TimeProvider>();
        var last = FactMonths.Add(FactMonths.Of(ChinaTime.Today(clock)), -1);
        var random = new Random(2026);
        var now = clock.GetUtcNow().UtcDateTime;
        var demoTownship = institutions.FirstOrDefault(i => i.Name == DemoAccounts.All.First(a => a.UserName == "director").InstitutionName)?.Id;
        var pending = 0;
        var added = 0;
        foreach (var form in forms.Forms)
        {
            foreach (var institution in institutions.Where(i => form.FilledBy.Contains(i.Kind)).OrderBy(i => i.Code, StringComparer.Ordinal))
            {
                var size = 0.6 + random.NextDouble() * 0.8;
                for (var month = FactMonths.Add(last, -13); month <= last; month = FactMonths.Add(month, 1))
                {
                    var status = ReportStatus.Approved;
                    if (month == last && form.Code == "patriotic" && institution.Id == demoTownship)
                    {
                        status = ReportStatus.Draft;
                    }
                    else if (month == last && institution.Kind == InstitutionKind.TownshipHealthCentre && form.Code == "patriotic" && pending < 2)
                    {
                        status = ReportStatus.Submitted;
                        pending++;
                    }
                    db.Add(new AggregateReport
                    {
                        FormCode = form.Code,
                        InstitutionId = institution.Id,
                        Month = month,
                        Status = status,
                        Values = Values(form.Code, month, month == last, size, random),
                        EnteredBy = "演示填报",
                        EnteredAt = now,
                        SubmittedBy = status == ReportStatus.Draft ? null : "演示填报",
                        SubmittedAt = status == ReportStatus.Draft ? null : now,
                        ReviewedBy = status == ReportStatus.Approved ? DemoAccounts.All.First(a => a.UserName == "bureau").FullName : null,
                        ReviewedAt = status == ReportStatus.Approved ? now : null,
                        Version = 1,
                    });
                    added++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static Dictionary<string, decimal> Values(string form, int month, bool isLast, double size, Random random)
    {
        decimal Wobble(double value, double spread, int decimals) => Math.Round((decimal)(value * (1 + (random.NextDouble() - 0.5) * 2 * spread)), decimals);
        var m = month % 100;
        var share = m / 12.0;
        switch (form)
        {
            case "supervision":
                // Seed 001: "全区共有公共卫生单位户数2801户，累计监督单位2673户".
                var due = month / 100 == 2025 ? 2_764 : 2_801;
                var supervised = isLast ? 2_673 : (int)Math.Round(due * Math.Min(0.96, share * 1.04));
                return new() { ["units_due"] = due, ["units_supervised"] = supervised, ["small_units_due"] = 1_206, ["small_units_supervised"] = (int)(1_206 * Math.Min(0.95, share)) };
            case "blood":
                var collected = Wobble(1_326 * size, 0.12, 2);
                return new() { ["collected"] = collected, ["voluntary"] = Math.Round(collected * (decimal)(0.9 + random.NextDouble() * 0.07), 2), ["donors"] = Math.Round(collected * 0.9m, 0) };
            case "patriotic":
                var sites = (int)Math.Round(8 + 4 * size);
                return new()
                {
                    ["campaigns"] = random.Next(2, 6),
                    ["participants"] = random.Next(120, 400),
                    ["vector_sites"] = sites,
                    ["vector_sites_passed"] = sites - random.Next(0, 3),
                };
            case "population":
                // A village of the plain: about two thousand residents, the 7th census's shares of the old, the young and women.
                var residents = (int)Math.Round(1_800 + 1_200 * size) + m;
                return new()
                {
                    ["residents"] = residents,
                    ["elderly"] = Math.Round(residents * 0.145m),
                    ["children"] = Math.Round(residents * 0.075m),
                    ["women"] = Math.Round(residents * 0.23m),
                    ["births"] = random.Next(0, 5),
                };
            case "womenhealth":
                // A township centre: a few women a month start folic acid (a box a month each), screening in campaigns.
                var folic = (int)Math.Round(12 + 10 * size) + random.Next(0, 6);
                var (cervical, breast) = (random.Next(20, 90), random.Next(20, 90));
                return new()
                {
                    ["folic_people"] = folic,
                    ["folic_boxes"] = folic + random.Next(0, 8),
                    ["cervical_screened"] = cervical,
                    ["cervical_abnormal"] = random.Next(0, 3),
                    ["breast_screened"] = breast,
                    ["breast_abnormal"] = random.Next(0, 2),
                };
            default:
                var planned = Math.Round((decimal)(300 + 900 * size), 2);
                return new()
                {
                    ["investment_planned"] = planned,
                    ["investment_done"] = Math.Round(planned * (decimal)Math.Min(1, share * 0.95), 2),
                    ["progress"] = Math.Round((decimal)Math.Min(100, share * 92), 1),
                };
        }
    }
}

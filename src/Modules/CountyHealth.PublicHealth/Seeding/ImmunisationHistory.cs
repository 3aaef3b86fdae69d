using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Immunisation;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.PublicHealth.Seeding;

/// <summary>
/// The synthetic county's immunisations: every child under seven has the national schedule's doses as the rules number
/// and date them — most within two weeks of falling due, some weeks or months late, one dose in 250 (and the rest of
/// its series) never given — given at the township's vaccination clinic (the birth doses copied from the certificate); children who
/// reached kindergarten age had their certificate checked that September. Its own random stream.
/// </summary>
internal sealed class ImmunisationHistory(ReferenceTable<ImmunisationSchedule> table) : ISyntheticData
{
    private static readonly string[] Nurses = ["孙美玲", "王桂芝", "李秀英", "张丽娟", "刘艳", "陈静", "杨红梅", "赵敏"];
    private static readonly string[] Makers = ["北京生物制品研究所", "武汉生物制品研究所", "上海生物制品研究所", "成都生物制品研究所", "长春生物制品研究所", "兰州生物制品研究所"];

    public Task PrepareAsync(GenerationRun run, CancellationToken ct) => Task.CompletedTask;

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
#pragma warning disable CA5394 // synthetic data, not security
        var rng = new Random(unchecked(run.Options.Seed * 7919 + index * 2741 + 31));
        var town = run.Get<GeneratedTownship>();
        var nurse = Nurses[index % Nurses.Length];
        var schedule = table.Current;
        var earliest = run.Today.AddYears(-NationalSchedule.ListedUntilYears).AddDays(1);
        var doses = new List<Vaccination>();
        var checks = new List<CertificateCheck>();
        foreach (var child in run.Get<GeneratedResidents>().Residents.Where(r => r.BirthDate >= earliest && r.BirthDate <= run.Today))
        {
            var given = new List<GivenDose>();
            foreach (var (series, _) in schedule.Series)
            {
                var cursor = child.BirthDate;
                while (VaccinationRules.Next(schedule, series, child.BirthDate, given, cursor) is { } planned)
                {
                    if (rng.Next(250) == 0)
                    {
                        break;
                    }
                    var roll = rng.Next(100);
                    var day = planned.DueOn.AddDays(planned.Dose.MinAge.Count == 0 ? 0 : roll < 85 ? rng.Next(0, 15) : roll < 97 ? rng.Next(15, 61) : rng.Next(61, 151));
                    if (day > run.Today || VaccinationRules.Next(schedule, series, child.BirthDate, given, day) is not { } next)
                    {
                        break;
                    }
                    day = next.DueOn > day ? next.DueOn.AddDays(rng.Next(0, 8)) : day;
                    if (day > run.Today)
                    {
                        break;
                    }
                    var atBirth = next.Dose.MinAge.Count == 0;
                    doses.Add(new Vaccination
                    {
                        ResidentId = child.Id,
                        InstitutionId = child.ManagingInstitutionId,
                        GivenAtInstitutionId = atBirth ? child.ManagingInstitutionId : town.Centre.InstitutionId,
                        Series = series,
                        Dose = next.Dose.Dose,
                        Vaccine = next.Dose.Vaccine,
                        VaccineName = next.Dose.VaccineName,
                        Batch = $"{day.Year}{rng.Next(1, 13):00}{(char)('A' + rng.Next(6))}{rng.Next(1, 100):000}",
                        Manufacturer = Makers[rng.Next(Makers.Length)],
                        Site = next.Dose.Kind == VaccineKind.LiveOral ? InjectionSite.Oral : rng.Next(2) == 0 ? InjectionSite.LeftUpperArm : InjectionSite.RightUpperArm,
                        GivenOn = day,
                        DueOn = next.DueOn,
                        Source = atBirth ? DoseSource.FromCertificate : DoseSource.Given,
                        NurseName = atBirth ? $"{nurse}（补录）" : nurse,
                        RecordedAt = ChinaTime.StartOfDayUtc(day).AddHours(9).AddMinutes(rng.Next(0, 420)),
                    });
                    given.Add(new GivenDose(series, next.Dose.Dose, next.Dose.Kind, day));
                    cursor = day;
                }
            }
            // Kindergarten entry: the September after the third birthday.
            var third = child.BirthDate.AddYears(3);
            var entry = new DateOnly(third.Month <= 8 ? third.Year : third.Year + 1, 9, 1).AddDays(rng.Next(0, 20));
            if (entry <= run.Today)
            {
                var missing = schedule.Missing(child.BirthDate, given.Where(g => g.On <= entry).ToList(), entry);
                checks.Add(new CertificateCheck
                {
                    ResidentId = child.Id,
                    InstitutionId = child.ManagingInstitutionId,
                    School = $"{town.Name}中心幼儿园",
                    CheckedOn = entry,
                    Result = missing.Count == 0 ? CheckResult.Complete : CheckResult.Incomplete,
                    Missing = string.Join(",", missing.Select(d => d.Key)),
                    CheckedBy = nurse,
                    RecordedAt = ChinaTime.StartOfDayUtc(entry).AddHours(10),
                });
            }
        }
#pragma warning restore CA5394
        await run.Writer.WriteAsync(doses, ct);
        await run.Writer.WriteAsync(checks, ct);
    }
}

using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.PublicHealth.Seeding;

/// <summary>
/// The synthetic county's severe mental disorders: about 4.5 in a thousand adults of 18 to 75 registered (the reported
/// national rate), diagnosed at the county's psychiatric unit, followed up from 2024 about every quarter — most stable,
/// some basically stable or unstable, classified by the same rules as a doctor's. Its own random stream.
/// </summary>
internal sealed class MentalHistory(ReferenceTable<MentalIntervals> intervals) : ISyntheticData
{
    private const double RegisteredShare = 0.0045;
    private static readonly string[] Guardians = ["父亲", "母亲", "配偶", "子女", "兄弟姐妹"];

    public Task PrepareAsync(GenerationRun run, CancellationToken ct) => Task.CompletedTask;

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
#pragma warning disable CA5394 // synthetic data, not security
        var rng = new Random(unchecked(run.Options.Seed * 8111 + index * 1259 + 43));
        var town = run.Get<GeneratedTownship>();
        var patients = new List<MentalPatient>();
        var visits = new List<MentalFollowUp>();
        foreach (var person in run.Get<GeneratedResidents>().Residents.Where(r => Age.On(r.BirthDate, run.Today) is >= 18 and <= 75))
        {
            if (rng.NextDouble() >= RegisteredShare)
            {
                continue;
            }
            var registered = new DateOnly(2016, 1, 1).AddDays(rng.Next(0, 365 * 8));
            var doctor = town.Clinic(person.ManagingInstitutionId).DoctorName;
            var patient = new MentalPatient
            {
                ResidentId = person.Id,
                InstitutionId = person.ManagingInstitutionId,
                Disorder = (MentalDisorder)(rng.Next(10) switch { < 5 => 1, 5 => 2, 6 => 3, 7 => 4, 8 => 5, _ => 6 }),
                DiagnosedAt = "清河县精神卫生中心",
                DiagnosedOn = registered.AddDays(-rng.Next(10, 400)),
                GuardianName = Guardians[rng.Next(Guardians.Length)],
                Consent = rng.Next(20) > 0,
                RegisteredOn = registered,
                RegisteredBy = doctor,
                NextDueOn = registered,
            };
            MentalClass? previous = null;
            for (var day = new DateOnly(2024, 1, 1) > registered ? new DateOnly(2024, 1, 1).AddDays(rng.Next(0, 60)) : registered; day <= run.Today;)
            {
                var roll = rng.Next(20);
                var risk = roll < 15 ? 0 : roll < 19 ? rng.Next(1, 3) : rng.Next(3, 5);
                var outcome = MentalRules.Classify(new(risk, false, risk == 0 ? Insight.Full : Insight.Partial, false, false, false, previous), day, intervals.Current);
                visits.Add(new MentalFollowUp
                {
                    PatientId = patient.Id,
                    ResidentId = person.Id,
                    InstitutionId = patient.InstitutionId,
                    Date = day,
                    Mode = rng.Next(3) == 0 ? FollowUpMode.Home : FollowUpMode.Clinic,
                    RiskGrade = risk,
                    Insight = risk == 0 ? Insight.Full : Insight.Partial,
                    Adherence = Adherence.Regular,
                    Class = outcome.Class,
                    Referral = outcome.Referral,
                    NextDueOn = outcome.NextDueOn,
                    Advice = outcome.Advice,
                    DoctorName = doctor,
                    RecordedAt = ChinaTime.StartOfDayUtc(day).AddHours(10),
                });
                (previous, patient.LastRisk, patient.LastClass, patient.LastFollowUpOn, patient.NextDueOn) = (outcome.Class, risk, outcome.Class, day, outcome.NextDueOn);
                day = outcome.NextDueOn.AddDays(rng.Next(-3, 8));
            }
            patients.Add(patient);
        }
#pragma warning restore CA5394
        await run.Writer.WriteAsync(patients, ct);
        await run.Writer.WriteAsync(visits, ct);
    }
}

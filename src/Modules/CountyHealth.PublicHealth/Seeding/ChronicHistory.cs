using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.PublicHealth.Seeding;

/// <summary>
/// The synthetic county's chronic programmes: of the outpatient history's hypertension and diabetes patients aged 35 and
/// over, three in four are managed by their home village's clinic from their first visit, followed up around the date
/// each visit's class sets (one visit in twelve missed and caught up weeks later), their blood pressure or glucose at target about six times in ten; each follow-up is
/// classified and dated by the same rules as a doctor's. Its own random stream, so the other parts stay as they were.
/// </summary>
internal sealed class ChronicHistory(ReferenceTable<ChronicThresholds> thresholds) : ISyntheticData
{
    private const double ManagedShare = 0.75;
    private const double AtTargetShare = 0.6;

    public Task PrepareAsync(GenerationRun run, CancellationToken ct) => Task.CompletedTask;

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
#pragma warning disable CA5394 // synthetic data, not security
        var rng = new Random(unchecked(run.Options.Seed * 6151 + index * 1543 + 29));
        var town = run.Get<GeneratedTownship>();
        var people = run.Get<GeneratedResidents>().Residents.ToDictionary(r => r.Id);
        var patients = run.Get<GeneratedChronicPatients>().Patients;
        var enrolments = new List<ChronicEnrolment>();
        var followUps = new List<ChronicFollowUp>();
        foreach (var patient in patients)
        {
            if (!people.TryGetValue(patient.ResidentId, out var person) || Age.On(person.BirthDate, patient.FirstVisit) < 35)
            {
                continue;
            }
            foreach (var programme in new[] { Programme.Hypertension, Programme.Diabetes }.Where(p => p == Programme.Hypertension ? patient.Hypertension : patient.Diabetes))
            {
                if (rng.NextDouble() >= ManagedShare)
                {
                    continue;
                }
                var enrolment = new ChronicEnrolment
                {
                    ResidentId = person.Id,
                    InstitutionId = person.ManagingInstitutionId,
                    Programme = programme,
                    EnrolledOn = patient.FirstVisit,
                    DiagnosisCode = programme == Programme.Hypertension ? "I10" : "E11",
                    EnrolledBy = town.Centre.DoctorName,
                    NextDueOn = patient.FirstVisit,
                    CreatedAt = ChinaTime.StartOfDayUtc(patient.FirstVisit).AddHours(9),
                };
                FollowUpClass? previous = null;
                for (var day = patient.FirstVisit; day <= run.Today;)
                {
                    if (rng.Next(12) == 0)
                    {
                        // Missed: the doctor catches up with her a few weeks later.
                        day = day.AddDays(rng.Next(20, 40));
                        continue;
                    }
                    var atTarget = rng.NextDouble() < AtTargetShare;
                    var age = Age.On(person.BirthDate, day);
                    var (sbp, dbp) = atTarget ? (rng.Next(112, age >= 65 ? 149 : 139), rng.Next(68, 89)) : (rng.Next(141, 176), rng.Next(86, 106));
                    decimal? fbg = programme == Programme.Diabetes ? (atTarget ? 5.0m + rng.Next(0, 19) / 10m : 7.1m + rng.Next(0, 60) / 10m) : null;
                    var outcome = ChronicRules.Classify(new ChronicRules.Findings(programme, age, sbp, dbp, rng.Next(62, 96), fbg, false, false, previous), day, thresholds.Current);
                    followUps.Add(new ChronicFollowUp
                    {
                        EnrolmentId = enrolment.Id,
                        ResidentId = person.Id,
                        InstitutionId = enrolment.InstitutionId,
                        Programme = programme,
                        Date = day,
                        Mode = rng.Next(5) == 0 ? FollowUpMode.Home : FollowUpMode.Clinic,
                        Symptoms = atTarget ? "1" : "2",
                        SystolicBp = sbp,
                        DiastolicBp = dbp,
                        FastingGlucose = fbg,
                        Adherence = atTarget ? Adherence.Regular : Adherence.Intermittent,
                        Class = outcome.Class,
                        AtTarget = outcome.AtTarget,
                        Referral = outcome.Referral,
                        ReferralReason = outcome.Referral == Referral.None ? null : outcome.Advice,
                        NextDueOn = outcome.NextDueOn,
                        Advice = outcome.Advice,
                        DoctorName = town.Clinic(enrolment.InstitutionId).DoctorName,
                        RecordedAt = ChinaTime.StartOfDayUtc(day).AddHours(10),
                    });
                    (previous, enrolment.LastClass, enrolment.LastFollowUpOn, enrolment.NextDueOn) = (outcome.Class, outcome.Class, day, outcome.NextDueOn);
                    // Seen again around the date the rules set (a controlled patient each quarter, the others within two weeks).
                    day = outcome.NextDueOn.AddDays(rng.Next(-3, 10));
                }
                enrolments.Add(enrolment);
            }
        }
#pragma warning restore CA5394
        await run.Writer.WriteAsync(enrolments, ct);
        await run.Writer.WriteAsync(followUps, ct);
    }
}

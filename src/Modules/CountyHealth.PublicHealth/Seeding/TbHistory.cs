using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.PublicHealth.Seeding;

/// <summary>
/// The synthetic county's pulmonary TB: about 55 new patients a year per 100,000 residents of 15 and over (the order
/// of the national notified rate), notified from two years back, visited at home within three days in most cases, then
/// every 10 days (family supervision, intensive phase) or monthly; a six-month course completed by most, a few lost or
/// dead; one in ten taking fewer than 90 % of their doses. Its own random stream.
/// </summary>
internal sealed class TbHistory(ReferenceTable<TbIntervals> intervals) : ISyntheticData
{
    private const double YearlyRate = 0.00055;
    private const string Hospital = "清河县人民医院结核病定点门诊";

    public Task PrepareAsync(GenerationRun run, CancellationToken ct) => Task.CompletedTask;

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
#pragma warning disable CA5394 // synthetic data, not security
        var rng = new Random(unchecked(run.Options.Seed * 5381 + index * 3079 + 71));
        var town = run.Get<GeneratedTownship>();
        var today = run.Today;
        var patients = new List<TbPatient>();
        var visits = new List<TbVisit>();
        foreach (var person in run.Get<GeneratedResidents>().Residents.Where(r => Age.On(r.BirthDate, today) >= 15))
        {
            if (rng.NextDouble() >= YearlyRate * 2)
            {
                continue;
            }
            var notified = today.AddDays(-rng.Next(0, 730));
            var type = rng.Next(10) == 0 ? 2 : 1;
            var supervisor = rng.Next(10) < 6 ? TbSupervisor.Family : TbSupervisor.Doctor;
            var doctor = town.Clinic(person.ManagingInstitutionId).DoctorName;
            var p = new TbPatient
            {
                ResidentId = person.Id,
                InstitutionId = person.ManagingInstitutionId,
                NotifiedOn = notified,
                DiagnosedAt = Hospital,
                TreatmentStartedOn = notified.AddDays(-rng.Next(0, 4)),
                PatientType = type,
                Sputum = rng.Next(3) == 0 ? 1 : 2,
                Resistance = 2,
                Regimen = type == 2 ? "2HRZES/6HRE" : "2HRZE/4HR",
                Supervisor = supervisor,
                RegisteredBy = town.Centre.DoctorName,
                NextDueOn = notified.AddDays(intervals.Current.FirstVisitDays),
            };
            var end = p.TreatmentStartedOn.AddMonths(type == 2 ? 8 : 6);
            var roll = rng.Next(100);
            var (stop, reason) = roll < 4 ? (p.TreatmentStartedOn.AddDays(rng.Next(30, 150)), TbStopReason.Lost)
                : roll < 6 ? (p.TreatmentStartedOn.AddDays(rng.Next(30, 150)), TbStopReason.Died)
                : (end, TbStopReason.Completed);
            for (var day = notified.AddDays(rng.Next(10) == 0 ? rng.Next(4, 8) : rng.Next(0, 4)); day <= today && day < stop;)
            {
                var missed = rng.Next(20) == 0 ? rng.Next(7, 12) : rng.Next(4) == 0 ? rng.Next(1, 4) : 0;
                var outcome = TbRules.Assess(supervisor, TbRules.Intensive(p.TreatmentStartedOn, type, day), missed, false, false, day, intervals.Current);
                visits.Add(new TbVisit
                {
                    PatientId = p.Id,
                    ResidentId = p.ResidentId,
                    InstitutionId = p.InstitutionId,
                    First = p.FirstVisitOn is null,
                    Date = day,
                    TreatmentMonth = TbRules.TreatmentMonth(p.TreatmentStartedOn, day),
                    Mode = p.FirstVisitOn is null ? FollowUpMode.Home : rng.Next(3) == 0 ? FollowUpMode.Phone : FollowUpMode.Home,
                    Supervisor = supervisor,
                    Symptoms = rng.Next(3) == 0 ? "cough" : "",
                    MissedDoses = missed,
                    Advice = outcome.Advice,
                    NextDueOn = outcome.NextDueOn,
                    DoctorName = doctor,
                    RecordedAt = ChinaTime.StartOfDayUtc(day).AddHours(10),
                });
                (p.FirstVisitOn, p.LastVisitOn, p.NextDueOn) = (p.FirstVisitOn ?? day, day, outcome.NextDueOn);
                day = outcome.NextDueOn.AddDays(rng.Next(-2, 3));
            }
            if (stop <= today)
            {
                var due = stop.DayNumber - p.TreatmentStartedOn.DayNumber;
                var share = rng.Next(10) == 0 ? 0.75 + (rng.NextDouble() * 0.14) : 0.9 + (rng.NextDouble() * 0.1);
                (p.Status, p.StoppedOn, p.StopReason, p.VisitsDue, p.VisitsDone, p.DosesDue, p.DosesTaken) =
                    (EnrolmentStatus.Ended, stop, reason, Math.Max(1, visits.Count(v => v.PatientId == p.Id)), visits.Count(v => v.PatientId == p.Id), due, (int)Math.Round(due * share));
            }
            patients.Add(p);
        }
#pragma warning restore CA5394
        await run.Writer.WriteAsync(patients, ct);
        await run.Writer.WriteAsync(visits, ct);
    }
}

using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.PublicHealth.Seeding;

/// <summary>
/// The synthetic county's older people's checks: from 2024, about seven in ten residents of 65 and over with a record
/// have their annual check between March and November (nine in ten of them complete), scored and graded by the same
/// rules as a doctor's; the current year's checks stop at today. Its own random stream.
/// </summary>
internal sealed class ElderlyHistory : ISyntheticData
{
    private static readonly string[] AllTests = ElderlyRules.Tests.Select(t => t.Key).ToArray();

    public Task PrepareAsync(GenerationRun run, CancellationToken ct) => Task.CompletedTask;

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
#pragma warning disable CA5394 // synthetic data, not security
        var rng = new Random(unchecked(run.Options.Seed * 2749 + index * 6053 + 41));
        var town = run.Get<GeneratedTownship>();
        var kept = run.Get<KeptRecords>().Since;
        var checks = new List<ElderlyCheck>();
        foreach (var person in run.Get<GeneratedResidents>().Residents)
        {
            if (!kept.TryGetValue(person.Id, out var since))
            {
                continue;
            }
            for (var year = 2024; year <= run.Today.Year; year++)
            {
                var day = new DateOnly(year, 3, 1).AddDays(rng.Next(0, 270));
                if (rng.NextDouble() >= 0.7 || day > run.Today || day < since || Age.On(person.BirthDate, day) < ElderlyRules.MinimumAge)
                {
                    continue;
                }
                var old = Age.On(person.BirthDate, day) >= 80;
                int Item(string key) => rng.Next(old ? 4 : 10) == 0 ? ElderlyRules.ItemScores[key][1] : 0;
                var (eating, grooming, dressing, toileting, mobility) = (Item("eating"), Item("grooming"), Item("dressing"), Item("toileting"), Item("mobility"));
                var complete = rng.NextDouble() < 0.9;
                var tests = complete ? AllTests : AllTests.Where(_ => rng.Next(3) > 0).ToArray();
                var total = eating + grooming + dressing + toileting + mobility;
                var height = person.Sex == Sex.Male ? 160 + rng.Next(0, 18) : 150 + rng.Next(0, 15);
                checks.Add(new ElderlyCheck
                {
                    ResidentId = person.Id,
                    InstitutionId = person.ManagingInstitutionId,
                    Date = day,
                    Eating = eating,
                    Grooming = grooming,
                    Dressing = dressing,
                    Toileting = toileting,
                    Mobility = mobility,
                    SelfCareScore = total,
                    SelfCareGrade = ElderlyRules.Grade(total),
                    SystolicBp = rng.Next(112, 168),
                    DiastolicBp = rng.Next(66, 98),
                    HeightCm = height,
                    WeightKg = height - 105 + rng.Next(-12, 14),
                    FastingGlucose = 4.6m + rng.Next(0, 30) / 10m,
                    Cognition = rng.Next(20) == 0 ? ScreenResult.Positive : ScreenResult.Negative,
                    Mood = ScreenResult.Negative,
                    TestsDone = string.Join(",", tests),
                    Guidance = "results,exercise,falls",
                    Complete = ElderlyRules.IsComplete(tests, ["results"]),
                    DoctorName = town.Clinic(person.ManagingInstitutionId).DoctorName,
                    RecordedAt = ChinaTime.StartOfDayUtc(day).AddHours(9),
                });
                if (checks[^1].Cognition == ScreenResult.Positive)
                {
                    checks[^1].MmseScore = rng.Next(18, 27);
                }
            }
        }
#pragma warning restore CA5394
        await run.Writer.WriteAsync(checks, ct);
    }
}

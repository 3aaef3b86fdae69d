using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Records;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.PublicHealth.Seeding;

/// <summary>
/// The synthetic county's health records: nine residents in ten have one, made by their village clinic (or the centre)
/// in the 2012–2015 campaigns or, for the younger, after birth; numbered by village in the order they were made; the
/// basic information answered as rural households answer it (blood group often unknown, resident insurance). Its own
/// random stream.
/// </summary>
internal sealed class RecordHistory : ISyntheticData
{
    private const double KeptShare = 0.9;

    public Task PrepareAsync(GenerationRun run, CancellationToken ct) => Task.CompletedTask;

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
#pragma warning disable CA5394 // synthetic data, not security
        var rng = new Random(unchecked(run.Options.Seed * 4099 + index * 3571 + 37));
        var town = run.Get<GeneratedTownship>();
        var campaign = new DateOnly(2012, 3, 1);
        var records = new List<HealthRecord>();
        foreach (var village in run.Get<GeneratedResidents>().Residents.GroupBy(r => r.ManagingInstitutionId))
        {
            var clinic = town.Clinic(village.Key);
            var made = new List<(GeneratedResident Person, DateOnly On)>();
            foreach (var person in village)
            {
                if (rng.NextDouble() >= KeptShare)
                {
                    continue;
                }
                var from = person.BirthDate > campaign ? person.BirthDate.AddDays(rng.Next(3, 120)) : campaign.AddDays(rng.Next(0, 365 * 4));
                if (from <= run.Today)
                {
                    made.Add((person, from));
                }
            }
            var prefix = RecordCodes.NumberPrefix(clinic.Code);
            var serial = 0;
            foreach (var (person, on) in made.OrderBy(m => m.On).ThenBy(m => m.Person.Id))
            {
                var age = Age.On(person.BirthDate, run.Today);
                records.Add(new HealthRecord
                {
                    ResidentId = person.Id,
                    InstitutionId = village.Key,
                    Number = RecordCodes.Number(prefix, ++serial),
                    CreatedOn = on,
                    CreatedBy = clinic.DoctorName,
                    ResponsibleDoctor = clinic.DoctorName,
                    Answers = Answers(rng, age),
                    UpdatedAt = ChinaTime.StartOfDayUtc(on).AddHours(10),
                });
            }
        }
#pragma warning restore CA5394
        run.Put(new KeptRecords(records.ToDictionary(r => r.ResidentId, r => r.CreatedOn)));
        await run.Writer.WriteAsync(records, ct);
    }

#pragma warning disable CA5394 // synthetic data, not security
    private static string Answers(Random rng, int age)
    {
        string Pick(params (string Code, int Weight)[] options)
        {
            var roll = rng.Next(options.Sum(o => o.Weight));
            foreach (var (code, weight) in options)
            {
                if ((roll -= weight) < 0)
                {
                    return code;
                }
            }
            return options[^1].Code;
        }
        var answers = new Dictionary<string, string>
        {
            ["residence"] = Pick(("1", 92), ("2", 8)),
            ["blood"] = Pick(("1", 20), ("2", 22), ("3", 20), ("4", 6), ("5", 32)),
            ["rh"] = Pick(("2", 55), ("1", 1), ("3", 44)),
            ["education"] = age < 7 ? "10" : age >= 65 ? Pick(("8", 40), ("9", 45), ("7", 15)) : Pick(("7", 40), ("6", 20), ("8", 15), ("3", 10), ("2", 8), ("4", 7)),
            ["occupation"] = age < 16 ? "8" : age >= 65 ? Pick(("8", 60), ("4", 40)) : Pick(("4", 55), ("3", 15), ("5", 15), ("7", 10), ("1", 5)),
            ["marital"] = age < 22 ? "1" : age >= 70 ? Pick(("2", 70), ("3", 30)) : Pick(("2", 85), ("1", 10), ("4", 5)),
            ["payment"] = Pick(("3", 88), ("1", 6), ("3,5", 4), ("7", 2)),
            ["allergy"] = Pick(("1", 92), ("2", 6), ("3", 1), ("5", 1)),
            ["exposure"] = "1",
            ["kitchen"] = Pick(("2", 45), ("3", 20), ("4", 25), ("1", 10)),
            ["fuel"] = Pick(("1", 55), ("3", 10), ("2", 15), ("5", 20)),
            ["water"] = Pick(("1", 85), ("3", 12), ("2", 3)),
            ["toilet"] = Pick(("1", 70), ("2", 20), ("5", 10)),
            ["livestock"] = Pick(("1", 70), ("2", 20), ("4", 10)),
        };
        return RecordCodeTable.Current.Format(answers);
    }
#pragma warning restore CA5394
}

/// <summary>What the records' part leaves for the programmes after it: who has a record in the township, since when.</summary>
internal sealed record KeptRecords(IReadOnlyDictionary<Guid, DateOnly> Since);

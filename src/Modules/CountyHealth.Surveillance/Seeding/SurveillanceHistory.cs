using System.Globalization;
using CountyHealth.Kernel.Documents;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using CountyHealth.Surveillance.Cards;
using CountyHealth.Surveillance.Domain;

namespace CountyHealth.Surveillance.Seeding;

/// <summary>
/// The synthetic county's report cards: each township's residents fall ill with each notifiable disease at the national
/// rate of that calendar month (Resources/disease-incidence.tsv, the national monthly reports of 2023–2025), reported by
/// the township centre — most within the legal limit, some late — and reviewed by the CDC, most within the limit. A
/// card of the last day may still wait to be sent. Its own random stream, so the other parts' county stays as it was.
/// </summary>
internal sealed class SurveillanceHistory(DiseaseCatalogue diseases) : ISyntheticData
{
    private const double NationalPopulation = 1.41e9;
    /// <summary>The share of cards sent within the limit, and of reviews done within it (the county's recent record).</summary>
    private const double InTime = 0.94;
    private const double ReviewedInTime = 0.97;

    private Dictionary<string, double[]> incidence = [];

    public Task PrepareAsync(GenerationRun run, CancellationToken ct)
    {
        incidence = ReadIncidence();
        return Task.CompletedTask;
    }

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
#pragma warning disable CA5394 // synthetic data, not security
        var rng = new Random(unchecked(run.Options.Seed * 7919 + index * 104729 + 17));
        var town = run.Get<GeneratedTownship>();
        var people = run.Get<GeneratedResidents>().Residents;
        if (people.Count == 0)
        {
            return;
        }
        var share = people.Count / NationalPopulation;
        var firstDay = run.Today.AddYears(-run.Options.Years);
        var drawn = new List<(GeneratedResident Person, NotifiableDisease Disease, DateTime DiagnosedAt)>();
        for (var month = new DateOnly(firstDay.Year, firstDay.Month, 1); month <= run.Today; month = month.AddMonths(1))
        {
            foreach (var disease in diseases.List.InForce(month).Where(d => incidence.ContainsKey(d.Code)))
            {
                var n = Draws.Poisson(rng, incidence[disease.Code][month.Month - 1] * share);
                for (var i = 0; i < n; i++)
                {
                    var day = month.AddDays(rng.Next(DateTime.DaysInMonth(month.Year, month.Month)));
                    var at = ChinaTime.StartOfDayUtc(day).AddHours(8).AddMinutes(rng.Next(9 * 60));
                    // Up to yesterday, as the outpatient history: today's card numbers are the live counter's (a card drawn
                    // for today took BK…-0001 in memory, and the first card a doctor drafted that day collided with it).
                    if (day >= firstDay && day < run.Today)
                    {
                        drawn.Add((people[rng.Next(people.Count)], disease, at));
                    }
                }
            }
        }
        var numbers = new DocumentSequence();
        var cards = new List<ReportCard>(drawn.Count);
        var entries = new List<ReportCardEntry>(drawn.Count * 3);
        var centre = town.Centre;
        foreach (var (person, disease, at) in drawn.OrderBy(d => d.DiagnosedAt))
        {
            var within = disease.ReportWithin;
            var card = new ReportCard
            {
                CardNumber = numbers.Next(centre.InstitutionId, DocumentNumbers.ReportCard, ChinaTime.DayOf(at)),
                ResidentId = person.Id,
                InstitutionId = centre.InstitutionId,
                DiseaseCode = disease.Code,
                DiseaseName = disease.Name,
                DiseaseClass = disease.Class,
                AsClassA = disease.AsClassA,
                DiagnosisCode = disease.Icd10[0],
                DiagnosisName = disease.Name,
                PatientName = person.Name,
                IdNumber = person.IdNumber,
                Sex = person.Sex,
                BirthDate = person.BirthDate,
                Phone = person.Phone,
                Address = person.Address,
                ResidenceCategory = CardRules.ResidenceCategories[0],
                Occupation = Occupation(rng, Age.On(person.BirthDate, ChinaTime.DayOf(at))),
                Classification = rng.NextDouble() < 0.6 ? CaseClassification.Clinical : CaseClassification.Confirmed,
                AcuteOrChronic = CardRules.AcuteOrChronicDiseases.Contains(disease.Code) ? (rng.Next(4) == 0 ? "急性" : "慢性") : null,
                OnsetDate = ChinaTime.DayOf(at).AddDays(-rng.Next(0, 5)),
                DiagnosedAt = at,
                DueAt = at + within,
                DoctorStaffId = centre.DoctorStaffId,
                DoctorName = centre.DoctorName,
                CreatedAt = at,
            };
            if (card.OnsetDate < card.BirthDate)
            {
                card.OnsetDate = card.BirthDate;
            }
            if (Age.On(person.BirthDate, ChinaTime.DayOf(at)) <= CardRules.ChildAge)
            {
                card.ParentName = "（家长）";
            }
            card.Log(at, centre.DoctorName, DraftCards.Drafted, $"{disease.Icd10[0]} → {disease.Name}");
            var sent = at + (rng.NextDouble() < InTime ? within * rng.NextDouble() : within + TimeSpan.FromMinutes(rng.Next(1, 24 * 60)));
            if (sent <= run.Now)
            {
                (card.Status, card.FirstSubmittedAt, card.SubmittedAt, card.SubmittedBy) = (CardStatus.Submitted, sent, sent, centre.DoctorName);
                card.Log(sent, centre.DoctorName, "报告", sent <= card.DueAt ? "在报告时限内" : "超过报告时限");
                var reviewed = sent + (rng.NextDouble() < ReviewedInTime ? within * rng.NextDouble() : within + TimeSpan.FromMinutes(rng.Next(1, 24 * 60)));
                if (reviewed <= run.Now)
                {
                    (card.Status, card.ReviewedAt, card.ReviewedBy) = (CardStatus.Accepted, reviewed, "县疾控中心");
                    card.Log(reviewed, "县疾控中心", "审核通过");
                }
            }
            cards.Add(card);
            entries.AddRange(card.History);
        }
#pragma warning restore CA5394
        await run.Writer.WriteAsync(cards, ct);
        await run.Writer.WriteAsync(entries, ct);
    }

    /// <summary>人群分类 by age, as a rural county's cards read: children at home or at school, farmers, the retired.</summary>
    private static string Occupation(Random rng, int age) => age switch
    {
#pragma warning disable CA5394
        < 3 => "散居儿童",
        < 7 => rng.Next(3) == 0 ? "散居儿童" : "幼托儿童",
        < 19 => "学生（大中小学）",
        < 60 => rng.Next(10) switch { < 6 => "农民", < 8 => "民工", 8 => "工人", _ => "家务及待业" },
        _ => rng.Next(3) == 0 ? "离退人员" : "农民",
#pragma warning restore CA5394
    };

    private static Dictionary<string, double[]> ReadIncidence()
    {
        using var stream = typeof(SurveillanceHistory).Assembly.GetManifestResourceStream("CountyHealth.Surveillance.disease-incidence.tsv")
            ?? throw new InvalidOperationException("disease-incidence.tsv is not embedded");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var line in reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1))
        {
            var c = line.Split('\t');
            table[c[0]] = c.Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        }
        return table;
    }
}

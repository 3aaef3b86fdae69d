using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.ChildHealth;
using CountyHealth.PublicHealth.Domain;

namespace CountyHealth.PublicHealth.Seeding;

/// <summary>
/// The synthetic county's child health management: every child under seven has the schedule's contacts as a township
/// would keep them — about nine newborns in ten visited at home by the village doctor within two weeks, about 85 % of the
/// later checks done within their window at the township centre, some late, the rest missed — with measurements near the
/// growth medians of the age, the tests of the contact and now and then a warning sign, an illness or a referral. Its own
/// random stream.
/// </summary>
internal sealed class ChildHealthHistory(ReferenceTable<ChildCheckSchedule> table) : ISyntheticData
{
    /// <summary>Median weight (kg), length or height (cm) and head circumference (cm) at the contact's age, rounded (WHO standards, both sexes).</summary>
    private static readonly Dictionary<string, (decimal Weight, decimal Length, decimal Head)> Medians = new(StringComparer.Ordinal)
    {
        ["newborn"] = (3.4m, 50m, 35m),
        ["m1"] = (4.5m, 54.5m, 37m),
        ["m3"] = (6.2m, 61m, 40m),
        ["m6"] = (7.8m, 67m, 43m),
        ["m8"] = (8.5m, 70m, 44m),
        ["m12"] = (9.6m, 75m, 46m),
        ["m18"] = (10.9m, 81.5m, 47.5m),
        ["m24"] = (12.2m, 87m, 48.5m),
        ["m30"] = (13.3m, 91.5m, 49m),
        ["y3"] = (14.3m, 95.5m, 49.5m),
        ["y4"] = (16.3m, 103m, 50m),
        ["y5"] = (18.3m, 110m, 50.5m),
        ["y6"] = (20.5m, 116m, 51m),
    };

    public Task PrepareAsync(GenerationRun run, CancellationToken ct) => Task.CompletedTask;

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
#pragma warning disable CA5394 // synthetic data, not security
        var rng = new Random(unchecked(run.Options.Seed * 6151 + index * 3779 + 59));
        var town = run.Get<GeneratedTownship>();
        var schedule = table.Current;
        var earliest = run.Today.AddYears(-ChildCheckRules.UntilYears).AddDays(1);
        var checks = new List<ChildCheck>();
        foreach (var child in run.Get<Residents.Contracts.GeneratedResidents>().Residents.Where(r => r.BirthDate >= earliest && r.BirthDate <= run.Today))
        {
            foreach (var contact in schedule.Contacts)
            {
                var due = contact.DueOn(child.BirthDate);
                if (due > run.Today)
                {
                    break;
                }
                var last = contact.LastDueDay(child.BirthDate);
                var missed = ChildCheckRules.MissedFrom(schedule, contact, child.BirthDate);
                var roll = rng.Next(100);
                DateOnly day;
                if (contact.Form == ChildForm.Newborn)
                {
                    if (roll >= 90)
                    {
                        continue;
                    }
                    day = child.BirthDate.AddDays(rng.Next(3, 15));
                }
                else if (roll < 85)
                {
                    day = due.AddDays(rng.Next(0, last.DayNumber - due.DayNumber + 1));
                }
                else if (roll < 92)
                {
                    day = last.AddDays(rng.Next(1, missed.DayNumber - last.DayNumber));
                }
                else
                {
                    continue;
                }
                if (day > run.Today)
                {
                    continue;
                }
                checks.Add(Check(rng, town, child, contact, day, schedule.After(contact)?.DueOn(child.BirthDate)));
            }
        }
#pragma warning restore CA5394
        await run.Writer.WriteAsync(checks, ct);
    }

#pragma warning disable CA5394 // synthetic data, not security
    private static ChildCheck Check(Random rng, GeneratedTownship town, Residents.Contracts.GeneratedResident child, ChildContact contact, DateOnly day, DateOnly? next)
    {
        var (weight, length, head) = Medians.GetValueOrDefault(contact.Key, (10m, 80m, 45m));
        decimal Near(decimal median, int percent, int decimals) => Math.Round(median * (1 + (rng.Next(-percent, percent + 1) / 100m)), decimals);
        GrowthRating Rating() => rng.Next(10) switch { 0 => GrowthRating.Upper, 1 => GrowthRating.Lower, _ => GrowthRating.Middle };
        var newborn = contact.Form == ChildForm.Newborn;
        var referral = rng.Next(50) == 0;
        return new ChildCheck
        {
            ResidentId = child.Id,
            InstitutionId = child.ManagingInstitutionId,
            Contact = contact.Key,
            Date = day,
            WeightKg = Near(weight, 10, 2),
            LengthCm = Near(length, 5, 1),
            HeadCm = contact.Form == ChildForm.Infant ? Near(head, 4, 1) : null,
            WeightRating = newborn ? null : Rating(),
            LengthRating = newborn ? null : Rating(),
            Growth = contact.Form == ChildForm.Preschool ? (GrowthAssessment)(rng.Next(20) switch { < 17 => 1, 17 => 2, 18 => 4, _ => 5 }) : null,
            HbGL = contact.Has(ChildTest.Haemoglobin) ? rng.Next(100, 136) : null,
            HearingPassed = contact.Has(ChildTest.Hearing) ? rng.Next(50) > 0 : null,
            VisionLeft = contact.Has(ChildTest.Vision) ? 4.7m + rng.Next(0, 4) / 10m : null,
            VisionRight = contact.Has(ChildTest.Vision) ? 4.7m + rng.Next(0, 4) / 10m : null,
            WarningSigns = contact.WarningSigns.Count > 0 && rng.Next(30) == 0 ? rng.Next(contact.WarningSigns.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            Illness = newborn ? "" : rng.Next(100) switch { < 80 => "1", < 88 => "2", < 96 => "3", < 98 => "4", _ => "5" },
            Referral = referral,
            ReferralReason = referral ? "生长发育监测异常，转上级医院儿保科" : null,
            Guidance = newborn ? "1,2,3,4" : rng.Next(3) == 0 ? "1,2,3,4,5" : "1,2,3,4",
            NextDate = next,
            GestationalWeeks = newborn ? rng.Next(20) == 0 ? rng.Next(34, 37) : rng.Next(37, 42) : null,
            BirthWeightKg = newborn ? Math.Round(2.6m + rng.Next(0, 140) / 100m, 2) : null,
            Feeding = newborn ? (Feeding)(rng.Next(10) switch { < 6 => 1, < 9 => 2, _ => 3 }) : null,
            Jaundice = newborn ? rng.Next(5) == 0 ? "2" : "1" : null,
            Cord = newborn ? day.DayNumber - child.BirthDate.DayNumber > 10 ? "2" : "1" : null,
            HearingScreen = newborn ? rng.Next(20) == 0 ? NewbornHearing.NotScreened : NewbornHearing.Passed : null,
            MetabolicScreen = newborn ? rng.Next(20) == 0 ? "1" : "2" : null,
            DoctorName = newborn ? town.Clinic(child.ManagingInstitutionId).DoctorName : town.Centre.DoctorName,
            RecordedAt = ChinaTime.StartOfDayUtc(day).AddHours(9).AddMinutes(rng.Next(0, 420)),
        };
    }
#pragma warning restore CA5394
}

using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Time;
using CountyHealth.Platform.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.PublicHealth.Maternal;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.PublicHealth.Seeding;

/// <summary>
/// The synthetic county's maternal care: each child born in the last two years had a mother of 20 to 40 in the same
/// village, registered in 92 cases of 100 (four in five before 13 weeks), seen in most antenatal windows, delivered at
/// the county hospital or the township centre (the child linked as its baby), visited after discharge (mostly within the week) and checked at 42 days;
/// and the women pregnant today, registered and seen as far as their gestation goes. Its own random stream.
/// </summary>
internal sealed class MaternalHistory(ReferenceTable<MaternalSchedule> table) : ISyntheticData
{
    private const string CountyHospital = "清河县人民医院";

    public Task PrepareAsync(GenerationRun run, CancellationToken ct) => Task.CompletedTask;

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
#pragma warning disable CA5394 // synthetic data, not security
        var rng = new Random(unchecked(run.Options.Seed * 6113 + index * 1409 + 59));
        var town = run.Get<GeneratedTownship>();
        var people = run.Get<GeneratedResidents>().Residents;
        var today = run.Today;
        var women = people.Where(r => r.Sex == Sex.Female && Age.On(r.BirthDate, today) is >= 20 and <= 40).GroupBy(r => r.ManagingInstitutionId)
            .ToDictionary(g => g.Key, g => g.ToList());
        var used = new HashSet<Guid>();
        var pregnancies = new List<Pregnancy>();
        var visits = new List<MaternalVisit>();
        var newborns = new List<PregnancyNewborn>();
        GeneratedResident? MotherIn(Guid institution)
        {
            if (!women.TryGetValue(institution, out var list))
            {
                return null;
            }
            for (var tries = 0; tries < 8; tries++)
            {
                var w = list[rng.Next(list.Count)];
                if (used.Add(w.Id))
                {
                    return w;
                }
            }
            return null;
        }

        var births = people.Where(r => r.BirthDate > today.AddYears(-2) && r.BirthDate <= today).ToList();
        foreach (var child in births)
        {
            if (rng.Next(100) >= 92 || MotherIn(child.ManagingInstitutionId) is not { } mother)
            {
                continue;
            }
            var lastPeriod = child.BirthDate.AddDays(-rng.Next(266, 288));
            Antenatal(mother, lastPeriod, child.BirthDate.AddDays(-1), out var p);
            var caesarean = rng.Next(100) < 27;
            var discharged = child.BirthDate.AddDays(caesarean ? rng.Next(4, 8) : rng.Next(1, 4));
            if (discharged > today)
            {
                // Still in hospital: the delivery notice has not reached the centre.
                continue;
            }
            (p.Status, p.DeliveredOn, p.DischargedOn, p.DeliveredAt, p.DeliveryMode, p.LiveBirths) = (PregnancyStatus.Delivered, child.BirthDate, discharged,
                rng.Next(3) == 0 ? town.Centre.InstitutionName : CountyHospital, caesarean ? DeliveryMode.Caesarean : rng.Next(30) == 0 ? DeliveryMode.Vacuum : DeliveryMode.Vaginal, 1);
            // The child is the delivery's baby, registered by the mother's clinic when the discharge was notified.
            newborns.Add(new PregnancyNewborn
            {
                PregnancyId = p.Id,
                MotherId = mother.Id,
                ResidentId = child.Id,
                RegisteredBy = town.Clinic(p.InstitutionId).DoctorName,
                RegisteredAt = ChinaTime.StartOfDayUtc(discharged).AddHours(3),
            });
            var roll = rng.Next(100);
            var postpartumDay = discharged.AddDays(roll < 72 ? rng.Next(1, 8) : roll < 86 ? rng.Next(8, 29) : rng.Next(29, 41));
            if (roll < 90 && postpartumDay <= today)
            {
                visits.Add(Visit(p, MaternalContact.Postpartum, 0, postpartumDay, null, town.Clinic(p.InstitutionId).DoctorName, rng));
            }
            var checkDay = child.BirthDate.AddDays(rng.Next(table.Current.Check42From, table.Current.Check42OverdueAfter));
            if (rng.Next(100) < 85 && checkDay <= today)
            {
                visits.Add(Visit(p, MaternalContact.Check42, 0, checkDay, null, town.Centre.DoctorName, rng));
                (p.Status, p.EndedOn) = (PregnancyStatus.Closed, checkDay);
            }
            else if (child.BirthDate.AddDays(90) <= today)
            {
                // Cases the centre closed without the check, three months after the delivery.
                (p.Status, p.EndedOn, p.EndReason) = (PregnancyStatus.Closed, child.BirthDate.AddDays(90), "产后42天检查未做，满3个月结案");
            }
        }

        // The women pregnant today, about three quarters of a year's births.
        var lastYear = births.Count(b => b.BirthDate > today.AddYears(-1));
        foreach (var clinic in town.Villages.Append(town.Centre))
        {
            var expected = lastYear * 3 / 4 * (women.TryGetValue(clinic.InstitutionId, out var here) ? here.Count : 0) / Math.Max(1, women.Values.Sum(w => w.Count));
            for (var i = 0; i < expected; i++)
            {
                if (MotherIn(clinic.InstitutionId) is { } mother)
                {
                    Antenatal(mother, today.AddDays(-rng.Next(42, 290)), today, out _);
                }
            }
        }
#pragma warning restore CA5394
        var byPregnancy = visits.ToLookup(v => v.PregnancyId);
        foreach (var p in pregnancies)
        {
            MaternalPages.Reschedule(p, byPregnancy[p.Id], table.Current);
        }
        await run.Writer.WriteAsync(pregnancies, ct);
        await run.Writer.WriteAsync(visits, ct);
        await run.Writer.WriteAsync(newborns, ct);

        // Registration and the antenatal windows up to the day before delivery (or today).
        void Antenatal(GeneratedResident mother, DateOnly lastPeriod, DateOnly until, out Pregnancy p)
        {
#pragma warning disable CA5394
            var atRegistration = rng.Next(100) < 80 ? rng.Next(42, MaternalRules.EarlyBeforeDays) : rng.Next(MaternalRules.EarlyBeforeDays, 175);
            var registered = lastPeriod.AddDays(atRegistration);
            if (registered > until)
            {
                registered = until;
                atRegistration = until.DayNumber - lastPeriod.DayNumber;
            }
            var gravidity = rng.Next(1, 4);
            p = new Pregnancy
            {
                ResidentId = mother.Id,
                InstitutionId = mother.ManagingInstitutionId,
                LastPeriod = lastPeriod,
                DueDate = MaternalRules.DueDate(lastPeriod),
                RegisteredOn = registered,
                GestationDaysAtRegistration = atRegistration,
                Gravidity = gravidity,
                VaginalBirths = gravidity - 1,
                HbsAgPositive = rng.Next(100) < 5,
                RegisteredBy = town.Centre.DoctorName,
            };
            p.HighRisk = p.HbsAgPositive;
            var mine = new List<MaternalVisit> { Visit(p, MaternalContact.FirstAntenatal, 1, registered, atRegistration, town.Centre.DoctorName, rng) };
            foreach (var (number, from, to) in table.Current.Windows.Where(w => w.From > atRegistration))
            {
                var day = lastPeriod.AddDays(rng.Next(from, to + 1));
                if (day < until && rng.Next(100) < 88)
                {
                    mine.Add(Visit(p, MaternalContact.Antenatal, mine.Count + 1, day, day.DayNumber - lastPeriod.DayNumber, town.Centre.DoctorName, rng));
                }
            }
#pragma warning restore CA5394
            visits.AddRange(mine);
            pregnancies.Add(p);
        }
    }

    private MaternalVisit Visit(Pregnancy p, MaternalContact contact, int number, DateOnly day, int? gestation, string doctor, Random rng)
    {
#pragma warning disable CA5394
        var antenatal = contact is MaternalContact.FirstAntenatal or MaternalContact.Antenatal;
        var systolic = rng.Next(98, 136);
        var haemoglobin = antenatal ? rng.Next(100, 140) : (int?)null;
        var visit = new MaternalVisit
        {
            PregnancyId = p.Id,
            ResidentId = p.ResidentId,
            InstitutionId = p.InstitutionId,
            Contact = contact,
            Number = number,
            Date = day,
            GestationDays = gestation,
            WeightKg = antenatal ? Math.Round(50m + (decimal)rng.NextDouble() * 20m + (gestation ?? 0) / 28m, 1) : null,
            SystolicBp = systolic,
            DiastolicBp = systolic - rng.Next(35, 50),
            Haemoglobin = haemoglobin,
            FundalHeightCm = contact == MaternalContact.Antenatal && gestation >= 140 ? Math.Round((gestation.Value / 7m) - rng.Next(0, 4), 0) : null,
            FetalHeartRate = contact == MaternalContact.Antenatal && gestation >= 112 ? rng.Next(125, 156) : null,
            TemperatureC = contact == MaternalContact.Postpartum ? 36.5m + (rng.Next(0, 8) / 10m) : null,
            Abnormal = table.Current.Anaemic(haemoglobin),
            Guidance = string.Join(",", MaternalRules.GuidanceOf(contact).Take(3).Select(g => g.Key)),
            DoctorName = doctor,
            RecordedAt = ChinaTime.StartOfDayUtc(day).AddHours(9 + rng.Next(0, 8)),
        };
#pragma warning restore CA5394
        p.HighRisk |= visit.Abnormal;
        return visit;
    }
}

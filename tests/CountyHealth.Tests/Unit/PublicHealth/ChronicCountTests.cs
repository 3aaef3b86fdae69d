using CountyHealth.Kernel.Facts;
using CountyHealth.PublicHealth.Domain;
using Xunit;
using static CountyHealth.PublicHealth.Domain.ChronicCounts;

namespace CountyHealth.Tests.Unit.PublicHealth;

/// <summary>The patient-by-patient monthly counts against the definitions asked month by month, on random patients.</summary>
public sealed class ChronicCountTests
{
    private static readonly Guid Clinic = Guid.NewGuid();
    private static readonly Guid Centre = Guid.NewGuid();

    /// <summary>The definitions as the measures' texts say them, each month asked of every patient.</summary>
    private static Dictionary<(Guid, int, Figure, Programme), int> AskedMonthByMonth(List<Patient> people, List<FollowUp> followUps, int from, int to)
    {
        var counts = new Dictionary<(Guid, int, Figure, Programme), int>();
        void Add(Guid i, int m, Figure f, Programme p) => counts[(i, m, f, p)] = counts.GetValueOrDefault((i, m, f, p)) + 1;
        var visits = followUps.GroupBy(f => f.EnrolmentId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Date).ToList());
        for (var month = from; month <= to; month = FactMonths.Add(month, 1))
        {
            var first = FactMonths.FirstDay(month);
            var end = first.AddMonths(1).AddDays(-1);
            var january = new DateOnly(first.Year, 1, 1);
            foreach (var e in people.Where(e => e.EnrolledOn <= end && (e.EndedOn == null || e.EndedOn > end)))
            {
                Add(e.InstitutionId, month, Figure.Managed, e.Programme);
                if (visits.TryGetValue(e.Id, out var v) && v.LastOrDefault(f => f.Date >= january && f.Date <= end) is { AtTarget: true })
                {
                    Add(e.InstitutionId, month, Figure.Controlled, e.Programme);
                }
            }
            foreach (var e in people)
            {
                if (visits.TryGetValue(e.Id, out var v) && v.Where(f => f.Date >= january).Skip(3).FirstOrDefault() is { } fourth && fourth.Date >= first && fourth.Date <= end)
                {
                    Add(e.InstitutionId, month, Figure.StandardManaged, e.Programme);
                }
            }
            foreach (var f in followUps.Where(f => f.Date >= first && f.Date <= end))
            {
                Add(f.InstitutionId, month, Figure.FollowUps, f.Programme);
            }
        }
        return counts;
    }

    [Theory]
    [InlineData(1, 202401, 202612)]
    [InlineData(2, 202505, 202505)]
    [InlineData(3, 202412, 202502)]
    [InlineData(4, 202601, 202612)]
    public void Walking_each_patient_once_gives_the_counts_of_every_month_asked_alone(int seed, int from, int to)
    {
#pragma warning disable CA5394 // test data, not security
        var rng = new Random(seed);
        var yearStart = new DateOnly(from / 100, 1, 1);
        var lastDay = FactMonths.LastDay(to);
        var people = new List<Patient>();
        var followUps = new List<FollowUp>();
        for (var n = 0; n < 400; n++)
        {
            var enrolled = new DateOnly(2023, 6, 1).AddDays(rng.Next(0, 1200));
            DateOnly? ended = rng.Next(4) == 0 ? enrolled.AddDays(rng.Next(0, 600)) : null;
            if (enrolled > lastDay || ended < yearStart)
            {
                continue;
            }
            var p = new Patient(Guid.NewGuid(), rng.Next(2) == 0 ? Clinic : Centre, rng.Next(2) == 0 ? Programme.Hypertension : Programme.Diabetes, enrolled, ended);
            people.Add(p);
            for (var day = enrolled.AddDays(rng.Next(0, 40)); day <= lastDay && (ended is null || day <= ended); day = day.AddDays(rng.Next(1, 120)))
            {
                if (day >= yearStart)
                {
                    followUps.Add(new FollowUp(p.Id, rng.Next(5) == 0 ? Centre : p.InstitutionId, p.Programme, day, rng.Next(3) != 0));
                }
            }
        }
#pragma warning restore CA5394
        var expected = AskedMonthByMonth(people, followUps, from, to);
        var actual = Count(people, followUps, from, to, 4);
        Assert.NotEmpty(expected);
        Assert.Contains(expected.Keys, k => k.Item3 == Figure.StandardManaged);
        Assert.Contains(expected.Keys, k => k.Item3 == Figure.Controlled);
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), actual.Select(a => KeyValuePair.Create(((Guid, int, Figure, Programme))a.Key, a.Value)).OrderBy(e => e.Key).ToList());
    }

    [Fact]
    public void A_patient_ended_on_a_month_s_last_day_is_not_managed_at_its_end()
    {
        var p = new Patient(Guid.NewGuid(), Clinic, Programme.Hypertension, new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 31));
        var counts = Count([p], [], 202601, 202604, 4);
        Assert.Equal([202601, 202602], counts.Keys.Where(k => k.Figure == Figure.Managed).Select(k => k.Month).Order().ToArray());
    }
}

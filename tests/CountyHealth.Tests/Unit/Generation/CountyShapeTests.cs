using CountyHealth.Kernel.Generation;
using CountyHealth.Outpatient.Seeding;
using CountyHealth.Residents.Seeding;
using CountyHealth.Server.Operations;
using Xunit;

namespace CountyHealth.Tests.Unit.Generation;

public sealed class CountyShapeTests
{
    [Fact]
    public void Drawn_ages_follow_the_census_structure()
    {
        var rng = new Random(7);
        var ages = Enumerable.Range(0, 200_000).Select(_ => Census.DrawAge(rng)).ToList();
        var shareOver65 = ages.Count(a => a >= 65) / (double)ages.Count;
        var shareUnder15 = ages.Count(a => a < 15) / (double)ages.Count;
        // 7th census: 13.5% aged 65+, 18% under 15.
        Assert.InRange(shareOver65, 0.12, 0.15);
        Assert.InRange(shareUnder15, 0.165, 0.195);
        Assert.InRange(ages.Max(), 85, 99);
        Assert.Equal(0, ages.Min());
    }

    [Fact]
    public void The_sex_ratio_is_near_105_males_per_100_females()
    {
        var rng = new Random(11);
        var males = Enumerable.Range(0, 200_000).Count(_ => Census.DrawMale(rng));
        Assert.InRange(males / (200_000.0 - males) * 100, 103.5, 106.5);
    }

    [Fact]
    public void Adult_hypertension_prevalence_is_near_the_survey_rate()
    {
        var rng = new Random(3);
        var adults = Enumerable.Range(0, 200_000).Select(_ => Census.DrawAge(rng)).Where(a => a >= 18).ToList();
        var expected = adults.Average(ChronicDiseaseShape.HypertensionPrevalence);
        Assert.InRange(expected, 0.24, 0.32); // CHS 2012–2015: 27.9%
        Assert.Equal(0.0, ChronicDiseaseShape.HypertensionPrevalence(17));
        Assert.InRange(ChronicDiseaseShape.ExpectedChronicShare(), 0.2, 0.35);
    }
}

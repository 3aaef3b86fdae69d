using CountyHealth.Kernel.Generation;
using CountyHealth.Outpatient.Seeding;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using CountyHealth.Residents.Seeding;
using CountyHealth.Server.Operations;
using Xunit;

namespace CountyHealth.Tests.Unit.Generation;

public sealed class HouseholdShapeTests
{
    [Fact]
    public void Drawn_household_sizes_average_the_census_2_6_persons()
    {
        var rng = new Random(3);
        var sizes = Enumerable.Range(0, 100_000).Select(_ => HouseholdShape.DrawSize(rng)).ToList();
        Assert.InRange(sizes.Average(), 2.5, 2.7);
        Assert.InRange(sizes.Count(s => s == 1) / (double)sizes.Count, 0.24, 0.27);
        Assert.Equal((1, 6), (sizes.Min(), sizes.Max()));
    }

    [Theory]
    [InlineData(new[] { 8, 40, 38 }, 1)] // the older working-age adult
    [InlineData(new[] { 80, 52, 20 }, 1)] // 80 is past working age: the 52-year-old heads
    [InlineData(new[] { 17, 74 }, 1)] // 74 is still working age, 17 is not
    [InlineData(new[] { 80, 16 }, 0)] // no working-age adult: the oldest
    [InlineData(new[] { 5 }, 0)]
    public void The_head_is_the_oldest_adult_of_working_age(int[] ages, int head) => Assert.Equal(head, HouseholdShape.HeadIndex(ages));

    [Theory]
    [InlineData(40, true, 52, false, false, HouseholdRelations.Spouse)] // 12 years older, other sex
    [InlineData(40, true, 53, false, false, HouseholdRelations.Parent)] // 13 years older
    [InlineData(40, true, 38, true, false, HouseholdRelations.Sibling)] // same sex, same generation
    [InlineData(40, true, 38, false, true, HouseholdRelations.Sibling)] // a spouse is already there
    [InlineData(30, false, 17, true, false, HouseholdRelations.Son)] // 13 years younger: a child, never a spouse
    [InlineData(20, false, 16, true, false, HouseholdRelations.Sibling)] // a minor is never a spouse
    [InlineData(60, true, 16, false, false, HouseholdRelations.Daughter)] // 44 years younger
    [InlineData(60, true, 15, false, false, HouseholdRelations.Grandchild)] // 45 years younger
    [InlineData(30, true, 74, false, false, HouseholdRelations.Parent)] // 44 years older
    [InlineData(30, true, 75, false, false, HouseholdRelations.Grandparent)] // 45 years older
    public void A_members_relation_follows_the_age_gap(int headAge, bool headMale, int age, bool male, bool spouseTaken, string relation) =>
        Assert.Equal(relation, HouseholdShape.Relation(headAge, headMale, age, male, spouseTaken));

    [Theory]
    [InlineData(HouseholdRelations.Son, Sex.Male, true)]
    [InlineData(HouseholdRelations.Daughter, Sex.Female, true)]
    [InlineData(HouseholdRelations.Parent, Sex.Male, true)] // his father
    [InlineData(HouseholdRelations.Parent, Sex.Female, false)] // his mother keeps her surname
    [InlineData(HouseholdRelations.Spouse, Sex.Female, false)]
    [InlineData(HouseholdRelations.OtherRelative, Sex.Male, false)]
    public void Children_and_the_male_line_carry_the_heads_surname(string relation, Sex sex, bool shares) =>
        Assert.Equal(shares, HouseholdShape.SharesPaternalSurname(relation, sex));

    [Fact]
    public void A_formed_village_has_one_head_per_household_and_sons_carry_a_male_heads_surname()
    {
        var rng = new Random(5);
        var today = new DateOnly(2026, 11, 23);
        var village = new HomeVillage(Guid.CreateVersion7(), "13053410101", "东王庄村");
        var people = Enumerable.Range(0, 500).Select(n => new Resident
        {
            Name = (n % 2 == 0 ? "王" : "李") + "明" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Sex = n % 3 == 0 ? Sex.Female : Sex.Male,
            BirthDate = today.AddYears(-(n * 37 % 90)).AddDays(-1),
            Address = "东王庄村" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "号",
        }).ToList();
        var households = HouseholdShape.Form(rng, village, people, today, DateTime.UnixEpoch);
        Assert.Equal(people.Count, households.Count + people.Count(p => p.RelationToHead != HouseholdRelations.Head));
        foreach (var members in people.GroupBy(p => p.HouseholdId))
        {
            var head = Assert.Single(members, m => m.RelationToHead == HouseholdRelations.Head);
            Assert.Single(members.Select(m => m.Address).Distinct());
            Assert.True(members.Count(m => m.RelationToHead == HouseholdRelations.Spouse) <= 1);
            if (head.Sex == Sex.Male)
            {
                Assert.All(members.Where(m => m.RelationToHead == HouseholdRelations.Son), s => Assert.Equal(head.Name[0], s.Name[0]));
            }
        }
        Assert.StartsWith(village.Code, households[0].Number, StringComparison.Ordinal);
    }
}

using CountyHealth.Kernel.Text;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;

namespace CountyHealth.Residents.Seeding;

/// <summary>The village clinic a household is registered at: its id, its code (the prefix of household numbers) and its address.</summary>
internal sealed record HomeVillage(Guid Id, string Code, string? Address);

/// <summary>
/// How a synthetic village falls into households: sizes after the 7th census (2020) family households
/// (1 person 25.4%, 2: 29.7%, 3: 21.0%, 4: 13.2%, 5: 6.2%, 6 or more 4.5%; mean ≈ 2.6), the head an adult of working
/// age where there is one, and each member's relation to the head read from the age gap and sex. Pure and deterministic.
/// </summary>
internal static class HouseholdShape
{
    /// <summary>Share (%) of households of 1, 2, 3, 4, 5 and 6 persons.</summary>
    public static readonly double[] SizeShares = [25.4, 29.7, 21.0, 13.2, 6.2, 4.5];

    public static int DrawSize(Random rng)
    {
        var x = rng.NextDouble() * SizeShares.Sum();
        for (var i = 0; i < SizeShares.Length; i++)
        {
            x -= SizeShares[i];
            if (x < 0)
            {
                return i + 1;
            }
        }
        return SizeShares.Length;
    }

    /// <summary>
    /// Groups one village's residents, in their given order, into households of census sizes: one head, relations by
    /// age gap, every member at the head's address. Sets HouseholdId, RelationToHead and Address on the residents.
    /// Households are numbered after the village's <paramref name="existing"/> ones.
    /// </summary>
    public static List<Household> Form(Random rng, HomeVillage village, IReadOnlyList<Resident> people, DateOnly today, DateTime now, int existing = 0)
    {
        var households = new List<Household>(people.Count / 2 + 1);
        var seq = existing;
        for (var start = 0; start < people.Count;)
        {
            var members = people.Skip(start).Take(DrawSize(rng)).ToList();
            start += members.Count;
            var ages = members.Select(m => Age.On(m.BirthDate, today)).ToList();
            var headIndex = HeadIndex(ages);
            var head = members[headIndex];
            var household = new Household { Number = $"{village.Code}{++seq:00000}", InstitutionId = village.Id, Address = head.Address ?? village.Address ?? "", CreatedAt = now };
            households.Add(household);
            var spouseTaken = false;
            for (var i = 0; i < members.Count; i++)
            {
                var m = members[i];
                m.HouseholdId = household.Id;
                m.Address = household.Address;
                m.RelationToHead = i == headIndex ? HouseholdRelations.Head : Relation(ages[headIndex], head.Sex == Sex.Male, ages[i], m.Sex == Sex.Male, spouseTaken);
                spouseTaken |= m.RelationToHead == HouseholdRelations.Spouse;
                if (i != headIndex && head.Sex == Sex.Male && SharesPaternalSurname(m.RelationToHead, m.Sex))
                {
                    m.Name = string.Concat(head.Name.AsSpan(0, 1), m.Name.AsSpan(1));
                    m.Pinyin = PinyinInitials.OfName(m.Name);
                }
            }
        }
        return households;
    }

    /// <summary>
    /// Under a male head, children, grandchildren, siblings and the male elders carry his surname; wives and mothers
    /// keep their own, as Chinese women do. (The synthetic names have one-character surnames.)
    /// </summary>
    internal static bool SharesPaternalSurname(string relation, Sex sex) => relation switch
    {
        HouseholdRelations.Son or HouseholdRelations.Daughter or HouseholdRelations.Grandchild or HouseholdRelations.Sibling => true,
        HouseholdRelations.Parent or HouseholdRelations.Grandparent => sex == Sex.Male,
        _ => false,
    };

    /// <summary>The member who heads the household: the oldest aged 18–74, else the oldest.</summary>
    public static int HeadIndex(IReadOnlyList<int> ages)
    {
        var head = -1;
        for (var i = 0; i < ages.Count; i++)
        {
            if (ages[i] is >= 18 and < 75 && (head < 0 || ages[i] > ages[head]))
            {
                head = i;
            }
        }
        if (head >= 0)
        {
            return head;
        }
        for (var i = 0; i < ages.Count; i++)
        {
            if (head < 0 || ages[i] > ages[head])
            {
                head = i;
            }
        }
        return head;
    }

    /// <summary>
    /// A member's relation to the head from the age gap: within 12 years a spouse (the first adult of the other sex)
    /// or a sibling; 13–44 years younger a son or daughter, 45 or more a grandchild; older likewise parent or grandparent.
    /// </summary>
    public static string Relation(int headAge, bool headMale, int memberAge, bool memberMale, bool spouseTaken)
    {
        var gap = memberAge - headAge;
        return gap switch
        {
            >= -12 and <= 12 when !spouseTaken && memberMale != headMale && memberAge >= 18 => HouseholdRelations.Spouse,
            >= -12 and <= 12 => HouseholdRelations.Sibling,
            <= -45 => HouseholdRelations.Grandchild,
            < -12 => memberMale ? HouseholdRelations.Son : HouseholdRelations.Daughter,
            >= 45 => HouseholdRelations.Grandparent,
            _ => HouseholdRelations.Parent,
        };
    }
}

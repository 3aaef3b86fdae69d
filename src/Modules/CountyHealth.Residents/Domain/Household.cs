namespace CountyHealth.Residents.Domain;

/// <summary>
/// A household (户): residents living at one address, the unit of the family health record (家庭健康档案).
/// The head is the member whose relation is <see cref="HouseholdRelations.Head"/>.
/// </summary>
internal sealed class Household
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>户编号: the managing institution's code and a sequence number, unique in the county.</summary>
    public string Number { get; set; } = "";

    /// <summary>The village clinic or health centre whose area the household lives in.</summary>
    public Guid InstitutionId { get; set; }

    public string Address { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>Relation to the head of household: the two-digit groups of GB/T 4761-2008 家庭关系代码.</summary>
public static class HouseholdRelations
{
    public const string Head = "02";
    public const string Spouse = "10";
    public const string Son = "20";
    public const string Daughter = "30";
    public const string Grandchild = "40";
    public const string Parent = "50";
    public const string Grandparent = "60";
    public const string Sibling = "70";
    public const string OtherRelative = "80";
    public const string NotRelated = "99";

    public static IReadOnlyDictionary<string, string> ChineseNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Head] = "户主",
        [Spouse] = "配偶",
        [Son] = "子",
        [Daughter] = "女",
        [Grandchild] = "孙子女或外孙子女",
        [Parent] = "父母",
        [Grandparent] = "祖父母或外祖父母",
        [Sibling] = "兄弟姐妹",
        [OtherRelative] = "其他亲属",
        [NotRelated] = "非亲属",
    };
}

using CountyHealth.Residents.Contracts;

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

    /// <summary>
    /// A baby's relation to the head from its mother's: the head's or spouse's child is 子/女; a child's (the 2x/3x groups
    /// hold 儿媳 and 女婿 too) is 孙子女; a parent's is the head's sibling; any other member's is 其他亲属.
    /// </summary>
    public static string OfChildBornTo(string? motherRelation, Sex sex) => motherRelation switch
    {
        Head or Spouse => sex == Sex.Male ? Son : Daughter,
        [('2' or '3'), _] => Grandchild,
        Parent => Sibling,
        _ => OtherRelative,
    };

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

/// <summary>户编号: the code of the household's institution and a five-digit sequence within it.</summary>
public static class HouseholdNumbers
{
    public const int SequenceDigits = 5;

    /// <summary>
    /// The number after the highest one the institution has issued (null when it has none); a number whose tail is
    /// not a sequence is ignored by the caller's query, not here.
    /// </summary>
    public static string Next(string institutionCode, string? highest)
    {
        var last = highest is { } h && h.Length == institutionCode.Length + SequenceDigits && h.StartsWith(institutionCode, StringComparison.Ordinal)
            && int.TryParse(h.AsSpan(institutionCode.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (last >= 99_999)
        {
            throw new InvalidOperationException($"机构 {institutionCode} 的户编号已用尽");
        }
        return institutionCode + (last + 1).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
    }
}

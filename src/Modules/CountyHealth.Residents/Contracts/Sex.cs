namespace CountyHealth.Residents.Contracts;

/// <summary>
/// Sex of a person, coded as in GB/T 2261.1-2003 (0 未知的性别, 1 男性, 2 女性).
/// The code 9 (未说明的性别) is not used by this system.
/// </summary>
public enum Sex
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}

public static class SexNames
{
    public static string Of(Sex sex) => sex switch { Sex.Male => "男", Sex.Female => "女", _ => "未知" };
}

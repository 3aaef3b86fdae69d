namespace CountyHealth.Kernel.Text;

/// <summary>
/// A name in a de-identified list (the records behind a figure, as the bureau sees them): the first character kept and,
/// of three or more, the last — 张* for 张三, 张*明 for 张晓明, 欧**锋 for 欧阳晓锋.
/// </summary>
public static class PersonalNames
{
    public static string Mask(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "—";
        }
        var n = name.Trim();
        return n.Length switch
        {
            1 => n,
            2 => n[0] + "*",
            _ => n[0] + new string('*', n.Length - 2) + n[^1],
        };
    }
}

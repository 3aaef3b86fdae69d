using CountyHealth.PublicHealth.Domain;

namespace CountyHealth.PublicHealth.ChildHealth;

/// <summary>The child health schedule shipped with the module (Resources/child-check-schedule.tsv), read once.</summary>
public static class ChildSchedule
{
    private static readonly Lazy<ChildCheckSchedule> Table = new(() =>
    {
        using var stream = typeof(ChildSchedule).Assembly.GetManifestResourceStream("CountyHealth.PublicHealth.child-check-schedule.tsv")
            ?? throw new InvalidOperationException("child-check-schedule.tsv is not embedded");
        using var reader = new StreamReader(stream);
        return ChildCheckSchedule.Parse(reader.ReadToEnd());
    });

    public static ChildCheckSchedule Current => Table.Value;
}

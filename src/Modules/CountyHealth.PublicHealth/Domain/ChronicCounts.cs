using CountyHealth.Kernel.Facts;

namespace CountyHealth.PublicHealth.Domain;

/// <summary>
/// The chronic programmes' monthly counts, patient by patient: each patient's managed months and follow-ups walked once
/// (a county's five years of months × 300,000 patients asked month by month took seven minutes of the rebuild).
/// </summary>
public static class ChronicCounts
{
    public sealed record Patient(Guid Id, Guid InstitutionId, Programme Programme, DateOnly EnrolledOn, DateOnly? EndedOn);

    public sealed record FollowUp(Guid EnrolmentId, Guid InstitutionId, Programme Programme, DateOnly Date, bool AtTarget);

    public enum Figure
    {
        /// <summary>In management at the month's end.</summary>
        Managed,

        /// <summary>Managed at the month's end, the latest follow-up of the year so far at target.</summary>
        Controlled,

        /// <summary>The patient's fourth follow-up of the calendar year fell in the month.</summary>
        StandardManaged,

        /// <summary>Follow-ups dated in the month (at the institution that made them).</summary>
        FollowUps,
    }

    /// <summary>
    /// The non-zero counts of the months <paramref name="fromMonth"/>..<paramref name="toMonth"/> (yyyyMM), by institution,
    /// month, figure and programme. The follow-ups must cover every day from the first month's January to the last month's end.
    /// </summary>
    public static Dictionary<(Guid Institution, int Month, Figure Figure, Programme Programme), int> Count(
        IEnumerable<Patient> patients, IEnumerable<FollowUp> followUps, int fromMonth, int toMonth, int followUpsPerYear)
    {
        var counts = new Dictionary<(Guid, int, Figure, Programme), int>();
        void Add(Guid institution, int month, Figure figure, Programme programme)
        {
            var key = (institution, month, figure, programme);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var byPatient = new Dictionary<Guid, List<FollowUp>>();
        foreach (var f in followUps)
        {
            var month = FactMonths.Of(f.Date);
            if (month >= fromMonth && month <= toMonth)
            {
                Add(f.InstitutionId, month, Figure.FollowUps, f.Programme);
            }
            if (!byPatient.TryGetValue(f.EnrolmentId, out var list))
            {
                byPatient[f.EnrolmentId] = list = [];
            }
            list.Add(f);
        }
        foreach (var p in patients)
        {
            var visits = byPatient.GetValueOrDefault(p.Id) ?? [];
            visits.Sort((a, b) => a.Date.CompareTo(b.Date));
            // The fourth follow-up of each calendar year, in its month.
            for (var i = 0; i < visits.Count; i++)
            {
                var year = visits[i].Date.Year;
                var j = i;
                while (j < visits.Count && visits[j].Date.Year == year)
                {
                    j++;
                }
                if (j - i >= followUpsPerYear && FactMonths.Of(visits[i + followUpsPerYear - 1].Date) is var fourth && fourth >= fromMonth && fourth <= toMonth)
                {
                    Add(p.InstitutionId, fourth, Figure.StandardManaged, p.Programme);
                }
                i = j - 1;
            }
            // Managed at a month's end: enrolled by then and not ended by then.
            var first = Math.Max(fromMonth, FactMonths.Of(p.EnrolledOn));
            var last = p.EndedOn is { } ended ? Math.Min(toMonth, FactMonths.Add(FactMonths.Of(ended), -1)) : toMonth;
            var at = 0;
            FollowUp? latest = null;
            for (var month = first; month <= last; month = FactMonths.Add(month, 1))
            {
                var end = FactMonths.LastDay(month);
                while (at < visits.Count && visits[at].Date <= end)
                {
                    latest = visits[at++];
                }
                Add(p.InstitutionId, month, Figure.Managed, p.Programme);
                if (latest is { AtTarget: true } && latest.Date.Year == end.Year)
                {
                    Add(p.InstitutionId, month, Figure.Controlled, p.Programme);
                }
            }
        }
        return counts;
    }
}

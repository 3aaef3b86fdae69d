using CountyHealth.Kernel.Facts;
using CountyHealth.Outpatient.Domain;

namespace CountyHealth.Outpatient.Contracts;

/// <summary>
/// Lets another module's figures follow the outpatient visits without seeing the visit entity: a visit registered,
/// moved or cancelled marks the month of its day at its institution for that module's source (health records in use:
/// a visit is a medical record).
/// </summary>
public static class VisitFeeds
{
    public static IFactFeed For(string source) => new FactFeed<Visit>(source, v => (v.InstitutionId, v.VisitDate),
        nameof(Visit.Status), nameof(Visit.VisitDate), nameof(Visit.InstitutionId), nameof(Visit.ResidentId));
}

using CountyHealth.Kernel.Facts;
using CountyHealth.Kernel.Time;
using CountyHealth.Residents.Domain;

namespace CountyHealth.Residents.Contracts;

/// <summary>Changes to residents that other modules' monthly figures depend on, declared as fact feeds of their sources.</summary>
public static class ResidentFeeds
{
    /// <summary>
    /// A resident under <paramref name="years"/> registered, or her birth date or home clinic changed, marks her birth
    /// month at her clinic in <paramref name="source"/>: figures counted from birth (doses due by age) recount from
    /// there on. Older residents mark nothing — their birth months are long past every such figure.
    /// </summary>
    public static IFactFeed ByBirth(string source, int years, TimeProvider clock) => new FactFeed<Resident>(source,
        r => r.BirthDate > ChinaTime.Today(clock).AddYears(-years) ? (r.ManagingInstitutionId, r.BirthDate) : null,
        nameof(Resident.BirthDate), nameof(Resident.ManagingInstitutionId));
}

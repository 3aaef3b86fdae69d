using CountyHealth.Kernel.Generation;

namespace CountyHealth.Outpatient.Seeding;

/// <summary>
/// Age-specific prevalence of diagnosed hypertension and type-2 diabetes after the national surveys (CHS 2012–2015,
/// 27.9% of adults; China Chronic Disease and Risk Factor Surveillance 2018, 12.4% of adults), for the synthetic county.
/// </summary>
internal static class ChronicDiseaseShape
{
    /// <summary>Probability of diagnosed hypertension at an age.</summary>
    public static double HypertensionPrevalence(int age) => age switch
    {
        < 18 => 0.0,
        < 35 => 0.06,
        < 45 => 0.15,
        < 55 => 0.29,
        < 65 => 0.44,
        < 75 => 0.55,
        _ => 0.60,
    };

    /// <summary>Probability of diagnosed type-2 diabetes at an age.</summary>
    public static double DiabetesPrevalence(int age) => age switch
    {
        < 18 => 0.0,
        < 40 => 0.04,
        < 60 => 0.12,
        _ => 0.20,
    };

    /// <summary>Expected share of residents with hypertension or diabetes, over the census age structure.</summary>
    public static double ExpectedChronicShare() =>
        Census.Expected(age => 1 - (1 - HypertensionPrevalence(age)) * (1 - DiabetesPrevalence(age)));
}

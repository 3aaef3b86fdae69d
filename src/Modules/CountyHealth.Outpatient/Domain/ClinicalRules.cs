using CountyHealth.Kernel.Validation;

namespace CountyHealth.Outpatient.Domain;

public sealed record VitalSigns(int? SystolicBp, int? DiastolicBp, decimal? Temperature, int? Pulse, int? RespiratoryRate, decimal? WeightKg, decimal? HeightCm, decimal? FastingGlucose);

/// <summary>Plausibility limits of vital signs: values outside them are typing errors, not patients.</summary>
internal static class VitalSignsRules
{
    public static FieldErrors Validate(VitalSigns v, FieldErrors? into = null)
    {
        var e = into ?? new FieldErrors();
        e.Range("systolicBp", v.SystolicBp, 60, 300, "收缩压", "mmHg");
        e.Range("diastolicBp", v.DiastolicBp, 30, 200, "舒张压", "mmHg");
        if (v.SystolicBp is { } s && v.DiastolicBp is { } d && s is >= 60 and <= 300 && d is >= 30 and <= 200 && s <= d)
        {
            e.Add("diastolicBp", "舒张压应低于收缩压");
        }
        if (v.SystolicBp.HasValue != v.DiastolicBp.HasValue)
        {
            e.Add(v.SystolicBp.HasValue ? "diastolicBp" : "systolicBp", "血压请同时填写收缩压和舒张压");
        }
        e.Range("temperature", v.Temperature, 34m, 43m, "体温", "℃");
        e.Range("pulse", v.Pulse, 20, 250, "脉搏", "次/分");
        e.Range("respiratoryRate", v.RespiratoryRate, 5, 60, "呼吸", "次/分");
        e.Range("weightKg", v.WeightKg, 0.5m, 300m, "体重", "kg");
        e.Range("heightCm", v.HeightCm, 30m, 250m, "身高", "cm");
        e.Range("fastingGlucose", v.FastingGlucose, 1m, 35m, "空腹血糖", "mmol/L");
        return e;
    }

    /// <summary>Body-mass index to one decimal, or null without both height and weight.</summary>
    public static decimal? Bmi(decimal? weightKg, decimal? heightCm) =>
        weightKg is > 0 && heightCm is > 0 ? decimal.Round(weightKg.Value / (heightCm.Value / 100m * (heightCm.Value / 100m)), 1) : null;
}

using CountyHealth.Kernel.Reference;

namespace CountyHealth.PublicHealth.Domain;

/// <summary>
/// The figures the hypertension and diabetes classification reads (Resources/chronic-thresholds.tsv, corrected by the
/// administrator as the reference table <c>phs.chronic-thresholds</c>).
/// </summary>
public sealed record ChronicThresholds(int TargetSystolic, int TargetDiastolic, int ElderlyAge, int ElderlyTargetSystolic, decimal TargetGlucose,
    int UrgentSystolic, int UrgentDiastolic, decimal UrgentGlucoseHigh, decimal UrgentGlucoseLow, int UrgentHeartRate, int ReviewDays, int RoutineMonths)
{
    private static readonly RuleFigure[] Figures =
    [
        new("target_systolic", "控制满意的收缩压", 100, 200),
        new("target_diastolic", "控制满意的舒张压", 60, 120),
        new("elderly_age", "老年目标的起始年龄", 50, 100),
        new("elderly_target_systolic", "老年人控制满意的收缩压", 100, 200),
        new("target_glucose", "控制满意的空腹血糖", 4.0m, 15.0m, Whole: false),
        new("urgent_systolic", "紧急转诊的收缩压", 140, 280),
        new("urgent_diastolic", "紧急转诊的舒张压", 90, 160),
        new("urgent_glucose_high", "紧急转诊的血糖上限", 7.0m, 35.0m, Whole: false),
        new("urgent_glucose_low", "紧急转诊的血糖下限", 1.0m, 7.0m, Whole: false),
        new("urgent_heart_rate", "紧急转诊的心率", 60, 200),
        new("review_days", "再随访天数", 1, 90),
        new("routine_months", "常规随访月数", 1, 12),
    ];

    /// <summary>Reads the table; figures that contradict each other (an urgent threshold below the target) are refused too.</summary>
    public static ChronicThresholds Parse(string text)
    {
        var f = RuleFigures.Parse(text, Figures);
        var t = new ChronicThresholds(f.Whole("target_systolic"), f.Whole("target_diastolic"), f.Whole("elderly_age"), f.Whole("elderly_target_systolic"),
            f["target_glucose"], f.Whole("urgent_systolic"), f.Whole("urgent_diastolic"), f["urgent_glucose_high"], f["urgent_glucose_low"],
            f.Whole("urgent_heart_rate"), f.Whole("review_days"), f.Whole("routine_months"));
        if (t.UrgentSystolic <= Math.Max(t.TargetSystolic, t.ElderlyTargetSystolic) || t.UrgentDiastolic <= t.TargetDiastolic)
        {
            throw new FormatException("紧急转诊的血压阈值应高于控制满意的目标");
        }
        if (!(t.UrgentGlucoseLow < t.TargetGlucose && t.TargetGlucose < t.UrgentGlucoseHigh))
        {
            throw new FormatException("血糖应满足：紧急转诊下限 < 控制满意目标 < 紧急转诊上限");
        }
        return t;
    }

    /// <summary>The rule in a sentence, as the follow-up form shows it.</summary>
    public string Describe() =>
        $"血压 <{TargetSystolic}/{TargetDiastolic}（{ElderlyAge} 岁及以上 <{ElderlyTargetSystolic}/{TargetDiastolic}）或空腹血糖 <{TargetGlucose} 为控制满意；" +
        $"≥{UrgentSystolic}/{UrgentDiastolic}、血糖 ≥{UrgentGlucoseHigh} 或 ≤{UrgentGlucoseLow}、糖尿病患者心率 >{UrgentHeartRate} 为紧急转诊；" +
        $"控制不满意或不良反应 {RuleFigures.Days(ReviewDays)}内随访，控制满意 {RoutineMonths} 个月后随访。";
}

/// <summary>
/// The hypertension and type-2-diabetes rules of the national service specification (3rd edition, as
/// ../shared/domain/phs-forms-and-schedules.md §1 gives them): which diagnoses a programme takes, the form's symptom
/// codes, impossible measurements, the visit classification with its action, urgent referral and the next visit.
/// </summary>
public static class ChronicRules
{
    /// <summary>The programme a diagnosis belongs to: primary hypertension I10–I15, type 2 diabetes E11; none otherwise.</summary>
    public static Programme? ProgrammeOf(string icd10)
    {
        var code = icd10.Trim().ToUpperInvariant();
        if (code.Length < 3)
        {
            return null;
        }
        return code[..3] switch
        {
            "I10" or "I11" or "I12" or "I13" or "I15" => Programme.Hypertension,
            "E11" => Programme.Diabetes,
            _ => null,
        };
    }

    public static string NameOf(Programme p) => p == Programme.Hypertension ? "高血压" : "2型糖尿病";

    /// <summary>The form's symptom list, code and name (1 无症状 first).</summary>
    public static IReadOnlyList<(string Code, string Name)> Symptoms(Programme p) => p == Programme.Hypertension
        ? [("1", "无症状"), ("2", "头痛头晕"), ("3", "恶心呕吐"), ("4", "眼花耳鸣"), ("5", "呼吸困难"), ("6", "心悸胸闷"), ("7", "鼻衄出血不止"), ("8", "四肢发麻"), ("9", "下肢水肿")]
        : [("1", "无症状"), ("2", "多饮"), ("3", "多食"), ("4", "多尿"), ("5", "视力模糊"), ("6", "感染"), ("7", "手脚麻木"), ("8", "下肢浮肿"), ("9", "体重明显下降")];

    public static string ClassName(FollowUpClass c) => c switch
    {
        FollowUpClass.Controlled => "控制满意",
        FollowUpClass.NotControlled => "控制不满意",
        FollowUpClass.AdverseReaction => "不良反应",
        _ => "并发症",
    };

    /// <summary>Blood pressure at target: below 140/90, or below 150/90 from 65 (3rd edition, as the table in force says).</summary>
    public static bool BloodPressureControlled(int age, int systolic, int diastolic, ChronicThresholds t) =>
        diastolic < t.TargetDiastolic && systolic < (age >= t.ElderlyAge ? t.ElderlyTargetSystolic : t.TargetSystolic);

    /// <summary>Fasting glucose at target: below 7.0 mmol/L.</summary>
    public static bool GlucoseControlled(decimal fastingGlucose, ChronicThresholds t) => fastingGlucose < t.TargetGlucose;

    /// <summary>What a visit measured and found, as the classification reads it.</summary>
    public sealed record Findings(Programme Programme, int Age, int? SystolicBp, int? DiastolicBp, int? HeartRate, decimal? FastingGlucose,
        bool AdverseReaction, bool Complication, FollowUpClass? PreviousClass);

    /// <summary>The visit's class, the referral it calls for, when to come back and what to do, in the form's words.</summary>
    public sealed record Outcome(FollowUpClass Class, Referral Referral, DateOnly NextDueOn, string Advice, bool AtTarget);

    /// <summary>
    /// Classifies a visit (the most severe class present) and sets its action: urgent referral at the thresholds; a
    /// complication, or a second uncontrolled visit or reaction in a row, is referred; a first uncontrolled visit or
    /// reaction is seen again within two weeks; a controlled patient in three months.
    /// </summary>
    public static Outcome Classify(Findings f, DateOnly date, ChronicThresholds t)
    {
        var atTarget = f.Programme == Programme.Hypertension
            ? f.SystolicBp is { } s && f.DiastolicBp is { } d && BloodPressureControlled(f.Age, s, d, t)
            : f.FastingGlucose is { } g && GlucoseControlled(g, t);
        var cls = f.Complication ? FollowUpClass.Complication
            : f.AdverseReaction ? FollowUpClass.AdverseReaction
            : atTarget ? FollowUpClass.Controlled : FollowUpClass.NotControlled;
        var review = date.AddDays(t.ReviewDays);
        var within = RuleFigures.Days(t.ReviewDays);
        if (UrgentReason(f, t) is { } urgent)
        {
            return new Outcome(cls, Referral.Urgent, review, $"紧急转诊（{urgent}），处理后转上级医院，{within}内随访转诊情况", atTarget);
        }
        var again = cls is FollowUpClass.NotControlled or FollowUpClass.AdverseReaction
            && f.PreviousClass is FollowUpClass.NotControlled or FollowUpClass.AdverseReaction;
        return cls switch
        {
            FollowUpClass.Complication => new(cls, Referral.Referral, review, $"出现新的并发症或原有并发症加重，建议转诊，{within}内随访转诊情况", atTarget),
            _ when again => new(cls, Referral.Referral, review, $"连续两次控制不满意或药物不良反应难以控制，建议转诊，{within}内随访转诊情况", atTarget),
            FollowUpClass.NotControlled => new(cls, Referral.None, review, $"首次控制不满意：调整用药，{within}内随访", atTarget),
            FollowUpClass.AdverseReaction => new(cls, Referral.None, review, $"出现药物不良反应：调整用药，{within}内随访", atTarget),
            _ => new(cls, Referral.None, date.AddMonths(t.RoutineMonths), "控制满意：维持治疗，预约下次随访", atTarget),
        };
    }

    /// <summary>The threshold met for urgent referral (紧急转诊), or null.</summary>
    public static string? UrgentReason(Findings f, ChronicThresholds t)
    {
        if (f.SystolicBp >= t.UrgentSystolic || f.DiastolicBp >= t.UrgentDiastolic)
        {
            return $"血压 {f.SystolicBp}/{f.DiastolicBp} mmHg ≥ {t.UrgentSystolic}/{t.UrgentDiastolic}";
        }
        if (f.Programme == Programme.Diabetes)
        {
            if (f.FastingGlucose >= t.UrgentGlucoseHigh)
            {
                return $"血糖 {f.FastingGlucose} mmol/L ≥ {t.UrgentGlucoseHigh}";
            }
            if (f.FastingGlucose <= t.UrgentGlucoseLow)
            {
                return $"血糖 {f.FastingGlucose} mmol/L ≤ {t.UrgentGlucoseLow}";
            }
            if (f.HeartRate > t.UrgentHeartRate)
            {
                return $"心率 {f.HeartRate} 次/分 > {t.UrgentHeartRate}";
            }
        }
        return null;
    }

    /// <summary>The measurements of a visit as entered, for <see cref="Check"/>.</summary>
    public sealed record Entered(Programme Programme, DateOnly Date, DateOnly EnrolledOn, DateOnly Today, int? SystolicBp, int? DiastolicBp, int? HeartRate,
        decimal? WeightKg, decimal? FastingGlucose, int? CigarettesPerDay, decimal? SpiritsLiangPerDay, int? ExerciseTimesPerWeek, int? ExerciseMinutes);

    /// <summary>Impossible or missing figures, by the request's field names, in Chinese: nothing is saved while any is found.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(Entered e)
    {
        var errors = new List<(string, string)>();
        if (e.Date < e.EnrolledOn)
        {
            errors.Add(("date", $"随访日期不能早于纳入管理日期（{e.EnrolledOn:yyyy-MM-dd}）"));
        }
        else if (e.Date > e.Today)
        {
            errors.Add(("date", "随访日期不能晚于今天"));
        }
        void Range(string field, string label, decimal? value, decimal min, decimal max, string unit)
        {
            if (value is { } v && (v < min || v > max))
            {
                errors.Add((field, $"{label}应在 {min}～{max} {unit}之间（填了 {v}）"));
            }
        }
        if (e.Programme == Programme.Hypertension && (e.SystolicBp is null || e.DiastolicBp is null))
        {
            errors.Add((e.SystolicBp is null ? "systolicBp" : "diastolicBp", "高血压随访请填写血压"));
        }
        if (e.Programme == Programme.Diabetes && e.FastingGlucose is null)
        {
            errors.Add(("fastingGlucose", "糖尿病随访请填写空腹血糖"));
        }
        Range("systolicBp", "收缩压", e.SystolicBp, 60, 280, "mmHg ");
        Range("diastolicBp", "舒张压", e.DiastolicBp, 30, 160, "mmHg ");
        if (e.SystolicBp is { } s && e.DiastolicBp is { } d && s <= d && s is >= 60 and <= 280 && d is >= 30 and <= 160)
        {
            errors.Add(("diastolicBp", $"舒张压（{d}）应低于收缩压（{s}）"));
        }
        Range("heartRate", "心率", e.HeartRate, 30, 220, "次/分");
        Range("weightKg", "体重", e.WeightKg, 10, 250, "kg ");
        Range("fastingGlucose", "空腹血糖", e.FastingGlucose, 1.0m, 35.0m, "mmol/L ");
        Range("cigarettesPerDay", "日吸烟量", e.CigarettesPerDay, 0, 100, "支");
        Range("spiritsLiangPerDay", "日饮酒量", e.SpiritsLiangPerDay, 0, 40, "两");
        Range("exerciseTimesPerWeek", "运动次数", e.ExerciseTimesPerWeek, 0, 21, "次/周");
        Range("exerciseMinutes", "每次运动时间", e.ExerciseMinutes, 0, 600, "分钟");
        return errors;
    }
}

using CountyHealth.Kernel.Auditing;

namespace CountyHealth.PublicHealth.Domain;

/// <summary>Where a pregnancy's management stands.</summary>
public enum PregnancyStatus
{
    /// <summary>孕期: registered, antenatal visits due.</summary>
    Antenatal = 1,
    /// <summary>产后: delivered, the postpartum visit and the 42-day check due.</summary>
    Delivered = 2,
    /// <summary>结案 after the 42-day check.</summary>
    Closed = 3,
    /// <summary>Ended before delivery (流产、引产) or left the programme (迁出、死亡).</summary>
    Ended = 4,
}

/// <summary>The contacts of the maternal programme, one form each; never shared with other programmes' codes.</summary>
public enum MaternalContact
{
    /// <summary>第1次产前检查 (建册).</summary>
    FirstAntenatal = 1,
    /// <summary>第2～5次产前随访 (and extra visits for high-risk women).</summary>
    Antenatal = 2,
    /// <summary>产后访视, at home within a week of discharge.</summary>
    Postpartum = 3,
    /// <summary>产后42天健康检查; its 分类 is 1 已恢复 / 2 未恢复.</summary>
    Check42 = 4,
}

/// <summary>
/// A pregnancy registered in the maternal programme (建册, 《母子健康手册》) with its first antenatal check: the dating
/// (last menstrual period or due date), obstetric history, screening results, and — later — the delivery; where the
/// schedule stands (the next contact, due from a date and overdue after another).
/// </summary>
internal sealed class Pregnancy : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public DateOnly? LastPeriod { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public int GestationDaysAtRegistration { get; set; }
    public int Gravidity { get; set; }
    public int VaginalBirths { get; set; }
    public int Caesareans { get; set; }
    public string? HusbandName { get; set; }
    public string? HusbandPhone { get; set; }
    public bool HbsAgPositive { get; set; }
    public bool SyphilisPositive { get; set; }
    public bool HivPositive { get; set; }
    public bool HighRisk { get; set; }
    public string RegisteredBy { get; set; } = "";
    public PregnancyStatus Status { get; set; } = PregnancyStatus.Antenatal;
    public DateOnly? DeliveredOn { get; set; }
    public DateOnly? DischargedOn { get; set; }
    public string? DeliveredAt { get; set; }
    public DeliveryMode? DeliveryMode { get; set; }
    public int? LiveBirths { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    public int Contacts { get; set; }
    public DateOnly? NextDueOn { get; set; }
    public DateOnly? NextDueBy { get; set; }
    public string NextContact { get; set; } = "";
    public int Version { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>出生情况 as the delivery is recorded (the newborn form's codes for the mode).</summary>
public enum DeliveryMode
{
    Vaginal = 1,
    Vacuum = 2,
    Forceps = 3,
    Caesarean = 4,
}

/// <summary>
/// One contact of the programme on its form: the antenatal checks (gestation, weight, blood pressure, haemoglobin,
/// fundal height, fetal heart), the postpartum visit (temperature, breasts, lochia, uterus, wound) and the 42-day check;
/// the abnormal items, the classification (异常 / 未恢复), guidance, referral and the next date.
/// </summary>
internal sealed class MaternalVisit : IPersonalHealthData, IProgrammeService
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PregnancyId { get; set; }
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }
    public MaternalContact Contact { get; set; }
    public int Number { get; set; }
    public DateOnly Date { get; set; }
    public int? GestationDays { get; set; }
    public decimal? WeightKg { get; set; }
    public int? SystolicBp { get; set; }
    public int? DiastolicBp { get; set; }
    public int? Haemoglobin { get; set; }
    public decimal? FundalHeightCm { get; set; }
    public int? FetalHeartRate { get; set; }
    public decimal? TemperatureC { get; set; }
    public string AbnormalItems { get; set; } = "";
    public bool Abnormal { get; set; }
    public string Guidance { get; set; } = "";
    public bool Referral { get; set; }
    public string? ReferralReason { get; set; }
    public string DoctorName { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

/// <summary>
/// The maternal schedule of the specification (../shared/domain/phs-forms-and-schedules.md §4.1): the first check before
/// 13 weeks (≤ 12⁺⁶), then one visit each at 16–20, 21–24, 28–36 and 37–40 weeks; the postpartum home visit within a
/// week of discharge; the 42-day check. Gestation is counted from the last menstrual period, or from the due date less
/// 280 days when the period is not known.
/// </summary>
public static class MaternalRules
{
    /// <summary>Naegele: the due date is 280 days after the first day of the last period.</summary>
    public const int TermDays = 280;

    /// <summary>早孕建册: registered (first check) before 13 full weeks.</summary>
    public const int EarlyBeforeDays = 13 * 7;

    /// <summary>The latest gestation a registration, a visit or a delivery can carry (44 weeks).</summary>
    public const int LatestGestationDays = 44 * 7;

    /// <summary>A delivery is a birth from 28 weeks; an end before it is a miscarriage or termination (流产、引产).</summary>
    public const int DeliveryFromDays = 28 * 7;

    /// <summary>The postpartum visit is due within a week of discharge.</summary>
    public const int PostpartumWithinDays = 7;

    /// <summary>产后访视率 counts a visit within 28 days of discharge (the service is due within 7: they differ on purpose).</summary>
    public const int PostpartumCountedDays = 28;

    /// <summary>The 42-day check: due from day 42 after delivery; counted overdue after 8 weeks, refused before 4 weeks.</summary>
    public const int Check42From = 42;

    public const int Check42OverdueAfter = 56;

    public const int Check42Earliest = 28;

    /// <summary>The antenatal windows after the first check, in gestation days (first day, last day).</summary>
    public static IReadOnlyList<(int Number, int From, int To)> Windows { get; } =
    [
        (2, 16 * 7, (20 * 7) + 6),
        (3, 21 * 7, (24 * 7) + 6),
        (4, 28 * 7, (36 * 7) + 6),
        (5, 37 * 7, (40 * 7) + 6),
    ];

    public static DateOnly DueDate(DateOnly lastPeriod) => lastPeriod.AddDays(TermDays);

    /// <summary>The first day of pregnancy by dating: the last period, or the due date less 280 days.</summary>
    public static DateOnly PeriodStart(DateOnly dueDate) => dueDate.AddDays(-TermDays);

    public static int GestationDays(DateOnly dueDate, DateOnly day) => day.DayNumber - PeriodStart(dueDate).DayNumber;

    /// <summary>Gestation as it is written: 孕12⁺⁶周 → "12+6周".</summary>
    public static string Weeks(int days) => days % 7 == 0 ? $"{days / 7}周" : $"{days / 7}+{days % 7}周";

    public static bool Early(int gestationDaysAtRegistration) => gestationDaysAtRegistration < EarlyBeforeDays;

    /// <summary>The next contact due for a pregnancy, from when, and overdue after when (null dates: nothing is due).</summary>
    public sealed record Next(string Name, DateOnly? From, DateOnly? By);

    /// <summary>
    /// The next antenatal visit: the first window that begins after the last visit's gestation (a woman seen late
    /// skips the windows she is past; an extra visit inside a window leaves the next window as it was). After the last
    /// window the delivery is awaited.
    /// </summary>
    public static Next NextAntenatal(DateOnly dueDate, int lastGestationDays)
    {
        var start = PeriodStart(dueDate);
        foreach (var (_, from, to) in Windows)
        {
            if (from > lastGestationDays)
            {
                return new Next($"产前随访（孕{Weeks(from)}～{Weeks(to)}）", start.AddDays(from), start.AddDays(to));
            }
        }
        return new Next("待分娩（预产期 " + dueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "）", null, null);
    }

    /// <summary>After the delivery: the postpartum visit within a week of discharge, then the 42-day check.</summary>
    public static Next NextAfterDelivery(DateOnly deliveredOn, DateOnly dischargedOn, bool postpartumDone) => postpartumDone
        ? new Next("产后42天健康检查", deliveredOn.AddDays(Check42From), deliveredOn.AddDays(Check42OverdueAfter))
        : new Next("产后访视（出院后7天内）", dischargedOn, dischargedOn.AddDays(PostpartumWithinDays));

    /// <summary>产后访视率's numerator: a visit from discharge to 28 days after it.</summary>
    public static bool PostpartumCounted(DateOnly dischargedOn, DateOnly visitedOn) =>
        visitedOn >= dischargedOn && visitedOn.DayNumber - dischargedOn.DayNumber <= PostpartumCountedDays;

    /// <summary>Blood pressure that the forms mark for referral in pregnancy (妊娠期高血压: ≥ 140/90).</summary>
    public static bool Hypertensive(int? systolic, int? diastolic) => systolic >= 140 || diastolic >= 90;

    /// <summary>Anaemia in pregnancy: haemoglobin below 110 g/L.</summary>
    public static bool Anaemic(int? haemoglobin) => haemoglobin < 110;

    /// <summary>What the figures of an antenatal check show abnormal, with the advice the form's 异常 carries.</summary>
    public static IReadOnlyList<(string Key, string Name)> Findings { get; } =
        [("bp", "血压≥140/90 mmHg，建议转诊上级医疗机构产科"), ("hb", "血红蛋白<110 g/L（贫血）"), ("fhr", "胎心率不在110～160次/分，建议转诊"), ("other", "其他异常")];

    /// <summary>The findings of a check's figures, as keys of <see cref="Findings"/>.</summary>
    public static IReadOnlyList<string> FindingsOf(int? systolic, int? diastolic, int? haemoglobin, int? fetalHeartRate, bool other) =>
        new[] { ("bp", Hypertensive(systolic, diastolic)), ("hb", Anaemic(haemoglobin)), ("fhr", fetalHeartRate is < 110 or > 160), ("other", other) }
            .Where(f => f.Item2).Select(f => f.Item1).ToList();

    /// <summary>The exam items of the postpartum visit and the 42-day check (1 未见异常 / 2 异常 each).</summary>
    public static IReadOnlyList<(string Key, string Name)> PostpartumItems { get; } =
        [("breast", "乳房"), ("lochia", "恶露"), ("uterus", "子宫"), ("wound", "伤口")];

    /// <summary>The exam items of the first check (听诊 and 妇科检查).</summary>
    public static IReadOnlyList<(string Key, string Name)> FirstCheckItems { get; } =
        [("heart", "心脏"), ("lungs", "肺部"), ("vulva", "外阴"), ("vagina", "阴道"), ("cervix", "宫颈"), ("uterus", "子宫"), ("adnexa", "附件")];

    /// <summary>保健指导 per form, in the form's order (the lists differ between the contacts).</summary>
    public static IReadOnlyList<(string Key, string Name)> GuidanceOf(MaternalContact contact) => contact switch
    {
        MaternalContact.FirstAntenatal => [("lifestyle", "生活方式"), ("mind", "心理"), ("nutrition", "营养"), ("teratogens", "避免致畸因素和疾病对胚胎的不良影响"), ("screening", "产前筛查宣传告知")],
        MaternalContact.Antenatal => [("lifestyle", "生活方式"), ("nutrition", "营养"), ("mind", "心理"), ("exercise", "运动"), ("selfmonitor", "自我监测"), ("birth", "分娩准备"), ("breastfeeding", "母乳喂养")],
        MaternalContact.Postpartum => [("hygiene", "个人卫生"), ("mind", "心理"), ("nutrition", "营养"), ("breastfeeding", "母乳喂养"), ("newborn", "新生儿护理与喂养")],
        _ => [("mind", "心理保健"), ("contraception", "性保健与避孕"), ("infant", "婴儿喂养"), ("nutrition", "产妇营养")],
    };

    public static string ContactName(MaternalContact contact, int number) => contact switch
    {
        MaternalContact.FirstAntenatal => "第1次产前检查（建册）",
        MaternalContact.Antenatal => number <= 5 ? $"第{number}次产前随访" : $"增加的产前随访（第{number}次）",
        MaternalContact.Postpartum => "产后访视",
        _ => "产后42天健康检查",
    };

    public static string StatusName(PregnancyStatus status) => status switch
    {
        PregnancyStatus.Antenatal => "孕期",
        PregnancyStatus.Delivered => "产后",
        PregnancyStatus.Closed => "已结案",
        _ => "已终止",
    };

    public static string DeliveryModeName(DeliveryMode mode) => mode switch
    {
        Domain.DeliveryMode.Vaginal => "顺产",
        Domain.DeliveryMode.Vacuum => "胎头吸引",
        Domain.DeliveryMode.Forceps => "产钳",
        _ => "剖宫产",
    };
}

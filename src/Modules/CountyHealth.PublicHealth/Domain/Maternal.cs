using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Reference;

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

/// <summary>
/// A baby of a delivery, registered in the resident index into its mother's household (新生儿登记): the link between
/// the mother's postpartum care and the child's own (the newborn visit, the check-ups, the vaccinations).
/// </summary>
internal sealed class PregnancyNewborn : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PregnancyId { get; set; }
    public Guid MotherId { get; set; }

    /// <summary>The baby in the resident index.</summary>
    public Guid ResidentId { get; set; }
    public string RegisteredBy { get; set; } = "";
    public DateTime RegisteredAt { get; set; }

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
/// The maternal visit windows and the antenatal findings' thresholds (Resources/maternal-schedule.tsv, corrected by the
/// administrator as the reference table <c>phs.maternal-schedule</c>).
/// </summary>
public sealed record MaternalSchedule(IReadOnlyList<(int Number, int From, int To)> Windows, int PostpartumWithinDays, int Check42From, int Check42OverdueAfter,
    int HypertensiveSystolic, int HypertensiveDiastolic, int AnaemicBelow, int FetalHeartLow, int FetalHeartHigh)
{
    private static readonly RuleFigure[] Figures =
    [
        new("visit2_from_week", "第2次产前随访起始孕周", 13, 42), new("visit2_to_week", "第2次产前随访截止孕周", 13, 42),
        new("visit3_from_week", "第3次产前随访起始孕周", 13, 42), new("visit3_to_week", "第3次产前随访截止孕周", 13, 42),
        new("visit4_from_week", "第4次产前随访起始孕周", 13, 42), new("visit4_to_week", "第4次产前随访截止孕周", 13, 42),
        new("visit5_from_week", "第5次产前随访起始孕周", 13, 42), new("visit5_to_week", "第5次产前随访截止孕周", 13, 42),
        new("postpartum_within_days", "产后访视天数", 1, 28),
        new("check42_from_days", "产后42天健康检查起始天数", MaternalRules.Check42Earliest, 90),
        new("check42_overdue_days", "产后42天健康检查逾期天数", MaternalRules.Check42Earliest, 120),
        new("hypertensive_systolic", "异常的收缩压", 100, 200), new("hypertensive_diastolic", "异常的舒张压", 60, 130),
        new("anaemic_below", "贫血的血红蛋白", 60, 150),
        new("fetal_heart_low", "胎心率下限", 60, 200), new("fetal_heart_high", "胎心率上限", 60, 220),
    ];

    /// <summary>Reads the table; windows out of order or overlapping, and limits the wrong way round, are refused.</summary>
    public static MaternalSchedule Parse(string text)
    {
        var f = RuleFigures.Parse(text, Figures);
        var windows = Enumerable.Range(2, 4).Select(n => (Number: n, From: f.Whole($"visit{n}_from_week") * 7, To: (f.Whole($"visit{n}_to_week") * 7) + 6)).ToList();
        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i].To < windows[i].From)
            {
                throw new FormatException($"第{windows[i].Number}次产前随访的截止孕周早于起始孕周");
            }
            if (i > 0 && windows[i].From <= windows[i - 1].To)
            {
                throw new FormatException($"第{windows[i].Number}次产前随访应从第{windows[i - 1].Number}次的截止孕周之后开始");
            }
        }
        var s = new MaternalSchedule(windows, f.Whole("postpartum_within_days"), f.Whole("check42_from_days"), f.Whole("check42_overdue_days"),
            f.Whole("hypertensive_systolic"), f.Whole("hypertensive_diastolic"), f.Whole("anaemic_below"), f.Whole("fetal_heart_low"), f.Whole("fetal_heart_high"));
        if (s.Check42OverdueAfter <= s.Check42From)
        {
            throw new FormatException("产后42天健康检查的逾期天数应大于起始天数");
        }
        if (s.FetalHeartHigh <= s.FetalHeartLow)
        {
            throw new FormatException("胎心率上限应大于下限");
        }
        return s;
    }

    public string Describe() =>
        $"第1次产前检查（建册）在孕{MaternalRules.EarlyBeforeDays / 7}周前，其后" + string.Join("、", Windows.Select(w => $"孕{w.From / 7}～{w.To / 7}周")) +
        $"各随访1次；出院后{PostpartumWithinDays}天内产后访视，分娩后{Check42From}天起产后42天健康检查（超过{Check42OverdueAfter}天为逾期）。" +
        $"血压≥{HypertensiveSystolic}/{HypertensiveDiastolic} mmHg、血红蛋白<{AnaemicBelow} g/L、胎心率不在{FetalHeartLow}～{FetalHeartHigh}次/分记为异常。";

    /// <summary>
    /// The next antenatal visit: the first window that begins after the last visit's gestation (a woman seen late
    /// skips the windows she is past; an extra visit inside a window leaves the next window as it was). After the last
    /// window the delivery is awaited.
    /// </summary>
    public MaternalRules.Next NextAntenatal(DateOnly dueDate, int lastGestationDays)
    {
        var start = MaternalRules.PeriodStart(dueDate);
        foreach (var (_, from, to) in Windows)
        {
            if (from > lastGestationDays)
            {
                return new MaternalRules.Next($"产前随访（孕{MaternalRules.Weeks(from)}～{MaternalRules.Weeks(to)}）", start.AddDays(from), start.AddDays(to));
            }
        }
        return new MaternalRules.Next("待分娩（预产期 " + dueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "）", null, null);
    }

    /// <summary>After the delivery: the postpartum visit within a week of discharge, then the 42-day check.</summary>
    public MaternalRules.Next NextAfterDelivery(DateOnly deliveredOn, DateOnly dischargedOn, bool postpartumDone) => postpartumDone
        ? new MaternalRules.Next("产后42天健康检查", deliveredOn.AddDays(Check42From), deliveredOn.AddDays(Check42OverdueAfter))
        : new MaternalRules.Next($"产后访视（出院后{PostpartumWithinDays}天内）", dischargedOn, dischargedOn.AddDays(PostpartumWithinDays));

    /// <summary>Blood pressure that the forms mark for referral in pregnancy (妊娠期高血压: ≥ 140/90).</summary>
    public bool Hypertensive(int? systolic, int? diastolic) => systolic >= HypertensiveSystolic || diastolic >= HypertensiveDiastolic;

    /// <summary>Anaemia in pregnancy: haemoglobin below 110 g/L.</summary>
    public bool Anaemic(int? haemoglobin) => haemoglobin < AnaemicBelow;

    /// <summary>What the figures of an antenatal check show abnormal, with the advice the form's 异常 carries.</summary>
    public IReadOnlyList<(string Key, string Name)> Findings =>
        [("bp", $"血压≥{HypertensiveSystolic}/{HypertensiveDiastolic} mmHg，建议转诊上级医疗机构产科"), ("hb", $"血红蛋白<{AnaemicBelow} g/L（贫血）"),
            ("fhr", $"胎心率不在{FetalHeartLow}～{FetalHeartHigh}次/分，建议转诊"), ("other", "其他异常")];

    /// <summary>The findings of a check's figures, as keys of <see cref="Findings"/>.</summary>
    public IReadOnlyList<string> FindingsOf(int? systolic, int? diastolic, int? haemoglobin, int? fetalHeartRate, bool other) =>
        new[] { ("bp", Hypertensive(systolic, diastolic)), ("hb", Anaemic(haemoglobin)), ("fhr", fetalHeartRate < FetalHeartLow || fetalHeartRate > FetalHeartHigh), ("other", other) }
            .Where(f => f.Item2).Select(f => f.Item1).ToList();
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

    /// <summary>产后访视率 counts a visit within 28 days of discharge (the service is due within 7: they differ on purpose).</summary>
    public const int PostpartumCountedDays = 28;

    /// <summary>The 42-day check is refused before 4 weeks after the delivery (its due window is in <see cref="MaternalSchedule"/>).</summary>
    public const int Check42Earliest = 28;

    public static DateOnly DueDate(DateOnly lastPeriod) => lastPeriod.AddDays(TermDays);

    /// <summary>The first day of pregnancy by dating: the last period, or the due date less 280 days.</summary>
    public static DateOnly PeriodStart(DateOnly dueDate) => dueDate.AddDays(-TermDays);

    public static int GestationDays(DateOnly dueDate, DateOnly day) => day.DayNumber - PeriodStart(dueDate).DayNumber;

    /// <summary>Gestation as it is written: 孕12⁺⁶周 → "12+6周".</summary>
    public static string Weeks(int days) => days % 7 == 0 ? $"{days / 7}周" : $"{days / 7}+{days % 7}周";

    public static bool Early(int gestationDaysAtRegistration) => gestationDaysAtRegistration < EarlyBeforeDays;

    /// <summary>The next contact due for a pregnancy, from when, and overdue after when (null dates: nothing is due).</summary>
    public sealed record Next(string Name, DateOnly? From, DateOnly? By);

    /// <summary>产后访视率's numerator: a visit from discharge to 28 days after it.</summary>
    public static bool PostpartumCounted(DateOnly dischargedOn, DateOnly visitedOn) =>
        visitedOn >= dischargedOn && visitedOn.DayNumber - dischargedOn.DayNumber <= PostpartumCountedDays;

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

    /// <summary>
    /// The name a baby is registered under before it has one, as maternity wards write it: 王芳之女; with the birth order
    /// after it when the delivery had more than one live birth (王芳之子2).
    /// </summary>
    public static string NewbornName(string motherName, Residents.Contracts.Sex sex, int order, int liveBirths) =>
        $"{motherName}之{(sex == Residents.Contracts.Sex.Male ? "子" : "女")}{(liveBirths > 1 ? order.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}";

    public static string DeliveryModeName(DeliveryMode mode) => mode switch
    {
        Domain.DeliveryMode.Vaginal => "顺产",
        Domain.DeliveryMode.Vacuum => "胎头吸引",
        Domain.DeliveryMode.Forceps => "产钳",
        _ => "剖宫产",
    };
}

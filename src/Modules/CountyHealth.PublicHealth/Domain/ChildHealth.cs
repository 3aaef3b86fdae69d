using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Text;

namespace CountyHealth.PublicHealth.Domain;

/// <summary>The paper form a contact is recorded on (§3.2): the newborn visit, 1～8月龄, 12～30月龄, 3～6岁 (the 36-month check is on it).</summary>
public enum ChildForm
{
    Newborn = 1,
    Infant = 2,
    Toddler = 3,
    Preschool = 4,
}

/// <summary>A test done at some contacts (§3.1).</summary>
public enum ChildTest
{
    Haemoglobin = 1,
    Hearing = 2,
    Vision = 3,
}

/// <summary>体重、身长（身高）的评价: 1 上, 2 中, 3 下.</summary>
public enum GrowthRating
{
    Upper = 1,
    Middle = 2,
    Lower = 3,
}

/// <summary>体格发育评价 of the 3～6岁 form: 1 正常, 2 低体重, 3 消瘦, 4 生长迟缓, 5 超重.</summary>
public enum GrowthAssessment
{
    Normal = 1,
    Underweight = 2,
    Wasting = 3,
    Stunting = 4,
    Overweight = 5,
}

/// <summary>喂养方式 of the newborn visit: 1 纯母乳, 2 混合, 3 人工.</summary>
public enum Feeding
{
    Breast = 1,
    Mixed = 2,
    Formula = 3,
}

/// <summary>新生儿听力筛查: 1 通过, 2 未通过, 3 未筛查, 4 不详.</summary>
public enum NewbornHearing
{
    Passed = 1,
    Failed = 2,
    NotScreened = 3,
    Unknown = 4,
}

/// <summary>
/// One contact of the child health schedule as a line of its table (Resources/child-check-schedule.tsv): its key, its
/// name, the age from which it is due, the age from which it is overdue, its form, the tests done at it, and the four
/// warning signs of the age (none before 3 months).
/// </summary>
public sealed record ChildContact(string Key, string Name, AgeSpan Due, AgeSpan OverdueFrom, ChildForm Form, IReadOnlyList<ChildTest> Tests, IReadOnlyList<string> WarningSigns)
{
    public bool Has(ChildTest test) => Tests.Contains(test);

    public DateOnly DueOn(DateOnly birth) => Due.After(birth);

    /// <summary>The last day the contact is due rather than overdue.</summary>
    public DateOnly LastDueDay(DateOnly birth) => OverdueFrom.After(birth).AddDays(-1);
}

/// <summary>The child health schedule read from its tab-separated file: the 13 contacts in order of age.</summary>
public sealed class ChildCheckSchedule
{
    public ChildCheckSchedule(IReadOnlyList<ChildContact> contacts) => Contacts = contacts;

    public IReadOnlyList<ChildContact> Contacts { get; }

    public ChildContact? Find(string key) => Contacts.FirstOrDefault(c => c.Key == key);

    /// <summary>The contact after <paramref name="contact"/>, or null after the last.</summary>
    public ChildContact? After(ChildContact contact) => Contacts.SkipWhile(c => c.Key != contact.Key).Skip(1).FirstOrDefault();

    /// <summary>Reads the table; a malformed line throws with its number (the start refuses a table it cannot read).</summary>
    public static ChildCheckSchedule Parse(string text)
    {
        var list = new List<ChildContact>();
        foreach (var (n, c) in TabSeparated.Rows(text))
        {
            if (c.Length != 10)
            {
                throw new FormatException($"第 {n} 行：应有 10 列（以制表符分隔），实为 {c.Length} 列");
            }
            AgeSpan Span(int i, string what) => AgeSpan.TryParse(c[i], out var s) ? s : throw new FormatException($"第 {n} 行：{what}“{c[i]}”应写作 0d、6m 或 4y（天、月、岁）");
            if (c[0].Length == 0 || c[1].Length == 0)
            {
                throw new FormatException($"第 {n} 行：检查代码和名称都须填写");
            }
            if (list.Any(x => x.Key == c[0]))
            {
                throw new FormatException($"第 {n} 行：检查代码 {c[0]} 重复");
            }
            var form = c[4] switch
            {
                "newborn" => ChildForm.Newborn,
                "infant" => ChildForm.Infant,
                "toddler" => ChildForm.Toddler,
                "preschool" => ChildForm.Preschool,
                _ => throw new FormatException($"第 {n} 行：表单“{c[4]}”应为 newborn、infant、toddler 或 preschool"),
            };
            var tests = c[5].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t switch
            {
                "hb" => ChildTest.Haemoglobin,
                "hearing" => ChildTest.Hearing,
                "vision" => ChildTest.Vision,
                _ => throw new FormatException($"第 {n} 行：检查项目“{t}”应为 hb、hearing 或 vision"),
            }).ToList();
            var signs = c[6..10].Where(s => s.Length > 0).ToList();
            if (signs.Count is not (0 or ChildCheckRules.SignsPerAge))
            {
                throw new FormatException($"第 {n} 行：预警征象应填 {ChildCheckRules.SignsPerAge} 条或不填，实为 {signs.Count} 条");
            }
            var row = new ChildContact(c[0], c[1], Span(2, "应查月龄"), Span(3, "逾期月龄"), form, tests, signs);
            var birth = new DateOnly(2000, 1, 1);
            if (row.OverdueFrom.After(birth) <= row.Due.After(birth))
            {
                throw new FormatException($"第 {n} 行：逾期月龄 {c[3]} 应晚于应查月龄 {c[2]}");
            }
            if (list.Count > 0 && row.Due.After(birth) <= list[^1].Due.After(birth))
            {
                throw new FormatException($"第 {n} 行：各次检查须按月龄从小到大排列");
            }
            list.Add(row);
        }
        if (list.Count == 0)
        {
            throw new FormatException("表中没有任何检查");
        }
        return new ChildCheckSchedule(list);
    }
}

/// <summary>Where a contact stands for a child on a day.</summary>
public enum ContactStatus
{
    /// <summary>Recorded.</summary>
    Done = 1,
    /// <summary>Not yet due.</summary>
    Upcoming = 2,
    /// <summary>Within its window.</summary>
    Due = 3,
    /// <summary>Past its window, before the next contact falls due.</summary>
    Overdue = 4,
    /// <summary>Not done when the next contact fell due (or the child turned seven): no longer recorded, not blocking.</summary>
    Missed = 5,
}

/// <summary>One contact for one child: its days and where it stands.</summary>
public sealed record ContactState(ChildContact Contact, DateOnly DueOn, DateOnly LastDueDay, DateOnly MissedFrom, ContactStatus Status, DateOnly? DoneOn);

/// <summary>
/// The child health schedule's rules (规范 第三版, ../shared/domain/phs-forms-and-schedules.md §3): each contact may be
/// recorded from its due age until the next contact falls due (the 6-year check until the seventh birthday); it is due
/// until its window ends, overdue after, and missed — not blocking the next — once the next falls due undone.
/// </summary>
public static class ChildCheckRules
{
    /// <summary>Children are managed until their seventh birthday (0～6岁).</summary>
    public const int UntilYears = 7;

    public const int SignsPerAge = 4;

    /// <summary>The day the contact stops being recordable: the next contact's due day, or the seventh birthday after the last.</summary>
    public static DateOnly MissedFrom(ChildCheckSchedule schedule, ChildContact contact, DateOnly birth) =>
        schedule.After(contact) is { } next ? next.DueOn(birth) : birth.AddYears(UntilYears);

    /// <summary>Every contact of the schedule for a child, with its days and its status on <paramref name="today"/>.</summary>
    public static IReadOnlyList<ContactState> States(ChildCheckSchedule schedule, DateOnly birth, IReadOnlyDictionary<string, DateOnly> done, DateOnly today) =>
        schedule.Contacts.Select(c =>
        {
            var (due, last, missed) = (c.DueOn(birth), c.LastDueDay(birth), MissedFrom(schedule, c, birth));
            DateOnly? on = done.TryGetValue(c.Key, out var d) ? d : null;
            var status = on is not null ? ContactStatus.Done
                : today < due ? ContactStatus.Upcoming
                : today >= missed ? ContactStatus.Missed
                : today <= last ? ContactStatus.Due
                : ContactStatus.Overdue;
            return new ContactState(c, due, last, missed, status, on);
        }).ToList();

    /// <summary>The next contact to do: the first neither done nor missed (due, overdue or upcoming), or null when none is left.</summary>
    public static ContactState? Next(ChildCheckSchedule schedule, DateOnly birth, IReadOnlyDictionary<string, DateOnly> done, DateOnly today) =>
        States(schedule, birth, done, today).FirstOrDefault(s => s.Status is ContactStatus.Due or ContactStatus.Overdue or ContactStatus.Upcoming);

    /// <summary>
    /// Why a contact cannot be recorded on a day (null when it can): before birth, at seven or older, before the contact's
    /// age, or once the next contact has fallen due (the check of that day is the next contact).
    /// </summary>
    public static string? WindowProblem(ChildCheckSchedule schedule, ChildContact contact, DateOnly birth, DateOnly date)
    {
        if (date < birth)
        {
            return "检查日期不能早于出生日期";
        }
        if (date >= birth.AddYears(UntilYears))
        {
            return $"该儿童在检查日已满{UntilYears}岁，不在0～6岁儿童健康管理范围";
        }
        if (date < contact.DueOn(birth))
        {
            return $"{contact.Name}检查自{AgeText(contact.Due)}起进行（该儿童{ChinaDate(contact.DueOn(birth))}满{AgeText(contact.Due)}）";
        }
        var missed = MissedFrom(schedule, contact, birth);
        if (date >= missed)
        {
            return schedule.After(contact) is { } next
                ? $"{contact.Name}检查应在{ChinaDate(missed)}（{next.Name}）之前进行；该日应记录为{next.Name}或之后的检查"
                : $"{contact.Name}检查应在{ChinaDate(missed)}之前进行";
        }
        return null;
    }

    /// <summary>An age as the schedule names it: "28天", "3月龄", "4岁" (36 months is "3岁").</summary>
    public static string AgeText(AgeSpan age) => age switch
    {
        { Unit: 'd' } => $"{age.Count}天",
        { Unit: 'm', Count: >= 36 } when age.Count % 12 == 0 => $"{age.Count / 12}岁",
        { Unit: 'm' } => $"{age.Count}月龄",
        _ => $"{age.Count}岁",
    };

    private static string ChinaDate(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Plausible bounds of the measurements on each form: a figure outside them is a typing error.</summary>
    public sealed record Bounds(decimal WeightMin, decimal WeightMax, decimal LengthMin, decimal LengthMax);

    public static Bounds BoundsOf(ChildForm form) => form switch
    {
        ChildForm.Newborn => new(1.0m, 7.0m, 35m, 65m),
        ChildForm.Infant => new(2.0m, 15.0m, 45m, 85m),
        ChildForm.Toddler => new(5.0m, 25.0m, 60m, 110m),
        _ => new(8.0m, 45.0m, 75m, 145m),
    };

    public const decimal HeadMin = 30m;
    public const decimal HeadMax = 55m;
    public const int HbMin = 40;
    public const int HbMax = 200;
    public const decimal VisionMin = 3.0m;
    public const decimal VisionMax = 5.3m;
    public const int GestationMin = 24;
    public const int GestationMax = 44;
    public const decimal BirthWeightMin = 0.5m;
    public const decimal BirthWeightMax = 6.5m;

    /// <summary>两次随访间患病情况: 1 无, 2 肺炎, 3 腹泻, 4 外伤, 5 其他.</summary>
    public static readonly IReadOnlyList<(int Code, string Name)> Illnesses = [(1, "无"), (2, "肺炎"), (3, "腹泻"), (4, "外伤"), (5, "其他")];

    /// <summary>黄疸部位: 1 无, 2 面部, 3 躯干, 4 四肢, 5 手足.</summary>
    public static readonly IReadOnlyList<(int Code, string Name)> Jaundice = [(1, "无"), (2, "面部"), (3, "躯干"), (4, "四肢"), (5, "手足")];

    /// <summary>脐带: 1 未脱, 2 脱落, 3 脐部有渗出, 4 其他.</summary>
    public static readonly IReadOnlyList<(int Code, string Name)> Cord = [(1, "未脱"), (2, "脱落"), (3, "脐部有渗出"), (4, "其他")];

    /// <summary>新生儿疾病筛查: 1 未进行, 2 检查均阴性, 3 甲低, 4 苯丙酮尿症, 5 其他遗传代谢病.</summary>
    public static readonly IReadOnlyList<(int Code, string Name)> MetabolicScreen = [(1, "未进行"), (2, "检查均阴性"), (3, "甲低"), (4, "苯丙酮尿症"), (5, "其他遗传代谢病")];

    /// <summary>指导, whose first item the forms word differently: 喂养 (newborn), 科学喂养 (to 30 months), 合理膳食 (3～6岁).</summary>
    public static IReadOnlyList<(int Code, string Name)> Guidance(ChildForm form) =>
        form switch
        {
            ChildForm.Newborn => [(1, "喂养"), (2, "发育"), (3, "防病"), (4, "预防伤害"), (5, "口腔保健"), (6, "其他")],
            ChildForm.Preschool => [(1, "合理膳食"), (2, "生长发育"), (3, "疾病预防"), (4, "预防伤害"), (5, "口腔保健"), (6, "其他")],
            _ => [(1, "科学喂养"), (2, "生长发育"), (3, "疾病预防"), (4, "预防伤害"), (5, "口腔保健"), (6, "其他")],
        };

    /// <summary>
    /// Codes of a multi-select item as stored ("2,3"): distinct, in the table's order. A "none" code (1 无 / 1 未进行)
    /// together with another is a contradiction the caller refuses.
    /// </summary>
    public static string Codes(IEnumerable<int>? codes) => string.Join(",", (codes ?? []).Distinct().Order());

    public static IReadOnlyList<int> ParseCodes(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public static string Names(string? stored, IReadOnlyList<(int Code, string Name)> table) =>
        string.Join("、", ParseCodes(stored).Select(c => table.FirstOrDefault(t => t.Code == c).Name ?? c.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static string RatingName(GrowthRating r) => r switch { GrowthRating.Upper => "上", GrowthRating.Middle => "中", _ => "下" };

    public static string AssessmentName(GrowthAssessment a) => a switch
    {
        GrowthAssessment.Normal => "正常",
        GrowthAssessment.Underweight => "低体重",
        GrowthAssessment.Wasting => "消瘦",
        GrowthAssessment.Stunting => "生长迟缓",
        _ => "超重",
    };

    public static string FeedingName(Feeding f) => f switch { Feeding.Breast => "纯母乳", Feeding.Mixed => "混合", _ => "人工" };

    public static string HearingScreenName(NewbornHearing h) => h switch
    {
        NewbornHearing.Passed => "通过",
        NewbornHearing.Failed => "未通过",
        NewbornHearing.NotScreened => "未筛查",
        _ => "不详",
    };

    public static string StatusName(ContactStatus s) => s switch
    {
        ContactStatus.Done => "已完成",
        ContactStatus.Upcoming => "未到期",
        ContactStatus.Due => "应检查",
        ContactStatus.Overdue => "逾期",
        _ => "已错过",
    };
}

/// <summary>
/// A contact of the child health schedule (新生儿家庭访视 or 儿童健康检查) on its form's fields: the measurements with
/// their ratings, the growth assessment (3～6岁), the tests due at the contact, the warning signs ticked (indices 0–3 of
/// the age's four), illness since the last visit, referral, guidance and the next date; for the newborn visit also the
/// birth facts, feeding, jaundice, cord and the two screens. Kept by the institution that manages the child.
/// </summary>
internal sealed class ChildCheck : IPersonalHealthData, IProgrammeService
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResidentId { get; set; }
    public Guid InstitutionId { get; set; }

    /// <summary>The contact's key in the schedule ("newborn", "m1", … "y6"); one of each per child.</summary>
    public string Contact { get; set; } = "";
    public DateOnly Date { get; set; }
    public decimal WeightKg { get; set; }
    public decimal? LengthCm { get; set; }
    public decimal? HeadCm { get; set; }
    public GrowthRating? WeightRating { get; set; }
    public GrowthRating? LengthRating { get; set; }
    public GrowthAssessment? Growth { get; set; }
    public int? HbGL { get; set; }
    public bool? HearingPassed { get; set; }
    public decimal? VisionLeft { get; set; }
    public decimal? VisionRight { get; set; }

    /// <summary>The indices (0–3) of the age's warning signs ticked, "0,2"; empty for none.</summary>
    public string WarningSigns { get; set; } = "";

    /// <summary>两次随访间患病情况 codes, "2,3"; empty on the newborn visit.</summary>
    public string Illness { get; set; } = "";
    public bool Referral { get; set; }
    public string? ReferralReason { get; set; }

    /// <summary>指导 codes, "1,2".</summary>
    public string Guidance { get; set; } = "";
    public DateOnly? NextDate { get; set; }
    public int? GestationalWeeks { get; set; }
    public decimal? BirthWeightKg { get; set; }
    public Feeding? Feeding { get; set; }
    public string? Jaundice { get; set; }
    public string? Cord { get; set; }
    public NewbornHearing? HearingScreen { get; set; }
    public string? MetabolicScreen { get; set; }
    public string DoctorName { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;
}

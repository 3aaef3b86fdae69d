namespace CountyHealth.PublicHealth.Domain;

/// <summary>活动形式 of a health-education activity record.</summary>
public enum EducationKind
{
    /// <summary>健康知识讲座.</summary>
    Talk = 1,
    /// <summary>公众健康咨询活动 (on health theme days).</summary>
    Consultation = 2,
    /// <summary>宣传栏 content changed.</summary>
    BoardUpdate = 3,
    /// <summary>印刷资料 handed out (a kind of leaflet, handbook, prescription).</summary>
    PrintedMaterial = 4,
    /// <summary>音像资料 shown.</summary>
    AudioVisual = 5,
    /// <summary>义诊 outreach clinic.</summary>
    OutreachClinic = 6,
}

/// <summary>
/// 健康教育活动记录表, one per activity (../shared/domain/phs-forms-and-schedules.md §7.2): when, where, what form and
/// topic, organiser and speaker, audience and its size, materials handed out, content and evaluation, and which archive
/// material is kept. No resident's data: it is the institution's work record.
/// </summary>
internal sealed class EducationActivity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public DateOnly Date { get; set; }
    public EducationKind Kind { get; set; }
    public string Place { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Organiser { get; set; } = "";
    public string? Speaker { get; set; }
    public string Audience { get; set; } = "";
    public int AudienceCount { get; set; }
    public int MaterialKinds { get; set; }
    public int MaterialCount { get; set; }
    public string Content { get; set; } = "";
    public string? Evaluation { get; set; }
    public string Archive { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

/// <summary>
/// The yearly volume the specification requires of an institution (§7.1): a township centre ≥ 12 talks, ≥ 9
/// consultation events, two boards changed at least every two months (≥ 12 changes), ≥ 12 kinds of printed material and
/// ≥ 6 of audio-visual; a village clinic ≥ 6 talks and one board changed ≥ 6 times. Outreach clinics have no number.
/// </summary>
public static class EducationRules
{
    public static int? Required(EducationKind kind, bool villageClinic) => (kind, villageClinic) switch
    {
        (EducationKind.Talk, false) => 12,
        (EducationKind.Talk, true) => 6,
        (EducationKind.Consultation, false) => 9,
        (EducationKind.BoardUpdate, false) => 12,
        (EducationKind.BoardUpdate, true) => 6,
        (EducationKind.PrintedMaterial, false) => 12,
        (EducationKind.AudioVisual, false) => 6,
        _ => null,
    };

    /// <summary>
    /// What counts toward a form's yearly volume. Printed and audio-visual material are required in kinds (§7.1 "≥ 12
    /// kinds a year"), not in hand-outs: a material given out or shown again under the same title counts once, and a
    /// record of several kinds under one title counts its kinds. Every other form counts its activities.
    /// </summary>
    public static int Done(EducationKind kind, IEnumerable<(string Topic, int MaterialKinds)> records) => CountsKinds(kind)
        ? records.GroupBy(r => string.Concat(r.Topic.Where(c => !char.IsWhiteSpace(c)))).Sum(g => Math.Max(1, g.Max(r => r.MaterialKinds)))
        : records.Count();

    /// <summary>The unit a form's volume is counted in: 种 for material, 次 for activities.</summary>
    public static string Unit(EducationKind kind) => CountsKinds(kind) ? "种" : "次";

    private static bool CountsKinds(EducationKind kind) => kind is EducationKind.PrintedMaterial or EducationKind.AudioVisual;

    /// <summary>时间过半任务过半: the share of the year's requirement due by a day (the months begun, of twelve).</summary>
    public static int DueBy(int required, DateOnly day) => (int)Math.Ceiling(required * day.Month / 12m);

    public static string KindName(EducationKind kind) => kind switch
    {
        EducationKind.Talk => "健康知识讲座",
        EducationKind.Consultation => "公众健康咨询活动",
        EducationKind.BoardUpdate => "宣传栏更换",
        EducationKind.PrintedMaterial => "印刷资料发放",
        EducationKind.AudioVisual => "音像资料播放",
        _ => "义诊",
    };

    public static string Key(EducationKind kind) => kind switch
    {
        EducationKind.Talk => "talk",
        EducationKind.Consultation => "consultation",
        EducationKind.BoardUpdate => "board",
        EducationKind.PrintedMaterial => "print",
        EducationKind.AudioVisual => "av",
        _ => "outreach",
    };

    /// <summary>存档材料 of the record (1 书面 … 6 其他).</summary>
    public static IReadOnlyList<(string Key, string Name)> Archive { get; } =
        [("written", "书面材料"), ("photos", "图片材料"), ("printed", "印刷材料"), ("av", "影音材料"), ("signin", "签到表"), ("other", "其他材料")];
}

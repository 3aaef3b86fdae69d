using CountyHealth.Kernel.Auditing;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.Surveillance.Domain;

/// <summary>Where a card stands: drafted from a diagnosis, sent (网络直报), accepted or returned by the CDC, withdrawn.</summary>
public enum CardStatus
{
    Draft = 1,
    Submitted = 2,
    Accepted = 3,
    Returned = 4,
    Withdrawn = 5,
}

/// <summary>报卡类别: the first report of a case, or a correction (订正) of an accepted card.</summary>
public enum CardKind
{
    Initial = 1,
    Correction = 2,
}

/// <summary>病例分类.</summary>
public enum CaseClassification
{
    Suspected = 1,
    Clinical = 2,
    Confirmed = 3,
    Carrier = 4,
}

/// <summary>
/// A 传染病报告卡 (2019 revision of the national card): the patient as at the report, the disease and case, the dates,
/// and its way through submission and the CDC's review. A card is drafted when a doctor saves a notifiable diagnosis,
/// with its legal deadline; every step is kept in its history.
/// </summary>
internal sealed class ReportCard : IPersonalHealthData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string CardNumber { get; set; } = "";
    public CardKind Kind { get; set; } = CardKind.Initial;
    /// <summary>The accepted card a correction corrects.</summary>
    public Guid? CorrectsCardId { get; set; }
    /// <summary>The correction that replaced this accepted card.</summary>
    public Guid? CorrectedByCardId { get; set; }
    public Guid ResidentId { get; set; }
    /// <summary>The reporting institution (报告单位).</summary>
    public Guid InstitutionId { get; set; }
    public Guid? VisitId { get; set; }

    public string DiseaseCode { get; set; } = "";
    public string DiseaseName { get; set; } = "";
    public DiseaseClass DiseaseClass { get; set; }
    public bool AsClassA { get; set; }
    public string DiagnosisCode { get; set; } = "";
    public string DiagnosisName { get; set; } = "";

    public string PatientName { get; set; } = "";
    public string? ParentName { get; set; }
    public string? IdNumber { get; set; }
    public Sex Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Workplace { get; set; }
    public string? Phone { get; set; }
    public string? ResidenceCategory { get; set; }
    public string? Address { get; set; }
    public string? Occupation { get; set; }
    public CaseClassification? Classification { get; set; }
    public string? AcuteOrChronic { get; set; }
    public DateOnly? OnsetDate { get; set; }
    /// <summary>The diagnosis time (UTC): the reporting deadline counts from it.</summary>
    public DateTime DiagnosedAt { get; set; }
    public DateOnly? DeathDate { get; set; }
    public Guid? DoctorStaffId { get; set; }
    public string DoctorName { get; set; } = "";
    public string? Notes { get; set; }

    public CardStatus Status { get; set; } = CardStatus.Draft;
    public DateTime CreatedAt { get; set; }
    /// <summary>The legal deadline (UTC): the diagnosis time and 2 or 24 hours.</summary>
    public DateTime DueAt { get; set; }
    /// <summary>The first submission: the reporting timeliness is judged on it, however often the card is returned.</summary>
    public DateTime? FirstSubmittedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReturnReason { get; set; }
    public string? WithdrawReason { get; set; }
    public int Version { get; set; }

    public List<ReportCardEntry> History { get; set; } = [];

    Guid? IPersonalHealthData.AuditResidentId => ResidentId;

    public TimeSpan ReportWithin => DiseaseClass == DiseaseClass.A || AsClassA ? TimeSpan.FromHours(2) : TimeSpan.FromHours(24);

    public string StatusName => StatusNameOf(Status);

    public static string StatusNameOf(CardStatus s) => s switch
    {
        CardStatus.Draft => "待报告",
        CardStatus.Submitted => "待审核",
        CardStatus.Accepted => "已审核",
        CardStatus.Returned => "已退回",
        _ => "已删除",
    };

    public void Log(DateTime at, string by, string action, string? detail = null) =>
        History.Add(new ReportCardEntry { CardId = Id, At = at, By = by, Action = action, Detail = detail, Position = History.Count });
}

/// <summary>One step of a card's way (drafted, saved, submitted, accepted, returned, corrected, withdrawn), never changed.</summary>
internal sealed class ReportCardEntry : IPersonalHealthDataPart
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CardId { get; set; }
    public int Position { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Detail { get; set; }

    Guid IPersonalHealthDataPart.AuditOwnerId => CardId;

    string IPersonalHealthDataPart.AuditLabel => Detail is null ? Action : $"{Action}：{Detail}";
}

/// <summary>The card's code lists (2019 revision) and the fields a card cannot be sent without.</summary>
public static class CardRules
{
    public static IReadOnlyList<string> ResidenceCategories { get; } = ["本县区", "本市其他县区", "本省其它地市", "外省", "港澳台", "外籍"];

    /// <summary>人群分类: the card's 18 occupations.</summary>
    public static IReadOnlyList<string> Occupations { get; } =
    [
        "幼托儿童", "散居儿童", "学生（大中小学）", "教师", "保育员及保姆", "餐饮食品业", "商业服务", "医务人员", "工人",
        "民工", "农民", "牧民", "渔（船）民", "干部职员", "离退人员", "家务及待业", "其他", "不详",
    ];

    /// <summary>The diseases whose cards say acute or chronic (乙肝, 丙肝, 血吸虫病): the card asks it of hepatitis and schistosomiasis.</summary>
    public static IReadOnlyList<string> AcuteOrChronicDiseases { get; } = ["0204", "0227"];

    public static IReadOnlyList<string> AcuteOrChronicValues { get; } = ["急性", "慢性", "未分型"];

    /// <summary>A child this old or younger (实足年龄) is reported with a parent's name (患儿家长姓名).</summary>
    public const int ChildAge = 14;

    public static string ClassificationName(CaseClassification c) => c switch
    {
        CaseClassification.Suspected => "疑似病例",
        CaseClassification.Clinical => "临床诊断病例",
        CaseClassification.Confirmed => "确诊病例",
        _ => "病原携带者",
    };

    /// <summary>The card's fields as the form gives them, for the rules.</summary>
    public sealed record Fields(string? PatientName, string? ParentName, string? IdNumber, Sex Sex, DateOnly? BirthDate, string? ResidenceCategory, string? Address,
        string? Occupation, CaseClassification? Classification, string? AcuteOrChronic, string DiseaseCode, DateOnly? OnsetDate, DateOnly DiagnosisDay, DateOnly? DeathDate);

    /// <summary>
    /// What stops a card being sent: the required fields (marked * on the national card) and dates out of order. Keys
    /// are the request's field names; messages are Chinese. A draft may be saved incomplete; it is sent only without these.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Check(Fields f, DateOnly today)
    {
        var e = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(f.PatientName))
        {
            e.Add(("patientName", "请填写患者姓名"));
        }
        if (string.IsNullOrWhiteSpace(f.IdNumber))
        {
            e.Add(("idNumber", "请填写有效证件号"));
        }
        if (f.Sex == Sex.Unknown)
        {
            e.Add(("sex", "请选择性别"));
        }
        if (f.BirthDate is not { } birth)
        {
            e.Add(("birthDate", "请填写出生日期"));
        }
        else if (birth > f.DiagnosisDay)
        {
            e.Add(("birthDate", "出生日期不能晚于诊断日期"));
        }
        else if (Age.On(birth, f.DiagnosisDay) <= ChildAge && string.IsNullOrWhiteSpace(f.ParentName))
        {
            e.Add(("parentName", $"患者不满{ChildAge + 1}周岁，请填写患儿家长姓名"));
        }
        if (f.ResidenceCategory is null || !ResidenceCategories.Contains(f.ResidenceCategory))
        {
            e.Add(("residenceCategory", "请选择病人属于（本县区、本市其他县区……）"));
        }
        if (string.IsNullOrWhiteSpace(f.Address))
        {
            e.Add(("address", "请填写现住址"));
        }
        if (f.Occupation is null || !Occupations.Contains(f.Occupation))
        {
            e.Add(("occupation", "请选择人群分类"));
        }
        if (f.Classification is null)
        {
            e.Add(("classification", "请选择病例分类"));
        }
        if (AcuteOrChronicDiseases.Contains(f.DiseaseCode) && (f.AcuteOrChronic is null || !AcuteOrChronicValues.Contains(f.AcuteOrChronic)))
        {
            e.Add(("acuteOrChronic", "该病种请选择急性或慢性"));
        }
        if (f.OnsetDate is not { } onset)
        {
            e.Add(("onsetDate", "请填写发病日期"));
        }
        else if (onset > f.DiagnosisDay)
        {
            e.Add(("onsetDate", "发病日期不能晚于诊断日期"));
        }
        else if (f.BirthDate is { } b && onset < b)
        {
            e.Add(("onsetDate", "发病日期不能早于出生日期"));
        }
        if (f.DeathDate is { } death)
        {
            if (death > today)
            {
                e.Add(("deathDate", "死亡日期不能晚于今天"));
            }
            else if (f.OnsetDate is { } o && death < o)
            {
                e.Add(("deathDate", "死亡日期不能早于发病日期"));
            }
        }
        return e;
    }

    /// <summary>Whether a card was sent in time: first submitted by its deadline (at the deadline counts as in time).</summary>
    public static bool ReportedInTime(DateTime dueAt, DateTime? firstSubmittedAt) => firstSubmittedAt is { } s && s <= dueAt;

    /// <summary>Whether the CDC reviewed in time: within the same limit (2 or 24 hours) of the submission it reviewed.</summary>
    public static bool ReviewedInTime(TimeSpan within, DateTime? submittedAt, DateTime? reviewedAt) =>
        submittedAt is { } s && reviewedAt is { } r && r - s <= within;
}

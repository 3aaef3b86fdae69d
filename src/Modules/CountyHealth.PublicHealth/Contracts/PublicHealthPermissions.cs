using CountyHealth.Kernel.Security;

namespace CountyHealth.PublicHealth.Contracts;

/// <summary>Basic public health's permissions (their reach per role is in the permission matrix).</summary>
public static class PublicHealthPermissions
{
    /// <summary>Read programme records: who is managed, their follow-ups, the due lists.</summary>
    public const string Read = "phs.read";
    /// <summary>Enrol a patient in the hypertension or diabetes programme, record follow-ups, end the management.</summary>
    public const string Chronic = "phs.chronic";

    /// <summary>Read children's vaccination records: their cards, the due lists, the certificate checks.</summary>
    public const string ImmunisationRead = "imm.read";
    /// <summary>Record doses given (or copied from a certificate) and certificate checks at school entry.</summary>
    public const string Immunise = "imm.record";

    /// <summary>Record the annual health management of residents of 65 and over (self-care assessment, check, guidance).</summary>
    public const string Elderly = "phs.elderly";

    /// <summary>Register severe-mental-disorder patients, read and record their follow-ups (sensitive: reading needs this too).</summary>
    public const string Mental = "phs.mental";

    /// <summary>Register pregnancies (建册 with the first check), record antenatal visits, the delivery, the postpartum visit and the 42-day check.</summary>
    public const string Maternal = "phs.maternal";

    /// <summary>Register TB patients notified by the designated facility, read and record their visits, stop the treatment (reading needs this too).</summary>
    public const string Tuberculosis = "phs.tb";
    /// <summary>Record the contacts of children's health management from birth to six (newborn home visit, health checks).</summary>
    public const string Child = "phs.child";

    /// <summary>
    /// Read children's health management (the list of children and their checks): as far as <see cref="Read"/> reaches, and
    /// for the township nurses who do the checks (they have no <see cref="Read"/>).
    /// </summary>
    public const string ChildRead = "phs.child.read";

    /// <summary>Record the institution's health-education activities (talks, consultations, boards, materials, outreach clinics).</summary>
    public const string Education = "phs.education";

    /// <summary>Keep residents' health records: read them, make them (建档), update the basic information, close them.</summary>
    public const string Records = "phs.records";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(Read, "查阅公共卫生服务记录（慢病管理、随访、到期名单）", "公共卫生"),
        new(Chronic, "高血压、2型糖尿病患者纳入管理、随访、结案", "公共卫生"),
        new(Elderly, "65岁及以上老年人年度健康管理（自理能力评估、体检、健康指导）", "公共卫生"),
        new(Mental, "严重精神障碍患者登记、查阅与随访（敏感信息，查阅亦需本权限）", "公共卫生"),
        new(Maternal, "孕产妇健康管理（建册与产前检查、分娩登记、产后访视、产后42天检查）", "公共卫生"),
        new(Tuberculosis, "肺结核患者登记、查阅、入户与督导服药随访、停止治疗（传染病患者信息，查阅亦需本权限）", "公共卫生"),
        new(Child, "0～6岁儿童健康管理（新生儿访视、儿童健康检查）", "公共卫生"),
        new(ChildRead, "查阅0～6岁儿童健康管理记录（儿童名单、新生儿访视与健康检查记录）", "公共卫生"),
        new(Education, "健康教育活动记录（讲座、咨询、宣传栏、资料发放、义诊）", "公共卫生"),
        new(Records, "居民健康档案建档、查阅、维护个人基本信息、结案", "公共卫生"),
        new(ImmunisationRead, "查阅儿童预防接种记录（接种证、应种名单、查验记录）", "公共卫生"),
        new(Immunise, "登记疫苗接种、补录接种证记录、入托入学查验接种证", "公共卫生"),
    ];
}

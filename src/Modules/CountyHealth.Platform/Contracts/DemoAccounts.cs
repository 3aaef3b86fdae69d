namespace CountyHealth.Platform.Contracts;

/// <summary>A sign-in account of the demo county.</summary>
public sealed record DemoAccount(string UserName, string Role, string RoleName, string FullName, string InstitutionName, string? Department);

/// <summary>The demo county's accounts, one or more for every role; the host prints them when it starts.</summary>
public static class DemoAccounts
{
    /// <summary>The password of every demo account.</summary>
    public const string Password = "Demo2026";

    public const string CountyName = "清河县";
    public const string BureauName = "清河县卫生健康局";
    public const string HospitalName = "清河县人民医院";
    public const string CdcName = "清河县疾病预防控制中心";
    public const string SupervisionName = "清河县卫生健康综合监督执法局";
    public const string RegionCode = "130534";
    public const string ParentRegionName = "河北省邢台市";

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin", Roles.Admin, Roles.NameOf(Roles.Admin), "赵建国", BureauName, null),
        new("cashier", Roles.Cashier, Roles.NameOf(Roles.Cashier), "王丽娟", "葛仙庄镇卫生院", "收费处"),
        new("cashier2", Roles.Cashier, Roles.NameOf(Roles.Cashier), "田春梅", "葛仙庄镇卫生院", "收费处"),
        new("doctor", Roles.Doctor, Roles.NameOf(Roles.Doctor), "李卫东", "葛仙庄镇卫生院", "内科"),
        new("doctor2", Roles.Doctor, Roles.NameOf(Roles.Doctor), "陈晓燕", "葛仙庄镇卫生院", "全科"),
        new("pharmacist", Roles.Pharmacist, Roles.NameOf(Roles.Pharmacist), "张雅琴", "葛仙庄镇卫生院", "药房"),
        new("pharmacist2", Roles.Pharmacist, Roles.NameOf(Roles.Pharmacist), "刘志刚", "葛仙庄镇卫生院", "药房"),
        new("nurse", Roles.Nurse, Roles.NameOf(Roles.Nurse), "孙美玲", "葛仙庄镇卫生院", "内科"),
        new("publichealth", Roles.PublicHealthDoctor, Roles.NameOf(Roles.PublicHealthDoctor), "周海涛", "葛仙庄镇卫生院", "公共卫生科"),
        new("villagedoctor", Roles.VillageDoctor, Roles.NameOf(Roles.VillageDoctor), "吴长青", "东王庄村卫生室", "全科"),
        new("villagedoctor2", Roles.VillageDoctor, Roles.NameOf(Roles.VillageDoctor), "郑秀兰", "前屯村卫生室", "全科"),
        new("records", Roles.RecordsClerk, Roles.NameOf(Roles.RecordsClerk), "吕淑珍", "葛仙庄镇卫生院", "公共卫生科"),
        new("director", Roles.Director, Roles.NameOf(Roles.Director), "黄志明", "葛仙庄镇卫生院", null),
        new("hospital.cashier", Roles.Cashier, Roles.NameOf(Roles.Cashier), "马晓红", HospitalName, "收费处"),
        new("hospital.doctor", Roles.Doctor, Roles.NameOf(Roles.Doctor), "高振华", HospitalName, "内科"),
        new("cdc", Roles.Cdc, Roles.NameOf(Roles.Cdc), "林国庆", CdcName, null),
        new("inspector", Roles.Inspector, Roles.NameOf(Roles.Inspector), "何建平", SupervisionName, null),
        new("bureau", Roles.Bureau, Roles.NameOf(Roles.Bureau), "罗振宇", BureauName, null),
    ];
}

namespace CountyHealth.Platform.Contracts;

/// <summary>Role codes (stored in the account) and their Chinese names. A staff member may hold several.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Cashier = "cashier";
    public const string Doctor = "doctor";
    public const string Pharmacist = "pharmacist";
    public const string Nurse = "nurse";
    public const string PublicHealthDoctor = "publichealth";
    public const string VillageDoctor = "villagedoctor";
    /// <summary>Keeps the resident index: the one role that corrects a resident's identity (name, sex, birth date, ID number).</summary>
    public const string RecordsClerk = "recordsclerk";
    public const string Cdc = "cdc";
    public const string Inspector = "inspector";
    public const string Director = "director";
    public const string Bureau = "bureau";

    public static readonly IReadOnlyDictionary<string, string> ChineseNames = new Dictionary<string, string>
    {
        [Admin] = "系统管理员",
        [Cashier] = "挂号收费员",
        [Doctor] = "门诊医生",
        [Pharmacist] = "药剂师",
        [Nurse] = "护士",
        [PublicHealthDoctor] = "公卫医生",
        [VillageDoctor] = "村医",
        [RecordsClerk] = "档案管理员",
        [Cdc] = "疾控人员",
        [Inspector] = "卫生监督员",
        [Director] = "院长",
        [Bureau] = "卫生局",
    };

    public static string NameOf(string role) => ChineseNames.TryGetValue(role, out var n) ? n : role;
}

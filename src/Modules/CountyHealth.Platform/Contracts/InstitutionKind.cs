namespace CountyHealth.Platform.Contracts;

public enum InstitutionKind
{
    Bureau = 1,
    CountyHospital = 2,
    TownshipHealthCentre = 3,
    VillageClinic = 4,
    Cdc = 5,
    SupervisionInstitute = 6,
    Other = 9,
}

public static class InstitutionKinds
{
    public static string ChineseName(InstitutionKind kind) => kind switch
    {
        InstitutionKind.Bureau => "卫生健康局",
        InstitutionKind.CountyHospital => "县级医院",
        InstitutionKind.TownshipHealthCentre => "乡镇卫生院",
        InstitutionKind.VillageClinic => "村卫生室",
        InstitutionKind.Cdc => "疾控中心",
        InstitutionKind.SupervisionInstitute => "卫生监督所",
        _ => "其他",
    };
}

using System.Globalization;
using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Domain;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;

namespace CountyHealth.Server.Seeding;

/// <summary>A Western medicine in the demo formulary. Stock moves in base units; doses are prescribed in dose units.</summary>
internal sealed record DemoDrug(
    string Code,
    string GenericName,
    string Specification,
    string DosageForm,
    string DoseUnit,
    decimal DoseUnitsPerBaseUnit,
    string BaseUnit,
    int BaseUnitsPerPack,
    string PackUnit,
    string DefaultRoute,
    string DefaultFrequency,
    decimal DefaultDose,
    decimal PurchasePrice,
    decimal RetailPrice,
    string Manufacturer,
    bool NeedsSkinTest,
    string Category);

/// <summary>A chargeable service. Kind is Registration, Examination, Lab or Treatment.</summary>
internal sealed record DemoPriceItem(string Code, string Name, string Unit, decimal Price, string Kind);

/// <summary>A township with its health centre (乡镇卫生院) and village clinics (村卫生室).</summary>
internal sealed record DemoTownship(string Name, string HealthCentreName, IReadOnlyList<string> VillageClinicNames);

/// <summary>A department. Kind is Clinical, MedicalTechnology, Pharmacy, Administrative or PublicHealth.</summary>
internal sealed record DemoDepartment(string Name, string Kind);

/// <summary>The county-level organisations and the townships under them.</summary>
internal sealed record DemoCounty(
    string Name,
    string RegionCode,
    string ParentRegionName,
    string BureauName,
    string HospitalName,
    string CdcName,
    string SupervisionName,
    IReadOnlyList<DemoTownship> Townships);

/// <summary>
/// Static content used to seed a demo county on first start.
/// This is demo data: prices, manufacturers, package sizes and village names are illustrative only and
/// must not be read as current tender prices or as a real institution's formulary.
/// </summary>
internal static class DemoCatalogue
{
    public const string WesternMedicine = "西药";

    // ---------------------------------------------------------------- formulary

    /// <summary>Common Western medicines of a township health centre, mostly from the 国家基本药物目录.</summary>
    public static IReadOnlyList<DemoDrug> Drugs { get; } =
    [
        // Cardiovascular
        new("XY0001", "苯磺酸氨氯地平片", "5mg×7片", "片剂", "mg", 5m, "片", 7, "盒", "口服", "qd", 5m, 12.60m, 13.50m, "辉瑞制药有限公司", false, WesternMedicine),
        new("XY0002", "硝苯地平缓释片（Ⅱ）", "20mg×30片", "缓释片", "mg", 20m, "片", 30, "盒", "口服", "bid", 20m, 8.20m, 9.00m, "青岛黄海制药有限责任公司", false, WesternMedicine),
        new("XY0003", "厄贝沙坦片", "0.15g×28片", "片剂", "mg", 150m, "片", 28, "盒", "口服", "qd", 150m, 9.80m, 10.80m, "浙江华海药业股份有限公司", false, WesternMedicine),
        new("XY0004", "缬沙坦胶囊", "80mg×7粒", "胶囊剂", "mg", 80m, "粒", 7, "盒", "口服", "qd", 80m, 24.50m, 26.80m, "北京诺华制药有限公司", false, WesternMedicine),
        new("XY0005", "酒石酸美托洛尔片", "25mg×20片", "片剂", "mg", 25m, "片", 20, "盒", "口服", "bid", 25m, 5.60m, 6.20m, "阿斯利康制药有限公司", false, WesternMedicine),
        new("XY0006", "氢氯噻嗪片", "25mg×100片", "片剂", "mg", 25m, "片", 100, "瓶", "口服", "qd", 25m, 2.80m, 3.20m, "天津力生制药股份有限公司", false, WesternMedicine),
        new("XY0007", "马来酸依那普利片", "10mg×16片", "片剂", "mg", 10m, "片", 16, "盒", "口服", "qd", 10m, 6.40m, 7.00m, "扬子江药业集团有限公司", false, WesternMedicine),
        new("XY0008", "卡托普利片", "25mg×100片", "片剂", "mg", 25m, "片", 100, "瓶", "口服", "tid", 12.5m, 3.20m, 3.50m, "常州制药厂有限公司", false, WesternMedicine),
        new("XY0009", "阿司匹林肠溶片", "100mg×30片", "肠溶片", "mg", 100m, "片", 30, "盒", "口服", "qd", 100m, 13.20m, 14.50m, "拜耳医药保健有限公司", false, WesternMedicine),
        new("XY0010", "硫酸氢氯吡格雷片", "75mg×7片", "片剂", "mg", 75m, "片", 7, "盒", "口服", "qd", 75m, 14.20m, 15.60m, "深圳信立泰药业股份有限公司", false, WesternMedicine),
        new("XY0011", "阿托伐他汀钙片", "20mg×7片", "片剂", "mg", 20m, "片", 7, "盒", "口服", "qn", 20m, 10.80m, 11.90m, "北京嘉林药业股份有限公司", false, WesternMedicine),
        new("XY0012", "辛伐他汀片", "20mg×10片", "片剂", "mg", 20m, "片", 10, "盒", "口服", "qn", 20m, 15.60m, 17.20m, "杭州默沙东制药有限公司", false, WesternMedicine),
        new("XY0013", "硝酸甘油片", "0.5mg×100片", "片剂", "mg", 0.5m, "片", 100, "瓶", "舌下含服", "prn", 0.5m, 9.20m, 10.10m, "北京益民药业有限公司", false, WesternMedicine),
        new("XY0014", "单硝酸异山梨酯片", "20mg×48片", "片剂", "mg", 20m, "片", 48, "盒", "口服", "bid", 20m, 12.60m, 13.90m, "鲁南贝特制药有限公司", false, WesternMedicine),
        new("XY0015", "螺内酯片", "20mg×100片", "片剂", "mg", 20m, "片", 100, "瓶", "口服", "qd", 20m, 5.80m, 6.40m, "杭州民生药业有限公司", false, WesternMedicine),
        new("XY0016", "呋塞米片", "20mg×100片", "片剂", "mg", 20m, "片", 100, "瓶", "口服", "qd", 20m, 3.00m, 3.30m, "上海朝晖药业有限公司", false, WesternMedicine),
        new("XY0017", "地高辛片", "0.25mg×100片", "片剂", "mg", 0.25m, "片", 100, "瓶", "口服", "qd", 0.125m, 8.60m, 9.50m, "上海上药信谊药厂有限公司", false, WesternMedicine),
        new("XY0018", "华法林钠片", "2.5mg×60片", "片剂", "mg", 2.5m, "片", 60, "瓶", "口服", "qd", 2.5m, 8.50m, 9.40m, "上海上药信谊药厂有限公司", false, WesternMedicine),

        // Diabetes, metabolism
        new("XY0019", "盐酸二甲双胍片", "0.5g×20片", "片剂", "mg", 500m, "片", 20, "盒", "口服", "tid", 500m, 9.50m, 10.50m, "中美上海施贵宝制药有限公司", false, WesternMedicine),
        new("XY0020", "格列美脲片", "2mg×15片", "片剂", "mg", 2m, "片", 15, "盒", "口服", "qd", 2m, 22.40m, 24.60m, "赛诺菲（北京）制药有限公司", false, WesternMedicine),
        new("XY0021", "格列齐特缓释片", "30mg×30片", "缓释片", "mg", 30m, "片", 30, "盒", "口服", "qd", 30m, 36.00m, 39.60m, "施维雅（天津）制药有限公司", false, WesternMedicine),
        new("XY0022", "阿卡波糖片", "50mg×30片", "片剂", "mg", 50m, "片", 30, "盒", "口服", "tid", 50m, 38.50m, 42.00m, "拜耳医药保健有限公司", false, WesternMedicine),
        new("XY0023", "别嘌醇片", "0.1g×100片", "片剂", "mg", 100m, "片", 100, "瓶", "口服", "qd", 100m, 4.80m, 5.30m, "重庆青阳药业有限公司", false, WesternMedicine),

        // Anti-infectives
        new("XY0024", "阿莫西林胶囊", "0.25g×24粒", "胶囊剂", "mg", 250m, "粒", 24, "盒", "口服", "tid", 500m, 4.80m, 5.30m, "华北制药股份有限公司", true, WesternMedicine),
        new("XY0025", "头孢呋辛酯片", "0.25g×12片", "片剂", "mg", 250m, "片", 12, "盒", "口服", "bid", 250m, 12.50m, 13.80m, "国药集团致君（深圳）制药有限公司", false, WesternMedicine),
        new("XY0026", "头孢氨苄胶囊", "0.25g×24粒", "胶囊剂", "mg", 250m, "粒", 24, "盒", "口服", "qid", 500m, 4.20m, 4.70m, "山东鲁抗医药股份有限公司", false, WesternMedicine),
        new("XY0027", "左氧氟沙星片", "0.5g×4片", "片剂", "mg", 500m, "片", 4, "盒", "口服", "qd", 500m, 21.60m, 23.80m, "第一三共制药（北京）有限公司", false, WesternMedicine),
        new("XY0028", "诺氟沙星胶囊", "0.1g×24粒", "胶囊剂", "mg", 100m, "粒", 24, "盒", "口服", "bid", 400m, 3.20m, 3.50m, "浙江京新药业股份有限公司", false, WesternMedicine),
        new("XY0029", "阿奇霉素片", "0.25g×6片", "片剂", "mg", 250m, "片", 6, "盒", "口服", "qd", 500m, 9.60m, 10.60m, "石药集团欧意药业有限公司", false, WesternMedicine),
        new("XY0030", "甲硝唑片", "0.2g×100片", "片剂", "mg", 200m, "片", 100, "瓶", "口服", "tid", 400m, 3.50m, 3.90m, "山东新华制药股份有限公司", false, WesternMedicine),
        new("XY0031", "盐酸小檗碱片", "0.1g×100片", "片剂", "mg", 100m, "片", 100, "瓶", "口服", "tid", 300m, 5.50m, 6.10m, "东北制药集团沈阳第一制药有限公司", false, WesternMedicine),

        // Analgesics, colds, allergy
        new("XY0032", "布洛芬缓释胶囊", "0.3g×20粒", "缓释胶囊", "mg", 300m, "粒", 20, "盒", "口服", "bid", 300m, 18.50m, 20.30m, "中美天津史克制药有限公司", false, WesternMedicine),
        new("XY0033", "对乙酰氨基酚片", "0.5g×100片", "片剂", "mg", 500m, "片", 100, "瓶", "口服", "prn", 500m, 4.20m, 4.60m, "山东新华制药股份有限公司", false, WesternMedicine),
        new("XY0034", "复方氨酚烷胺片", "12片", "片剂", "片", 1m, "片", 12, "盒", "口服", "bid", 1m, 9.80m, 10.80m, "吉林省吴太感康药业有限公司", false, WesternMedicine),
        new("XY0035", "氯雷他定片", "10mg×6片", "片剂", "mg", 10m, "片", 6, "盒", "口服", "qd", 10m, 16.80m, 18.50m, "拜耳医药保健有限公司", false, WesternMedicine),
        new("XY0036", "盐酸西替利嗪片", "10mg×12片", "片剂", "mg", 10m, "片", 12, "盒", "口服", "qd", 10m, 22.00m, 24.20m, "优时比（珠海）制药有限公司", false, WesternMedicine),
        new("XY0037", "马来酸氯苯那敏片", "4mg×100片", "片剂", "mg", 4m, "片", 100, "瓶", "口服", "tid", 4m, 2.00m, 2.20m, "广东华南药业集团有限公司", false, WesternMedicine),

        // Digestive
        new("XY0038", "奥美拉唑肠溶胶囊", "20mg×14粒", "肠溶胶囊", "mg", 20m, "粒", 14, "盒", "口服", "qd", 20m, 6.80m, 7.50m, "山东罗欣药业集团股份有限公司", false, WesternMedicine),
        new("XY0039", "雷贝拉唑钠肠溶片", "10mg×7片", "肠溶片", "mg", 10m, "片", 7, "盒", "口服", "qd", 10m, 20.50m, 22.60m, "卫材（中国）药业有限公司", false, WesternMedicine),
        new("XY0040", "多潘立酮片", "10mg×30片", "片剂", "mg", 10m, "片", 30, "盒", "口服", "tid", 10m, 14.50m, 16.00m, "西安杨森制药有限公司", false, WesternMedicine),
        new("XY0041", "蒙脱石散", "3g×10袋", "散剂", "g", 3m, "袋", 10, "盒", "口服", "tid", 3m, 16.50m, 18.20m, "博福-益普生（天津）制药有限公司", false, WesternMedicine),

        // Respiratory
        new("XY0042", "盐酸氨溴索片", "30mg×20片", "片剂", "mg", 30m, "片", 20, "盒", "口服", "tid", 30m, 12.80m, 14.10m, "上海勃林格殷格翰药业有限公司", false, WesternMedicine),
        new("XY0043", "复方甘草片", "100片", "片剂", "片", 1m, "片", 100, "瓶", "口服", "tid", 3m, 3.60m, 4.00m, "山西云鹏制药有限公司", false, WesternMedicine),
        new("XY0044", "硫酸沙丁胺醇吸入气雾剂", "100μg×200揿", "气雾剂", "揿", 200m, "瓶", 1, "盒", "吸入", "prn", 2m, 18.60m, 20.50m, "山东京卫制药有限公司", false, WesternMedicine),

        // Hormones
        new("XY0045", "醋酸地塞米松片", "0.75mg×100片", "片剂", "mg", 0.75m, "片", 100, "瓶", "口服", "tid", 0.75m, 3.20m, 3.50m, "浙江仙琚制药股份有限公司", false, WesternMedicine),
        new("XY0046", "醋酸泼尼松片", "5mg×100片", "片剂", "mg", 5m, "片", 100, "瓶", "口服", "qd", 10m, 4.50m, 5.00m, "天津天药药业股份有限公司", false, WesternMedicine),

        // Vitamins, minerals, blood
        new("XY0047", "维生素B1片", "10mg×100片", "片剂", "mg", 10m, "片", 100, "瓶", "口服", "tid", 10m, 2.20m, 2.40m, "华中药业股份有限公司", false, WesternMedicine),
        new("XY0048", "维生素B6片", "10mg×100片", "片剂", "mg", 10m, "片", 100, "瓶", "口服", "tid", 10m, 2.30m, 2.50m, "华中药业股份有限公司", false, WesternMedicine),
        new("XY0049", "维生素C片", "0.1g×100片", "片剂", "mg", 100m, "片", 100, "瓶", "口服", "tid", 100m, 2.50m, 2.80m, "东北制药集团沈阳第一制药有限公司", false, WesternMedicine),
        new("XY0050", "甲钴胺片", "0.5mg×20片", "片剂", "mg", 0.5m, "片", 20, "盒", "口服", "tid", 0.5m, 23.50m, 25.80m, "卫材（中国）药业有限公司", false, WesternMedicine),
        new("XY0051", "葡萄糖酸钙片", "0.5g×100片", "片剂", "mg", 500m, "片", 100, "瓶", "口服", "tid", 1000m, 3.80m, 4.20m, "国药集团容生制药有限公司", false, WesternMedicine),
        new("XY0052", "碳酸钙D3片", "600mg×30片", "片剂", "mg", 600m, "片", 30, "瓶", "口服", "qd", 600m, 32.00m, 35.20m, "惠氏制药有限公司", false, WesternMedicine),
        new("XY0053", "硫酸亚铁片", "0.3g×100片", "片剂", "mg", 300m, "片", 100, "瓶", "口服", "tid", 300m, 3.60m, 4.00m, "华中药业股份有限公司", false, WesternMedicine),

        // Injections and infusions
        new("XY0054", "0.9%氯化钠注射液", "250ml:2.25g", "注射剂", "ml", 250m, "瓶", 1, "瓶", "静脉滴注", "qd", 250m, 2.60m, 2.90m, "四川科伦药业股份有限公司", false, WesternMedicine),
        new("XY0055", "5%葡萄糖注射液", "250ml:12.5g", "注射剂", "ml", 250m, "瓶", 1, "瓶", "静脉滴注", "qd", 250m, 2.70m, 3.00m, "四川科伦药业股份有限公司", false, WesternMedicine),
        new("XY0056", "注射用青霉素钠", "80万单位", "注射剂", "万单位", 80m, "支", 1, "支", "肌内注射", "bid", 80m, 0.48m, 0.53m, "华北制药股份有限公司", true, WesternMedicine),
        new("XY0057", "注射用头孢曲松钠", "1.0g", "注射剂", "g", 1m, "支", 1, "支", "静脉滴注", "qd", 1m, 3.20m, 3.50m, "石药集团中诺药业（石家庄）有限公司", false, WesternMedicine),

        // External
        new("XY0058", "红霉素软膏", "1%×10g", "软膏剂", "g", 10m, "支", 1, "支", "外用", "bid", 1m, 1.80m, 2.00m, "马应龙药业集团股份有限公司", false, WesternMedicine),
    ];

    // ---------------------------------------------------------------- service prices

    public const string RegistrationKind = "Registration";
    public const string ExaminationKind = "Examination";
    public const string LabKind = "Lab";
    public const string TreatmentKind = "Treatment";

    /// <summary>County-level service prices (元).</summary>
    public static IReadOnlyList<DemoPriceItem> PriceItems { get; } =
    [
        new("GH001", "普通门诊挂号费", "次", 1.00m, RegistrationKind),
        new("GH002", "副主任医师挂号费", "次", 3.00m, RegistrationKind),
        new("GH003", "主任医师挂号费", "次", 5.00m, RegistrationKind),
        new("GH004", "急诊挂号费", "次", 2.00m, RegistrationKind),
        new("GH005", "普通门诊诊查费", "次", 5.00m, RegistrationKind),
        new("GH006", "急诊诊查费", "次", 8.00m, RegistrationKind),

        new("JC001", "常规心电图检查（十二导联）", "次", 20.00m, ExaminationKind),
        new("JC002", "腹部B超（肝胆胰脾）", "次", 80.00m, ExaminationKind),
        new("JC003", "泌尿系B超", "次", 60.00m, ExaminationKind),
        new("JC004", "甲状腺彩色多普勒超声", "次", 80.00m, ExaminationKind),
        new("JC005", "胸部X线摄片（DR）", "次", 60.00m, ExaminationKind),
        new("JC006", "颅脑CT平扫", "次", 160.00m, ExaminationKind),
        new("JC007", "腰椎CT平扫", "次", 180.00m, ExaminationKind),
        new("JC008", "动态心电图（24小时）", "次", 150.00m, ExaminationKind),

        new("JY001", "血常规（五分类）", "次", 15.00m, LabKind),
        new("JY002", "尿常规", "次", 8.00m, LabKind),
        new("JY003", "便常规+隐血", "次", 8.00m, LabKind),
        new("JY004", "肝功能", "次", 45.00m, LabKind),
        new("JY005", "肾功能", "次", 30.00m, LabKind),
        new("JY006", "血脂四项", "次", 30.00m, LabKind),
        new("JY007", "空腹血糖", "次", 5.00m, LabKind),
        new("JY008", "糖化血红蛋白", "次", 50.00m, LabKind),
        new("JY009", "C反应蛋白", "次", 15.00m, LabKind),
        new("JY010", "乙肝五项", "次", 50.00m, LabKind),

        new("ZL001", "肌内注射", "次", 2.00m, TreatmentKind),
        new("ZL002", "皮下注射", "次", 2.00m, TreatmentKind),
        new("ZL003", "静脉注射", "次", 4.00m, TreatmentKind),
        new("ZL004", "静脉输液（第一组）", "组", 6.00m, TreatmentKind),
        new("ZL005", "静脉输液（每增加一组）", "组", 1.00m, TreatmentKind),
        new("ZL006", "皮试（青霉素皮试）", "次", 3.00m, TreatmentKind),
        new("ZL007", "小换药", "次", 12.00m, TreatmentKind),
        new("ZL008", "雾化吸入", "次", 5.00m, TreatmentKind),
    ];

    // ---------------------------------------------------------------- county structure

    /// <summary>清河县 (河北省邢台市, 行政区划代码 130534). Village names are illustrative.</summary>
    public static DemoCounty County { get; } = new(
        Name: "清河县",
        RegionCode: "130534",
        ParentRegionName: "河北省邢台市",
        BureauName: "清河县卫生健康局",
        HospitalName: "清河县人民医院",
        CdcName: "清河县疾病预防控制中心",
        SupervisionName: "清河县卫生健康综合监督执法局",
        Townships:
        [
            new("葛仙庄镇", "葛仙庄镇卫生院", ["东王庄村卫生室", "李家庄村卫生室"]),
            new("连庄镇", "连庄镇卫生院", ["前屯村卫生室", "后屯村卫生室"]),
            new("油坊镇", "油坊镇卫生院", ["北街村卫生室", "马庄村卫生室"]),
        ]);

    public const string ClinicalKind = "Clinical";
    public const string MedicalTechnologyKind = "MedicalTechnology";
    public const string PharmacyKind = "Pharmacy";
    public const string AdministrativeKind = "Administrative";
    public const string PublicHealthKind = "PublicHealth";

    public static IReadOnlyList<DemoDepartment> CountyHospitalDepartments { get; } =
    [
        new("内科", ClinicalKind),
        new("外科", ClinicalKind),
        new("妇产科", ClinicalKind),
        new("儿科", ClinicalKind),
        new("急诊科", ClinicalKind),
        new("中医科", ClinicalKind),
        new("五官科", ClinicalKind),
        new("口腔科", ClinicalKind),
        new("检验科", MedicalTechnologyKind),
        new("放射科", MedicalTechnologyKind),
        new("超声科", MedicalTechnologyKind),
        new("心电图室", MedicalTechnologyKind),
        new("药剂科", PharmacyKind),
        new("预防保健科", PublicHealthKind),
        new("挂号处", AdministrativeKind),
        new("收费处", AdministrativeKind),
        new("医务科", AdministrativeKind),
    ];

    public static IReadOnlyList<DemoDepartment> HealthCentreDepartments { get; } =
    [
        new("全科", ClinicalKind),
        new("内科", ClinicalKind),
        new("中医科", ClinicalKind),
        new("检验科", MedicalTechnologyKind),
        new("放射科", MedicalTechnologyKind),
        new("药房", PharmacyKind),
        new("预防保健科", PublicHealthKind),
        new("公共卫生科", PublicHealthKind),
        new("收费处", AdministrativeKind),
    ];

    public static IReadOnlyList<DemoDepartment> VillageClinicDepartments { get; } =
    [
        new("全科", ClinicalKind),
    ];

    // ---------------------------------------------------------------- people

    /// <summary>The 100 most common surnames, most frequent first.</summary>
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
        "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "邓", "冯", "曹",
        "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余",
        "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "卢",
        "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖",
        "石", "金", "韦", "贾", "夏", "付", "方", "邹", "熊", "白",
        "孟", "秦", "邱", "侯", "江", "尹", "薛", "闫", "段", "雷",
        "龙", "黎", "史", "陶", "贺", "毛", "郝", "顾", "龚", "邵",
        "万", "覃", "武", "钱", "戴", "严", "莫", "孔", "向", "常",
    ];

    /// <summary>Relative frequency of each entry of <see cref="Surnames"/> (roughly 100,000s of people).</summary>
    public static readonly int[] SurnameWeights =
    [
        1015, 1009, 950, 720, 630, 470, 350, 290, 280, 280,
        200, 195, 190, 180, 170, 160, 150, 140, 140, 130,
        125, 120, 110, 100, 100, 95, 90, 90, 88, 85,
        83, 82, 80, 75, 73, 70, 70, 68, 67, 65,
        64, 63, 62, 60, 58, 57, 56, 55, 54, 53,
        52, 51, 50, 49, 48, 47, 46, 45, 44, 43,
        43, 42, 41, 41, 40, 40, 39, 39, 38, 38,
        37, 37, 36, 36, 35, 35, 34, 34, 33, 33,
        32, 32, 31, 31, 30, 30, 29, 29, 28, 28,
        27, 27, 26, 26, 25, 25, 24, 24, 23, 23,
    ];

    public static readonly string[] MaleGivenChars =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明",
        "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩",
        "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "建",
        "国", "志", "文", "海", "东", "亮", "峰", "成", "博", "新",
        "振", "庆", "春", "立", "德", "永", "福", "兴", "宏", "家",
        "晨", "阳", "忠", "兵", "利", "胜", "学", "荣", "卫", "子",
    ];

    public static readonly string[] FemaleGivenChars =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "秀", "英", "霞", "玲",
        "燕", "红", "梅", "丹", "萍", "婷", "雪", "琳", "慧", "颖",
        "倩", "莉", "洁", "琴", "云", "莹", "晶", "欣", "怡", "佳",
        "悦", "璐", "蕾", "瑶", "薇", "蓉", "娟", "兰", "凤", "翠",
        "桂", "玉", "珍", "月", "娇", "彤", "雯", "茜", "瑞", "思",
        "梦", "雅", "淑", "秋", "美", "雨", "婧", "妍", "宁", "晓",
    ];

    private static readonly int[] SurnameCumulativeWeights = Cumulative(SurnameWeights);

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
        "150", "151", "152", "153", "155", "156", "157", "158", "159",
        "173", "175", "176", "177", "178",
        "180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
        "191", "195", "198", "199",
    ];

#pragma warning disable CA5394 // demo data, not security

    /// <summary>A random Chinese personal name: weighted surname plus one (about 30%) or two given-name characters.</summary>
    public static string Name(Random rng, bool male)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var surname = Surnames[PickWeighted(rng)];
        var pool = male ? MaleGivenChars : FemaleGivenChars;
        var first = pool[rng.Next(pool.Length)];
        if (rng.NextDouble() < 0.3)
        {
            return surname + first;
        }

        string second;
        do
        {
            second = pool[rng.Next(pool.Length)];
        }
        while (second == first);
        return surname + first + second;
    }

    /// <summary>A valid-looking 11-digit mainland mobile number.</summary>
    public static string MobilePhone(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var prefix = MobilePrefixes[rng.Next(MobilePrefixes.Length)];
        return prefix + rng.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
    }

    /// <summary>An ID number of the county for the birth date and sex that no resident holds yet (added to <paramref name="used"/>).</summary>
    public static string IssueIdNumber(Random rng, string regionCode, DateOnly birth, bool male, HashSet<string> used)
    {
        string id;
        do
        {
            id = ChineseIdNumber.Compose(regionCode, birth, rng.Next(0, 500) * 2 + (male ? 1 : 0));
        }
        while (!used.Add(id));
        return id;
    }

    /// <summary>A synthetic resident at home in a village: a Chinese name with its initials, a mobile for most adults.</summary>
    public static Resident Resident(Random rng, bool male, int age, DateOnly birth, string idNumber, Institution home, Func<Random, string> address, DateTime now)
    {
        var name = Name(rng, male);
        return new Resident
        {
            Name = name,
            Pinyin = PinyinInitials.OfName(name),
            Sex = male ? Sex.Male : Sex.Female,
            BirthDate = birth,
            IdNumber = idNumber,
            Phone = age >= 16 && rng.Next(10) < 8 ? MobilePhone(rng) : null,
            Address = address(rng),
            Ethnicity = "汉族",
            ManagingInstitutionId = home.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static int PickWeighted(Random rng)
    {
        var total = SurnameCumulativeWeights[^1];
        var roll = rng.Next(total);
        var index = Array.BinarySearch(SurnameCumulativeWeights, roll + 1);
        return index >= 0 ? index : ~index;
    }

#pragma warning restore CA5394

    private static int[] Cumulative(int[] weights)
    {
        var result = new int[weights.Length];
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            result[i] = sum;
        }

        return result;
    }

    // ---------------------------------------------------------------- diagnoses

    /// <summary>ICD-10 three-character categories common in township outpatient clinics.</summary>
    public static readonly string[] CommonDiagnosisCodes =
    [
        // Circulatory
        "I10", "I11", "I20", "I25", "I48", "I50", "I63", "I64", "I67", "I69",
        // Endocrine, metabolic, blood
        "E11", "E14", "E78", "E66", "E04", "E03", "D50",
        // Respiratory
        "J00", "J01", "J02", "J03", "J06", "J18", "J20", "J30", "J40", "J44", "J45",
        // Digestive
        "K21", "K25", "K29", "K30", "K52", "K58", "K59", "K80", "A09",
        // Skin, infections
        "B02", "B35", "B86", "L02", "L20", "L23", "L30", "L50",
        // Eye, ear
        "H10", "H66",
        // Musculoskeletal
        "M10", "M17", "M47", "M54", "M79", "M81",
        // Genitourinary
        "N20", "N39", "N40", "N76",
        // Symptoms, other
        "R05", "R10", "R42", "R50", "R51", "G47", "F41", "T14",
    ];
}

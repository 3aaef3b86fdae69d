using CountyHealth.Kernel.Amounts;

namespace CountyHealth.Pharmacy.Seeding;

/// <summary>A Western medicine in the demo formulary. Stock moves in packs; doses are prescribed in dose units.</summary>
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

/// <summary>
/// The demo county's formulary. This is demo data: prices, manufacturers and package sizes are illustrative only and
/// must not be read as current tender prices or as a real institution's formulary.
/// </summary>
internal static class DemoFormulary
{
    public const string WesternMedicine = "西药";

    /// <summary>The systemic antibacterials (抗菌药物, ATC J01 and metronidazole) of the formulary; topical erythromycin is not one.</summary>
    public static IReadOnlySet<string> Antibacterials { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "XY0024", "XY0025", "XY0026", "XY0027", "XY0028", "XY0029", "XY0030", "XY0056", "XY0057",
    };

    /// <summary>
    /// The demo formulary's places in the insurance catalogue: most are 甲类; these illustrative ones are 乙类 (newer or
    /// dearer choices) or 自费 (a supplement). Not a real province's catalogue.
    /// </summary>
    public static InsuranceClass InsuranceClassOf(string code) => code switch
    {
        "XY0004" or "XY0012" or "XY0021" or "XY0022" or "XY0039" or "XY0050" or "XY0057" => InsuranceClass.ClassB,
        "XY0052" => InsuranceClass.SelfPay,
        _ => InsuranceClass.ClassA,
    };

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
}

using CountyHealth.Billing.Domain;
using CountyHealth.Billing.Prices;
using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Residents.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Seeding;

/// <summary>A chargeable service of the demo county. Kind is Registration, Examination, Lab or Treatment.</summary>
internal sealed record DemoPriceItem(string Code, string Name, string Unit, decimal Price, string Kind);

/// <summary>The demo county's service prices (元): registration, examinations, lab tests and treatments.</summary>
internal sealed class BillingDemoData(CountyHealthDb db, PriceCache cache, IResidentDirectory residents, TimeProvider clock) : IDemoData
{
    public const string RegistrationKind = "Registration";
    public const string ExaminationKind = "Examination";
    public const string LabKind = "Lab";
    public const string TreatmentKind = "Treatment";

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

    /// <summary>
    /// The demo prices' places in the insurance catalogue: the 挂号费 is the patient's own, the 诊查费 and most services
    /// are 甲类, CT, the 24-hour ECG and HbA1c 乙类. Illustrative, not a real province's catalogue.
    /// </summary>
    public static InsuranceClass InsuranceClassOf(string code) => code switch
    {
        "GH001" or "GH002" or "GH003" or "GH004" => InsuranceClass.SelfPay,
        "JC006" or "JC007" or "JC008" or "JY008" => InsuranceClass.ClassB,
        _ => InsuranceClass.ClassA,
    };

    public Task<bool> IsSeededAsync(CancellationToken ct) => db.Set<PriceItem>().AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var p in PriceItems)
        {
            var item = new PriceItem { Code = p.Code, Name = p.Name, Unit = p.Unit, Price = p.Price, Kind = p.Kind, InsuranceClass = InsuranceClassOf(p.Code) };
            item.Apply(SearchKeys.For(item.Name));
            db.Add(item);
        }
        cache.Invalidate();
        // The schemes with a policy for each year of the demo's history, and the demo residents enrolled in the
        // residents' scheme for last year and this (the demo township's history enrols its own residents).
        var now = clock.GetUtcNow().UtcDateTime;
        var year = ChinaTime.Today(clock).Year;
        var (residentsScheme, employeesScheme) = (InsuranceSchemes.National[0].Id, InsuranceSchemes.National[1].Id);
        var policies = new Dictionary<int, InsurancePolicy>();
        for (var y = year - 2; y <= year; y++)
        {
            policies[y] = DemoInsurance.ResidentsPolicy(residentsScheme, y, now);
            db.Add(policies[y]);
            db.Add(DemoInsurance.EmployeesPolicy(employeesScheme, y, now));
        }
        var people = await residents.BornBetween(new DateOnly(1900, 1, 1), new DateOnly(2099, 12, 31)).ToListAsync(ct);
        foreach (var person in people)
        {
            for (var y = year - 1; y <= year; y++)
            {
                db.Add(new InsuranceEnrolment
                {
                    ResidentId = person.Id,
                    SchemeId = residentsScheme,
                    Year = y,
                    InstitutionId = person.ManagingInstitutionId,
                    Contribution = policies[y].PersonalContribution,
                    EnrolledAt = ChinaTime.StartOfDayUtc(new DateOnly(y - 1, 12, 1)).AddHours(1),
                    RecordedBy = "系统管理员",
                });
            }
        }
    }
}

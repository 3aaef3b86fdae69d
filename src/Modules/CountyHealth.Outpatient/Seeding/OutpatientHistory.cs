using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Documents;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Time;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;

namespace CountyHealth.Outpatient.Seeding;

/// <summary>
/// Years of outpatient visits for the synthetic county (≈1.08 a resident and year; chronic patients come back three
/// times a year): diagnoses at survey rates, prescriptions with their quantities, and — through Billing's and the
/// pharmacy's history contracts — the charges, payments, dispensings and stock that go with them.
/// </summary>
internal sealed class OutpatientHistory(IDrugCatalogue drugs, IDiagnosisDictionary diagnoses, IPriceCatalogue prices, IBillingHistory billing,
    IDispensingHistory dispensing) : ISyntheticData
{
    private const double ChronicRate = 3.0;

    private PrescribingPlan? plan;
    private PriceItemInfo? fee;

    public async Task PrepareAsync(GenerationRun run, CancellationToken ct)
    {
        var catalogue = await drugs.SearchAsync(Guid.Empty, "", 10_000, ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in PrescribingPlan.Codes)
        {
            names[code] = (await diagnoses.FindAsync(code, ct))?.Name ?? code;
        }
        plan = PrescribingPlan.Build(catalogue, names);
        fee = await prices.FindAsync("GH001", ct) ?? throw new InvalidOperationException("The registration fee GH001 is missing from the price items");
    }

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
        var rng = run.Random;
        var town = run.Get<GeneratedTownship>();
        var residents = run.Get<GeneratedResidents>().Residents;
        var visits = new List<Visit>();
        var visitDiagnoses = new List<VisitDiagnosis>();
        var prescriptions = new List<Prescription>();
        var items = new List<PrescriptionItem>();
        var firstDay = run.Today.AddYears(-run.Options.Years);
        var span = run.Today.DayNumber - firstDay.DayNumber;
        var queue = new Dictionary<(Guid Dept, DateOnly Day), int>();
        var numbers = new DocumentSequence();
        // Chronic patients come back for refills three times a year; the others' rate makes the county's mean the target.
        var chronicShare = ChronicDiseaseShape.ExpectedChronicShare();
        var otherRate = Math.Max(0.05, (run.Options.VisitsPerResidentYear - ChronicRate * chronicShare) / (1 - chronicShare));
        var chronic = new List<GeneratedChronicPatient>();
        foreach (var r in residents)
        {
            var age = run.Today.Year - r.BirthDate.Year;
            var hypertensive = rng.NextDouble() < ChronicDiseaseShape.HypertensionPrevalence(age);
            var diabetic = rng.NextDouble() < ChronicDiseaseShape.DiabetesPrevalence(age);
            var perYear = hypertensive || diabetic ? ChronicRate : otherRate;
            var count = Draws.Poisson(rng, perYear * run.Options.Years);
            var firstVisit = DateOnly.MaxValue;
            for (var v = 0; v < count; v++)
            {
                var day = firstDay.AddDays(rng.Next(0, span));
                firstVisit = day < firstVisit ? day : firstVisit;
                var clinic = rng.Next(10) < 6 ? town.Centre : town.Clinic(r.ManagingInstitutionId);
                var at = ChinaTime.StartOfDayUtc(day).AddHours(8 + rng.Next(0, 9)).AddMinutes(rng.Next(0, 60));
                var q = queue.GetValueOrDefault((clinic.DepartmentId, day)) + 1;
                queue[(clinic.DepartmentId, day)] = q;
                var (code, drug) = plan!.Pick(rng, hypertensive, diabetic);
                var visit = new Visit
                {
                    ResidentId = r.Id,
                    InstitutionId = clinic.InstitutionId,
                    DepartmentId = clinic.DepartmentId,
                    DoctorStaffId = clinic.DoctorStaffId,
                    VisitDate = day,
                    QueueNumber = q,
                    RegisteredAt = at,
                    RegisteredBy = "generator",
                    Status = VisitStatus.Finished,
                    SeenAt = at.AddMinutes(20),
                    ChiefComplaint = plan.Complaint(code),
                    SystolicBp = hypertensive ? 125 + rng.Next(0, 45) : 105 + rng.Next(0, 30),
                    DiastolicBp = hypertensive ? 78 + rng.Next(0, 22) : 65 + rng.Next(0, 20),
                    FastingGlucose = diabetic ? 5.5m + rng.Next(0, 50) / 10m : null,
                };
                visit.VisitNumber = numbers.Next(clinic.InstitutionId, DocumentNumbers.Visit, day);
                visits.Add(visit);
                visitDiagnoses.Add(new VisitDiagnosis { VisitId = visit.Id, Code = code, Name = plan.DiagnosisName(code), IsPrimary = true, Position = 0 });
                var encounter = new BillingEncounter(visit.Id, r.Id, clinic.InstitutionId, clinic.DepartmentId);
                var paidAt = at.AddMinutes(30);
                var lines = new List<ChargeLine> { new(OutpatientKinds.Registration, visit.Id, visit.Id, fee!.Code, fee.Name, fee.Unit, 1, fee.Price, RevenueCategories.Registration) };
                if (drug is not null)
                {
                    var rx = new Prescription
                    {
                        VisitId = visit.Id,
                        ResidentId = r.Id,
                        InstitutionId = clinic.InstitutionId,
                        PrescriberStaffId = clinic.DoctorStaffId,
                        PrescriberName = clinic.DoctorName,
                        Status = PrescriptionStatus.Dispensed,
                        CreatedAt = at.AddMinutes(15),
                    };
                    rx.Number = numbers.Next(clinic.InstitutionId, DocumentNumbers.Prescription, day);
                    var freq = Frequencies.Find(drug.DefaultFrequency) ?? Frequencies.All[0];
                    var days = hypertensive || diabetic ? 30 : 5;
                    var packs = DispenseQuantity.Compute(drug.DefaultDose, drug.DoseUnitsPerBaseUnit, drug.BaseUnitsPerPack, freq, days).Packs;
                    var item = new PrescriptionItem
                    {
                        PrescriptionId = rx.Id,
                        DrugId = drug.Id,
                        DrugName = drug.Name,
                        Specification = drug.Specification,
                        Dose = drug.DefaultDose,
                        DoseUnit = drug.DoseUnit,
                        FrequencyCode = freq.Code,
                        Route = drug.DefaultRoute,
                        Days = days,
                        Quantity = packs,
                        PackUnit = drug.PackUnit,
                        UnitPrice = drug.RetailPrice,
                        Status = ItemStatus.Dispensed,
                    };
                    prescriptions.Add(rx);
                    items.Add(item);
                    lines.Add(new ChargeLine(OutpatientKinds.Prescription, rx.Id, item.Id, "RX", $"{drug.Name} {drug.Specification}", drug.PackUnit, packs, drug.RetailPrice, RevenueCategories.WesternDrug,
                        drug.InsuranceClass));
                    dispensing.Dispensed(new DispenseRequest(OutpatientKinds.Prescription, rx.Id, rx.Number, r.Id, clinic.InstitutionId, clinic.DoctorName,
                        [new DispenseLineRequest(item.Id, drug.Id, packs, item.Usage)]), paidAt, paidAt.AddMinutes(10), "药剂师");
                }
                billing.Paid(encounter, lines, at, paidAt);
            }
            if ((hypertensive || diabetic) && count > 0)
            {
                chronic.Add(new GeneratedChronicPatient(r.Id, hypertensive, diabetic, firstVisit));
            }
        }
        run.Put(new GeneratedChronicPatients(chronic));
        await run.Writer.WriteAsync(visits, ct);
        await run.Writer.WriteAsync(visitDiagnoses, ct);
        await run.Writer.WriteAsync(prescriptions, ct);
        await run.Writer.WriteAsync(items, ct);
        await billing.WriteAsync(run, ct);
        await dispensing.WriteAsync(run, ct);
    }

}

/// <summary>Which diagnosis a visit gets and what is prescribed for it.</summary>
internal sealed class PrescribingPlan
{
    private static readonly (string Code, string Complaint, string DrugName)[] Acute =
    [
        ("J06", "咽痛、流涕3天", "对乙酰氨基酚"),
        ("J20", "咳嗽5天", "氨溴索"),
        ("K29", "上腹痛1周", "奥美拉唑"),
        ("A09", "腹泻2天", "蒙脱石"),
        ("M54", "腰背痛1月", "布洛芬"),
        ("J02", "咽痛2天", "阿莫西林"),
        ("R51", "头痛2天", "布洛芬"),
        ("L30", "皮疹瘙痒1周", "氯雷他定"),
    ];

    private readonly Dictionary<string, DrugInfo?> drugFor = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> names;

    private PrescribingPlan(IReadOnlyDictionary<string, string> names) => this.names = names;

    /// <summary>The ICD-10 codes the plan uses.</summary>
    public static IEnumerable<string> Codes => Acute.Select(a => a.Code).Append("I10").Append("E11").Distinct();

    public static PrescribingPlan Build(IReadOnlyList<DrugInfo> drugs, IReadOnlyDictionary<string, string> icd)
    {
        var plan = new PrescribingPlan(icd);
        DrugInfo? Find(string part) => drugs.FirstOrDefault(d => d.Name.Contains(part, StringComparison.Ordinal) && d.DosageForm.Contains('片', StringComparison.Ordinal))
            ?? drugs.FirstOrDefault(d => d.Name.Contains(part, StringComparison.Ordinal));
        plan.drugFor["I10"] = Find("氨氯地平");
        plan.drugFor["E11"] = Find("二甲双胍");
        foreach (var (code, _, drug) in Acute)
        {
            plan.drugFor[code] = Find(drug);
        }
        return plan;
    }

    public (string Code, DrugInfo? Drug) Pick(Random rng, bool hypertensive, bool diabetic)
    {
        if (hypertensive && (!diabetic || rng.Next(2) == 0) && rng.Next(10) < 8)
        {
            return ("I10", drugFor["I10"]);
        }
        if (diabetic && rng.Next(10) < 8)
        {
            return ("E11", drugFor["E11"]);
        }
        var acute = Acute[rng.Next(Acute.Length)];
        // One acute visit in five ends with advice only, no prescription.
        return (acute.Code, rng.Next(5) == 0 ? null : drugFor[acute.Code]);
    }

    public string DiagnosisName(string code) => names.GetValueOrDefault(code, code);

    public string Complaint(string code) => code switch
    {
        "I10" => "血压高复诊取药",
        "E11" => "血糖高复诊取药",
        _ => Acute.First(a => a.Code == code).Complaint,
    };
}

using System.Diagnostics;
using System.Globalization;
using CountyHealth.Billing.Contracts;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Time;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using CountyHealth.Server.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Server.Generation;

internal sealed record GenerationOptions(int Residents, int Seed, int Years, double VisitsPerResidentYear)
{
    /// <summary>Seed 001's district: 1,845,400 residents; about 1.08 outpatient visits per resident and year.</summary>
    public static GenerationOptions Default => new(1_845_400, 2026, 5, 1.08);
}

internal sealed record GenerationReport(long Rows, TimeSpan Elapsed, IReadOnlyDictionary<string, long> RowsByTable)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// Generates a synthetic county, deterministic for a seed: townships and villages with their health institutions,
/// residents with valid ID numbers and Chinese names after the census structure, and years of outpatient visits
/// with diagnoses at survey rates, prescriptions, charges, payments, stock receipts and dispensings — every kind of
/// record the product holds. It writes through <see cref="BulkWriter"/>, one township at a time.
/// </summary>
internal sealed class CountyGenerator(CountyHealthDb db, DemoSeeder seeder, InstitutionTreeCache institutionTree, TimeProvider clock, ILogger<CountyGenerator> log)
{
    private const int VillagesPerTownship = 15;
    private const int ResidentsPerTownship = 92_270;

    private static readonly string[] TownSyllables = ["东", "西", "南", "北", "大", "小", "新", "古", "高", "柳", "杨", "李", "王", "张", "马", "石", "河", "桥", "店", "营", "庄", "屯", "集", "寨", "坡", "岗", "林", "堡"];

    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    public async Task<GenerationReport> GenerateAsync(GenerationOptions options, Action<string> progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await seeder.SeedIfEmptyAsync(ct);
        var rng = new Random(options.Seed);
        var bureau = await db.Set<Institution>().AsNoTracking().FirstAsync(i => i.Kind == InstitutionKind.Bureau, ct);
        var drugs = await db.Set<Drug>().AsNoTracking().ToListAsync(ct);
        var fee = await db.Set<PriceItem>().AsNoTracking().FirstAsync(p => p.Kind == "Registration", ct);
        var icd = await db.Set<Icd10Entry>().AsNoTracking().ToDictionaryAsync(e => e.Code, e => e.Name, ct);
        var plan = PrescribingPlan.Build(drugs, icd);
        var writer = new BulkWriter(db);
        var townships = Math.Max(1, (int)Math.Round(options.Residents / (double)ResidentsPerTownship));
        var today = ChinaTime.Today(clock);
        // ID numbers already in the index (the demo county's, an earlier run's) must not be issued again.
        var usedIds = (await db.Set<Resident>().AsNoTracking().Where(r => r.IdNumber != null).Select(r => r.IdNumber!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var existing = await db.Set<Institution>().CountAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        for (var t = 0; t < townships; t++)
        {
            var share = options.Residents / townships + (t < options.Residents % townships ? 1 : 0);
            var town = Town(rng, t, bureau, existing);
            await Write(writer, town.Institutions, ct);
            // The bulk path bypasses the writes that keep the cached institution tree fresh.
            institutionTree.Invalidate();
            await Write(writer, town.Departments, ct);
            await Write(writer, town.Staff, ct);
            var people = Residents(rng, town, share, today, usedIds, now);
            await Write(writer, people.Households, ct);
            await Write(writer, people.Residents, ct);
            await Write(writer, people.Links, ct);
            var day = OutpatientHistory(rng, town, people.Residents, options, plan, fee, today);
            await Write(writer, day.Visits, ct);
            await Write(writer, day.Diagnoses, ct);
            await Write(writer, day.Prescriptions, ct);
            await Write(writer, day.Items, ct);
            await Write(writer, day.Charges, ct);
            await Write(writer, day.Payments, ct);
            await Write(writer, day.Batches, ct);
            await Write(writer, day.Orders, ct);
            await Write(writer, day.Lines, ct);
            await Write(writer, day.Movements, ct);
            var rows = counts.Values.Sum();
            progress($"乡镇 {t + 1}/{townships} {town.Name}：居民 {people.Residents.Count:N0}，就诊 {day.Visits.Count:N0}；累计 {rows:N0} 行，{rows / Math.Max(watch.Elapsed.TotalSeconds, 0.001):N0} 行/秒");
        }
        // Fresh statistics after a bulk load: without them SQLite's planner may pick an institution-wide index
        // over a visit's own, and PostgreSQL's autovacuum would only catch up later.
        progress("ANALYZE …");
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        watch.Stop();
        var report = new GenerationReport(counts.Values.Sum(), watch.Elapsed, new Dictionary<string, long>(counts));
        log.LogInformation("Generated {Rows} rows in {Elapsed} ({RowsPerSecond:N0} rows/s)", report.Rows, report.Elapsed, report.RowsPerSecond);
        return report;
    }

    private async Task Write<T>(BulkWriter writer, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var n = await writer.WriteAsync(rows, ct);
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName()!;
        counts[table] = counts.GetValueOrDefault(table) + n;
    }

    private sealed record Township(string Name, Institution Centre, List<Institution> Villages, List<Institution> Institutions,
        List<Department> Departments, List<Staff> Staff, Dictionary<Guid, Department> ClinicalDepartment, Dictionary<Guid, Staff> Doctor);

    private static Township Town(Random rng, int index, Institution bureau, int existing)
    {
        var name = TownSyllables[rng.Next(TownSyllables.Length)] + TownSyllables[rng.Next(TownSyllables.Length)] + (index % 3 == 0 ? "乡" : "镇");
        var code = $"{bureau.Code[..6]}9{index + existing:000}";
        var centre = new Institution { Code = code, Name = $"{name}卫生院（{index + 1:00}）", Kind = InstitutionKind.TownshipHealthCentre, ParentId = bureau.Id, Address = name };
        var villages = Enumerable.Range(0, VillagesPerTownship).Select(v => new Institution
        {
            Code = $"{code}{v + 1:00}",
            Name = $"{name}{TownSyllables[rng.Next(TownSyllables.Length)]}{TownSyllables[rng.Next(TownSyllables.Length)]}村卫生室",
            Kind = InstitutionKind.VillageClinic,
            ParentId = centre.Id,
            Address = name,
        }).ToList();
        var all = villages.Prepend(centre).ToList();
        var departments = new List<Department>();
        var staff = new List<Staff>();
        var clinical = new Dictionary<Guid, Department>();
        var doctors = new Dictionary<Guid, Staff>();
        foreach (var inst in all)
        {
            var dept = new Department { InstitutionId = inst.Id, Name = inst == centre ? "内科" : "全科", IsClinical = true };
            departments.Add(dept);
            clinical[inst.Id] = dept;
            var doctor = new Staff { InstitutionId = inst.Id, DepartmentId = dept.Id, Name = DemoCatalogue.Name(rng, rng.Next(2) == 0), Title = "医师" };
            staff.Add(doctor);
            doctors[inst.Id] = doctor;
        }
        departments.Add(new Department { InstitutionId = centre.Id, Name = "药房" });
        departments.Add(new Department { InstitutionId = centre.Id, Name = "收费处" });
        return new Township(name, centre, villages, all, departments, staff, clinical, doctors);
    }

    private sealed record People(List<Household> Households, List<Resident> Residents, List<ResidentInstitution> Links);

    private static People Residents(Random rng, Township town, int count, DateOnly today, HashSet<string> usedIds, DateTime now)
    {
        var residents = new List<Resident>(count);
        var links = new List<ResidentInstitution>(count);
        for (var n = 0; n < count; n++)
        {
            var male = CountyShape.DrawMale(rng);
            var age = CountyShape.DrawAge(rng);
            var birth = today.AddYears(-age).AddDays(-rng.Next(0, 365));
            var id = DemoCatalogue.IssueIdNumber(rng, "130534", birth, male, usedIds);
            var home = town.Villages[rng.Next(town.Villages.Count)];
            var r = DemoCatalogue.Resident(rng, male, age, birth, id, home,
                g => $"{town.Name}{home.Name.Replace("卫生室", "", StringComparison.Ordinal)}{g.Next(1, 300).ToString(CultureInfo.InvariantCulture)}号", now);
            residents.Add(r);
            links.Add(new ResidentInstitution { ResidentId = r.Id, InstitutionId = home.Id, Since = now });
            if (rng.Next(10) < 6)
            {
                links.Add(new ResidentInstitution { ResidentId = r.Id, InstitutionId = town.Centre.Id, Since = now });
            }
        }
        var households = town.Villages.SelectMany(v => HouseholdShape.Form(rng, v, residents.Where(r => r.ManagingInstitutionId == v.Id).ToList(), today, now)).ToList();
        return new People(households, residents, links);
    }


    private sealed class History
    {
        public List<Visit> Visits { get; } = [];
        public List<VisitDiagnosis> Diagnoses { get; } = [];
        public List<Prescription> Prescriptions { get; } = [];
        public List<PrescriptionItem> Items { get; } = [];
        public List<Charge> Charges { get; } = [];
        public List<Payment> Payments { get; } = [];
        public List<StockBatch> Batches { get; } = [];
        public List<DispenseOrder> Orders { get; } = [];
        public List<DispenseLine> Lines { get; } = [];
        public List<StockMovement> Movements { get; } = [];
    }

    private static History OutpatientHistory(Random rng, Township town, List<Resident> residents, GenerationOptions options, PrescribingPlan plan, PriceItem fee, DateOnly today)
    {
        var h = new History();
        var batches = new Dictionary<(Guid Inst, Guid Drug, int Year), StockBatch>();
        var firstDay = today.AddYears(-options.Years);
        var span = today.DayNumber - firstDay.DayNumber;
        var queue = new Dictionary<(Guid Dept, DateOnly Day), int>();
        var methods = Enum.GetValues<PaymentMethod>();
        // Chronic patients come back for refills three times a year; the others' rate makes the county's mean the target.
        const double chronicRate = 3.0;
        var chronicShare = CountyShape.ExpectedChronicShare();
        var otherRate = Math.Max(0.05, (options.VisitsPerResidentYear - chronicRate * chronicShare) / (1 - chronicShare));
        foreach (var r in residents)
        {
            var age = today.Year - r.BirthDate.Year;
            var hypertensive = rng.NextDouble() < CountyShape.HypertensionPrevalence(age);
            var diabetic = rng.NextDouble() < CountyShape.DiabetesPrevalence(age);
            var perYear = hypertensive || diabetic ? chronicRate : otherRate;
            var visits = Poisson(rng, perYear * options.Years);
            for (var v = 0; v < visits; v++)
            {
                var day = firstDay.AddDays(rng.Next(0, span));
                var inst = rng.Next(10) < 6 ? town.Centre : town.Villages.First(x => x.Id == r.ManagingInstitutionId);
                var dept = town.ClinicalDepartment[inst.Id];
                var doctor = town.Doctor[inst.Id];
                var at = ChinaTime.StartOfDayUtc(day).AddHours(8 + rng.Next(0, 9)).AddMinutes(rng.Next(0, 60));
                var q = queue.GetValueOrDefault((dept.Id, day)) + 1;
                queue[(dept.Id, day)] = q;
                var (code, drug) = plan.Pick(rng, hypertensive, diabetic);
                var visit = new Visit
                {
                    ResidentId = r.Id,
                    InstitutionId = inst.Id,
                    DepartmentId = dept.Id,
                    DoctorStaffId = doctor.Id,
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
                visit.VisitNumber = "MZ" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + visit.Id.ToString("N")[^12..].ToUpperInvariant();
                h.Visits.Add(visit);
                h.Diagnoses.Add(new VisitDiagnosis { VisitId = visit.Id, Code = code, Name = plan.DiagnosisName(code), IsPrimary = true, Position = 0 });
                var payment = new Payment
                {
                    RequestId = "gen-" + visit.Id.ToString("N"),
                    VisitId = visit.Id,
                    ResidentId = r.Id,
                    InstitutionId = inst.Id,
                    Method = methods[rng.Next(methods.Length)],
                    CashierUserName = "generator",
                    CashierName = "收费员",
                    PaidAt = at.AddMinutes(30),
                };
                payment.ReceiptNumber = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + payment.Id.ToString("N")[^12..].ToUpperInvariant();
                var charges = new List<Charge> { NewCharge(visit, ChargeSource.Registration, visit.Id, visit.Id, fee.Code, fee.Name, fee.Unit, 1, fee.Price, payment, at) };
                if (drug is not null)
                {
                    var rx = new Prescription
                    {
                        VisitId = visit.Id,
                        ResidentId = r.Id,
                        InstitutionId = inst.Id,
                        PrescriberStaffId = doctor.Id,
                        PrescriberName = doctor.Name,
                        Status = PrescriptionStatus.Dispensed,
                        CreatedAt = at.AddMinutes(15),
                    };
                    rx.Number = "CF" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + rx.Id.ToString("N")[^12..].ToUpperInvariant();
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
                    h.Prescriptions.Add(rx);
                    h.Items.Add(item);
                    charges.Add(NewCharge(visit, ChargeSource.PrescriptionItem, rx.Id, item.Id, "RX", $"{drug.Name} {drug.Specification}", drug.PackUnit, packs, drug.RetailPrice, payment, at));
                    var order = new DispenseOrder
                    {
                        InstitutionId = inst.Id,
                        PrescriptionId = rx.Id,
                        PrescriptionNumber = rx.Number,
                        VisitId = visit.Id,
                        ResidentId = r.Id,
                        DoctorName = doctor.Name,
                        Status = DispenseStatus.Dispensed,
                        QueuedAt = payment.PaidAt,
                        DispensedAt = payment.PaidAt.AddMinutes(10),
                        DispensedBy = "药剂师",
                    };
                    var line = new DispenseLine { OrderId = order.Id, SourceItemId = item.Id, DrugId = drug.Id, Quantity = packs, Usage = "", Status = DispenseStatus.Dispensed };
                    h.Orders.Add(order);
                    h.Lines.Add(line);
                    var key = (inst.Id, drug.Id, day.Year);
                    if (!batches.TryGetValue(key, out var batch))
                    {
                        batch = new StockBatch
                        {
                            InstitutionId = inst.Id,
                            DrugId = drug.Id,
                            BatchNumber = $"{day.Year}{rng.Next(1000, 9999)}",
                            ExpiryDate = new DateOnly(day.Year + 2, 12, 31),
                            PurchasePrice = drug.RetailPrice,
                            RetailPrice = drug.RetailPrice,
                            Supplier = "冀中医药物流有限公司",
                            ReceivedAt = ChinaTime.StartOfDayUtc(new DateOnly(day.Year, 1, 1)),
                            ReceivedBy = "generator",
                        };
                        batches[key] = batch;
                    }
                    batch.QuantityReceived += packs;
                    h.Movements.Add(new StockMovement { BatchId = batch.Id, Kind = MovementKind.Dispense, Quantity = -packs, DispenseLineId = line.Id, At = order.DispensedAt!.Value, By = "generator" });
                }
                payment.Amount = charges.Sum(c => c.Amount);
                h.Payments.Add(payment);
                h.Charges.AddRange(charges);
            }
        }
        // Each year's batch received what was dispensed from it and a tenth more, which is still on hand.
        foreach (var b in batches.Values)
        {
            var spare = Math.Max(1, b.QuantityReceived / 10);
            b.QuantityOnHand = spare;
            b.QuantityReceived += spare;
            h.Batches.Add(b);
            h.Movements.Add(new StockMovement { BatchId = b.Id, Kind = MovementKind.Receipt, Quantity = b.QuantityReceived, At = b.ReceivedAt, By = "generator" });
        }
        return h;
    }

    private static Charge NewCharge(Visit v, ChargeSource source, Guid group, Guid sourceId, string code, string description, string unit, decimal qty, decimal price, Payment payment, DateTime at) => new()
    {
        VisitId = v.Id,
        ResidentId = v.ResidentId,
        InstitutionId = v.InstitutionId,
        DepartmentId = v.DepartmentId,
        Source = source,
        GroupId = group,
        SourceId = sourceId,
        ItemCode = code,
        Description = description,
        Unit = unit,
        Quantity = qty,
        UnitPrice = price,
        Amount = MoneyRules.LineAmount(qty, price),
        Status = ChargeStatus.Paid,
        PaymentId = payment.Id,
        CreatedAt = at,
    };

    private static int Poisson(Random rng, double mean)
    {
        // Knuth for small means, normal approximation above.
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Gaussian(rng)));
        }
        var l = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= rng.NextDouble();
        }
        while (p > l);
        return k - 1;
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}

/// <summary>Which diagnosis a visit gets and what is prescribed for it.</summary>
internal sealed class PrescribingPlan
{
    private readonly Dictionary<string, Drug?> drugFor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> names;
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

    private PrescribingPlan(Dictionary<string, string> names) => this.names = names;

    public static PrescribingPlan Build(List<Drug> drugs, Dictionary<string, string> icd)
    {
        var plan = new PrescribingPlan(icd);
        Drug? Find(string part) => drugs.FirstOrDefault(d => d.Name.Contains(part, StringComparison.Ordinal) && d.DosageForm.Contains('片', StringComparison.Ordinal))
            ?? drugs.FirstOrDefault(d => d.Name.Contains(part, StringComparison.Ordinal));
        plan.drugFor["I10"] = Find("氨氯地平");
        plan.drugFor["E11"] = Find("二甲双胍");
        foreach (var (code, _, drug) in Acute)
        {
            plan.drugFor[code] = Find(drug);
        }
        return plan;
    }

    public (string Code, Drug? Drug) Pick(Random rng, bool hypertensive, bool diabetic)
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

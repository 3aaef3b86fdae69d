using System.Globalization;
using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.Domain;
using CountyHealth.Server.Generation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Server.Seeding;

internal sealed record DemoAccount(string UserName, string Role, string RoleName, string FullName, string InstitutionName, string? Department);

/// <summary>
/// Seeds the demo county on first start of an empty database: 清河县 with its hospital, CDC, supervision,
/// three township centres and six village clinics, staff and an account for every role, ~200 residents with
/// valid ID numbers, the drug catalogue with stock, price items and the ICD-10 dictionary. Deterministic.
/// </summary>
internal sealed class DemoSeeder(CountyHealthDb db, UserManager<UserAccount> users, RoleManager<IdentityRole> roles, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public const string DemoPassword = "Demo2026";
    private const int ResidentCount = 200;

    private static readonly DemoCounty County = DemoCatalogue.County;
    private static string Township1 => County.Townships[0].HealthCentreName;

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin", Roles.Admin, Roles.NameOf(Roles.Admin), "赵建国", County.BureauName, null),
        new("cashier", Roles.Cashier, Roles.NameOf(Roles.Cashier), "王丽娟", Township1, "收费处"),
        new("doctor", Roles.Doctor, Roles.NameOf(Roles.Doctor), "李卫东", Township1, "内科"),
        new("doctor2", Roles.Doctor, Roles.NameOf(Roles.Doctor), "陈晓燕", Township1, "全科"),
        new("pharmacist", Roles.Pharmacist, Roles.NameOf(Roles.Pharmacist), "张雅琴", Township1, "药房"),
        new("pharmacist2", Roles.Pharmacist, Roles.NameOf(Roles.Pharmacist), "刘志刚", Township1, "药房"),
        new("nurse", Roles.Nurse, Roles.NameOf(Roles.Nurse), "孙美玲", Township1, "内科"),
        new("publichealth", Roles.PublicHealthDoctor, Roles.NameOf(Roles.PublicHealthDoctor), "周海涛", Township1, "公共卫生科"),
        new("villagedoctor", Roles.VillageDoctor, Roles.NameOf(Roles.VillageDoctor), "吴长青", County.Townships[0].VillageClinicNames[0], "全科"),
        new("villagedoctor2", Roles.VillageDoctor, Roles.NameOf(Roles.VillageDoctor), "郑秀兰", County.Townships[1].VillageClinicNames[0], "全科"),
        new("director", Roles.Director, Roles.NameOf(Roles.Director), "黄志明", Township1, null),
        new("hospital.cashier", Roles.Cashier, Roles.NameOf(Roles.Cashier), "马晓红", County.HospitalName, "收费处"),
        new("hospital.doctor", Roles.Doctor, Roles.NameOf(Roles.Doctor), "高振华", County.HospitalName, "内科"),
        new("cdc", Roles.Cdc, Roles.NameOf(Roles.Cdc), "林国庆", County.CdcName, null),
        new("inspector", Roles.Inspector, Roles.NameOf(Roles.Inspector), "何建平", County.SupervisionName, null),
        new("bureau", Roles.Bureau, Roles.NameOf(Roles.Bureau), "罗振宇", County.BureauName, null),
    ];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Set<Institution>().AnyAsync(ct))
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var institutions = SeedInstitutions();
        var departments = SeedDepartments(institutions);
        await db.SaveChangesAsync(ct);

        await SeedAccountsAsync(institutions, departments);
        SeedDictionaries();
        var drugs = SeedDrugs();
        await db.SaveChangesAsync(ct);

        SeedStock(institutions.Values.Where(i => i.Kind is InstitutionKind.CountyHospital or InstitutionKind.TownshipHealthCentre or InstitutionKind.VillageClinic), drugs, now, today);
        SeedResidents(institutions, now, today);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        log.LogInformation("Demo county {County}: {Institutions} institutions, {Residents} residents, {Drugs} drugs", County.Name, institutions.Count, ResidentCount, drugs.Count);
        return true;
    }

    private Dictionary<string, Institution> SeedInstitutions()
    {
        var all = new Dictionary<string, Institution>();
        Institution Add(string code, string name, InstitutionKind kind, Institution? parent)
        {
            var i = new Institution { Code = code, Name = name, Kind = kind, ParentId = parent?.Id, Address = $"{County.ParentRegionName}{County.Name}" };
            all[name] = i;
            db.Add(i);
            return i;
        }
        var bureau = Add(County.RegionCode + "000", County.BureauName, InstitutionKind.Bureau, null);
        Add(County.RegionCode + "001", County.HospitalName, InstitutionKind.CountyHospital, bureau);
        Add(County.RegionCode + "002", County.CdcName, InstitutionKind.Cdc, bureau);
        Add(County.RegionCode + "003", County.SupervisionName, InstitutionKind.SupervisionInstitute, bureau);
        for (var t = 0; t < County.Townships.Count; t++)
        {
            var town = County.Townships[t];
            var centre = Add($"{County.RegionCode}1{t + 1:00}", town.HealthCentreName, InstitutionKind.TownshipHealthCentre, bureau);
            centre.Address = $"{County.ParentRegionName}{County.Name}{town.Name}";
            for (var v = 0; v < town.VillageClinicNames.Count; v++)
            {
                var clinic = Add($"{County.RegionCode}1{t + 1:00}{v + 1:00}", town.VillageClinicNames[v], InstitutionKind.VillageClinic, centre);
                clinic.Address = $"{County.ParentRegionName}{County.Name}{town.Name}{town.VillageClinicNames[v].Replace("卫生室", "", StringComparison.Ordinal)}";
            }
        }
        return all;
    }

    private Dictionary<(Guid, string), Department> SeedDepartments(Dictionary<string, Institution> institutions)
    {
        var result = new Dictionary<(Guid, string), Department>();
        foreach (var inst in institutions.Values)
        {
            var list = inst.Kind switch
            {
                InstitutionKind.CountyHospital => DemoCatalogue.CountyHospitalDepartments,
                InstitutionKind.TownshipHealthCentre => DemoCatalogue.HealthCentreDepartments,
                InstitutionKind.VillageClinic => DemoCatalogue.VillageClinicDepartments,
                _ => [],
            };
            foreach (var d in list)
            {
                var dept = new Department { InstitutionId = inst.Id, Name = d.Name, IsClinical = d.Kind == DemoCatalogue.ClinicalKind };
                result[(inst.Id, d.Name)] = dept;
                db.Add(dept);
            }
        }
        return result;
    }

    private async Task SeedAccountsAsync(Dictionary<string, Institution> institutions, Dictionary<(Guid, string), Department> departments)
    {
        foreach (var role in Roles.ChineseNames.Keys)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
        foreach (var a in Accounts)
        {
            var inst = institutions[a.InstitutionName];
            var staff = new Staff
            {
                InstitutionId = inst.Id,
                Name = a.FullName,
                DepartmentId = a.Department is null ? null : departments[(inst.Id, a.Department)].Id,
                Title = a.Role switch { Roles.Doctor or Roles.VillageDoctor => "主治医师", Roles.Pharmacist => "主管药师", Roles.Nurse => "护师", _ => null },
            };
            db.Add(staff);
            await db.SaveChangesAsync();
            var account = new UserAccount { UserName = a.UserName, FullName = a.FullName, InstitutionId = inst.Id, StaffId = staff.Id, LockoutEnabled = true };
            var created = await users.CreateAsync(account, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo account: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(account, a.Role);
        }
    }

    private void SeedDictionaries()
    {
        using var stream = typeof(Icd10Entry).Assembly.GetManifestResourceStream("CountyHealth.Platform.icd10-categories.tsv")
            ?? throw new InvalidOperationException("ICD-10 resource missing");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length >= 2 && parts[0].Length > 0)
            {
                db.Add(new Icd10Entry { Code = parts[0].Trim(), Name = parts[1].Trim(), Pinyin = PinyinInitials.Of(parts[1]) });
            }
        }
        foreach (var p in DemoCatalogue.PriceItems)
        {
            db.Add(new PriceItem { Code = p.Code, Name = p.Name, Pinyin = PinyinInitials.Of(p.Name), Unit = p.Unit, Price = p.Price, Kind = p.Kind });
        }
    }

    private List<Drug> SeedDrugs()
    {
        var drugs = DemoCatalogue.Drugs.Select(d => new Drug
        {
            Code = d.Code,
            Name = d.GenericName,
            Pinyin = PinyinInitials.Of(d.GenericName),
            Specification = d.Specification,
            DosageForm = d.DosageForm,
            DoseUnit = d.DoseUnit,
            DoseUnitsPerBaseUnit = d.DoseUnitsPerBaseUnit,
            BaseUnit = d.BaseUnit,
            BaseUnitsPerPack = d.BaseUnitsPerPack,
            PackUnit = d.PackUnit,
            DefaultRoute = d.DefaultRoute,
            DefaultFrequency = d.DefaultFrequency,
            DefaultDose = d.DefaultDose,
            RetailPrice = d.RetailPrice,
            Manufacturer = d.Manufacturer,
            NeedsSkinTest = d.NeedsSkinTest,
            Category = d.Category,
        }).ToList();
        db.AddRange(drugs);
        return drugs;
    }

    private void SeedStock(IEnumerable<Institution> pharmacies, List<Drug> drugs, DateTime now, DateOnly today)
    {
        var rng = new Random(20261123);
        var purchase = DemoCatalogue.Drugs.ToDictionary(d => d.Code, d => d.PurchasePrice);
        foreach (var inst in pharmacies)
        {
            var scale = inst.Kind switch { InstitutionKind.CountyHospital => 200, InstitutionKind.TownshipHealthCentre => 60, _ => 15 };
            foreach (var d in drugs)
            {
                // Two batches: an older one that expires sooner (dispensed first) and a fresh one.
                foreach (var (months, share) in new[] { (8, 1), (24, 2) })
                {
                    var qty = scale * share / 2 + rng.Next(0, scale / 3 + 1);
                    var batch = new StockBatch
                    {
                        InstitutionId = inst.Id,
                        DrugId = d.Id,
                        BatchNumber = $"{today.AddMonths(months - 30):yyMMdd}{rng.Next(10, 99)}",
                        ExpiryDate = today.AddMonths(months).AddDays(rng.Next(0, 28)),
                        QuantityReceived = qty,
                        QuantityOnHand = qty,
                        PurchasePrice = purchase[d.Code],
                        RetailPrice = d.RetailPrice,
                        Supplier = "冀中医药物流有限公司",
                        ReceivedAt = now,
                        ReceivedBy = "system",
                    };
                    db.Add(batch);
                    db.Add(new StockMovement { BatchId = batch.Id, Kind = MovementKind.Receipt, Quantity = qty, At = now, By = "system" });
                }
            }
        }
    }

    private void SeedResidents(Dictionary<string, Institution> institutions, DateTime now, DateOnly today)
    {
        var rng = new Random(1845400);
        var homes = institutions.Values.Where(i => i.Kind == InstitutionKind.VillageClinic).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var residents = new List<Resident>(ResidentCount);
        for (var n = 0; n < ResidentCount; n++)
        {
            var male = rng.Next(2) == 0;
            // Age structure weighted towards adults and the elderly, as in a rural county.
            var age = rng.Next(100) switch { < 12 => rng.Next(0, 15), < 30 => rng.Next(15, 40), < 65 => rng.Next(40, 65), _ => rng.Next(65, 92) };
            var birth = today.AddYears(-age).AddDays(-rng.Next(0, 365));
            var id = DemoCatalogue.IssueIdNumber(rng, County.RegionCode, birth, male, used);
            var home = homes[n % homes.Count];
            var resident = DemoCatalogue.Resident(rng, male, age, birth, id, home, g => $"{home.Address}{g.Next(1, 120).ToString(CultureInfo.InvariantCulture)}号", now);
            residents.Add(resident);
            db.Add(new ResidentInstitution { ResidentId = resident.Id, InstitutionId = home.Id, Since = now });
        }
        // Households from their own random stream, so the residents above stay as they were before households existed.
        var households = new Random(4761);
        foreach (var home in homes)
        {
            db.AddRange(HouseholdShape.Form(households, home, residents.Where(r => r.ManagingInstitutionId == home.Id).ToList(), today, now));
        }
        db.AddRange(residents);
    }

}

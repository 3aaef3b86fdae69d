using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Diagnoses;
using CountyHealth.Platform.Domain;
using CountyHealth.Platform.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Seeding;

/// <summary>
/// The demo county's institutions (bureau, county hospital, CDC, supervision, three township centres and six village
/// clinics), their departments, a member of staff and an account for every demo login, and the ICD-10 dictionary.
/// </summary>
internal sealed class PlatformDemoData(CountyHealthDb db, UserManager<UserAccount> users, RoleManager<IdentityRole> roles, DirectoryCache cache) : IDemoData
{
    public Task<bool> IsSeededAsync(CancellationToken ct) => db.Set<Institution>().AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        var institutions = Institutions();
        var departments = Departments(institutions);
        await db.SaveChangesAsync(ct);
        await AccountsAsync(institutions, departments, ct);
        Dictionary();
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
    }

    private Dictionary<string, Institution> Institutions()
    {
        var all = new Dictionary<string, Institution>();
        Institution Add(string code, string name, InstitutionKind kind, Institution? parent, string address)
        {
            var i = new Institution { Code = code, Name = name, Kind = kind, ParentId = parent?.Id, Address = address };
            all[name] = i;
            db.Add(i);
            return i;
        }
        var region = DemoAccounts.RegionCode;
        var bureau = Add(region + "000", DemoAccounts.BureauName, InstitutionKind.Bureau, null, DemoCounty.Address);
        Add(region + "001", DemoAccounts.HospitalName, InstitutionKind.CountyHospital, bureau, DemoCounty.Address);
        Add(region + "002", DemoAccounts.CdcName, InstitutionKind.Cdc, bureau, DemoCounty.Address);
        Add(region + "003", DemoAccounts.SupervisionName, InstitutionKind.SupervisionInstitute, bureau, DemoCounty.Address);
        for (var t = 0; t < DemoCounty.Townships.Count; t++)
        {
            var town = DemoCounty.Townships[t];
            var centre = Add($"{region}1{t + 1:00}", town.HealthCentreName, InstitutionKind.TownshipHealthCentre, bureau, DemoCounty.Address + town.Name);
            for (var v = 0; v < town.VillageClinicNames.Count; v++)
            {
                var name = town.VillageClinicNames[v];
                Add($"{region}1{t + 1:00}{v + 1:00}", name, InstitutionKind.VillageClinic, centre,
                    DemoCounty.Address + town.Name + name.Replace("卫生室", "", StringComparison.Ordinal));
            }
        }
        return all;
    }

    private Dictionary<(Guid, string), Department> Departments(Dictionary<string, Institution> institutions)
    {
        var result = new Dictionary<(Guid, string), Department>();
        foreach (var inst in institutions.Values)
        {
            var list = inst.Kind switch
            {
                InstitutionKind.CountyHospital => DemoCounty.CountyHospitalDepartments,
                InstitutionKind.TownshipHealthCentre => DemoCounty.HealthCentreDepartments,
                InstitutionKind.VillageClinic => DemoCounty.VillageClinicDepartments,
                _ => [],
            };
            foreach (var d in list)
            {
                var dept = new Department { InstitutionId = inst.Id, Name = d.Name, IsClinical = d.IsClinical };
                result[(inst.Id, d.Name)] = dept;
                db.Add(dept);
            }
        }
        return result;
    }

    private async Task AccountsAsync(Dictionary<string, Institution> institutions, Dictionary<(Guid, string), Department> departments, CancellationToken ct)
    {
        foreach (var role in Roles.ChineseNames.Keys)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
        foreach (var a in DemoAccounts.All)
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
            await db.SaveChangesAsync(ct);
            var account = new UserAccount { UserName = a.UserName, FullName = a.FullName, InstitutionId = inst.Id, StaffId = staff.Id, LockoutEnabled = true };
            var created = await users.CreateAsync(account, DemoAccounts.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo account: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(account, a.Role);
        }
    }

    private void Dictionary()
    {
        foreach (var entry in ShippedDictionary())
        {
            db.Add(entry);
        }
    }

    /// <summary>The ICD-10 categories of the embedded icd10-categories.tsv, with their search columns.</summary>
    internal static List<Icd10Entry> ShippedDictionary()
    {
        using var stream = typeof(PlatformDemoData).Assembly.GetManifestResourceStream("CountyHealth.Platform.icd10-categories.tsv")
            ?? throw new InvalidOperationException("ICD-10 resource missing");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var entries = new List<Icd10Entry>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length >= 2 && parts[0].Length > 0)
            {
                var entry = new Icd10Entry { Code = parts[0].Trim(), Name = parts[1].Trim() };
                entry.Apply(DiagnosisAliases.KeysFor(entry.Code, entry.Name));
                entries.Add(entry);
            }
        }
        return entries;
    }
}

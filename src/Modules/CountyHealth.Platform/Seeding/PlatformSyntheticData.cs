using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using CountyHealth.Platform.Institutions;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Seeding;

/// <summary>
/// The synthetic county's townships: a health centre and fifteen village clinics each under the demo county's bureau,
/// each with a clinical department and a doctor; the health centre also has a pharmacy and a cashier's office.
/// </summary>
internal sealed class PlatformSyntheticData(CountyHealthDb db, DirectoryCache cache) : ISyntheticData
{
    private const int VillagesPerTownship = 15;

    private static readonly string[] TownSyllables = ["东", "西", "南", "北", "大", "小", "新", "古", "高", "柳", "杨", "李", "王", "张", "马", "石", "河", "桥", "店", "营", "庄", "屯", "集", "寨", "坡", "岗", "林", "堡"];

    private Institution? bureau;
    private int existing;

    public async Task PrepareAsync(GenerationRun run, CancellationToken ct)
    {
        bureau = await db.Set<Institution>().AsNoTracking().FirstAsync(i => i.Kind == InstitutionKind.Bureau, ct);
        existing = await db.Set<Institution>().CountAsync(ct);
    }

    public async Task GenerateTownshipAsync(GenerationRun run, int index, CancellationToken ct)
    {
        if (run.Options.IntoDemoTownship)
        {
            run.Put(await DemoTownshipAsync(ct));
            return;
        }
        var rng = run.Random;
        var name = TownSyllables[rng.Next(TownSyllables.Length)] + TownSyllables[rng.Next(TownSyllables.Length)] + (index % 3 == 0 ? "乡" : "镇");
        var code = $"{bureau!.Code[..6]}9{index + existing:000}";
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
        var clinics = new List<GeneratedClinic>();
        foreach (var inst in all)
        {
            var dept = new Department { InstitutionId = inst.Id, Name = inst == centre ? "内科" : "全科", IsClinical = true };
            departments.Add(dept);
            var doctor = new Staff { InstitutionId = inst.Id, DepartmentId = dept.Id, Name = SyntheticNames.Name(rng, rng.Next(2) == 0), Title = "医师" };
            staff.Add(doctor);
            clinics.Add(new GeneratedClinic(inst.Id, inst.Code, inst.Name, dept.Id, doctor.Id, doctor.Name));
        }
        departments.Add(new Department { InstitutionId = centre.Id, Name = "药房" });
        departments.Add(new Department { InstitutionId = centre.Id, Name = "收费处" });
        await run.Writer.WriteAsync(all, ct);
        await run.Writer.WriteAsync(departments, ct);
        await run.Writer.WriteAsync(staff, ct);
        // The bulk path bypasses the writes that keep the cached institution tree fresh.
        cache.Invalidate();
        run.Put(new GeneratedTownship(name, clinics[0], clinics.Skip(1).ToList(), bureau.Code[..6]));
    }

    /// <summary>The demo county's first township as it stands: each clinic's first clinical department and a doctor of it.</summary>
    private async Task<GeneratedTownship> DemoTownshipAsync(CancellationToken ct)
    {
        var centre = await db.Set<Institution>().AsNoTracking().Where(i => i.Kind == InstitutionKind.TownshipHealthCentre && i.ParentId == bureau!.Id)
            .OrderBy(i => i.Code).FirstAsync(ct);
        var villages = await db.Set<Institution>().AsNoTracking().Where(i => i.ParentId == centre.Id && i.Kind == InstitutionKind.VillageClinic).OrderBy(i => i.Code).ToListAsync(ct);
        var clinics = new List<GeneratedClinic>();
        foreach (var inst in villages.Prepend(centre))
        {
            var dept = await db.Set<Department>().AsNoTracking().Where(d => d.InstitutionId == inst.Id && d.IsClinical).OrderBy(d => d.Name == "内科" ? 0 : 1).ThenBy(d => d.Id).FirstOrDefaultAsync(ct);
            var doctor = dept is null ? null : await db.Set<Staff>().AsNoTracking().Where(s => s.DepartmentId == dept.Id && s.IsActive).OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
            if (dept is not null && doctor is not null)
            {
                clinics.Add(new GeneratedClinic(inst.Id, inst.Code, inst.Name, dept.Id, doctor.Id, doctor.Name));
            }
        }
        var name = centre.Name.Replace("卫生院", "", StringComparison.Ordinal);
        return new GeneratedTownship(name, clinics[0], clinics.Skip(1).ToList(), bureau!.Code[..6]);
    }
}

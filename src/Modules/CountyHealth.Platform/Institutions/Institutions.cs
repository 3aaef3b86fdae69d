using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Institutions;

public sealed record InstitutionRow(Guid Id, string Code, string Name, InstitutionKind Kind, string KindName, Guid? ParentId, string? ParentName, bool IsActive, bool IsTcm = false);

public sealed record InstitutionRequest(string Code, string Name, InstitutionKind Kind, Guid? ParentId, [Text(200)] string? Address, string? Phone, bool IsTcm)
{
    internal FieldErrors Validate()
    {
        var e = FieldErrors.For(this).Require("code", Code, "机构编码", 32).Require("name", Name, "机构名称", 100);
        if (!Enum.IsDefined(Kind))
        {
            e.Add("kind", "机构类别无效");
        }
        return e;
    }

    /// <summary>The rules that need the database: the parent exists and the code is not another institution's.</summary>
    internal async Task<FieldErrors> ValidateAsync(CountyHealthDb db, Guid? self, CancellationToken ct)
    {
        var e = Validate();
        if (ParentId is { } p && !await db.Set<Institution>().AnyAsync(i => i.Id == p, ct))
        {
            e.Add("parentId", "上级机构不存在");
        }
        if (!string.IsNullOrWhiteSpace(Code) && await db.Set<Institution>().AnyAsync(i => i.Code == Code.Trim() && i.Id != self, ct))
        {
            e.Add("code", "机构编码已存在");
        }
        return e;
    }
}

/// <summary>The institutions the user's directory permission reaches, by code.</summary>
internal sealed class ListInstitutions(CountyHealthDb db, IAccessScope scope) : IUseCase
{
    public async Task<List<InstitutionRow>> HandleAsync(CancellationToken ct)
    {
        var within = await scope.InstitutionsAsync(PlatformPermissions.DirectoryRead, ct);
        var all = await db.Set<Institution>().AsNoTracking().ToListAsync(ct);
        var names = all.ToDictionary(i => i.Id, i => i.Name);
        return all.Where(i => within is null || within.Contains(i.Id)).OrderBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new InstitutionRow(i.Id, i.Code, i.Name, i.Kind, InstitutionKinds.ChineseName(i.Kind), i.ParentId,
                i.ParentId is { } p && names.TryGetValue(p, out var pn) ? pn : null, i.IsActive, i.IsTcm)).ToList();
    }
}

/// <summary>Adds an institution to the tree.</summary>
internal sealed class CreateInstitution(CountyHealthDb db, DirectoryCache cache) : IUseCase
{
    public async Task<Results<Created<InstitutionRow>, ValidationProblem>> HandleAsync(InstitutionRequest r, CancellationToken ct)
    {
        var e = await r.ValidateAsync(db, null, ct);
        if (e.Any)
        {
            return e.ToProblem();
        }
        var inst = new Institution { Code = r.Code.Trim(), Name = r.Name.Trim(), Kind = r.Kind, ParentId = r.ParentId, Address = r.Address, Phone = r.Phone, IsTcm = r.IsTcm };
        db.Add(inst);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/v1/institutions/{inst.Id}",
            new InstitutionRow(inst.Id, inst.Code, inst.Name, inst.Kind, InstitutionKinds.ChineseName(inst.Kind), inst.ParentId, null, true, inst.IsTcm));
    }
}

/// <summary>Changes an institution's code, name, kind, parent or contact; it cannot move below itself.</summary>
internal sealed class UpdateInstitution(CountyHealthDb db, DirectoryCache cache, IInstitutionDirectory directory) : IUseCase
{
    public async Task<Results<NoContent, NotFound, ValidationProblem>> HandleAsync(Guid id, InstitutionRequest r, CancellationToken ct)
    {
        var inst = await db.Set<Institution>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inst is null)
        {
            return TypedResults.NotFound();
        }
        var e = await r.ValidateAsync(db, id, ct);
        if (r.ParentId is { } p && (await directory.SubtreeAsync(id, ct)).Contains(p))
        {
            e.Add("parentId", "上级机构不能是本机构或其下级");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        (inst.Code, inst.Name, inst.Kind, inst.ParentId, inst.Address, inst.Phone, inst.IsTcm) = (r.Code.Trim(), r.Name.Trim(), r.Kind, r.ParentId, r.Address, r.Phone, r.IsTcm);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.NoContent();
    }
}

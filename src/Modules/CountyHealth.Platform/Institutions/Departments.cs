using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Institutions;

public sealed record DepartmentRow(Guid Id, Guid InstitutionId, string Name, bool IsClinical, bool IsActive);

public sealed record DepartmentRequest(Guid InstitutionId, string Name, bool IsClinical);

/// <summary>The departments of an institution (the user's own when none is given) that her directory permission reaches, by name.</summary>
internal sealed class ListDepartments(CountyHealthDb db, ICurrentUser user, IAccessScope scope) : IUseCase
{
    public async Task<Results<Ok<List<DepartmentRow>>, ProblemHttpResult>> HandleAsync(Guid? institutionId, CancellationToken ct)
    {
        if ((institutionId ?? user.InstitutionId) is not { } inst || !await scope.CoversAsync(PlatformPermissions.DirectoryRead, inst, ct))
        {
            return Problems.NotFound("未找到该机构");
        }
        return TypedResults.Ok(await db.Set<Department>().AsNoTracking().Where(d => d.InstitutionId == inst).OrderBy(d => d.Name)
            .Select(d => new DepartmentRow(d.Id, d.InstitutionId, d.Name, d.IsClinical, d.IsActive)).ToListAsync(ct));
    }
}

/// <summary>Adds a department to an institution; names are unique within it.</summary>
internal sealed class CreateDepartment(CountyHealthDb db, DirectoryCache cache) : IUseCase
{
    public async Task<Results<Created<DepartmentRow>, ValidationProblem>> HandleAsync(DepartmentRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r).Require("name", r.Name, "科室名称", 50);
        if (!await db.Set<Institution>().AnyAsync(i => i.Id == r.InstitutionId, ct))
        {
            e.Add("institutionId", "机构不存在");
        }
        else if (await db.Set<Department>().AnyAsync(d => d.InstitutionId == r.InstitutionId && d.Name == r.Name.Trim(), ct))
        {
            e.Add("name", "该机构已有同名科室");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var d = new Department { InstitutionId = r.InstitutionId, Name = r.Name.Trim(), IsClinical = r.IsClinical };
        db.Add(d);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/v1/departments/{d.Id}", new DepartmentRow(d.Id, d.InstitutionId, d.Name, d.IsClinical, true));
    }
}

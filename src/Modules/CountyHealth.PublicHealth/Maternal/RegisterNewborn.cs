using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.PublicHealth.Contracts;
using CountyHealth.PublicHealth.Domain;
using CountyHealth.Residents.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.PublicHealth.Maternal;

/// <summary>A baby of the delivery: its sex and, when it has one yet, its name (else it is registered as 王芳之女).</summary>
public sealed record NewbornRequest([Text(50)] string? Name, Sex Sex, int Version);

/// <summary>
/// 新生儿登记: a baby of a recorded delivery enters the resident index, born on the delivery day, into its mother's
/// household and under her home clinic — from there the newborn visit, the check-ups and the vaccinations find it. As
/// many babies as the delivery's live births, each once.
/// </summary>
internal sealed class RegisterNewborn(CountyHealthDb db, MaternalPages pages, IResidentDirectory residents, ICurrentUser user, TimeProvider clock) : IUseCase
{
    /// <summary>A delivery's babies are registered after it is recorded, up to its live births, the pregnancy closed or not.</summary>
    public static bool MayRegister(Pregnancy p, int registered) =>
        p.Status is PregnancyStatus.Delivered or PregnancyStatus.Closed && registered < (p.LiveBirths ?? 0);

    public async Task<Results<Created<PregnancyView>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, NewbornRequest r, CancellationToken ct)
    {
        if (await pages.FindAsync(id, PublicHealthPermissions.Maternal, ct) is not { } p)
        {
            return Problems.NotFound(MaternalPages.NotFound);
        }
        if (p.Status is PregnancyStatus.Antenatal or PregnancyStatus.Ended)
        {
            return Problems.Conflict(p.Status == PregnancyStatus.Antenatal ? "请先登记分娩，再登记新生儿" : "该孕产妇已终止管理，没有可登记的新生儿");
        }
        if (r.Version != p.Version)
        {
            return Problems.Conflict(MaternalPages.Changed);
        }
        var registered = await db.Set<PregnancyNewborn>().CountAsync(n => n.PregnancyId == p.Id, ct);
        if (!MayRegister(p, registered))
        {
            return Problems.Conflict($"本次分娩活产 {p.LiveBirths ?? 0} 人，已登记 {registered} 人，不能再登记");
        }
        var e = FieldErrors.For(r);
        if (r.Sex is not (Sex.Male or Sex.Female))
        {
            e.Add("sex", "请选择新生儿性别");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var mother = (await residents.GetManyAsync([p.ResidentId], ct))[p.ResidentId];
        var name = string.IsNullOrWhiteSpace(r.Name) ? MaternalRules.NewbornName(mother.Name, r.Sex, registered + 1, p.LiveBirths!.Value) : r.Name.Trim();
        var baby = await residents.RegisterNewbornAsync(new NewbornOfMother(p.ResidentId, name, r.Sex, p.DeliveredOn!.Value), ct);
        db.Add(new PregnancyNewborn
        {
            PregnancyId = p.Id,
            MotherId = p.ResidentId,
            ResidentId = baby,
            RegisteredBy = user.FullName,
            RegisteredAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            return await RecordAntenatalVisit.SaveAsync(db, pages, p, ct);
        }
        catch (DbUpdateException)
        {
            // Another household numbered at the clinic in the same instant took the number: nothing was saved.
            return Problems.Conflict("登记未完成（家庭户编号被同时占用），请重试");
        }
    }
}

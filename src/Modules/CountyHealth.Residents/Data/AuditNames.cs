using CountyHealth.Kernel.Auditing;
using CountyHealth.Kernel.Data;
using CountyHealth.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Residents.Data;

/// <summary>The resident index in the audit log: residents by name, their households by number, a resident found by name or ID number.</summary>
internal sealed class ResidentsAuditedRecords(CountyHealthDb db) : AuditedRecords
{
    public override IReadOnlyList<AuditedType> Types { get; } =
    [
        AuditedType.Of<Resident>("居民",
            (nameof(Resident.Name), "姓名"),
            (nameof(Resident.Pinyin), "姓名"),
            (nameof(Resident.Sex), "性别"),
            (nameof(Resident.BirthDate), "出生日期"),
            (nameof(Resident.IdNumber), "身份证号"),
            (nameof(Resident.IdNumberReversed), "身份证号"),
            (nameof(Resident.Phone), "电话"),
            (nameof(Resident.PhoneReversed), "电话"),
            (nameof(Resident.Address), "住址"),
            (nameof(Resident.Ethnicity), "民族"),
            (nameof(Resident.ManagingInstitutionId), "管理机构"),
            (nameof(Resident.HouseholdId), "家庭户"),
            (nameof(Resident.RelationToHead), "与户主关系"),
            (nameof(Resident.CreatedAt), "建档时间"),
            (nameof(Resident.UpdatedAt), ""),
            (nameof(Resident.Version), "")),
        AuditedType.Of<ResidentIdentityChange>("身份信息更正",
            (nameof(ResidentIdentityChange.ResidentId), "居民"),
            (nameof(ResidentIdentityChange.ChangedAt), "更正时间"),
            (nameof(ResidentIdentityChange.ChangedBy), "更正人"),
            (nameof(ResidentIdentityChange.InstitutionId), "更正机构"),
            (nameof(ResidentIdentityChange.Reason), "更正原因"),
            (nameof(ResidentIdentityChange.OldName), "原姓名"),
            (nameof(ResidentIdentityChange.OldSex), "原性别"),
            (nameof(ResidentIdentityChange.OldBirthDate), "原出生日期"),
            (nameof(ResidentIdentityChange.OldIdNumber), "原身份证号"),
            (nameof(ResidentIdentityChange.NewName), "新姓名"),
            (nameof(ResidentIdentityChange.NewSex), "新性别"),
            (nameof(ResidentIdentityChange.NewBirthDate), "新出生日期"),
            (nameof(ResidentIdentityChange.NewIdNumber), "新身份证号")),
        AuditedType.Of<BreakGlassGrant>("紧急查阅授权",
            (nameof(BreakGlassGrant.ResidentId), "居民"),
            (nameof(BreakGlassGrant.UserId), "账户"),
            (nameof(BreakGlassGrant.UserName), "用户名"),
            (nameof(BreakGlassGrant.FullName), "姓名"),
            (nameof(BreakGlassGrant.InstitutionId), "机构"),
            (nameof(BreakGlassGrant.Reason), "理由"),
            (nameof(BreakGlassGrant.GrantedAt), "开启时间"),
            (nameof(BreakGlassGrant.ExpiresAt), "到期时间")),
        AuditedType.Of<Household>("家庭户"),
    ];

    public override async Task LabelAsync(AuditLabels labels, CancellationToken ct)
    {
        var residentIds = labels.IdsOf(nameof(Resident)).Concat(labels.Residents).Distinct().ToList();
        if (residentIds.Count > 0)
        {
            var names = await db.Set<Resident>().AsNoTracking().Where(r => residentIds.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
            foreach (var r in names)
            {
                labels.Set(nameof(Resident), r.Id, r.Name);
                labels.SetResident(r.Id, r.Name);
            }
        }
        var householdIds = labels.IdsOf(nameof(Household));
        if (householdIds.Count > 0)
        {
            var numbers = await db.Set<Household>().AsNoTracking().Where(h => householdIds.Contains(h.Id)).Select(h => new { h.Id, h.Number }).ToListAsync(ct);
            foreach (var h in numbers)
            {
                labels.Set(nameof(Household), h.Id, h.Number);
            }
        }
    }

    /// <summary>18 characters of which the first 17 are digits are an ID number (as the resident search reads them); anything else a full name.</summary>
    public override async Task<IReadOnlyList<Guid>> FindResidentsAsync(string nameOrIdNumber, IReadOnlyCollection<Guid>? within, int take, CancellationToken ct)
    {
        var text = nameOrIdNumber.Trim();
        var rows = db.Set<Resident>().AsNoTracking();
        if (text.Length == 18 && text[..17].All(char.IsAsciiDigit))
        {
            var id = text.ToUpperInvariant();
            rows = rows.Where(r => r.IdNumber == id);
        }
        else
        {
            rows = rows.Where(r => r.Name == text);
        }
        if (within is not null)
        {
            rows = rows.Where(r => db.Set<ResidentInstitution>().Where(l => within.Contains(l.InstitutionId)).Select(l => l.ResidentId).Contains(r.Id));
        }
        return await rows.OrderBy(r => r.Id).Select(r => r.Id).Take(take).ToListAsync(ct);
    }
}

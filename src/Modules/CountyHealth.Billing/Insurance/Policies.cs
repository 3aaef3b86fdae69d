using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Time;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Billing.Insurance;

/// <summary>A rate of a policy: setting Outpatient or Inpatient; level Village, Township, County or AboveCounty; shares 0–1.</summary>
public sealed record PolicyRateRequest(string Setting, string Level, decimal Deductible, decimal Ratio, decimal ElderlyUplift);

/// <summary>A new policy of a scheme from a day; shares are fractions (0.1 = 10 %), money in 元.</summary>
public sealed record PolicyRequest(string SchemeCode, string Name, DateOnly EffectiveFrom, decimal PersonalContribution, decimal SubsidyPerPerson, decimal AnnualCap,
    decimal ClassBSelfPayShare, int ElderlyAge, decimal TcmInpatientDeductibleCut, IReadOnlyList<PolicyRateRequest> Rates);

public sealed record PolicyRateView(string Setting, string SettingName, string Level, string LevelName, decimal Deductible, decimal Ratio, decimal ElderlyUplift);

public sealed record PolicyView(Guid Id, string SchemeCode, string SchemeName, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveUntil, bool InForce,
    decimal PersonalContribution, decimal SubsidyPerPerson, decimal AnnualCap, decimal ClassBSelfPayShare, int ElderlyAge, decimal TcmInpatientDeductibleCut,
    IReadOnlyList<PolicyRateView> Rates, int Settlements, string CreatedBy);

internal static class Policies
{
    /// <summary>The policy of a scheme for a year's enrolment: the one in force on its first day, else the first to begin within it.</summary>
    public static async Task<InsurancePolicy?> ForYearAsync(CountyHealthDb db, Guid schemeId, int year, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        return await db.Set<InsurancePolicy>().AsNoTracking().Where(p => p.SchemeId == schemeId && p.EffectiveFrom <= first).OrderByDescending(p => p.EffectiveFrom).FirstOrDefaultAsync(ct)
            ?? await db.Set<InsurancePolicy>().AsNoTracking().Where(p => p.SchemeId == schemeId && p.EffectiveFrom.Year == year).OrderBy(p => p.EffectiveFrom).FirstOrDefaultAsync(ct);
    }
}

/// <summary>Every scheme's policies, newest first, with the days each was in force and how many settlements used it.</summary>
internal sealed class ListPolicies(CountyHealthDb db, TimeProvider clock) : IUseCase
{
    public async Task<List<PolicyView>> HandleAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var schemes = await db.Set<InsuranceScheme>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var policies = await db.Set<InsurancePolicy>().AsNoTracking().Include(p => p.Rates).OrderBy(p => p.SchemeId).ThenBy(p => p.EffectiveFrom).ToListAsync(ct);
        var used = await db.Set<InsuranceSettlement>().AsNoTracking().GroupBy(s => s.PolicyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var views = new List<PolicyView>();
        foreach (var bySchema in policies.GroupBy(p => p.SchemeId))
        {
            var list = bySchema.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var p = list[i];
                DateOnly? until = i + 1 < list.Count ? list[i + 1].EffectiveFrom.AddDays(-1) : null;
                var scheme = schemes[p.SchemeId];
                views.Add(new PolicyView(p.Id, scheme.Code, scheme.Name, p.Name, p.EffectiveFrom, until, p.EffectiveFrom <= today && (until is null || until >= today),
                    p.PersonalContribution, p.SubsidyPerPerson, p.AnnualCap, p.ClassBSelfPayShare, p.ElderlyAge, p.TcmInpatientDeductibleCut,
                    p.Rates.OrderBy(r => r.Setting).ThenBy(r => r.Level).Select(r => new PolicyRateView(r.Setting.ToString(), CareLevels.SettingName(r.Setting), r.Level.ToString(),
                        CareLevels.ChineseName(r.Level), r.Deductible, r.Ratio, r.ElderlyUplift)).ToList(),
                    used.GetValueOrDefault(p.Id), p.CreatedBy));
            }
        }
        return views.OrderBy(v => v.SchemeCode, StringComparer.Ordinal).ThenByDescending(v => v.EffectiveFrom).ToList();
    }
}

/// <summary>
/// Adds a policy of a scheme from a day on. It begins today or later: a day already settled keeps the policy it was
/// settled under, and no policy in use is ever edited — the next one replaces it from its first day.
/// </summary>
internal sealed class CreatePolicy(CountyHealthDb db, ICurrentUser user, TimeProvider clock) : IUseCase
{
    public async Task<Results<Created<PolicyView>, ValidationProblem>> HandleAsync(PolicyRequest r, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var e = FieldErrors.For(r).Require("name", r.Name, "方案名称", 100)
            .Range("personalContribution", r.PersonalContribution, 0m, 100_000m, "个人缴费", "元")
            .Range("subsidyPerPerson", r.SubsidyPerPerson, 0m, 100_000m, "财政补助", "元")
            .Range("annualCap", r.AnnualCap, 1m, 100_000_000m, "年度封顶线", "元")
            .Range("classBSelfPayShare", r.ClassBSelfPayShare, 0m, 1m, "乙类先行自付比例", "")
            .Range("tcmInpatientDeductibleCut", r.TcmInpatientDeductibleCut, 0m, 1m, "中医医疗机构起付线降低比例", "");
        if (r.ElderlyAge is < 0 or > 120)
        {
            e.Add("elderlyAge", "高龄提高比例的起始年龄应在0—120岁之间");
        }
        var scheme = await db.Set<InsuranceScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == r.SchemeCode, ct);
        if (scheme is null)
        {
            e.Add("schemeCode", "请选择险种");
        }
        if (r.EffectiveFrom < today)
        {
            e.Add("effectiveFrom", $"生效日期不能早于今天（{ChinaTime.FormatDate(today)}）：已结算的日子沿用当时的方案");
        }
        else if (scheme is not null && await db.Set<InsurancePolicy>().AnyAsync(p => p.SchemeId == scheme.Id && p.EffectiveFrom == r.EffectiveFrom, ct))
        {
            e.Add("effectiveFrom", "该险种这一天已有生效的补偿方案");
        }
        var rates = new List<InsurancePolicyRate>();
        var rateList = r.Rates ?? [];
        if (rateList.Count == 0)
        {
            e.Add("rates", "请至少填写一个级别的起付线和报销比例");
        }
        for (var i = 0; i < rateList.Count; i++)
        {
            var x = rateList[i];
            var f = $"rates[{i}]";
            if (!Enum.TryParse<CareSetting>(x.Setting, ignoreCase: false, out var setting) || !Enum.IsDefined(setting))
            {
                e.Add($"{f}.setting", "门诊/住院无效");
                continue;
            }
            if (!Enum.TryParse<CareLevel>(x.Level, ignoreCase: false, out var level) || !Enum.IsDefined(level))
            {
                e.Add($"{f}.level", "机构级别无效");
                continue;
            }
            var where = CareLevels.ChineseName(level) + CareLevels.SettingName(setting);
            e.Range($"{f}.deductible", x.Deductible, 0m, 1_000_000m, where + "起付线", "元")
                .Range($"{f}.ratio", x.Ratio, 0m, 1m, where + "报销比例", "")
                .Range($"{f}.elderlyUplift", x.ElderlyUplift, 0m, 1m, where + "高龄提高", "");
            if (rates.Any(o => o.Setting == setting && o.Level == level))
            {
                e.Add($"{f}.level", where + "重复填写");
                continue;
            }
            rates.Add(new InsurancePolicyRate { Setting = setting, Level = level, Deductible = x.Deductible, Ratio = x.Ratio, ElderlyUplift = x.ElderlyUplift });
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var policy = new InsurancePolicy
        {
            SchemeId = scheme!.Id,
            Name = r.Name.Trim(),
            EffectiveFrom = r.EffectiveFrom,
            PersonalContribution = r.PersonalContribution,
            SubsidyPerPerson = r.SubsidyPerPerson,
            AnnualCap = r.AnnualCap,
            ClassBSelfPayShare = r.ClassBSelfPayShare,
            ElderlyAge = r.ElderlyAge,
            TcmInpatientDeductibleCut = r.TcmInpatientDeductibleCut,
            CreatedBy = user.FullName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Rates = rates,
        };
        db.Add(policy);
        await db.SaveChangesAsync(ct);
        var view = (await new ListPolicies(db, clock).HandleAsync(ct)).Single(v => v.Id == policy.Id);
        return TypedResults.Created($"/api/v1/billing/insurance/policies/{policy.Id}", view);
    }
}

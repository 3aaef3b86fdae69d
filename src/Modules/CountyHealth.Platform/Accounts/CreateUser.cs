using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CountyHealth.Platform.Accounts;

public sealed record UserRequest(string UserName, string FullName, string Password, Guid InstitutionId, Guid? StaffId, IReadOnlyList<string> Roles);

/// <summary>Opens a sign-in account for a member of staff, with one or more roles.</summary>
internal sealed class CreateUser(UserManager<UserAccount> users, IInstitutionDirectory directory) : IUseCase
{
    public async Task<Results<Created, ValidationProblem>> HandleAsync(UserRequest r, CancellationToken ct)
    {
        var e = new FieldErrors().Require("userName", r.UserName, "用户名", 64).Require("fullName", r.FullName, "姓名", 50);
        if (string.IsNullOrEmpty(r.Password) || r.Password.Length < 8)
        {
            e.Add("password", "密码至少8位");
        }
        if (await directory.FindAsync(r.InstitutionId, ct) is null)
        {
            e.Add("institutionId", "机构不存在");
        }
        if (r.Roles is null || r.Roles.Count == 0 || r.Roles.Any(x => !Roles.ChineseNames.ContainsKey(x)))
        {
            e.Add("roles", "请选择有效的角色");
        }
        if (!string.IsNullOrWhiteSpace(r.UserName) && await users.FindByNameAsync(r.UserName.Trim()) is not null)
        {
            e.Add("userName", "用户名已存在");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var account = new UserAccount { UserName = r.UserName.Trim(), FullName = r.FullName.Trim(), InstitutionId = r.InstitutionId, StaffId = r.StaffId, LockoutEnabled = true };
        var result = await users.CreateAsync(account, r.Password);
        if (!result.Succeeded)
        {
            return Problems.Field("password", "密码不符合要求：" + string.Join("；", result.Errors.Select(x => x.Description)));
        }
        await users.AddToRolesAsync(account, r.Roles!);
        return TypedResults.Created($"/api/v1/users/{account.UserName}");
    }
}

/// <summary>Lifts a lockout after too many wrong passwords.</summary>
internal sealed class UnlockUser(UserManager<UserAccount> users) : IUseCase
{
    public async Task<Results<NoContent, NotFound>> HandleAsync(string userName)
    {
        var u = await users.FindByNameAsync(userName);
        if (u is null)
        {
            return TypedResults.NotFound();
        }
        await users.SetLockoutEndDateAsync(u, null);
        await users.ResetAccessFailedCountAsync(u);
        return TypedResults.NoContent();
    }
}

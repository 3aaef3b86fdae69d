using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
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

/// <summary>An account's roles and whether it may sign in.</summary>
public sealed record AccountChange(IReadOnlyList<string> Roles, bool IsActive);

/// <summary>
/// Changes an account's roles or deactivates it. Either ends the account's sessions at once: a cookie or token issued
/// under the old roles does not outlive the change.
/// </summary>
internal sealed class ChangeAccount(UserManager<UserAccount> users, SignInSessions sessions) : IUseCase
{
    public async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(string userName, AccountChange r, CancellationToken ct)
    {
        var u = await users.FindByNameAsync(userName);
        if (u is null)
        {
            return Problems.NotFound("未找到该账户");
        }
        if (r.Roles is null || r.Roles.Count == 0 || r.Roles.Any(x => x is null || !Roles.ChineseNames.ContainsKey(x)))
        {
            return Problems.Field("roles", "请选择有效的角色");
        }
        var before = await users.GetRolesAsync(u);
        var wanted = r.Roles.Distinct(StringComparer.Ordinal).ToList();
        var rolesChanged = before.Count != wanted.Count || before.Except(wanted, StringComparer.Ordinal).Any();
        if (rolesChanged)
        {
            await users.RemoveFromRolesAsync(u, before);
            await users.AddToRolesAsync(u, wanted);
        }
        var deactivated = u.IsActive && !r.IsActive;
        if (u.IsActive != r.IsActive)
        {
            u.IsActive = r.IsActive;
            await users.UpdateAsync(u);
        }
        if (rolesChanged || deactivated)
        {
            await users.UpdateSecurityStampAsync(u);
            await sessions.EndAllAsync(u.Id, deactivated ? "账户停用" : "角色变更", ct);
        }
        return TypedResults.NoContent();
    }
}

public sealed record PasswordChange(string CurrentPassword, string NewPassword);

/// <summary>The signed-in user changes her own password; every session of hers ends, this one too, and she signs in again.</summary>
internal sealed class ChangeOwnPassword(UserManager<UserAccount> users, ICurrentUser user, SignInSessions sessions) : IUseCase
{
    public async Task<Results<NoContent, ValidationProblem>> HandleAsync(PasswordChange r, CancellationToken ct)
    {
        var u = user.UserId is { } id ? await users.FindByIdAsync(id) : null;
        if (u is null || string.IsNullOrEmpty(r.CurrentPassword) || !await users.CheckPasswordAsync(u, r.CurrentPassword))
        {
            return Problems.Field("currentPassword", "当前密码不正确");
        }
        if (string.IsNullOrEmpty(r.NewPassword) || r.NewPassword.Length < 8 || r.NewPassword.Length > 128 || !r.NewPassword.Any(char.IsAsciiDigit))
        {
            return Problems.Field("newPassword", "新密码至少8位，且须含数字");
        }
        var result = await users.ChangePasswordAsync(u, r.CurrentPassword, r.NewPassword);
        if (!result.Succeeded)
        {
            return Problems.Field("newPassword", "新密码不符合要求：" + string.Join("；", result.Errors.Select(x => x.Description)));
        }
        await sessions.EndAllAsync(u.Id, "修改密码", ct);
        return TypedResults.NoContent();
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

using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Platform.Contracts;
using CountyHealth.Platform.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Platform.Accounts;

public sealed record UserRequest(string UserName, string FullName, string Password, Guid InstitutionId, Guid? StaffId, IReadOnlyList<string> Roles);

/// <summary>Opens a sign-in account for a member of staff, with one or more roles.</summary>
internal sealed class CreateUser(UserManager<UserAccount> users, IInstitutionDirectory directory, CountyHealthDb db) : IUseCase
{
    public async Task<Results<Created, ValidationProblem>> HandleAsync(UserRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r).Require("userName", r.UserName, "用户名", 64).Require("fullName", r.FullName, "姓名", 50);
        if (!string.IsNullOrWhiteSpace(r.UserName) && !r.UserName.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            e.Add("userName", "用户名只能由英文字母、数字和 . _ - 组成");
        }
        if (!PasswordRules.Acceptable(r.Password))
        {
            e.Add("password", PasswordRules.Message("密码"));
        }
        if (await directory.FindAsync(r.InstitutionId, ct) is null)
        {
            e.Add("institutionId", "机构不存在");
        }
        if (r.StaffId is { } staffId && !await db.Set<Staff>().AnyAsync(x => x.Id == staffId && x.InstitutionId == r.InstitutionId, ct))
        {
            e.Add("staffId", "人员不存在或不属于该机构");
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
            // Identity's own reasons (English, several per field) become one Chinese message per field.
            var identityErrors = new FieldErrors();
            foreach (var field in result.Errors.Select(x => x.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "password").Distinct())
            {
                identityErrors.Add(field, field == "userName" ? "用户名无效或已存在" : PasswordRules.Message("密码"));
            }
            return identityErrors.ToProblem();
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
        if (!PasswordRules.Acceptable(r.NewPassword))
        {
            return Problems.Field("newPassword", PasswordRules.Message("新密码"));
        }
        var result = await users.ChangePasswordAsync(u, r.CurrentPassword, r.NewPassword);
        if (!result.Succeeded)
        {
            return Problems.Field("newPassword", PasswordRules.Message("新密码"));
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

/// <summary>The password rule, said once (Identity is configured to the same: eight or more characters with a digit).</summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static bool Acceptable(string? password) =>
        password is { Length: >= MinLength and <= MaxLength } && password.Any(char.IsAsciiDigit);

    public static string Message(string label) => $"{label}须为{MinLength}～{MaxLength}位，且至少含一个数字";
}

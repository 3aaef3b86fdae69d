using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Platform.Contracts;

namespace CountyHealth.Platform.Accounts;

public sealed record MeResponse(string UserName, string FullName, Guid? InstitutionId, string? InstitutionName, Guid? StaffId, IReadOnlyList<string> Roles);

/// <summary>Who is signed in: name, institution and roles.</summary>
internal sealed class Me(ICurrentUser user, IInstitutionDirectory directory) : IUseCase
{
    public async Task<MeResponse> HandleAsync(CancellationToken ct)
    {
        var institution = user.InstitutionId is { } id ? await directory.FindAsync(id, ct) : null;
        return new MeResponse(user.UserName, user.FullName, user.InstitutionId, institution?.Name, user.StaffId,
            Roles.ChineseNames.Keys.Where(user.IsInRole).ToList());
    }
}

public sealed record RoleRow(string Code, string Name);

/// <summary>The roles an account may hold, with their Chinese names.</summary>
internal sealed class ListRoles : IUseCase
{
    public IReadOnlyList<RoleRow> Handle() => Roles.ChineseNames.Select(r => new RoleRow(r.Key, r.Value)).ToList();
}

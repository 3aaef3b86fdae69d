using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Contracts;
using CountyHealth.Residents.Contracts;
using CountyHealth.Residents.ResidentIndex;
using CountyHealth.Residents.Seeding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Residents;

/// <summary>The one resident index (MPI) of the county: residents, their households, and where they are known.</summary>
public sealed class ResidentsModule : IModule
{
    public string Name => "Residents";

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<CountyHealth.Indicators.Contracts.IFactSource, ResidentFacts>();
        ResidentFacts.AddFeeds(services);
        services.AddSingleton<ResidentCache>();
        services.AddScoped<ResidentRecords>();
        services.AddScoped<IResidentDirectory, ResidentDirectory>();
        services.AddScoped<ISearchKeyRefresh, ResidentPinyin>();
        services.AddScoped<IAccessGrants, BreakGlass.BreakGlassGrants>();
        services.AddScoped<IDemoData, ResidentsDemoData>();
        services.AddScoped<ISyntheticData, ResidentsSyntheticData>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Endpoints.Map(endpoints);

    public IReadOnlyList<NavigationLink> Navigation { get; } =
    [
        new(Desks.Residents, "/residents", "居民索引", "Residents", ResidentsPermissions.Read, 1, "按姓名、拼音首字母、身份证号或电话查找居民"),
        new(Desks.Residents, "/breakglass", "紧急查阅", "Break-glass access", PlatformPermissions.BreakGlass, 2, "说明理由后限时查阅一位居民的档案与病历（留痕）"),
        new(Desks.Administration, "/admin/breakglass", "紧急查阅记录", "Break-glass log", PlatformPermissions.BreakGlassReview, 5, "复核本机构的紧急查阅及其理由"),
    ];

    public IReadOnlyList<Permission> Permissions => ResidentsPermissions.All;
}

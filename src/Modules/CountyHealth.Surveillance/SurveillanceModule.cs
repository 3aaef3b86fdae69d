using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Reference;
using CountyHealth.Kernel.Security;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Surveillance.Cards;
using CountyHealth.Surveillance.Contracts;
using CountyHealth.Surveillance.Domain;
using CountyHealth.Surveillance.Seeding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Surveillance;

/// <summary>Infectious-disease reporting (传染病网络直报): report cards drafted from diagnoses, sent, reviewed by the CDC.</summary>
public sealed class SurveillanceModule : IModule
{
    public string Name => "Surveillance";

    public static NavigationDesk Desk { get; } = new("surveillance", "传染病报告", "Disease reporting", "Coronavirus", 50);

    public void AddServices(IServiceCollection services)
    {
        services.AddReferenceTable(DiseaseCatalogue.Create());
        services.AddSingleton<DiseaseCatalogue>();
        services.AddReferenceTable(ClusterRules.Create());
        services.AddScoped<ReportCards>();
        services.AddScoped<DraftCards>();
        services.AddScoped<IDomainEventHandler<VisitDiagnosed>>(sp => sp.GetRequiredService<DraftCards>());
        services.AddScoped<IVisitNotices>(sp => sp.GetRequiredService<DraftCards>());
        services.AddScoped<IHomeCards, ReportingHomeCard>();
        services.AddScoped<IFactSource, SurveillanceFacts>();
        services.AddScoped<ISyntheticData, SurveillanceHistory>();
        SurveillanceFacts.AddFeeds(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Endpoints.Map(endpoints);

    public IReadOnlyList<NavigationLink> Navigation { get; } =
    [
        new(Desk, "/surveillance/cards", "传染病报告卡", "Report cards", SurveillancePermissions.Read, 1, "法定传染病诊断自动生成报告卡，限时网络直报；疾控审核、退回与订正"),
    ];

    public IReadOnlyList<Permission> Permissions => SurveillancePermissions.All;
}

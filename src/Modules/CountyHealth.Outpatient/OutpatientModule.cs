using CountyHealth.Billing.Contracts;
using CountyHealth.Indicators.Contracts;
using CountyHealth.Kernel.Events;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Security;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Prescriptions;
using CountyHealth.Outpatient.Seeding;
using CountyHealth.Outpatient.Visits;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Platform.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyHealth.Outpatient;

/// <summary>The outpatient day: registration, the queue, the doctor's record, diagnoses, prescriptions and orders.</summary>
public sealed class OutpatientModule : IModule
{
    public string Name => "Outpatient";

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<VisitRecords>();
        services.AddScoped<PrescriptionLines>();
        services.AddScoped<PrescriptionBilling>();
        services.AddScoped<IDomainEventHandler<ChargesPaid>>(sp => sp.GetRequiredService<PrescriptionBilling>());
        services.AddScoped<IDomainEventHandler<ChargesRefunded>>(sp => sp.GetRequiredService<PrescriptionBilling>());
        services.AddScoped<IDomainEventHandler<ItemsDispensed>>(sp => sp.GetRequiredService<PrescriptionBilling>());
        services.AddScoped<IDomainEventHandler<DispensedItemsReturned>>(sp => sp.GetRequiredService<PrescriptionBilling>());
        services.AddScoped<IRefundCheck>(sp => sp.GetRequiredService<PrescriptionBilling>());
        services.AddScoped<IEncounterLabels, VisitLabels>();
        services.AddScoped<IVisitSummaries, VisitSummaries>();
        services.AddScoped<IDispenseSources, PrescriptionDetails>();
        services.AddScoped<IHomeCards, DoctorHomeCard>();
        services.AddScoped<ISyntheticData, OutpatientHistory>();
        services.AddScoped<IFactSource, OutpatientFacts>();
        OutpatientFacts.AddFeeds(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Endpoints.Map(endpoints);

    public IReadOnlyList<NavigationLink> Navigation { get; } =
    [
        new(Desks.Registration, "/outpatient/register", "挂号", "Register visit", OutpatientPermissions.Register, 1, "查找或登记居民，挂号并收挂号费"),
        new(Desks.Doctor, "/outpatient/queue", "候诊队列", "Queue", OutpatientPermissions.Treat, 1, "接诊、书写病历、诊断、开处方"),
    ];

    public IReadOnlyList<Permission> Permissions => OutpatientPermissions.All;
}

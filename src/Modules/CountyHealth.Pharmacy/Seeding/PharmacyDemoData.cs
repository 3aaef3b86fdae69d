using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Generation;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Time;
using CountyHealth.Pharmacy.Catalogue;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Seeding;

/// <summary>The demo formulary of 58 common drugs, with two batches of each at every hospital, health centre and village clinic.</summary>
internal sealed class PharmacyDemoData(CountyHealthDb db, IInstitutionDirectory directory, DrugCache cache, TimeProvider clock) : IDemoData
{
    public Task<bool> IsSeededAsync(CancellationToken ct) => db.Set<Drug>().AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        var drugs = DemoFormulary.Drugs.Select(d => new Drug
        {
            Code = d.Code,
            Name = d.GenericName,
            Specification = d.Specification,
            DosageForm = d.DosageForm,
            DoseUnit = d.DoseUnit,
            DoseUnitsPerBaseUnit = d.DoseUnitsPerBaseUnit,
            BaseUnit = d.BaseUnit,
            BaseUnitsPerPack = d.BaseUnitsPerPack,
            PackUnit = d.PackUnit,
            DefaultRoute = d.DefaultRoute,
            DefaultFrequency = d.DefaultFrequency,
            DefaultDose = d.DefaultDose,
            RetailPrice = d.RetailPrice,
            Manufacturer = d.Manufacturer,
            NeedsSkinTest = d.NeedsSkinTest,
            IsAntibacterial = DemoFormulary.Antibacterials.Contains(d.Code),
            InsuranceClass = DemoFormulary.InsuranceClassOf(d.Code),
            Category = d.Category,
        }).ToList();
        foreach (var drug in drugs)
        {
            drug.Apply(SearchKeys.For(drug.Name));
        }
        db.AddRange(drugs);
        var pharmacies = (await directory.ListAsync(ct)).Where(i => i.Kind is InstitutionKind.CountyHospital or InstitutionKind.TownshipHealthCentre or InstitutionKind.VillageClinic);
        var rng = new Random(20261123);
        var purchase = DemoFormulary.Drugs.ToDictionary(d => d.Code, d => d.PurchasePrice);
        foreach (var inst in pharmacies)
        {
            var scale = inst.Kind switch { InstitutionKind.CountyHospital => 200, InstitutionKind.TownshipHealthCentre => 60, _ => 15 };
            foreach (var d in drugs)
            {
                // Two batches: an older one that expires sooner (dispensed first) and a fresh one.
                foreach (var (months, share) in new[] { (8, 1), (24, 2) })
                {
                    var qty = scale * share / 2 + rng.Next(0, scale / 3 + 1);
                    var batch = new StockBatch
                    {
                        InstitutionId = inst.Id,
                        DrugId = d.Id,
                        BatchNumber = $"{today.AddMonths(months - 30):yyMMdd}{rng.Next(10, 99)}",
                        ExpiryDate = today.AddMonths(months).AddDays(rng.Next(0, 28)),
                        QuantityReceived = qty,
                        QuantityOnHand = qty,
                        PurchasePrice = purchase[d.Code],
                        RetailPrice = d.RetailPrice,
                        Supplier = "冀中医药物流有限公司",
                        ReceivedAt = now,
                        ReceivedBy = "system",
                    };
                    db.Add(batch);
                    db.Add(new StockMovement { BatchId = batch.Id, Kind = MovementKind.Receipt, Quantity = qty, At = now, By = "system" });
                }
            }
        }
        cache.Invalidate();
    }
}

using CountyHealth.Billing.Contracts;
using CountyHealth.Kernel.Validation;
using CountyHealth.Outpatient.Contracts;
using CountyHealth.Outpatient.Domain;
using CountyHealth.Pharmacy.Contracts;

namespace CountyHealth.Outpatient.Prescriptions;

public sealed record PrescriptionItemRequest(Guid DrugId, decimal Dose, string Frequency, string? Route, int Days);

public sealed record PrescriptionRequest(IReadOnlyList<PrescriptionItemRequest> Items);

/// <summary>Turns the doctor's lines into prescription items: checked against the catalogue, the rules of prescribing and the pharmacy's stock.</summary>
internal sealed class PrescriptionLines(IDrugCatalogue catalogue)
{
    /// <summary>At most five drugs on one prescription (《处方管理办法》第六条).</summary>
    public const int MaxDrugs = 5;

    public async Task<(List<PrescriptionItem> Items, FieldErrors Errors)> BuildAsync(PrescriptionRequest r, Guid institutionId, CancellationToken ct)
    {
        var e = FieldErrors.For(r);
        var lines = r.Items ?? [];
        if (lines.Count == 0)
        {
            e.Add("items", "处方至少要有一种药品");
        }
        if (lines.Count > MaxDrugs)
        {
            e.Add("items", "每张处方不得超过5种药品");
        }
        var drugs = await catalogue.GetManyAsync(institutionId, lines.Select(l => l.DrugId), ct);
        var items = new List<PrescriptionItem>();
        var wanted = new Dictionary<Guid, int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var f = $"items[{i}]";
            if (!drugs.TryGetValue(l.DrugId, out var drug))
            {
                e.Add($"{f}.drugId", "请选择药品");
                continue;
            }
            var freq = Frequencies.Find(l.Frequency ?? "");
            var doseTooLarge = l.Dose > drug.DoseUnitsPerBaseUnit * 20;
            if (l.Dose <= 0)
            {
                e.Add($"{f}.dose", $"{drug.Name}的单次剂量必须大于0");
            }
            else if (doseTooLarge)
            {
                e.Add($"{f}.dose", $"{drug.Name}的单次剂量{l.Dose}{drug.DoseUnit}过大，请核对");
            }
            if (freq is null)
            {
                e.Add($"{f}.frequency", "请选择用药频次");
            }
            if (l.Days is < 1 or > 90)
            {
                e.Add($"{f}.days", "用药天数应在1～90天之间");
            }
            if (l.Dose <= 0 || freq is null || l.Days is < 1 or > 90 || doseTooLarge)
            {
                continue;
            }
            var qty = DispenseQuantity.Compute(l.Dose, drug.DoseUnitsPerBaseUnit, drug.BaseUnitsPerPack, freq, l.Days);
            wanted[drug.Id] = wanted.GetValueOrDefault(drug.Id) + qty.Packs;
            if (wanted[drug.Id] > drug.AvailablePacks)
            {
                e.Add($"{f}.drugId", drug.AvailablePacks == 0 ? $"{drug.Name}无库存，不能开具" : $"{drug.Name}库存不足：需{wanted[drug.Id]}{drug.PackUnit}，可用{drug.AvailablePacks}{drug.PackUnit}");
            }
            items.Add(new PrescriptionItem
            {
                Position = i,
                DrugId = drug.Id,
                DrugName = drug.Name,
                Specification = drug.Specification,
                Dose = l.Dose,
                DoseUnit = drug.DoseUnit,
                FrequencyCode = freq.Code,
                Route = string.IsNullOrWhiteSpace(l.Route) ? drug.DefaultRoute : l.Route.Trim(),
                Days = l.Days,
                Quantity = qty.Packs,
                PackUnit = drug.PackUnit,
                UnitPrice = drug.RetailPrice,
                InsuranceClass = drug.InsuranceClass,
            });
        }
        return (items, e);
    }

    /// <summary>The charges of a prescription: one per item, grouped by the prescription.</summary>
    public static IEnumerable<ChargeLine> Charges(Prescription p) => p.Items.Select(i =>
        new ChargeLine(OutpatientKinds.Prescription, p.Id, i.Id, "RX", $"{i.DrugName} {i.Specification}", i.PackUnit, i.Quantity, i.UnitPrice, RevenueCategories.WesternDrug, i.InsuranceClass));
}

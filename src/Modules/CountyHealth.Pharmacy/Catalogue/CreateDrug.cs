using CountyHealth.Kernel.Amounts;
using CountyHealth.Kernel.Data;
using CountyHealth.Kernel.Modules;
using CountyHealth.Kernel.Text;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using CountyHealth.Pharmacy.Contracts;
using CountyHealth.Pharmacy.Domain;
using CountyHealth.Pharmacy.Stock;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyHealth.Pharmacy.Catalogue;

public sealed record DrugRequest(string Code, string Name, string Specification, string DosageForm, string DoseUnit, decimal DoseUnitsPerBaseUnit,
    string BaseUnit, int BaseUnitsPerPack, string PackUnit, string DefaultRoute, string DefaultFrequency, decimal DefaultDose, decimal RetailPrice, string? Manufacturer, bool NeedsSkinTest,
    InsuranceClass InsuranceClass);

/// <summary>Adds a drug to the catalogue: code, names, strength and packing, defaults for prescribing, retail price.</summary>
internal sealed class CreateDrug(CountyHealthDb db, DrugCache cache) : IUseCase
{
    public async Task<Results<Created<DrugInfo>, ValidationProblem>> HandleAsync(DrugRequest r, CancellationToken ct)
    {
        var e = FieldErrors.For(r).Require("code", r.Code, "药品编码", 32).Require("name", r.Name, "通用名", 100).Require("specification", r.Specification, "规格", 100)
            .Require("dosageForm", r.DosageForm, "剂型", 32).Require("doseUnit", r.DoseUnit, "剂量单位", 16).Require("baseUnit", r.BaseUnit, "最小单位", 16)
            .Require("packUnit", r.PackUnit, "包装单位", 16).Require("defaultRoute", r.DefaultRoute, "默认用法", 32).Require("defaultFrequency", r.DefaultFrequency, "默认频次", 16)
            .MaxLength("manufacturer", r.Manufacturer, "生产企业", 100)
            .Range("defaultDose", r.DefaultDose, 0.001m, 100_000m, "默认单次剂量", "")
            .Range("retailPrice", r.RetailPrice, 0m, StockPrices.Largest, "零售价", "元");
        if (!Enum.IsDefined(r.InsuranceClass))
        {
            e.Add("insuranceClass", "医保类别无效（甲类、乙类、自费）");
        }
        if (r.DoseUnitsPerBaseUnit <= 0)
        {
            e.Add("doseUnitsPerBaseUnit", "每最小单位含量必须大于0");
        }
        if (r.BaseUnitsPerPack <= 0)
        {
            e.Add("baseUnitsPerPack", "每包装数量必须大于0");
        }
        if (!string.IsNullOrWhiteSpace(r.Code) && await db.Set<Drug>().AnyAsync(d => d.Code == r.Code.Trim(), ct))
        {
            e.Add("code", "药品编码已存在");
        }
        if (e.Any)
        {
            return e.ToProblem();
        }
        var d = new Drug
        {
            Code = r.Code.Trim(),
            Name = r.Name.Trim(),
            Specification = r.Specification,
            DosageForm = r.DosageForm,
            DoseUnit = r.DoseUnit,
            DoseUnitsPerBaseUnit = r.DoseUnitsPerBaseUnit,
            BaseUnit = r.BaseUnit,
            BaseUnitsPerPack = r.BaseUnitsPerPack,
            PackUnit = r.PackUnit,
            DefaultRoute = r.DefaultRoute,
            DefaultFrequency = r.DefaultFrequency,
            DefaultDose = r.DefaultDose,
            RetailPrice = r.RetailPrice,
            Manufacturer = r.Manufacturer,
            NeedsSkinTest = r.NeedsSkinTest,
            InsuranceClass = r.InsuranceClass,
        };
        d.Apply(SearchKeys.For(d.Name));
        db.Add(d);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/v1/drugs/{d.Id}", DrugCatalogue.ToInfo(d, 0));
    }
}

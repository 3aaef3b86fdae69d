using CountyHealth.Kernel.Security;

namespace CountyHealth.Pharmacy.Contracts;

/// <summary>The pharmacy's permissions (their reach per role is in the permission matrix).</summary>
public static class PharmacyPermissions
{
    /// <summary>The drug catalogue is the county's: one list for every institution.</summary>
    public const string EditCatalogue = "drug.catalogue.edit";
    public const string ReadStock = "stock.read";
    public const string ReceiveStock = "stock.receive";
    public const string Dispense = "dispensing";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(EditCatalogue, "维护全县药品目录", "药房"),
        new(ReadStock, "查看药房库存与批次", "药房"),
        new(ReceiveStock, "药品入库", "药房"),
        new(Dispense, "查看待发药处方、发药与退药", "药房"),
    ];
}

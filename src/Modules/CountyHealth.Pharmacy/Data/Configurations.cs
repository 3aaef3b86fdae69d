using CountyHealth.Kernel.Text;
using CountyHealth.Pharmacy.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyHealth.Pharmacy.Data;

internal sealed class DrugConfiguration : IEntityTypeConfiguration<Drug>
{
    public void Configure(EntityTypeBuilder<Drug> b)
    {
        b.ToTable("drugs");
        b.Property(d => d.Code).HasMaxLength(32);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.Pinyin).HasMaxLength(100);
        b.Property(d => d.SearchKey).HasMaxLength(SearchKeys.MaxLength);
        b.Property(d => d.SearchText).HasMaxLength(SearchKeys.MaxLength);
        b.Property(d => d.Specification).HasMaxLength(100);
        b.Property(d => d.DosageForm).HasMaxLength(32);
        b.Property(d => d.DoseUnit).HasMaxLength(16);
        b.Property(d => d.BaseUnit).HasMaxLength(16);
        b.Property(d => d.PackUnit).HasMaxLength(16);
        b.Property(d => d.DefaultRoute).HasMaxLength(32);
        b.Property(d => d.DefaultFrequency).HasMaxLength(16);
        b.Property(d => d.Manufacturer).HasMaxLength(100);
        b.Property(d => d.Category).HasMaxLength(16);
        b.HasIndex(d => d.Code).IsUnique();
        b.HasIndex(d => d.Pinyin);
        b.HasIndex(d => d.Name);
    }
}

internal sealed class StockBatchConfiguration : IEntityTypeConfiguration<StockBatch>
{
    public void Configure(EntityTypeBuilder<StockBatch> b)
    {
        b.ToTable("stock_batches", t =>
        {
            t.HasCheckConstraint("ck_stock_batches_on_hand", "\"QuantityOnHand\" >= 0");
            t.HasCheckConstraint("ck_stock_batches_reserved", "\"QuantityReserved\" >= 0 AND \"QuantityReserved\" <= \"QuantityOnHand\"");
        });
        b.Property(x => x.BatchNumber).HasMaxLength(50);
        b.Property(x => x.Supplier).HasMaxLength(100);
        b.Property(x => x.ReceivedBy).HasMaxLength(64);
        b.HasIndex(x => new { x.InstitutionId, x.DrugId, x.ExpiryDate });
        b.HasOne<Drug>().WithMany().HasForeignKey(x => x.DrugId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.ToTable("stock_movements");
        b.Property(x => x.By).HasMaxLength(64);
        b.HasIndex(x => x.BatchId);
        b.HasIndex(x => x.DispenseLineId);
        b.HasOne<StockBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DispenseOrderConfiguration : IEntityTypeConfiguration<DispenseOrder>
{
    public void Configure(EntityTypeBuilder<DispenseOrder> b)
    {
        b.ToTable("dispense_orders");
        b.Property(x => x.SourceKind).HasMaxLength(40);
        b.Property(x => x.SourceNumber).HasMaxLength(32);
        b.Property(x => x.OrderedBy).HasMaxLength(50);
        b.Property(x => x.DispensedBy).HasMaxLength(64);
        b.Property(x => x.CheckedBy).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.InstitutionId, x.Status, x.QueuedAt });
        b.HasIndex(x => x.SourceId);
        b.HasIndex(x => new { x.InstitutionId, x.SourceNumber });
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DispenseLineConfiguration : IEntityTypeConfiguration<DispenseLine>
{
    public void Configure(EntityTypeBuilder<DispenseLine> b)
    {
        b.ToTable("dispense_lines");
        b.Property(x => x.Usage).HasMaxLength(200);
        b.HasIndex(x => x.SourceItemId);
        b.HasOne<Drug>().WithMany().HasForeignKey(x => x.DrugId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockReservationConfiguration : IEntityTypeConfiguration<StockReservation>
{
    public void Configure(EntityTypeBuilder<StockReservation> b)
    {
        b.ToTable("stock_reservations", t => t.HasCheckConstraint("ck_stock_reservations_quantity", "\"Quantity\" > 0"));
        b.HasIndex(x => x.LineId);
        b.HasIndex(x => x.BatchId);
        b.HasOne<DispenseLine>().WithMany().HasForeignKey(x => x.LineId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StockBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyHealth.Billing.Data;

internal sealed class PriceItemConfiguration : IEntityTypeConfiguration<PriceItem>
{
    public void Configure(EntityTypeBuilder<PriceItem> b)
    {
        b.ToTable("price_items");
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Pinyin).HasMaxLength(100);
        b.Property(x => x.SearchKey).HasMaxLength(SearchKeys.MaxLength);
        b.Property(x => x.SearchText).HasMaxLength(SearchKeys.MaxLength);
        b.Property(x => x.Unit).HasMaxLength(16);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Price).HasPrecision(18, 2);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Kind);
    }
}

internal sealed class ChargeConfiguration : IEntityTypeConfiguration<Charge>
{
    public void Configure(EntityTypeBuilder<Charge> b)
    {
        b.ToTable("charges");
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Category).HasMaxLength(24);
        b.Property(x => x.ItemCode).HasMaxLength(32);
        b.Property(x => x.Description).HasMaxLength(200);
        b.Property(x => x.Unit).HasMaxLength(16);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.VisitId, x.Status });
        b.HasIndex(x => new { x.InstitutionId, x.Status, x.CreatedAt });
        b.HasIndex(x => x.GroupId);
        b.HasIndex(x => x.PaymentId);
        b.HasIndex(x => x.RefundId);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("payments");
        b.Property(x => x.RequestId).HasMaxLength(64);
        b.Property(x => x.ReceiptNumber).HasMaxLength(32);
        b.Property(x => x.CashierUserName).HasMaxLength(64);
        b.Property(x => x.CashierName).HasMaxLength(50);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        // The idempotency guard: one payment per client request id, enforced by the database.
        b.HasIndex(x => x.RequestId).IsUnique();
        // Number first: unique per institution, and a receipt number alone (the audit log's filter) is found by the same index.
        b.HasIndex(x => new { x.ReceiptNumber, x.InstitutionId }).IsUnique();
        b.HasIndex(x => new { x.InstitutionId, x.PaidAt });
        b.HasIndex(x => x.VisitId);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> b)
    {
        b.ToTable("refunds");
        b.Property(x => x.RequestId).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.CashierUserName).HasMaxLength(64);
        b.Property(x => x.CashierName).HasMaxLength(50);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.HasIndex(x => x.RequestId).IsUnique();
        b.HasIndex(x => new { x.InstitutionId, x.RefundedAt });
        b.HasIndex(x => x.PaymentId);
    }
}

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
        b.HasIndex(x => x.InsuranceSettlementId);
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
        b.Property(x => x.FundAmount).HasPrecision(18, 2);
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
        b.Property(x => x.FundAmount).HasPrecision(18, 2);
        b.HasIndex(x => x.RequestId).IsUnique();
        b.HasIndex(x => new { x.InstitutionId, x.RefundedAt });
        b.HasIndex(x => x.PaymentId);
    }
}

internal sealed class InsuranceSchemeConfiguration : IEntityTypeConfiguration<InsuranceScheme>
{
    public void Configure(EntityTypeBuilder<InsuranceScheme> b)
    {
        b.ToTable("insurance_schemes");
        b.Property(x => x.Code).HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(50);
        b.HasIndex(x => x.Code).IsUnique();
        // The two national basic schemes exist in every county; their policies are the county's data.
        b.HasData(InsuranceSchemes.National.Select(s => new InsuranceScheme { Id = s.Id, Code = s.Code, Name = s.Name }));
    }
}

internal sealed class InsurancePolicyConfiguration : IEntityTypeConfiguration<InsurancePolicy>
{
    public void Configure(EntityTypeBuilder<InsurancePolicy> b)
    {
        b.ToTable("insurance_policies");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(64);
        b.Property(x => x.PersonalContribution).HasPrecision(18, 2);
        b.Property(x => x.SubsidyPerPerson).HasPrecision(18, 2);
        b.Property(x => x.AnnualCap).HasPrecision(18, 2);
        b.Property(x => x.ClassBSelfPayShare).HasPrecision(5, 4);
        b.Property(x => x.TcmInpatientDeductibleCut).HasPrecision(5, 4);
        // One policy of a scheme a day: the one in force on a day is the latest that began on or before it.
        b.HasIndex(x => new { x.SchemeId, x.EffectiveFrom }).IsUnique();
        b.HasMany(x => x.Rates).WithOne().HasForeignKey(r => r.PolicyId);
    }
}

internal sealed class InsurancePolicyRateConfiguration : IEntityTypeConfiguration<InsurancePolicyRate>
{
    public void Configure(EntityTypeBuilder<InsurancePolicyRate> b)
    {
        b.ToTable("insurance_policy_rates");
        b.HasKey(x => new { x.PolicyId, x.Setting, x.Level });
        b.Property(x => x.Deductible).HasPrecision(18, 2);
        b.Property(x => x.Ratio).HasPrecision(5, 4);
        b.Property(x => x.ElderlyUplift).HasPrecision(5, 4);
    }
}

internal sealed class InsuranceEnrolmentConfiguration : IEntityTypeConfiguration<InsuranceEnrolment>
{
    public void Configure(EntityTypeBuilder<InsuranceEnrolment> b)
    {
        b.ToTable("insurance_enrolments");
        b.Property(x => x.Contribution).HasPrecision(18, 2);
        b.Property(x => x.RecordedBy).HasMaxLength(50);
        // One scheme a person a year.
        b.HasIndex(x => new { x.ResidentId, x.Year }).IsUnique();
        b.HasIndex(x => new { x.InstitutionId, x.Year });
    }
}

internal sealed class InsuranceYearUseConfiguration : IEntityTypeConfiguration<InsuranceYearUse>
{
    public void Configure(EntityTypeBuilder<InsuranceYearUse> b)
    {
        b.ToTable("insurance_year_use");
        b.Property(x => x.OutpatientDeductibleMet).HasPrecision(18, 2);
        b.Property(x => x.FundPaid).HasPrecision(18, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ResidentId, x.Year }).IsUnique();
    }
}

internal sealed class InsuranceSettlementConfiguration : IEntityTypeConfiguration<InsuranceSettlement>
{
    public void Configure(EntityTypeBuilder<InsuranceSettlement> b)
    {
        b.ToTable("insurance_settlements");
        b.Property(x => x.RequestId).HasMaxLength(64);
        b.Property(x => x.Number).HasMaxLength(32);
        b.Property(x => x.SettledBy).HasMaxLength(64);
        b.Property(x => x.SettledByName).HasMaxLength(50);
        b.Property(x => x.ReversedBy).HasMaxLength(50);
        b.Property(x => x.ReversalReason).HasMaxLength(200);
        b.Property(x => x.Steps).HasMaxLength(8000);
        foreach (var money in new[] { nameof(InsuranceSettlement.DeductibleMetBefore), nameof(InsuranceSettlement.FundPaidBefore), nameof(InsuranceSettlement.Total),
            nameof(InsuranceSettlement.Excluded), nameof(InsuranceSettlement.ClassBSelfPaid), nameof(InsuranceSettlement.Eligible), nameof(InsuranceSettlement.DeductibleApplied),
            nameof(InsuranceSettlement.FundPays), nameof(InsuranceSettlement.PersonPays) })
        {
            b.Property<decimal>(money).HasPrecision(18, 2);
        }
        b.Property(x => x.Ratio).HasPrecision(5, 4);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.RequestId).IsUnique();
        b.HasIndex(x => new { x.Number, x.InstitutionId }).IsUnique();
        b.HasIndex(x => x.VisitId);
        b.HasIndex(x => new { x.InstitutionId, x.SettledAt });
        b.HasIndex(x => new { x.ResidentId, x.Year });
        b.HasIndex(x => new { x.HomeInstitutionId, x.Year });
    }
}

using CountyHealth.Residents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyHealth.Residents.Data;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.ToTable("residents");
        b.Property(r => r.Name).HasMaxLength(50);
        b.Property(r => r.Pinyin).HasMaxLength(50);
        b.Property(r => r.IdNumber).HasMaxLength(18);
        b.Property(r => r.Phone).HasMaxLength(20);
        b.Property(r => r.IdNumberReversed).HasMaxLength(18);
        b.Property(r => r.PhoneReversed).HasMaxLength(20);
        b.Property(r => r.Address).HasMaxLength(200);
        b.Property(r => r.Ethnicity).HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        // One resident per ID number: the MPI's guard against twins.
        b.HasIndex(r => r.IdNumber).IsUnique();
        b.HasIndex(r => r.Name);
        b.HasIndex(r => r.Pinyin);
        b.HasIndex(r => r.Phone);
        b.HasIndex(r => r.IdNumberReversed);
        b.HasIndex(r => r.PhoneReversed);
        b.HasIndex(r => r.ManagingInstitutionId);
        b.Property(r => r.RelationToHead).HasMaxLength(2);
        b.HasIndex(r => r.HouseholdId);
        b.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("households");
        b.Property(h => h.Number).HasMaxLength(20);
        b.Property(h => h.Address).HasMaxLength(200);
        b.HasIndex(h => h.Number).IsUnique();
        b.HasIndex(h => h.InstitutionId);
    }
}

internal sealed class ResidentInstitutionConfiguration : IEntityTypeConfiguration<ResidentInstitution>
{
    public void Configure(EntityTypeBuilder<ResidentInstitution> b)
    {
        b.ToTable("resident_institutions");
        b.HasKey(l => new { l.ResidentId, l.InstitutionId });
        b.HasIndex(l => l.InstitutionId);
        b.HasOne<Resident>().WithMany().HasForeignKey(l => l.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

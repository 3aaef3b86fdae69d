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
        // A clinic's residents, and its children by birth date (the immunisation lists).
        b.HasIndex(r => new { r.ManagingInstitutionId, r.BirthDate });
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

internal sealed class ResidentIdentityChangeConfiguration : IEntityTypeConfiguration<ResidentIdentityChange>
{
    public void Configure(EntityTypeBuilder<ResidentIdentityChange> b)
    {
        b.ToTable("resident_identity_changes");
        b.Property(c => c.ChangedBy).HasMaxLength(64);
        b.Property(c => c.Reason).HasMaxLength(200);
        b.Property(c => c.OldName).HasMaxLength(50);
        b.Property(c => c.NewName).HasMaxLength(50);
        b.Property(c => c.OldIdNumber).HasMaxLength(18);
        b.Property(c => c.NewIdNumber).HasMaxLength(18);
        b.HasIndex(c => c.ResidentId);
        b.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> b)
    {
        b.ToTable("break_glass_grants");
        b.Property(g => g.UserId).HasMaxLength(64);
        b.Property(g => g.UserName).HasMaxLength(64);
        b.Property(g => g.FullName).HasMaxLength(50);
        b.Property(g => g.Reason).HasMaxLength(500);
        b.HasIndex(g => new { g.UserId, g.ResidentId, g.ExpiresAt });
        b.HasIndex(g => new { g.ResidentId, g.GrantedAt });
        b.HasIndex(g => g.GrantedAt);
        b.HasOne<Resident>().WithMany().HasForeignKey(g => g.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

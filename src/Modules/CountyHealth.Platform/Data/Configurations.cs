using CountyHealth.Kernel.Text;
using CountyHealth.Platform.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyHealth.Platform.Data;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.ToTable("institutions");
        b.Property(i => i.Code).HasMaxLength(32);
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.Address).HasMaxLength(200);
        b.Property(i => i.Phone).HasMaxLength(32);
        b.HasIndex(i => i.Code).IsUnique();
        b.HasIndex(i => i.ParentId);
        b.HasOne<Institution>().WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("departments");
        b.Property(d => d.Name).HasMaxLength(50);
        b.HasIndex(d => new { d.InstitutionId, d.Name }).IsUnique();
        b.HasOne<Institution>().WithMany().HasForeignKey(d => d.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> b)
    {
        b.ToTable("staff");
        b.Property(s => s.Name).HasMaxLength(50);
        b.Property(s => s.Title).HasMaxLength(50);
        b.Property(s => s.Phone).HasMaxLength(32);
        b.HasIndex(s => new { s.InstitutionId, s.DepartmentId });
        b.HasOne<Institution>().WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class Icd10EntryConfiguration : IEntityTypeConfiguration<Icd10Entry>
{
    public void Configure(EntityTypeBuilder<Icd10Entry> b)
    {
        b.ToTable("icd10_codes");
        b.HasKey(e => e.Code);
        b.Property(e => e.Code).HasMaxLength(16);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Pinyin).HasMaxLength(200);
        b.Property(e => e.SearchKey).HasMaxLength(SearchKeys.MaxLength);
        b.Property(e => e.SearchText).HasMaxLength(SearchKeys.MaxLength);
        b.HasIndex(e => e.Pinyin);
    }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.ToTable("sign_in_sessions");
        b.Property(s => s.UserId).HasMaxLength(64);
        b.Property(s => s.UserName).HasMaxLength(64);
        b.Property(s => s.EndReason).HasMaxLength(100);
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.Property(s => s.RefreshGeneration).IsConcurrencyToken();
        b.HasIndex(s => new { s.UserId, s.EndedAt });
    }
}

internal sealed class ReferenceTableVersionConfiguration : IEntityTypeConfiguration<ReferenceTableVersion>
{
    public void Configure(EntityTypeBuilder<ReferenceTableVersion> b)
    {
        b.ToTable("reference_table_versions");
        b.Property(v => v.TableKey).HasMaxLength(64);
        b.Property(v => v.Reason).HasMaxLength(200);
        b.Property(v => v.SavedByUserId).HasMaxLength(64);
        b.Property(v => v.SavedByName).HasMaxLength(50);
        // Two administrators saving on one version: the second insert fails instead of both becoming version N.
        b.HasIndex(v => new { v.TableKey, v.Version }).IsUnique();
    }
}

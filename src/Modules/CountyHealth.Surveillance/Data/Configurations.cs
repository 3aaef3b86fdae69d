using CountyHealth.Surveillance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyHealth.Surveillance.Data;

internal sealed class ReportCardConfiguration : IEntityTypeConfiguration<ReportCard>
{
    public void Configure(EntityTypeBuilder<ReportCard> b)
    {
        b.ToTable("report_cards");
        b.Property(c => c.CardNumber).HasMaxLength(32);
        b.Property(c => c.DiseaseCode).HasMaxLength(8);
        b.Property(c => c.DiseaseName).HasMaxLength(40);
        b.Property(c => c.DiagnosisCode).HasMaxLength(16);
        b.Property(c => c.DiagnosisName).HasMaxLength(100);
        b.Property(c => c.PatientName).HasMaxLength(50);
        b.Property(c => c.ParentName).HasMaxLength(50);
        b.Property(c => c.IdNumber).HasMaxLength(32);
        b.Property(c => c.Workplace).HasMaxLength(100);
        b.Property(c => c.Phone).HasMaxLength(32);
        b.Property(c => c.ResidenceCategory).HasMaxLength(16);
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.Occupation).HasMaxLength(16);
        b.Property(c => c.AcuteOrChronic).HasMaxLength(8);
        b.Property(c => c.DoctorName).HasMaxLength(50);
        b.Property(c => c.Notes).HasMaxLength(500);
        b.Property(c => c.SubmittedBy).HasMaxLength(50);
        b.Property(c => c.ReviewedBy).HasMaxLength(50);
        b.Property(c => c.ReturnReason).HasMaxLength(200);
        b.Property(c => c.WithdrawReason).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CardId).OnDelete(DeleteBehavior.Cascade);
        // Numbered per institution and day, as visits and prescriptions are.
        b.HasIndex(c => new { c.InstitutionId, c.CardNumber }).IsUnique();
        b.HasIndex(c => c.CardNumber);
        // The reporting institution's list, newest first, and the monthly figures by diagnosis time.
        b.HasIndex(c => new { c.InstitutionId, c.DiagnosedAt });
        // The CDC's queue: cards waiting for review, oldest first.
        b.HasIndex(c => new { c.Status, c.SubmittedAt });
        b.HasIndex(c => c.VisitId);
        b.HasIndex(c => c.ResidentId);
    }
}

internal sealed class ReportCardEntryConfiguration : IEntityTypeConfiguration<ReportCardEntry>
{
    public void Configure(EntityTypeBuilder<ReportCardEntry> b)
    {
        b.ToTable("report_card_history");
        b.Property(h => h.By).HasMaxLength(50);
        b.Property(h => h.Action).HasMaxLength(20);
        b.Property(h => h.Detail).HasMaxLength(300);
        b.HasIndex(h => new { h.CardId, h.Position });
    }
}

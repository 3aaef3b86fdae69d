using CountyHealth.Outpatient.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyHealth.Outpatient.Data;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("visits");
        b.Property(v => v.VisitNumber).HasMaxLength(32);
        b.Property(v => v.RegisteredBy).HasMaxLength(64);
        b.Property(v => v.ChiefComplaint).HasMaxLength(500);
        b.Property(v => v.PresentIllness).HasMaxLength(2000);
        b.Property(v => v.PastHistory).HasMaxLength(1000);
        b.Property(v => v.Allergies).HasMaxLength(500);
        b.Property(v => v.PhysicalExam).HasMaxLength(2000);
        b.Property(v => v.Advice).HasMaxLength(1000);
        b.Property(v => v.Temperature).HasPrecision(4, 1);
        b.Property(v => v.WeightKg).HasPrecision(5, 1);
        b.Property(v => v.HeightCm).HasPrecision(5, 1);
        b.Property(v => v.FastingGlucose).HasPrecision(5, 2);
        b.Property(v => v.Version).IsConcurrencyToken();
        // Number first: unique per institution, and a number alone (the audit log's filter) is found by the same index.
        b.HasIndex(v => new { v.VisitNumber, v.InstitutionId }).IsUnique();
        // One queue number per department and day; a clash on registration retries with the next number.
        b.HasIndex(v => new { v.DepartmentId, v.VisitDate, v.QueueNumber }).IsUnique();
        b.HasIndex(v => new { v.InstitutionId, v.VisitDate, v.Status });
        b.HasIndex(v => new { v.ResidentId, v.RegisteredAt });
        b.HasMany(v => v.Diagnoses).WithOne().HasForeignKey(d => d.VisitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VisitDiagnosisConfiguration : IEntityTypeConfiguration<VisitDiagnosis>
{
    public void Configure(EntityTypeBuilder<VisitDiagnosis> b)
    {
        b.ToTable("visit_diagnoses");
        b.Property(d => d.Code).HasMaxLength(16);
        b.Property(d => d.Name).HasMaxLength(200);
        b.HasIndex(d => d.Code);
    }
}

internal sealed class PrescriptionConfiguration : IEntityTypeConfiguration<Prescription>
{
    public void Configure(EntityTypeBuilder<Prescription> b)
    {
        b.ToTable("prescriptions");
        b.Property(p => p.Number).HasMaxLength(32);
        b.Property(p => p.PrescriberName).HasMaxLength(50);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.Number, p.InstitutionId }).IsUnique();
        b.HasIndex(p => p.VisitId);
        b.HasOne<Visit>().WithMany().HasForeignKey(p => p.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PrescriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PrescriptionItemConfiguration : IEntityTypeConfiguration<PrescriptionItem>
{
    public void Configure(EntityTypeBuilder<PrescriptionItem> b)
    {
        b.ToTable("prescription_items");
        b.Property(i => i.DrugName).HasMaxLength(100);
        b.Property(i => i.Specification).HasMaxLength(100);
        b.Property(i => i.DoseUnit).HasMaxLength(16);
        b.Property(i => i.FrequencyCode).HasMaxLength(16);
        b.Property(i => i.Route).HasMaxLength(32);
        b.Property(i => i.PackUnit).HasMaxLength(16);
        b.Property(i => i.UnitPrice).HasPrecision(18, 2);
        b.HasIndex(i => i.DrugId);
    }
}

internal sealed class VisitOrderConfiguration : IEntityTypeConfiguration<VisitOrder>
{
    public void Configure(EntityTypeBuilder<VisitOrder> b)
    {
        b.ToTable("visit_orders");
        b.Property(o => o.ItemCode).HasMaxLength(32);
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.Kind).HasMaxLength(16);
        b.Property(o => o.OrderedBy).HasMaxLength(64);
        b.Property(o => o.UnitPrice).HasPrecision(18, 2);
        b.HasIndex(o => o.VisitId);
        b.HasOne<Visit>().WithMany().HasForeignKey(o => o.VisitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QueueCounterConfiguration : IEntityTypeConfiguration<QueueCounter>
{
    public void Configure(EntityTypeBuilder<QueueCounter> b)
    {
        b.ToTable("queue_counters");
        b.HasKey(c => new { c.DepartmentId, c.VisitDate });
    }
}

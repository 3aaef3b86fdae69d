using CountyHealth.PublicHealth.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyHealth.PublicHealth.Data;

internal sealed class ChronicEnrolmentConfiguration : IEntityTypeConfiguration<ChronicEnrolment>
{
    public void Configure(EntityTypeBuilder<ChronicEnrolment> b)
    {
        b.ToTable("chronic_enrolments");
        b.Property(e => e.DiagnosisCode).HasMaxLength(16);
        b.Property(e => e.EnrolledBy).HasMaxLength(50);
        b.Property(e => e.EndReason).HasMaxLength(200);
        b.Property(e => e.Version).IsConcurrencyToken();
        // The due list of an institution: who is due first.
        b.HasIndex(e => new { e.InstitutionId, e.Status, e.NextDueOn });
        b.HasIndex(e => new { e.ResidentId, e.Programme });
    }
}

internal sealed class ChronicFollowUpConfiguration : IEntityTypeConfiguration<ChronicFollowUp>
{
    public void Configure(EntityTypeBuilder<ChronicFollowUp> b)
    {
        b.ToTable("chronic_follow_ups");
        b.Property(f => f.Symptoms).HasMaxLength(40);
        b.Property(f => f.OtherSymptoms).HasMaxLength(200);
        b.Property(f => f.WeightKg).HasPrecision(5, 1);
        b.Property(f => f.TargetWeightKg).HasPrecision(5, 1);
        b.Property(f => f.FastingGlucose).HasPrecision(4, 1);
        b.Property(f => f.SpiritsLiangPerDay).HasPrecision(4, 1);
        b.Property(f => f.AdverseReaction).HasMaxLength(200);
        b.Property(f => f.Complication).HasMaxLength(200);
        b.Property(f => f.ReferralReason).HasMaxLength(200);
        b.Property(f => f.Advice).HasMaxLength(200);
        b.Property(f => f.DoctorName).HasMaxLength(50);
        b.HasIndex(f => new { f.EnrolmentId, f.Date });
        // The monthly figures of an institution.
        b.HasIndex(f => new { f.InstitutionId, f.Date });
        b.HasIndex(f => f.SourceVisitId);
    }
}

internal sealed class VaccinationConfiguration : IEntityTypeConfiguration<Vaccination>
{
    public void Configure(EntityTypeBuilder<Vaccination> b)
    {
        b.ToTable("vaccinations");
        b.Property(v => v.Series).HasMaxLength(16);
        b.Property(v => v.Vaccine).HasMaxLength(16);
        b.Property(v => v.VaccineName).HasMaxLength(40);
        b.Property(v => v.Batch).HasMaxLength(40);
        b.Property(v => v.Manufacturer).HasMaxLength(60);
        b.Property(v => v.Warnings).HasMaxLength(600);
        b.Property(v => v.ConfirmReason).HasMaxLength(200);
        b.Property(v => v.NurseName).HasMaxLength(60);
        // A child has each dose once: two nurses saving the same dose at once keep one.
        b.HasIndex(v => new { v.ResidentId, v.Series, v.Dose }).IsUnique();
        // The monthly figures: doses given at a clinic, and coverage by the managing clinic.
        b.HasIndex(v => new { v.GivenAtInstitutionId, v.GivenOn });
        b.HasIndex(v => new { v.InstitutionId, v.DueOn });
    }
}

internal sealed class VoidedVaccinationConfiguration : IEntityTypeConfiguration<VoidedVaccination>
{
    public void Configure(EntityTypeBuilder<VoidedVaccination> b)
    {
        b.ToTable("vaccination_voids");
        b.Property(v => v.Series).HasMaxLength(16);
        b.Property(v => v.VaccineName).HasMaxLength(40);
        b.Property(v => v.Batch).HasMaxLength(40);
        b.Property(v => v.NurseName).HasMaxLength(60);
        b.Property(v => v.Reason).HasMaxLength(200);
        b.Property(v => v.VoidedBy).HasMaxLength(60);
        b.HasIndex(v => v.ResidentId);
    }
}

internal sealed class PregnancyNewbornConfiguration : IEntityTypeConfiguration<PregnancyNewborn>
{
    public void Configure(EntityTypeBuilder<PregnancyNewborn> b)
    {
        b.ToTable("pregnancy_newborns");
        b.Property(n => n.RegisteredBy).HasMaxLength(60);
        b.HasIndex(n => n.PregnancyId);
        // A baby is born of one pregnancy.
        b.HasIndex(n => n.ResidentId).IsUnique();
    }
}

internal sealed class CertificateCheckConfiguration : IEntityTypeConfiguration<CertificateCheck>
{
    public void Configure(EntityTypeBuilder<CertificateCheck> b)
    {
        b.ToTable("certificate_checks");
        b.Property(c => c.School).HasMaxLength(60);
        b.Property(c => c.Missing).HasMaxLength(300);
        b.Property(c => c.CheckedBy).HasMaxLength(50);
        b.HasIndex(c => c.ResidentId);
        b.HasIndex(c => new { c.InstitutionId, c.Result, c.CheckedOn });
    }
}

internal sealed class HealthRecordConfiguration : IEntityTypeConfiguration<HealthRecord>
{
    public void Configure(EntityTypeBuilder<HealthRecord> b)
    {
        b.ToTable("health_records");
        b.Property(h => h.Number).HasMaxLength(17);
        b.Property(h => h.CreatedBy).HasMaxLength(50);
        b.Property(h => h.ResponsibleDoctor).HasMaxLength(50);
        b.Property(h => h.Answers).HasMaxLength(600);
        b.Property(h => h.CloseReason).HasMaxLength(200);
        b.Property(h => h.Version).IsConcurrencyToken();
        // One record a resident, one number a record (the next serial of a village reads the highest by its prefix).
        b.HasIndex(h => h.ResidentId).IsUnique();
        b.HasIndex(h => h.Number).IsUnique();
        b.HasIndex(h => new { h.InstitutionId, h.CreatedOn });
    }
}

internal sealed class ElderlyCheckConfiguration : IEntityTypeConfiguration<ElderlyCheck>
{
    public void Configure(EntityTypeBuilder<ElderlyCheck> b)
    {
        b.ToTable("elderly_checks");
        b.Property(c => c.HeightCm).HasPrecision(4, 1);
        b.Property(c => c.WeightKg).HasPrecision(4, 1);
        b.Property(c => c.WaistCm).HasPrecision(4, 1);
        b.Property(c => c.FastingGlucose).HasPrecision(4, 1);
        b.Property(c => c.TestsDone).HasMaxLength(100);
        b.Property(c => c.Guidance).HasMaxLength(120);
        b.Property(c => c.DoctorName).HasMaxLength(50);
        b.HasIndex(c => new { c.ResidentId, c.Date });
        b.HasIndex(c => new { c.InstitutionId, c.Date });
    }
}

internal sealed class MentalPatientConfiguration : IEntityTypeConfiguration<MentalPatient>
{
    public void Configure(EntityTypeBuilder<MentalPatient> b)
    {
        b.ToTable("mental_patients");
        b.Property(p => p.DiagnosedAt).HasMaxLength(60);
        b.Property(p => p.GuardianName).HasMaxLength(30);
        b.Property(p => p.GuardianPhone).HasMaxLength(20);
        b.Property(p => p.RegisteredBy).HasMaxLength(50);
        b.Property(p => p.EndReason).HasMaxLength(200);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.InstitutionId, p.Status, p.NextDueOn });
        b.HasIndex(p => p.ResidentId);
    }
}

internal sealed class MentalFollowUpConfiguration : IEntityTypeConfiguration<MentalFollowUp>
{
    public void Configure(EntityTypeBuilder<MentalFollowUp> b)
    {
        b.ToTable("mental_follow_ups");
        b.Property(f => f.Advice).HasMaxLength(200);
        b.Property(f => f.DoctorName).HasMaxLength(50);
        b.HasIndex(f => new { f.PatientId, f.Date });
        b.HasIndex(f => new { f.InstitutionId, f.Date });
    }
}

internal sealed class PregnancyConfiguration : IEntityTypeConfiguration<Pregnancy>
{
    public void Configure(EntityTypeBuilder<Pregnancy> b)
    {
        b.ToTable("pregnancies");
        b.Property(p => p.HusbandName).HasMaxLength(30);
        b.Property(p => p.HusbandPhone).HasMaxLength(20);
        b.Property(p => p.RegisteredBy).HasMaxLength(50);
        b.Property(p => p.DeliveredAt).HasMaxLength(60);
        b.Property(p => p.EndReason).HasMaxLength(60);
        b.Property(p => p.NextContact).HasMaxLength(60);
        b.Property(p => p.Version).IsConcurrencyToken();
        // The due list of an institution, and the figures by registration and by delivery.
        b.HasIndex(p => new { p.InstitutionId, p.Status, p.NextDueBy });
        b.HasIndex(p => new { p.InstitutionId, p.DeliveredOn });
        b.HasIndex(p => new { p.InstitutionId, p.RegisteredOn });
        b.HasIndex(p => p.ResidentId);
    }
}

internal sealed class MaternalVisitConfiguration : IEntityTypeConfiguration<MaternalVisit>
{
    public void Configure(EntityTypeBuilder<MaternalVisit> b)
    {
        b.ToTable("maternal_visits");
        b.Property(v => v.WeightKg).HasPrecision(5, 1);
        b.Property(v => v.FundalHeightCm).HasPrecision(4, 1);
        b.Property(v => v.TemperatureC).HasPrecision(4, 1);
        b.Property(v => v.AbnormalItems).HasMaxLength(80);
        b.Property(v => v.Guidance).HasMaxLength(120);
        b.Property(v => v.ReferralReason).HasMaxLength(200);
        b.Property(v => v.DoctorName).HasMaxLength(50);
        b.HasIndex(v => new { v.PregnancyId, v.Date });
        b.HasIndex(v => new { v.InstitutionId, v.Date });
    }
}

internal sealed class TbPatientConfiguration : IEntityTypeConfiguration<TbPatient>
{
    public void Configure(EntityTypeBuilder<TbPatient> b)
    {
        b.ToTable("tb_patients");
        b.Property(p => p.DiagnosedAt).HasMaxLength(60);
        b.Property(p => p.Regimen).HasMaxLength(60);
        b.Property(p => p.RegisteredBy).HasMaxLength(50);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.InstitutionId, p.Status, p.NextDueOn });
        b.HasIndex(p => new { p.InstitutionId, p.NotifiedOn });
        b.HasIndex(p => p.ResidentId);
    }
}

internal sealed class TbVisitConfiguration : IEntityTypeConfiguration<TbVisit>
{
    public void Configure(EntityTypeBuilder<TbVisit> b)
    {
        b.ToTable("tb_visits");
        b.Property(v => v.Symptoms).HasMaxLength(120);
        b.Property(v => v.Advice).HasMaxLength(300);
        b.Property(v => v.DoctorName).HasMaxLength(50);
        b.HasIndex(v => new { v.PatientId, v.Date });
        b.HasIndex(v => new { v.InstitutionId, v.Date });
    }
}

internal sealed class ChildCheckConfiguration : IEntityTypeConfiguration<ChildCheck>
{
    public void Configure(EntityTypeBuilder<ChildCheck> b)
    {
        b.ToTable("child_checks");
        b.Property(c => c.Contact).HasMaxLength(16);
        b.Property(c => c.WeightKg).HasPrecision(4, 2);
        b.Property(c => c.LengthCm).HasPrecision(4, 1);
        b.Property(c => c.HeadCm).HasPrecision(4, 1);
        b.Property(c => c.VisionLeft).HasPrecision(2, 1);
        b.Property(c => c.VisionRight).HasPrecision(2, 1);
        b.Property(c => c.BirthWeightKg).HasPrecision(3, 2);
        b.Property(c => c.WarningSigns).HasMaxLength(20);
        b.Property(c => c.Illness).HasMaxLength(20);
        b.Property(c => c.ReferralReason).HasMaxLength(200);
        b.Property(c => c.Guidance).HasMaxLength(20);
        b.Property(c => c.Jaundice).HasMaxLength(20);
        b.Property(c => c.Cord).HasMaxLength(20);
        b.Property(c => c.MetabolicScreen).HasMaxLength(20);
        b.Property(c => c.DoctorName).HasMaxLength(50);
        // One of each contact per child; the figures read a clinic's checks by date.
        b.HasIndex(c => new { c.ResidentId, c.Contact }).IsUnique();
        b.HasIndex(c => new { c.InstitutionId, c.Date });
    }
}

internal sealed class EducationActivityConfiguration : IEntityTypeConfiguration<EducationActivity>
{
    public void Configure(EntityTypeBuilder<EducationActivity> b)
    {
        b.ToTable("education_activities");
        b.Property(a => a.Place).HasMaxLength(60);
        b.Property(a => a.Topic).HasMaxLength(60);
        b.Property(a => a.Organiser).HasMaxLength(30);
        b.Property(a => a.Speaker).HasMaxLength(30);
        b.Property(a => a.Audience).HasMaxLength(30);
        b.Property(a => a.Content).HasMaxLength(500);
        b.Property(a => a.Evaluation).HasMaxLength(500);
        b.Property(a => a.Archive).HasMaxLength(60);
        b.Property(a => a.RecordedBy).HasMaxLength(50);
        b.HasIndex(a => new { a.InstitutionId, a.Date });
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublicHealthChronic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chronic_enrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Programme = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DiagnosisCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceVisitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnrolledBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastClass = table.Column<int>(type: "INTEGER", nullable: true),
                    LastFollowUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chronic_enrolments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chronic_follow_ups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Programme = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Symptoms = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OtherSymptoms = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SystolicBp = table.Column<int>(type: "INTEGER", nullable: true),
                    DiastolicBp = table.Column<int>(type: "INTEGER", nullable: true),
                    HeartRate = table.Column<int>(type: "INTEGER", nullable: true),
                    WeightKg = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    TargetWeightKg = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    FastingGlucose = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    CigarettesPerDay = table.Column<int>(type: "INTEGER", nullable: true),
                    SpiritsLiangPerDay = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    ExerciseTimesPerWeek = table.Column<int>(type: "INTEGER", nullable: true),
                    ExerciseMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Adherence = table.Column<int>(type: "INTEGER", nullable: false),
                    AdverseReaction = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Complication = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Class = table.Column<int>(type: "INTEGER", nullable: false),
                    AtTarget = table.Column<bool>(type: "INTEGER", nullable: false),
                    Referral = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferralReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceVisitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DoctorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chronic_follow_ups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_enrolments_InstitutionId_Status_NextDueOn",
                table: "chronic_enrolments",
                columns: new[] { "InstitutionId", "Status", "NextDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_enrolments_ResidentId_Programme",
                table: "chronic_enrolments",
                columns: new[] { "ResidentId", "Programme" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_follow_ups_EnrolmentId_Date",
                table: "chronic_follow_ups",
                columns: new[] { "EnrolmentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_follow_ups_InstitutionId_Date",
                table: "chronic_follow_ups",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_follow_ups_SourceVisitId",
                table: "chronic_follow_ups",
                column: "SourceVisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chronic_enrolments");

            migrationBuilder.DropTable(
                name: "chronic_follow_ups");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Programme = table.Column<int>(type: "integer", nullable: false),
                    EnrolledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DiagnosisCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourceVisitId = table.Column<Guid>(type: "uuid", nullable: true),
                    EnrolledBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LastClass = table.Column<int>(type: "integer", nullable: true),
                    LastFollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chronic_enrolments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chronic_follow_ups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Programme = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    Symptoms = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OtherSymptoms = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SystolicBp = table.Column<int>(type: "integer", nullable: true),
                    DiastolicBp = table.Column<int>(type: "integer", nullable: true),
                    HeartRate = table.Column<int>(type: "integer", nullable: true),
                    WeightKg = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    TargetWeightKg = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    FastingGlucose = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    CigarettesPerDay = table.Column<int>(type: "integer", nullable: true),
                    SpiritsLiangPerDay = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    ExerciseTimesPerWeek = table.Column<int>(type: "integer", nullable: true),
                    ExerciseMinutes = table.Column<int>(type: "integer", nullable: true),
                    Adherence = table.Column<int>(type: "integer", nullable: false),
                    AdverseReaction = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Complication = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Class = table.Column<int>(type: "integer", nullable: false),
                    AtTarget = table.Column<bool>(type: "boolean", nullable: false),
                    Referral = table.Column<int>(type: "integer", nullable: false),
                    ReferralReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Advice = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SourceVisitId = table.Column<Guid>(type: "uuid", nullable: true),
                    DoctorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

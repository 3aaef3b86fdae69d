using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PublicHealthMental : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mental_follow_ups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    RiskGrade = table.Column<int>(type: "integer", nullable: false),
                    MarkedSymptoms = table.Column<bool>(type: "boolean", nullable: false),
                    Insight = table.Column<int>(type: "integer", nullable: false),
                    PoorSocialFunction = table.Column<bool>(type: "boolean", nullable: false),
                    AcuteReaction = table.Column<bool>(type: "boolean", nullable: false),
                    SeriousPhysicalIllness = table.Column<bool>(type: "boolean", nullable: false),
                    Adherence = table.Column<int>(type: "integer", nullable: false),
                    Class = table.Column<int>(type: "integer", nullable: false),
                    Referral = table.Column<bool>(type: "boolean", nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Advice = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DoctorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mental_follow_ups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mental_patients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Disorder = table.Column<int>(type: "integer", nullable: false),
                    DiagnosedAt = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DiagnosedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    GuardianName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    GuardianPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Consent = table.Column<bool>(type: "boolean", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastRisk = table.Column<int>(type: "integer", nullable: true),
                    LastClass = table.Column<int>(type: "integer", nullable: true),
                    LastFollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mental_patients", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mental_follow_ups_InstitutionId_Date",
                table: "mental_follow_ups",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_mental_follow_ups_PatientId_Date",
                table: "mental_follow_ups",
                columns: new[] { "PatientId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_mental_patients_InstitutionId_Status_NextDueOn",
                table: "mental_patients",
                columns: new[] { "InstitutionId", "Status", "NextDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_mental_patients_ResidentId",
                table: "mental_patients",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mental_follow_ups");

            migrationBuilder.DropTable(
                name: "mental_patients");
        }
    }
}

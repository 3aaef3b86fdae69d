using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    RiskGrade = table.Column<int>(type: "INTEGER", nullable: false),
                    MarkedSymptoms = table.Column<bool>(type: "INTEGER", nullable: false),
                    Insight = table.Column<int>(type: "INTEGER", nullable: false),
                    PoorSocialFunction = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcuteReaction = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeriousPhysicalIllness = table.Column<bool>(type: "INTEGER", nullable: false),
                    Adherence = table.Column<int>(type: "INTEGER", nullable: false),
                    Class = table.Column<int>(type: "INTEGER", nullable: false),
                    Referral = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DoctorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mental_follow_ups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mental_patients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Disorder = table.Column<int>(type: "INTEGER", nullable: false),
                    DiagnosedAt = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DiagnosedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GuardianName = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    GuardianPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Consent = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastRisk = table.Column<int>(type: "INTEGER", nullable: true),
                    LastClass = table.Column<int>(type: "INTEGER", nullable: true),
                    LastFollowUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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

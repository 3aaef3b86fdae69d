using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublicHealthTuberculosis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tb_patients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DiagnosedAt = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TreatmentStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PatientType = table.Column<int>(type: "INTEGER", nullable: false),
                    Sputum = table.Column<int>(type: "INTEGER", nullable: false),
                    Resistance = table.Column<int>(type: "INTEGER", nullable: false),
                    Regimen = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Supervisor = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstVisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastVisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StoppedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StopReason = table.Column<int>(type: "INTEGER", nullable: true),
                    VisitsDue = table.Column<int>(type: "INTEGER", nullable: true),
                    VisitsDone = table.Column<int>(type: "INTEGER", nullable: true),
                    DosesDue = table.Column<int>(type: "INTEGER", nullable: true),
                    DosesTaken = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tb_patients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tb_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    First = table.Column<bool>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TreatmentMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Supervisor = table.Column<int>(type: "INTEGER", nullable: false),
                    Symptoms = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    MissedDoses = table.Column<int>(type: "INTEGER", nullable: false),
                    AdverseReaction = table.Column<bool>(type: "INTEGER", nullable: false),
                    Complication = table.Column<bool>(type: "INTEGER", nullable: false),
                    Referral = table.Column<bool>(type: "INTEGER", nullable: false),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoctorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tb_visits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tb_patients_InstitutionId_NotifiedOn",
                table: "tb_patients",
                columns: new[] { "InstitutionId", "NotifiedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_tb_patients_InstitutionId_Status_NextDueOn",
                table: "tb_patients",
                columns: new[] { "InstitutionId", "Status", "NextDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_tb_patients_ResidentId",
                table: "tb_patients",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_tb_visits_InstitutionId_Date",
                table: "tb_visits",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_tb_visits_PatientId_Date",
                table: "tb_visits",
                columns: new[] { "PatientId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tb_patients");

            migrationBuilder.DropTable(
                name: "tb_visits");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PublicHealthMaternal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "maternal_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PregnancyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Contact = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    GestationDays = table.Column<int>(type: "integer", nullable: true),
                    WeightKg = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    SystolicBp = table.Column<int>(type: "integer", nullable: true),
                    DiastolicBp = table.Column<int>(type: "integer", nullable: true),
                    Haemoglobin = table.Column<int>(type: "integer", nullable: true),
                    FundalHeightCm = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    FetalHeartRate = table.Column<int>(type: "integer", nullable: true),
                    TemperatureC = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    AbnormalItems = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Abnormal = table.Column<bool>(type: "boolean", nullable: false),
                    Guidance = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Referral = table.Column<bool>(type: "boolean", nullable: false),
                    ReferralReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DoctorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_maternal_visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pregnancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastPeriod = table.Column<DateOnly>(type: "date", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    GestationDaysAtRegistration = table.Column<int>(type: "integer", nullable: false),
                    Gravidity = table.Column<int>(type: "integer", nullable: false),
                    VaginalBirths = table.Column<int>(type: "integer", nullable: false),
                    Caesareans = table.Column<int>(type: "integer", nullable: false),
                    HusbandName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    HusbandPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HbsAgPositive = table.Column<bool>(type: "boolean", nullable: false),
                    SyphilisPositive = table.Column<bool>(type: "boolean", nullable: false),
                    HivPositive = table.Column<bool>(type: "boolean", nullable: false),
                    HighRisk = table.Column<bool>(type: "boolean", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DeliveredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DischargedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliveredAt = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    DeliveryMode = table.Column<int>(type: "integer", nullable: true),
                    LiveBirths = table.Column<int>(type: "integer", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Contacts = table.Column<int>(type: "integer", nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextDueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    NextContact = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pregnancies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_maternal_visits_InstitutionId_Date",
                table: "maternal_visits",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_maternal_visits_PregnancyId_Date",
                table: "maternal_visits",
                columns: new[] { "PregnancyId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_pregnancies_InstitutionId_DeliveredOn",
                table: "pregnancies",
                columns: new[] { "InstitutionId", "DeliveredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_pregnancies_InstitutionId_RegisteredOn",
                table: "pregnancies",
                columns: new[] { "InstitutionId", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_pregnancies_InstitutionId_Status_NextDueBy",
                table: "pregnancies",
                columns: new[] { "InstitutionId", "Status", "NextDueBy" });

            migrationBuilder.CreateIndex(
                name: "IX_pregnancies_ResidentId",
                table: "pregnancies",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "maternal_visits");

            migrationBuilder.DropTable(
                name: "pregnancies");
        }
    }
}

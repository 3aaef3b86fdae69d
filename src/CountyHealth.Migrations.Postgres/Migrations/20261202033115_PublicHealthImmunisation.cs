using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PublicHealthImmunisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_residents_ManagingInstitutionId",
                table: "residents");

            migrationBuilder.CreateTable(
                name: "certificate_checks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    School = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Result = table.Column<int>(type: "integer", nullable: false),
                    Missing = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vaccinations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenAtInstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Series = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Dose = table.Column<int>(type: "integer", nullable: false),
                    Vaccine = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    VaccineName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Batch = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Manufacturer = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Site = table.Column<int>(type: "integer", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Warnings = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    ConfirmReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NurseName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vaccinations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_residents_ManagingInstitutionId_BirthDate",
                table: "residents",
                columns: new[] { "ManagingInstitutionId", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_certificate_checks_InstitutionId_Result_CheckedOn",
                table: "certificate_checks",
                columns: new[] { "InstitutionId", "Result", "CheckedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_certificate_checks_ResidentId",
                table: "certificate_checks",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_vaccinations_GivenAtInstitutionId_GivenOn",
                table: "vaccinations",
                columns: new[] { "GivenAtInstitutionId", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccinations_InstitutionId_DueOn",
                table: "vaccinations",
                columns: new[] { "InstitutionId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccinations_ResidentId_Series_Dose",
                table: "vaccinations",
                columns: new[] { "ResidentId", "Series", "Dose" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificate_checks");

            migrationBuilder.DropTable(
                name: "vaccinations");

            migrationBuilder.DropIndex(
                name: "IX_residents_ManagingInstitutionId_BirthDate",
                table: "residents");

            migrationBuilder.CreateIndex(
                name: "IX_residents_ManagingInstitutionId",
                table: "residents",
                column: "ManagingInstitutionId");
        }
    }
}

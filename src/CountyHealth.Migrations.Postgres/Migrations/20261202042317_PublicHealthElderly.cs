using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PublicHealthElderly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "elderly_checks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Eating = table.Column<int>(type: "integer", nullable: false),
                    Grooming = table.Column<int>(type: "integer", nullable: false),
                    Dressing = table.Column<int>(type: "integer", nullable: false),
                    Toileting = table.Column<int>(type: "integer", nullable: false),
                    Mobility = table.Column<int>(type: "integer", nullable: false),
                    SelfCareScore = table.Column<int>(type: "integer", nullable: false),
                    SelfCareGrade = table.Column<int>(type: "integer", nullable: false),
                    SystolicBp = table.Column<int>(type: "integer", nullable: false),
                    DiastolicBp = table.Column<int>(type: "integer", nullable: false),
                    HeightCm = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    WeightKg = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    WaistCm = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    FastingGlucose = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    Cognition = table.Column<int>(type: "integer", nullable: false),
                    MmseScore = table.Column<int>(type: "integer", nullable: true),
                    Mood = table.Column<int>(type: "integer", nullable: false),
                    GdsScore = table.Column<int>(type: "integer", nullable: true),
                    TestsDone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Guidance = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Complete = table.Column<bool>(type: "boolean", nullable: false),
                    DoctorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_elderly_checks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_elderly_checks_InstitutionId_Date",
                table: "elderly_checks",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_elderly_checks_ResidentId_Date",
                table: "elderly_checks",
                columns: new[] { "ResidentId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "elderly_checks");
        }
    }
}

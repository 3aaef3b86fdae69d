using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Eating = table.Column<int>(type: "INTEGER", nullable: false),
                    Grooming = table.Column<int>(type: "INTEGER", nullable: false),
                    Dressing = table.Column<int>(type: "INTEGER", nullable: false),
                    Toileting = table.Column<int>(type: "INTEGER", nullable: false),
                    Mobility = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfCareScore = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfCareGrade = table.Column<int>(type: "INTEGER", nullable: false),
                    SystolicBp = table.Column<int>(type: "INTEGER", nullable: false),
                    DiastolicBp = table.Column<int>(type: "INTEGER", nullable: false),
                    HeightCm = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    WeightKg = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    WaistCm = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    FastingGlucose = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    Cognition = table.Column<int>(type: "INTEGER", nullable: false),
                    MmseScore = table.Column<int>(type: "INTEGER", nullable: true),
                    Mood = table.Column<int>(type: "INTEGER", nullable: false),
                    GdsScore = table.Column<int>(type: "INTEGER", nullable: true),
                    TestsDone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Complete = table.Column<bool>(type: "INTEGER", nullable: false),
                    DoctorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VaccinationVoids : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vaccination_voids",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VaccinationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenAtInstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Series = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Dose = table.Column<int>(type: "INTEGER", nullable: false),
                    VaccineName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Site = table.Column<int>(type: "INTEGER", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    NurseName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VoidedBy = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    VoidedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vaccination_voids", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vaccination_voids_ResidentId",
                table: "vaccination_voids",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vaccination_voids");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VaccinationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenAtInstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Series = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Dose = table.Column<int>(type: "integer", nullable: false),
                    VaccineName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Batch = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Site = table.Column<int>(type: "integer", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    NurseName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VoidedBy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    VoidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

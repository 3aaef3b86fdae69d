using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SettlementsByHomeClinic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_insurance_settlements_HomeInstitutionId_Year",
                table: "insurance_settlements",
                columns: new[] { "HomeInstitutionId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_insurance_settlements_HomeInstitutionId_Year",
                table: "insurance_settlements");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DispenseOrderByNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_dispense_orders_InstitutionId_PrescriptionNumber",
                table: "dispense_orders",
                columns: new[] { "InstitutionId", "PrescriptionNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dispense_orders_InstitutionId_PrescriptionNumber",
                table: "dispense_orders");
        }
    }
}

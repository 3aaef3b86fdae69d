using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorFactsByMeasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_indicator_facts_Month_Dimension",
                table: "indicator_facts");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_facts_Measure_Month_Dimension_InstitutionId_Value",
                table: "indicator_facts",
                columns: new[] { "Measure", "Month", "Dimension", "InstitutionId", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_indicator_facts_Measure_Month_Dimension_InstitutionId_Value",
                table: "indicator_facts");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_facts_Month_Dimension",
                table: "indicator_facts",
                columns: new[] { "Month", "Dimension" });
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorEngineBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A migration of its own: SQLite rebuilds the charges table for the new column, and runs no SQL while a rebuild is pending.
            // Existing rows: charges get their revenue category from what raised them (an order's from its price item),
            // and the demo formulary's systemic antibacterials are marked; a county's own catalogue is marked by its keeper.
            migrationBuilder.Sql("""
                UPDATE charges SET "Category" = CASE "Kind"
                    WHEN 'outpatient.registration' THEN 'registration'
                    WHEN 'outpatient.prescription' THEN 'western_drug'
                    ELSE COALESCE((SELECT CASE p."Kind" WHEN 'Registration' THEN 'registration' WHEN 'Examination' THEN 'examination'
                        WHEN 'Lab' THEN 'lab' WHEN 'Treatment' THEN 'treatment' ELSE 'other' END
                        FROM price_items p WHERE p."Code" = charges."ItemCode"), 'other') END
                """);
            migrationBuilder.Sql("""
                UPDATE drugs SET "IsAntibacterial" = 1 WHERE "Code" IN ('XY0024', 'XY0025', 'XY0026', 'XY0027', 'XY0028', 'XY0029', 'XY0030', 'XY0056', 'XY0057')
                """);


        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}

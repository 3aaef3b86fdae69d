using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResidentNumberTails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdNumberReversed",
                table: "residents",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneReversed",
                table: "residents",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            // Existing residents get their reversed numbers before the indexes are built (SQLite has no reverse()).
            migrationBuilder.Sql("""
                UPDATE residents SET
                  "IdNumberReversed" = (WITH RECURSIVE rev(i, s) AS (SELECT length(residents."IdNumber"), '' UNION ALL SELECT i - 1, s || substr(residents."IdNumber", i, 1) FROM rev WHERE i > 0) SELECT s FROM rev WHERE i = 0),
                  "PhoneReversed" = (WITH RECURSIVE rev(i, s) AS (SELECT length(residents."Phone"), '' UNION ALL SELECT i - 1, s || substr(residents."Phone", i, 1) FROM rev WHERE i > 0) SELECT s FROM rev WHERE i = 0)
                WHERE "IdNumber" IS NOT NULL OR "Phone" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_residents_IdNumberReversed",
                table: "residents",
                column: "IdNumberReversed");

            migrationBuilder.CreateIndex(
                name: "IX_residents_PhoneReversed",
                table: "residents",
                column: "PhoneReversed");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_residents_IdNumberReversed",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "IX_residents_PhoneReversed",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "IdNumberReversed",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "PhoneReversed",
                table: "residents");
        }
    }
}

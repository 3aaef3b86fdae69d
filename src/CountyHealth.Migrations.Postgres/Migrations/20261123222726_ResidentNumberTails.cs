using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
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
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneReversed",
                table: "residents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            // Existing residents get their reversed numbers before the indexes are built.
            migrationBuilder.Sql("""UPDATE residents SET "IdNumberReversed" = reverse("IdNumber"), "PhoneReversed" = reverse("Phone") WHERE "IdNumber" IS NOT NULL OR "Phone" IS NOT NULL;""");

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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsAntibacterial",
                table: "drugs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "charges",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "fact_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fact_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "indicator_facts",
                columns: table => new
                {
                    Source = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_facts", x => new { x.Source, x.InstitutionId, x.Month, x.Measure, x.Dimension });
                });

            migrationBuilder.CreateIndex(
                name: "IX_charges_RefundId",
                table: "charges",
                column: "RefundId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_facts_Month_Dimension",
                table: "indicator_facts",
                columns: new[] { "Month", "Dimension" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fact_changes");

            migrationBuilder.DropTable(
                name: "indicator_facts");

            migrationBuilder.DropIndex(
                name: "IX_charges_RefundId",
                table: "charges");

            migrationBuilder.DropColumn(
                name: "IsAntibacterial",
                table: "drugs");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "charges");
        }
    }
}

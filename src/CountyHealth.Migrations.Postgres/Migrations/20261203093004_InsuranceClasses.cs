using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InsuranceClasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Catalogue rows already there count as 甲类 until classed; charges already raised as 自费 (the fund pays for
            // nothing it was not told of), as new unclassed lines do.
            migrationBuilder.AddColumn<int>(
                name: "InsuranceClass",
                table: "price_items",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "InsuranceClass",
                table: "prescription_items",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<bool>(
                name: "IsTcm",
                table: "institutions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "InsuranceClass",
                table: "drugs",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "InsuranceClass",
                table: "charges",
                type: "integer",
                nullable: false,
                defaultValue: 3);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InsuranceClass",
                table: "price_items");

            migrationBuilder.DropColumn(
                name: "InsuranceClass",
                table: "prescription_items");

            migrationBuilder.DropColumn(
                name: "IsTcm",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "InsuranceClass",
                table: "drugs");

            migrationBuilder.DropColumn(
                name: "InsuranceClass",
                table: "charges");
        }
    }
}

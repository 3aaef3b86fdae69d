using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Households : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HouseholdId",
                table: "residents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RelationToHead",
                table: "residents",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_residents_HouseholdId",
                table: "residents",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_households_InstitutionId",
                table: "households",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_households_Number",
                table: "households",
                column: "Number",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_residents_households_HouseholdId",
                table: "residents",
                column: "HouseholdId",
                principalTable: "households",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_residents_households_HouseholdId",
                table: "residents");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropIndex(
                name: "IX_residents_HouseholdId",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "HouseholdId",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "RelationToHead",
                table: "residents");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PregnancyNewborns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pregnancy_newborns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PregnancyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MotherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pregnancy_newborns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pregnancy_newborns_PregnancyId",
                table: "pregnancy_newborns",
                column: "PregnancyId");

            migrationBuilder.CreateIndex(
                name: "IX_pregnancy_newborns_ResidentId",
                table: "pregnancy_newborns",
                column: "ResidentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pregnancy_newborns");
        }
    }
}

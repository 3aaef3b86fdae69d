using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PregnancyId = table.Column<Guid>(type: "uuid", nullable: false),
                    MotherId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

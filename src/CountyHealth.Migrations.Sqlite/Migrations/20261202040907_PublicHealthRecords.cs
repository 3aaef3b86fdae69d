using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublicHealthRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "health_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ResponsibleDoctor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_records", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_health_records_InstitutionId_CreatedOn",
                table: "health_records",
                columns: new[] { "InstitutionId", "CreatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_health_records_Number",
                table: "health_records",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_health_records_ResidentId",
                table: "health_records",
                column: "ResidentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "health_records");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ResponsibleDoctor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Answers = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CloseReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublicHealthEducation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "education_activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Organiser = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Speaker = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AudienceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialKinds = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Archive = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_education_activities", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_education_activities_InstitutionId_Date",
                table: "education_activities",
                columns: new[] { "InstitutionId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "education_activities");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Topic = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Organiser = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Speaker = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Audience = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AudienceCount = table.Column<int>(type: "integer", nullable: false),
                    MaterialKinds = table.Column<int>(type: "integer", nullable: false),
                    MaterialCount = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Evaluation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Archive = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

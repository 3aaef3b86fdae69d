using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PublicHealthChildHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "child_checks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Contact = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    WeightKg = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    LengthCm = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    HeadCm = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    WeightRating = table.Column<int>(type: "integer", nullable: true),
                    LengthRating = table.Column<int>(type: "integer", nullable: true),
                    Growth = table.Column<int>(type: "integer", nullable: true),
                    HbGL = table.Column<int>(type: "integer", nullable: true),
                    HearingPassed = table.Column<bool>(type: "boolean", nullable: true),
                    VisionLeft = table.Column<decimal>(type: "numeric(2,1)", precision: 2, scale: 1, nullable: true),
                    VisionRight = table.Column<decimal>(type: "numeric(2,1)", precision: 2, scale: 1, nullable: true),
                    WarningSigns = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Illness = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Referral = table.Column<bool>(type: "boolean", nullable: false),
                    ReferralReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Guidance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NextDate = table.Column<DateOnly>(type: "date", nullable: true),
                    GestationalWeeks = table.Column<int>(type: "integer", nullable: true),
                    BirthWeightKg = table.Column<decimal>(type: "numeric(3,2)", precision: 3, scale: 2, nullable: true),
                    Feeding = table.Column<int>(type: "integer", nullable: true),
                    Jaundice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Cord = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HearingScreen = table.Column<int>(type: "integer", nullable: true),
                    MetabolicScreen = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DoctorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_checks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_child_checks_InstitutionId_Date",
                table: "child_checks",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_child_checks_ResidentId_Contact",
                table: "child_checks",
                columns: new[] { "ResidentId", "Contact" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "child_checks");
        }
    }
}

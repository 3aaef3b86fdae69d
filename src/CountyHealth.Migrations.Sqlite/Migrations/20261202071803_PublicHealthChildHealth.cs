using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WeightKg = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false),
                    LengthCm = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    HeadCm = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    WeightRating = table.Column<int>(type: "INTEGER", nullable: true),
                    LengthRating = table.Column<int>(type: "INTEGER", nullable: true),
                    Growth = table.Column<int>(type: "INTEGER", nullable: true),
                    HbGL = table.Column<int>(type: "INTEGER", nullable: true),
                    HearingPassed = table.Column<bool>(type: "INTEGER", nullable: true),
                    VisionLeft = table.Column<decimal>(type: "TEXT", precision: 2, scale: 1, nullable: true),
                    VisionRight = table.Column<decimal>(type: "TEXT", precision: 2, scale: 1, nullable: true),
                    WarningSigns = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Illness = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Referral = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferralReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NextDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GestationalWeeks = table.Column<int>(type: "INTEGER", nullable: true),
                    BirthWeightKg = table.Column<decimal>(type: "TEXT", precision: 3, scale: 2, nullable: true),
                    Feeding = table.Column<int>(type: "INTEGER", nullable: true),
                    Jaundice = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Cord = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    HearingScreen = table.Column<int>(type: "INTEGER", nullable: true),
                    MetabolicScreen = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DoctorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

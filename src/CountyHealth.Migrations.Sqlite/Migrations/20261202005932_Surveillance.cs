using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Surveillance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_cards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectsCardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectedByCardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DiseaseCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DiseaseName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DiseaseClass = table.Column<int>(type: "INTEGER", nullable: false),
                    AsClassA = table.Column<bool>(type: "INTEGER", nullable: false),
                    DiagnosisCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DiagnosisName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PatientName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ParentName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Workplace = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ResidenceCategory = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Classification = table.Column<int>(type: "INTEGER", nullable: true),
                    AcuteOrChronic = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    OnsetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DiagnosedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeathDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoctorStaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DoctorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstSubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_cards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_card_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_card_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_card_history_report_cards_CardId",
                        column: x => x.CardId,
                        principalTable: "report_cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_report_card_history_CardId_Position",
                table: "report_card_history",
                columns: new[] { "CardId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_report_cards_CardNumber",
                table: "report_cards",
                column: "CardNumber");

            migrationBuilder.CreateIndex(
                name: "IX_report_cards_InstitutionId_CardNumber",
                table: "report_cards",
                columns: new[] { "InstitutionId", "CardNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_cards_InstitutionId_DiagnosedAt",
                table: "report_cards",
                columns: new[] { "InstitutionId", "DiagnosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_report_cards_ResidentId",
                table: "report_cards",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_report_cards_Status_SubmittedAt",
                table: "report_cards",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_report_cards_VisitId",
                table: "report_cards",
                column: "VisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_card_history");

            migrationBuilder.DropTable(
                name: "report_cards");
        }
    }
}

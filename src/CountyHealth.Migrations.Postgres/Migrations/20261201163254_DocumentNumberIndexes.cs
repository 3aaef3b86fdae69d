using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DocumentNumberIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_visits_InstitutionId_VisitNumber",
                table: "visits");

            migrationBuilder.DropIndex(
                name: "IX_prescriptions_InstitutionId_Number",
                table: "prescriptions");

            migrationBuilder.DropIndex(
                name: "IX_payments_InstitutionId_ReceiptNumber",
                table: "payments");

            migrationBuilder.CreateIndex(
                name: "IX_visits_VisitNumber_InstitutionId",
                table: "visits",
                columns: new[] { "VisitNumber", "InstitutionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prescriptions_Number_InstitutionId",
                table: "prescriptions",
                columns: new[] { "Number", "InstitutionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_ReceiptNumber_InstitutionId",
                table: "payments",
                columns: new[] { "ReceiptNumber", "InstitutionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_visits_VisitNumber_InstitutionId",
                table: "visits");

            migrationBuilder.DropIndex(
                name: "IX_prescriptions_Number_InstitutionId",
                table: "prescriptions");

            migrationBuilder.DropIndex(
                name: "IX_payments_ReceiptNumber_InstitutionId",
                table: "payments");

            migrationBuilder.CreateIndex(
                name: "IX_visits_InstitutionId_VisitNumber",
                table: "visits",
                columns: new[] { "InstitutionId", "VisitNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prescriptions_InstitutionId_Number",
                table: "prescriptions",
                columns: new[] { "InstitutionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_InstitutionId_ReceiptNumber",
                table: "payments",
                columns: new[] { "InstitutionId", "ReceiptNumber" },
                unique: true);
        }
    }
}

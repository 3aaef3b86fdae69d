using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DeskDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_visits_VisitNumber",
                table: "visits");

            migrationBuilder.DropIndex(
                name: "IX_prescriptions_Number",
                table: "prescriptions");

            migrationBuilder.DropIndex(
                name: "IX_payments_ReceiptNumber",
                table: "payments");

            migrationBuilder.AddColumn<string>(
                name: "ReopenReason",
                table: "visits",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReopenedAt",
                table: "visits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QuantityReserved",
                table: "stock_batches",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Type",
                table: "prescriptions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "Change",
                table: "payments",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Tendered",
                table: "payments",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "CheckedBy",
                table: "dispense_orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            // Payments before cash tendering was kept were taken exactly; prescriptions before types were ordinary.
            migrationBuilder.Sql("UPDATE payments SET \"Tendered\" = \"Amount\" WHERE \"Tendered\" = 0;");
            migrationBuilder.Sql("UPDATE prescriptions SET \"Type\" = 1 WHERE \"Type\" = 0;");

            migrationBuilder.CreateTable(
                name: "document_counters",
                columns: table => new
                {
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Prefix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_counters", x => new { x.InstitutionId, x.Prefix, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "stock_reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    ReservedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_reservations", x => x.Id);
                    table.CheckConstraint("ck_stock_reservations_quantity", "\"Quantity\" > 0");
                    table.ForeignKey(
                        name: "FK_stock_reservations_dispense_lines_LineId",
                        column: x => x.LineId,
                        principalTable: "dispense_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_stock_reservations_stock_batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "stock_batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_visits_InstitutionId_VisitNumber",
                table: "visits",
                columns: new[] { "InstitutionId", "VisitNumber" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_stock_batches_reserved",
                table: "stock_batches",
                sql: "\"QuantityReserved\" >= 0 AND \"QuantityReserved\" <= \"QuantityOnHand\"");

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

            migrationBuilder.CreateIndex(
                name: "IX_stock_reservations_BatchId",
                table: "stock_reservations",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_stock_reservations_LineId",
                table: "stock_reservations",
                column: "LineId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_counters");

            migrationBuilder.DropTable(
                name: "stock_reservations");

            migrationBuilder.DropIndex(
                name: "IX_visits_InstitutionId_VisitNumber",
                table: "visits");

            migrationBuilder.DropCheckConstraint(
                name: "ck_stock_batches_reserved",
                table: "stock_batches");

            migrationBuilder.DropIndex(
                name: "IX_prescriptions_InstitutionId_Number",
                table: "prescriptions");

            migrationBuilder.DropIndex(
                name: "IX_payments_InstitutionId_ReceiptNumber",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "ReopenReason",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "ReopenedAt",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "QuantityReserved",
                table: "stock_batches");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "prescriptions");

            migrationBuilder.DropColumn(
                name: "Change",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "Tendered",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "CheckedBy",
                table: "dispense_orders");

            migrationBuilder.CreateIndex(
                name: "IX_visits_VisitNumber",
                table: "visits",
                column: "VisitNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prescriptions_Number",
                table: "prescriptions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_ReceiptNumber",
                table: "payments",
                column: "ReceiptNumber",
                unique: true);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StretchedContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Billing no longer lists its callers: a charge carries the raising module's name for what it bills.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "charges",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""UPDATE charges SET "Kind" = CASE "Source" WHEN 1 THEN 'outpatient.registration' WHEN 2 THEN 'outpatient.prescription' WHEN 3 THEN 'outpatient.order' ELSE '' END""");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "charges");

            // The pharmacy no longer knows prescriptions: an order names its source's kind, id and number.
            migrationBuilder.DropIndex(
                name: "IX_dispense_orders_PrescriptionId",
                table: "dispense_orders");

            migrationBuilder.DropColumn(
                name: "VisitId",
                table: "dispense_orders");

            migrationBuilder.RenameColumn(
                name: "PrescriptionId",
                table: "dispense_orders",
                newName: "SourceId");

            migrationBuilder.RenameColumn(
                name: "PrescriptionNumber",
                table: "dispense_orders",
                newName: "SourceNumber");

            migrationBuilder.RenameColumn(
                name: "DoctorName",
                table: "dispense_orders",
                newName: "OrderedBy");

            migrationBuilder.RenameIndex(
                name: "IX_dispense_orders_InstitutionId_PrescriptionNumber",
                table: "dispense_orders",
                newName: "IX_dispense_orders_InstitutionId_SourceNumber");

            migrationBuilder.AddColumn<string>(
                name: "SourceKind",
                table: "dispense_orders",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""UPDATE dispense_orders SET "SourceKind" = 'outpatient.prescription'""");

            migrationBuilder.CreateIndex(
                name: "IX_dispense_orders_SourceId",
                table: "dispense_orders",
                column: "SourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dispense_orders_SourceId",
                table: "dispense_orders");

            migrationBuilder.DropColumn(
                name: "SourceKind",
                table: "dispense_orders");

            migrationBuilder.RenameIndex(
                name: "IX_dispense_orders_InstitutionId_SourceNumber",
                table: "dispense_orders",
                newName: "IX_dispense_orders_InstitutionId_PrescriptionNumber");

            migrationBuilder.RenameColumn(
                name: "OrderedBy",
                table: "dispense_orders",
                newName: "DoctorName");

            migrationBuilder.RenameColumn(
                name: "SourceNumber",
                table: "dispense_orders",
                newName: "PrescriptionNumber");

            migrationBuilder.RenameColumn(
                name: "SourceId",
                table: "dispense_orders",
                newName: "PrescriptionId");

            // The visit of an order is not kept since this migration; it comes back empty.
            migrationBuilder.AddColumn<Guid>(
                name: "VisitId",
                table: "dispense_orders",
                type: "uuid",
                nullable: false,
                defaultValue: Guid.Empty);

            migrationBuilder.CreateIndex(
                name: "IX_dispense_orders_PrescriptionId",
                table: "dispense_orders",
                column: "PrescriptionId");

            migrationBuilder.AddColumn<int>(
                name: "Source",
                table: "charges",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""UPDATE charges SET "Source" = CASE "Kind" WHEN 'outpatient.registration' THEN 1 WHEN 'outpatient.prescription' THEN 2 WHEN 'outpatient.order' THEN 3 ELSE 0 END""");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "charges");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SettlementHomeInstitution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HomeInstitutionId",
                table: "insurance_settlements",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Settlements already made count for the clinic of their enrolment.
            migrationBuilder.Sql("""UPDATE insurance_settlements SET "HomeInstitutionId" = (SELECT e."InstitutionId" FROM insurance_enrolments e WHERE e."Id" = insurance_settlements."EnrolmentId")""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HomeInstitutionId",
                table: "insurance_settlements");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InsuranceSettlement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "FundAmount",
                table: "refunds",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "FundAmount",
                table: "payments",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<Guid>(
                name: "InsuranceSettlementId",
                table: "payments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "InsuranceSettlementId",
                table: "charges",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "insurance_enrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Contribution = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    EnrolledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insurance_enrolments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insurance_policies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PersonalContribution = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    SubsidyPerPerson = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AnnualCap = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ClassBSelfPayShare = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    ElderlyAge = table.Column<int>(type: "integer", nullable: false),
                    TcmInpatientDeductibleCut = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insurance_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insurance_schemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insurance_schemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insurance_settlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    PolicyId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Setting = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    TcmInstitution = table.Column<bool>(type: "boolean", nullable: false),
                    Age = table.Column<int>(type: "integer", nullable: false),
                    DeductibleMetBefore = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    FundPaidBefore = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Excluded = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ClassBSelfPaid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Eligible = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DeductibleApplied = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Ratio = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    FundPays = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PersonPays = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Steps = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: true),
                    SettledBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SettledByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SettledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReversedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReversedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReversalReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insurance_settlements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insurance_year_use",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OutpatientDeductibleMet = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    FundPaid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Settlements = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insurance_year_use", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insurance_policy_rates",
                columns: table => new
                {
                    PolicyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Setting = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Deductible = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Ratio = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    ElderlyUplift = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insurance_policy_rates", x => new { x.PolicyId, x.Setting, x.Level });
                    table.ForeignKey(
                        name: "FK_insurance_policy_rates_insurance_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "insurance_policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "insurance_schemes",
                columns: new[] { "Id", "Code", "IsActive", "Name" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-000000000001"), "CXJM", true, "城乡居民基本医疗保险" },
                    { new Guid("0193a000-0000-7000-8000-000000000002"), "ZGYB", true, "职工基本医疗保险" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_charges_InsuranceSettlementId",
                table: "charges",
                column: "InsuranceSettlementId");

            migrationBuilder.CreateIndex(
                name: "IX_insurance_enrolments_InstitutionId_Year",
                table: "insurance_enrolments",
                columns: new[] { "InstitutionId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_insurance_enrolments_ResidentId_Year",
                table: "insurance_enrolments",
                columns: new[] { "ResidentId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insurance_policies_SchemeId_EffectiveFrom",
                table: "insurance_policies",
                columns: new[] { "SchemeId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insurance_schemes_Code",
                table: "insurance_schemes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insurance_settlements_InstitutionId_SettledAt",
                table: "insurance_settlements",
                columns: new[] { "InstitutionId", "SettledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insurance_settlements_Number_InstitutionId",
                table: "insurance_settlements",
                columns: new[] { "Number", "InstitutionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insurance_settlements_RequestId",
                table: "insurance_settlements",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insurance_settlements_ResidentId_Year",
                table: "insurance_settlements",
                columns: new[] { "ResidentId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_insurance_settlements_VisitId",
                table: "insurance_settlements",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_insurance_year_use_ResidentId_Year",
                table: "insurance_year_use",
                columns: new[] { "ResidentId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insurance_enrolments");

            migrationBuilder.DropTable(
                name: "insurance_policy_rates");

            migrationBuilder.DropTable(
                name: "insurance_schemes");

            migrationBuilder.DropTable(
                name: "insurance_settlements");

            migrationBuilder.DropTable(
                name: "insurance_year_use");

            migrationBuilder.DropTable(
                name: "insurance_policies");

            migrationBuilder.DropIndex(
                name: "IX_charges_InsuranceSettlementId",
                table: "charges");

            migrationBuilder.DropColumn(
                name: "FundAmount",
                table: "refunds");

            migrationBuilder.DropColumn(
                name: "FundAmount",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "InsuranceSettlementId",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "InsuranceSettlementId",
                table: "charges");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyHealth.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LeastPrivilege : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "break_glass_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FullName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_break_glass_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_break_glass_grants_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "resident_identity_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OldName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OldSex = table.Column<int>(type: "integer", nullable: false),
                    OldBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    OldIdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    NewName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NewSex = table.Column<int>(type: "integer", nullable: false),
                    NewBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    NewIdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_identity_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resident_identity_changes_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RefreshGeneration = table.Column<int>(type: "integer", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_sessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_break_glass_grants_GrantedAt",
                table: "break_glass_grants",
                column: "GrantedAt");

            migrationBuilder.CreateIndex(
                name: "IX_break_glass_grants_ResidentId_GrantedAt",
                table: "break_glass_grants",
                columns: new[] { "ResidentId", "GrantedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_break_glass_grants_UserId_ResidentId_ExpiresAt",
                table: "break_glass_grants",
                columns: new[] { "UserId", "ResidentId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_resident_identity_changes_ResidentId",
                table: "resident_identity_changes",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_sessions_UserId_EndedAt",
                table: "sign_in_sessions",
                columns: new[] { "UserId", "EndedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "break_glass_grants");

            migrationBuilder.DropTable(
                name: "resident_identity_changes");

            migrationBuilder.DropTable(
                name: "sign_in_sessions");
        }
    }
}

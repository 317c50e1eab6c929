using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReportVersionsImported : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "report_versions_change_check",
                table: "report_versions");

            migrationBuilder.AddCheckConstraint(
                name: "report_versions_change_check",
                table: "report_versions",
                sql: "change IN ('drafted', 'edited', 'imported')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "report_versions_change_check",
                table: "report_versions");

            migrationBuilder.AddCheckConstraint(
                name: "report_versions_change_check",
                table: "report_versions",
                sql: "change IN ('drafted', 'edited')");
        }
    }
}

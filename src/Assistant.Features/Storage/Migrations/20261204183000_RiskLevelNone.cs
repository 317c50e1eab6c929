using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <summary>A submission version with no risk point at all is 'none' (the bands: low is above 0).</summary>
    public partial class RiskLevelNone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "submission_versions_risk_check",
                table: "submission_versions");

            migrationBuilder.AddCheckConstraint(
                name: "submission_versions_risk_check",
                table: "submission_versions",
                sql: "risk_level IN ('high', 'medium', 'low', 'none')");

            migrationBuilder.Sql("UPDATE submission_versions SET risk_level = 'none' WHERE risk_score = 0 AND risk_level = 'low';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE submission_versions SET risk_level = 'low' WHERE risk_level = 'none';");

            migrationBuilder.DropCheckConstraint(
                name: "submission_versions_risk_check",
                table: "submission_versions");

            migrationBuilder.AddCheckConstraint(
                name: "submission_versions_risk_check",
                table: "submission_versions",
                sql: "risk_level IN ('high', 'medium', 'low')");
        }
    }
}

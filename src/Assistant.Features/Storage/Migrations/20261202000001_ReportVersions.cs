using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <summary>
    /// Versions of the whole report per evaluation: each row holds all five parts as they stood after one
    /// change, who made it and when. Rows are never updated (a trigger refuses it); the latest version is
    /// the report. The id is the one the hand-written migration had, so databases that ran it are recognised.
    /// </summary>
    public partial class ReportVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    change = table.Column<string>(type: "text", nullable: false),
                    part = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_name = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("report_versions_pkey", x => x.id);
                    table.UniqueConstraint("report_versions_evaluation_id_version_key", x => new { x.evaluation_id, x.version });
                    table.CheckConstraint("report_versions_change_check", "change IN ('drafted', 'edited')");
                    table.ForeignKey(
                        name: "report_versions_evaluation_id_fkey",
                        column: x => x.evaluation_id,
                        principalTable: "evaluations",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_report_versions_unit",
                table: "report_versions",
                columns: new[] { "unit", "evaluation_id", "version" },
                descending: new[] { false, false, true });

            migrationBuilder.Sql("""
                CREATE FUNCTION report_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'report versions are never overwritten';
                END $$;
                CREATE TRIGGER report_versions_no_update BEFORE UPDATE ON report_versions FOR EACH ROW EXECUTE FUNCTION report_versions_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_versions");

            migrationBuilder.Sql("DROP FUNCTION report_versions_immutable();");
        }
    }
}

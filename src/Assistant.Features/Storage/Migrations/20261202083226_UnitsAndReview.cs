using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <inheritdoc />
    public partial class UnitsAndReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_name = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("submissions_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    parent_code = table.Column<string>(type: "text", nullable: true),
                    level = table.Column<string>(type: "text", nullable: false),
                    path = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("units_pkey", x => x.code);
                    table.CheckConstraint("units_level_check", "level IN ('province', 'city', 'county', 'department', 'unit')");
                    table.ForeignKey(
                        name: "units_parent_code_fkey",
                        column: x => x.parent_code,
                        principalTable: "units",
                        principalColumn: "code");
                });

            migrationBuilder.CreateTable(
                name: "submission_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_version = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false),
                    risk_level = table.Column<string>(type: "text", nullable: false),
                    risk_score = table.Column<int>(type: "integer", nullable: false),
                    risk_reasons = table.Column<string>(type: "jsonb", nullable: false),
                    submitted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by_name = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("submission_versions_pkey", x => x.id);
                    table.UniqueConstraint("submission_versions_submission_id_version_key", x => new { x.submission_id, x.version });
                    table.CheckConstraint("submission_versions_risk_check", "risk_level IN ('high', 'medium', 'low')");
                    table.ForeignKey(
                        name: "submission_versions_evaluation_id_fkey",
                        column: x => x.evaluation_id,
                        principalTable: "evaluations",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "submission_versions_submission_id_fkey",
                        column: x => x.submission_id,
                        principalTable: "submissions",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "review_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    decision = table.Column<string>(type: "text", nullable: false),
                    comment = table.Column<string>(type: "text", nullable: true),
                    comments = table.Column<string>(type: "jsonb", nullable: false),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by_name = table.Column<string>(type: "text", nullable: false),
                    decided_by_unit = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("review_decisions_pkey", x => x.id);
                    table.CheckConstraint("review_decisions_decision_check", "decision IN ('approved', 'returned')");
                    table.ForeignKey(
                        name: "review_decisions_submission_id_fkey",
                        column: x => x.submission_id,
                        principalTable: "submissions",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "review_decisions_version_id_fkey",
                        column: x => x.version_id,
                        principalTable: "submission_versions",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_review_decisions_submission",
                table: "review_decisions",
                columns: new[] { "submission_id", "version" });

            migrationBuilder.CreateIndex(
                name: "ix_review_decisions_version",
                table: "review_decisions",
                column: "version_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_submission_versions_evaluation",
                table: "submission_versions",
                column: "evaluation_id");

            migrationBuilder.CreateIndex(
                name: "ix_submission_versions_unit",
                table: "submission_versions",
                columns: new[] { "unit", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_submissions_unit",
                table: "submissions",
                columns: new[] { "unit", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_units_parent",
                table: "units",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_units_path",
                table: "units",
                column: "path",
                unique: true)
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            // Review steps are never overwritten nor removed: every table of them refuses updates and deletes.
            migrationBuilder.Sql("""
                CREATE FUNCTION review_steps_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'review steps are never overwritten (%)', TG_TABLE_NAME;
                END $$;
                CREATE TRIGGER submissions_no_update BEFORE UPDATE OR DELETE ON submissions FOR EACH ROW EXECUTE FUNCTION review_steps_immutable();
                CREATE TRIGGER submission_versions_no_update BEFORE UPDATE OR DELETE ON submission_versions FOR EACH ROW EXECUTE FUNCTION review_steps_immutable();
                CREATE TRIGGER review_decisions_no_update BEFORE UPDATE OR DELETE ON review_decisions FOR EACH ROW EXECUTE FUNCTION review_steps_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "review_decisions");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "submission_versions");

            migrationBuilder.DropTable(
                name: "submissions");

            migrationBuilder.Sql("DROP FUNCTION review_steps_immutable();");
        }
    }
}

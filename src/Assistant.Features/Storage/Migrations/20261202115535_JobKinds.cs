using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <inheritdoc />
    public partial class JobKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "jobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "error_en",
                table: "jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "error_zh",
                table: "jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "input",
                table: "jobs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "passages",
                table: "jobs",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "result",
                table: "jobs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "started_at",
                table: "jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "job_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    result = table.Column<string>(type: "jsonb", nullable: true),
                    error_zh = table.Column<string>(type: "text", nullable: true),
                    error_en = table.Column<string>(type: "text", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("job_files_pkey", x => x.id);
                    table.CheckConstraint("job_files_status_check", "status IN ('queued', 'done', 'failed')");
                    table.ForeignKey(
                        name: "job_files_job_id_fkey",
                        column: x => x.job_id,
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_job_files_ordinal",
                table: "job_files",
                columns: new[] { "job_id", "ordinal" },
                unique: true);

            // Every batch item was stored with its job; a row left without one (none is known) would block the key.
            migrationBuilder.Sql("DELETE FROM batch_items i WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = i.job_id)");
            migrationBuilder.AddForeignKey(
                name: "batch_items_job_id_fkey",
                table: "batch_items",
                column: "job_id",
                principalTable: "jobs",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "batch_items_job_id_fkey",
                table: "batch_items");

            migrationBuilder.DropTable(
                name: "job_files");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "error_en",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "error_zh",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "input",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "passages",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "result",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "started_at",
                table: "jobs");
        }
    }
}

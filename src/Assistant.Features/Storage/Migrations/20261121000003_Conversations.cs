using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Conversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("conversations_pkey", x => x.id);
                    table.ForeignKey(
                        name: "conversations_evaluation_id_fkey",
                        column: x => x.evaluation_id,
                        principalTable: "evaluations",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "conversation_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("conversation_messages_pkey", x => x.id);
                    table.UniqueConstraint("conversation_messages_conversation_id_seq_key", x => new { x.conversation_id, x.seq });
                    table.CheckConstraint("conversation_messages_role_check", "role IN ('user', 'assistant')");
                    table.ForeignKey(
                        name: "conversation_messages_conversation_id_fkey",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_unit",
                table: "conversations",
                columns: new[] { "unit", "created_at" },
                descending: new[] { false, true });

            // Messages are appended, never rewritten (written by hand; EF has no trigger operation).
            migrationBuilder.Sql("""
                CREATE FUNCTION conversation_messages_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'conversation messages are never rewritten';
                END $$;
                CREATE TRIGGER conversation_messages_no_update BEFORE UPDATE ON conversation_messages FOR EACH ROW EXECUTE FUNCTION conversation_messages_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER conversation_messages_no_update ON conversation_messages; DROP FUNCTION conversation_messages_immutable();");

            migrationBuilder.DropTable(
                name: "conversation_messages");

            migrationBuilder.DropTable(
                name: "conversations");
        }
    }
}

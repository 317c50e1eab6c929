using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Api.Tests;

/// <summary>
/// A database the first release created (its hand-written migrations, kept as
/// <c>Fixtures/schema-release-1.sql</c>) with a row in every table, written the way that release wrote
/// them; then the new start-up. Every row must still be there and readable through the API with the
/// old key, new writes must work, the triggers must still refuse updates, and the schema must be
/// exactly the one a fresh database gets from the EF migrations.
/// </summary>
public sealed class ForwardMigrationTests
{
    private const string OldUnit = "旧版单位";
    private const string OldKey = "ak_oldkey_S3cretS3cretS3cretS3cretS3cretS3cr";
    private const string Policy = "caiyu-2020-10";

    private static readonly string[] Tables =
    [
        "corpus_documents", "corpus_passages", "corpus_settings", "api_keys", "evaluations", "drafts", "conversations", "conversation_messages",
    ];

    private static readonly Guid DocumentId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid KeyId = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly Guid EvaluationId = Guid.Parse("0193a000-0000-7000-8000-000000000003");
    private static readonly Guid DraftId = Guid.Parse("0193a000-0000-7000-8000-000000000004");
    private static readonly Guid ConversationId = Guid.Parse("0193a000-0000-7000-8000-000000000005");

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public async Task FirstReleaseDatabase_MigratesForward_WithoutLosingARow()
    {
        await using var factory = new ApiFactory();
        string body = EvaluationJson.Canonical(await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-internship-subsidy")));
        string draftJson = Fixture("draft-release-1.json");
        string passage = "见习单位岗位数量减少，部分高校毕业生未按期参加见习，导致见习人数未达到年度目标。";

        await using (var old = new NpgsqlConnection(factory.ConnectionString))
        {
            await old.OpenAsync();
            await ExecAsync(old, Fixture("schema-release-1.sql"));
            await InsertFirstReleaseRowsAsync(old, body, draftJson, passage);
        }

        Dictionary<string, long> before = await CountsAsync(factory.ConnectionString);
        Assert.All(Tables, t => Assert.True(before[t] > 0, t));

        // The new start-up: EF applies only the migrations the first release did not have.
        using HttpClient oldClient = factory.CreateClient();
        oldClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OldKey);
        using HttpResponseMessage got = await oldClient.GetAsync(new Uri($"/api/v1/evaluations/{EvaluationId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);

        Dictionary<string, long> after = await CountsAsync(factory.ConnectionString);
        foreach (string table in Tables)
        {
            long expected = before[table] + (table == "api_keys" ? 1 : 0); // the factory's own admin key
            Assert.Equal(expected, after[table]);
        }

        await using (var db = new NpgsqlConnection(factory.ConnectionString))
        {
            await db.OpenAsync();
            List<string> history = await ColumnAsync(db, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1");
            Assert.Equal(["20261121000001_Corpus", "20261121000002_Drafting", "20261121000003_Conversations"], history.Take(3));
            Assert.True(history.Count > 3, "the migrations after the first release were applied");

            // The triggers still refuse rewriting a draft or a message.
            await Assert.ThrowsAsync<PostgresException>(() => ExecAsync(db, $"UPDATE drafts SET status = 'x' WHERE id = '{DraftId}'"));
            await Assert.ThrowsAsync<PostgresException>(() => ExecAsync(db, $"UPDATE conversation_messages SET content = 'x' WHERE conversation_id = '{ConversationId}'"));
        }

        // Every old row reads back through the API, with the old key.
        using JsonDocument evaluation = JsonDocument.Parse(await got.Content.ReadAsStringAsync());
        Assert.Equal("就业见习补贴", evaluation.RootElement.GetProperty("evaluation").GetProperty("title").GetString());
        Assert.Equal(DraftId, evaluation.RootElement.GetProperty("drafts")[0].GetProperty("id").GetGuid());

        using JsonDocument list = JsonDocument.Parse(await oldClient.GetStringAsync(new Uri("/api/v1/evaluations", UriKind.Relative)));
        JsonElement summary = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal("89.47", summary.GetProperty("total").GetString());

        using JsonDocument draft = JsonDocument.Parse(await oldClient.GetStringAsync(new Uri($"/api/v1/drafts/{DraftId}", UriKind.Relative)));
        using JsonDocument stored = JsonDocument.Parse(draftJson);
        Assert.Equal(stored.RootElement.GetProperty("text").GetString(), draft.RootElement.GetProperty("draft").GetProperty("text").GetString());

        using JsonDocument conversation = JsonDocument.Parse(await oldClient.GetStringAsync(new Uri($"/api/v1/conversations/{ConversationId}", UriKind.Relative)));
        Assert.Equal(["user", "assistant"], conversation.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));

        using JsonDocument report = JsonDocument.Parse(await oldClient.GetStringAsync(new Uri($"/api/v1/corpus/reports/{DocumentId}", UriKind.Relative)));
        Assert.Equal(passage, report.RootElement.GetProperty("passages")[0].GetProperty("text").GetString());
        using JsonDocument hits = JsonDocument.Parse(await oldClient.GetStringAsync(new Uri("/api/v1/corpus/search?q=" + Uri.EscapeDataString("见习岗位数量减少") + "&mode=vector", UriKind.Relative)));
        Assert.Equal(passage, hits.RootElement.GetProperty("hits")[0].GetProperty("text").GetString());

        // New writes: the old Idempotency-Key still replays the old row; a new draft is version 2; a message is the third.
        using var retry = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/evaluations", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        retry.Headers.Add("Idempotency-Key", "old-1");
        using HttpResponseMessage replayed = await oldClient.SendAsync(retry);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(EvaluationId, (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        using HttpResponseMessage drafted = await oldClient.PostAsync(new Uri($"/api/v1/evaluations/{EvaluationId}/drafts", UriKind.Relative), JsonContent.Create(new { section = "deviation", provider = "offline" }));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        Assert.Equal(2, (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        using HttpResponseMessage message = await oldClient.PostAsync(new Uri($"/api/v1/conversations/{ConversationId}/messages", UriKind.Relative),
            new StringContent("""{"content":"总分是多少？","provider":"offline"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        _ = await message.Content.ReadAsStringAsync();
        using JsonDocument longer = JsonDocument.Parse(await oldClient.GetStringAsync(new Uri($"/api/v1/conversations/{ConversationId}", UriKind.Relative)));
        Assert.Equal([1, 2, 3, 4], longer.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt32()));

        using HttpResponseMessage fresh = await oldClient.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);

        // The migrated schema is exactly what a fresh database gets.
        await using var freshFactory = new ApiFactory();
        using (freshFactory.CreateClient())
        {
        }

        Assert.Equal(await SchemaAsync(freshFactory.ConnectionString), await SchemaAsync(factory.ConnectionString));

        // The migration built a graph for the one year the old corpus holds (2023); either database has one graph per year its documents hold.
        Assert.Contains("ix_corpus_passages_embedding_year2023 USING hnsw (embedding vector_cosine_ops) WHERE (year = 2023)", await YearGraphDefinitionsAsync(factory.ConnectionString));
        foreach (string db in new[] { factory.ConnectionString, freshFactory.ConnectionString })
        {
            await using var c = new NpgsqlConnection(db);
            await c.OpenAsync();
            var years = await ColumnAsync(c, "SELECT DISTINCT year::text FROM corpus_documents WHERE year IS NOT NULL ORDER BY 1");
            Assert.Equal(years.Select(y => $"{YearGraphs.IndexPrefix}{y} USING hnsw (embedding vector_cosine_ops) WHERE (year = {y})"), await YearGraphDefinitionsAsync(db));
        }
    }

    private static async Task<List<string>> YearGraphDefinitionsAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        return await ColumnAsync(c, $"SELECT indexname || ' ' || substring(indexdef from 'USING .*') FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE '{YearGraphs.IndexPrefix}%' ORDER BY 1");
    }

    /// <summary>Every change to the model comes with its migration (<c>dotnet ef migrations add</c>, see README).</summary>
    [Fact]
    public void TheModel_HasNoChangeWithoutAMigration()
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Features.Storage.AssistantDb>();
        Features.Storage.StorageSetup.Configure(options, Features.Storage.StorageSetup.DataSource("Host=127.0.0.1;Port=1"));
        using var db = new Features.Storage.AssistantDb(options.Options);
        Assert.False(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(db.Database));
    }

    /// <summary>Rows as the first release's code wrote them (its SQL, its hashes, its JSON).</summary>
    private static async Task InsertFirstReleaseRowsAsync(NpgsqlConnection c, string body, string draftJson, string passage)
    {
        DateTimeOffset at = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        await using var batch = new NpgsqlBatch(c);

        void Add(string sql, params object?[] values)
        {
            var cmd = new NpgsqlBatchCommand(sql);
            foreach (object? v in values)
            {
                cmd.Parameters.Add(v is NpgsqlParameter p ? p : new NpgsqlParameter { Value = v ?? DBNull.Value });
            }

            batch.BatchCommands.Add(cmd);
        }

        Add("""
            INSERT INTO corpus_documents (id, content_hash, file_name, title, region, year, fund, source, sections, statements, char_count, passage_count, created_at)
            VALUES ($1, 'hash-1', 'old.md', '某县就业见习补贴绩效自评报告', '某县', 2023, '就业见习补贴', 'seed', '[]'::jsonb, '[]'::jsonb, 120, 1, $2)
            """, DocumentId, at);
        Add("""
            INSERT INTO corpus_passages (document_id, ordinal, kind, section_path, indicator, fund, region, year, text, text_hash, lexemes, embedding, embedder)
            VALUES ($1, 0, 'deviation-reason', '三、偏离绩效目标的原因和下一步改进措施', '见习人数', '就业见习补贴', '某县', 2023, $2, 'th-1', $3, $4::real[]::vector, 'hashing:hashing-ngram-v1:384')
            """, DocumentId, passage, LexicalTokens.Document(passage),
            new NpgsqlParameter { Value = HashingEmbedding.Embed("三、偏离绩效目标的原因和下一步改进措施 见习人数 " + passage), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        Add("INSERT INTO corpus_settings (key, value) VALUES ('note', 'first release')");
        Add("INSERT INTO api_keys (id, prefix, hash, role, unit, name, created_at) VALUES ($1, 'oldkey', $2, 'admin', $3, 'old', $4)",
            KeyId, SHA256.HashData(Encoding.UTF8.GetBytes(OldKey)), OldUnit, at);
        Add("""
            INSERT INTO evaluations (id, unit, title, year, kind, policy, body, total, grade, created_by, idempotency_key, request_hash, created_at)
            VALUES ($1, $2, '机关事业单位实习生补贴', 2024, 'project', $3, $4::jsonb, 89.47, '良', $5, 'old-1', $6, $7)
            """, EvaluationId, OldUnit, Policy, body, KeyId, RecordStore.RequestHash("evaluation:" + Policy, body), at);
        Add("""
            INSERT INTO drafts (id, evaluation_id, unit, section, version, status, body, provider, model, prompt, created_by, idempotency_key, request_hash, created_at)
            VALUES ($1, $2, $3, 'deviation', 1, 'verified', $4::jsonb, 'offline', 'offline-drafter-v1', 'deviation-section@1', $5, 'd-old', 'RH', $6)
            """, DraftId, EvaluationId, OldUnit, draftJson, KeyId, at);
        Add("INSERT INTO conversations (id, unit, evaluation_id, title, created_by, created_at) VALUES ($1, $2, $3, '旧对话', $4, $5)",
            ConversationId, OldUnit, EvaluationId, KeyId, at);
        Add("""
            INSERT INTO conversation_messages (id, conversation_id, seq, role, content, payload, created_by, created_at) VALUES
            (gen_random_uuid(), $1, 1, 'user', '为什么实习生数量没完成？', '{}'::jsonb, $2, $3),
            (gen_random_uuid(), $1, 2, 'assistant', '年度指标值100人，实际完成较少。', '{"tools":[]}'::jsonb, NULL, $3)
            """, ConversationId, KeyId, at);
        await batch.ExecuteNonQueryAsync();
    }

    private static async Task<Dictionary<string, long>> CountsAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string table in Tables)
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {table}", c);
            counts[table] = (long)(await cmd.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>Columns, constraints, indexes, triggers and functions, as PostgreSQL describes them.</summary>
    private static async Task<string> SchemaAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var lines = new List<string>();
        lines.AddRange(await ColumnAsync(c, """
            SELECT a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END
            FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = 'public' AND t.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND t.relname <> '__EFMigrationsHistory'
            ORDER BY 1
            """));
        lines.AddRange(await ColumnAsync(c, "SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1"));
        // The years' own graphs depend on the data (one per year present, YearGraphs): compared apart.
        lines.AddRange(await ColumnAsync(c, $"SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '{YearGraphs.IndexPrefix}%' ORDER BY 1"));
        lines.AddRange(await ColumnAsync(c, "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"));
        lines.AddRange(await ColumnAsync(c, "SELECT p.proname || ' ' || md5(p.prosrc) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'plpgsql') ORDER BY 1"));
        lines.AddRange(await ColumnAsync(c, "SELECT extname FROM pg_extension ORDER BY 1"));
        Assert.Contains(lines, l => l.Contains("USING hnsw (embedding vector_cosine_ops)", StringComparison.Ordinal));
        return string.Join('\n', lines);
    }

    private static async Task<List<string>> ColumnAsync(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync();
        var list = new List<string>();
        while (await r.ReadAsync())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    private static async Task ExecAsync(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}

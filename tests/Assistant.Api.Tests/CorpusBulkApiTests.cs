using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Assistant.Features.Corpus;
using Assistant.Features.Records;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary><c>POST /api/v1/corpus/reports/bulk</c>: all or nothing, bilingual errors naming each file, owners stored right.</summary>
public class CorpusBulkApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static MultipartFormDataContent Form(IEnumerable<(string Name, byte[] Content)> files, params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(part, "file", name);
        }

        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        return form;
    }

    private static IEnumerable<(string, byte[])> Synthetic(int from, int count) =>
        Enumerable.Range(from, count).Select(i => SyntheticCorpus.Report(i)).Select(r => (r.FileName, System.Text.Encoding.UTF8.GetBytes(r.Text)));

    private async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var dataSource = Features.Storage.StorageSetup.DataSource(factory.ConnectionString);
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var v in values)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        }

        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Bulk_WithAMalformedFile_Is422NamingIt_AndStoresNothing_ThenTheGoodOnesStoreWhole()
    {
        using var client = factory.ClientFor(ApiRoles.Drafter, "批量甲");
        long before = await ScalarAsync("SELECT count(*) FROM corpus_documents");
        var files = Synthetic(5000, 6).ToList();
        using (var form = Form([.. files, ("损坏的报告.docx", [0x50, 0x4B, 0x03, 0x04, 7, 7, 7]), ("空白.txt", [])]))
        using (var response = await client.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form))
        {
            string body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            var errors = problem.RootElement.GetProperty("errors");
            Assert.Equal(2, errors.EnumerateObject().Count());
            string bad = errors.GetProperty("损坏的报告.docx")[0].GetString()!;
            Assert.Matches("[\u4e00-\u9fff]", bad);
            Assert.Contains(" / ", bad, StringComparison.Ordinal);
            Assert.Contains("文件为空", errors.GetProperty("空白.txt")[0].GetString(), StringComparison.Ordinal);
            Assert.Contains("empty", errors.GetProperty("空白.txt")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await ScalarAsync("SELECT count(*) FROM corpus_documents"));

        using (var form = Form(files))
        using (var response = await client.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form))
        {
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            using var summary = JsonDocument.Parse(body);
            Assert.Equal(6, summary.RootElement.GetProperty("ingested").GetInt32());
            Assert.All(summary.RootElement.GetProperty("files").EnumerateArray(), f => Assert.True(f.GetProperty("passages").GetInt32() > 5));
        }

        Assert.Equal(before + 6, await ScalarAsync("SELECT count(*) FROM corpus_documents"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM corpus_documents d WHERE passage_count <> (SELECT count(*) FROM corpus_passages p WHERE p.document_id = d.id)"));
    }

    [Fact]
    public async Task Bulk_ABadFileAfterAWholeBatch_IsNamed_AndTheBatchAlreadyWrittenIsRolledBack()
    {
        // The upload is written in one transaction as it is prepared (batches of 200): the first
        // batch is already copied when the bad file of the second is found; nothing may remain of it.
        using var client = factory.ClientFor(ApiRoles.Drafter, "批量丁");
        long before = await ScalarAsync("SELECT count(*) FROM corpus_documents");
        long passagesBefore = await ScalarAsync("SELECT count(*) FROM corpus_passages");
        var files = Synthetic(7000, 230).ToList();
        files.Insert(215, ("中间坏了.docx", [0x50, 0x4B, 0x03, 0x04, 5, 5, 5]));
        using (var form = Form(files))
        using (var response = await client.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form))
        {
            string body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            var errors = problem.RootElement.GetProperty("errors");
            var named = Assert.Single(errors.EnumerateObject());
            Assert.Equal("中间坏了.docx", named.Name);
            string reason = named.Value[0].GetString()!;
            Assert.Matches("[\u4e00-\u9fff]", reason);
            Assert.Contains(" / ", reason, StringComparison.Ordinal);
            Assert.Contains("中间坏了.docx", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await ScalarAsync("SELECT count(*) FROM corpus_documents"));
        Assert.Equal(passagesBefore, await ScalarAsync("SELECT count(*) FROM corpus_passages"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM corpus_documents WHERE owner_unit = $1", "批量丁"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM corpus_loads WHERE finished_at IS NULL"));

        files.RemoveAt(215);
        using (var form = Form(files))
        using (var response = await client.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form))
        {
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            using var summary = JsonDocument.Parse(body);
            Assert.Equal(230, summary.RootElement.GetProperty("ingested").GetInt32());
        }

        Assert.Equal(230L, await ScalarAsync("SELECT count(*) FROM corpus_documents WHERE owner_unit = $1", "批量丁"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM corpus_documents d WHERE passage_count <> (SELECT count(*) FROM corpus_passages p WHERE p.document_id = d.id)"));
    }

    [Fact]
    public async Task Bulk_StoresTheCallersUnit_OnDocumentsAndPassages_AndOtherUnitsDoNotSeeThem()
    {
        using var a = factory.ClientFor(ApiRoles.Drafter, "批量乙");
        using var b = factory.ClientFor(ApiRoles.Drafter, "批量丙");
        var files = Synthetic(6000, 3).ToList();
        List<string> ofA;
        using (var form = Form(files, ("indexes", "keep")))
        using (var response = await a.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ofA = summary.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("documentId").GetString()!).ToList();
        }

        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM corpus_documents WHERE owner_unit = $1", "批量乙"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM corpus_passages p JOIN corpus_documents d ON d.id = p.document_id WHERE d.owner_unit = $1 AND p.owner_unit IS DISTINCT FROM d.owner_unit", "批量乙"));

        // The same files from another unit are that unit's own copies; the first unit's stay invisible to it.
        List<string> ofB;
        using (var form = Form(files))
        using (var response = await b.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form))
        {
            using var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(3, summary.RootElement.GetProperty("ingested").GetInt32());
            ofB = summary.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("documentId").GetString()!).ToList();
        }

        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM corpus_documents WHERE owner_unit = $1", "批量丙"));
        Assert.Empty(ofA.Intersect(ofB));
        using (var list = JsonDocument.Parse(await b.GetStringAsync(new Uri("/api/v1/corpus/reports", UriKind.Relative))))
        {
            var seen = list.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("scope").GetString());
            Assert.All(ofB, id => Assert.Equal("unit", seen[id]));
            Assert.All(ofA, id => Assert.False(seen.ContainsKey(id)));
        }

        using (var response = await b.GetAsync(new Uri($"/api/v1/corpus/reports/{ofA[0]}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Publishing needs an admin key; a drafter's shared request is refused and stores nothing.
        using (var form = Form(Synthetic(6100, 2), ("scope", "shared")))
        using (var response = await a.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM corpus_documents WHERE file_name LIKE 'synthetic-0061%'"));
        using var admin = factory.CreateClient();
        using (var form = Form(Synthetic(6100, 2), ("scope", "shared")))
        using (var response = await admin.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM corpus_documents WHERE file_name LIKE 'synthetic-0061%' AND owner_unit IS NULL"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM corpus_passages p JOIN corpus_documents d ON d.id = p.document_id WHERE d.file_name LIKE 'synthetic-0061%' AND p.owner_unit IS NOT NULL"));

        // A published document is already there for every unit: a unit's upload of it is a duplicate.
        using (var form = Form(Synthetic(6100, 1)))
        using (var response = await b.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form))
        {
            using var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(1, summary.RootElement.GetProperty("duplicates").GetInt32());
        }

        using (var form = Form(files, ("indexes", "sometimes")))
        using (var response = await a.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("indexes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

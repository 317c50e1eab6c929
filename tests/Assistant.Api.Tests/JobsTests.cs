using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Features.Corpus;
using Assistant.Features.Records;

namespace Assistant.Api.Tests;

/// <summary>
/// Imports, corpus ingestion and report drafting as jobs, in one process of role <c>all</c> on real
/// PostgreSQL: 202 and a Location, the worker runs it, state and progress, the result stored, <c>job.done</c>
/// staged with the job's kind, only the job's unit sees it; and an attempt that fails part-way is retried
/// without storing anything twice.
/// </summary>
public class JobsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Import_ManyFiles_IsOneJob_WithPerFileResults()
    {
        using HttpClient admin = factory.ClientFor(ApiRoles.Admin, "导入甲");
        await JobSupport.SubscribeAsync(admin);
        var files = JobSupport.Tables(3, seed: 100).ToList();
        files.Insert(1, ("坏文件.xlsx", [(byte)'P', (byte)'K', 3, 4, 9, 9, 9]));
        using var form = JobSupport.Form("files", files, ("name", "四个文件"));
        JsonElement created = await JobSupport.AcceptedAsync(admin, "/api/v1/imports", form);
        Guid job = created.GetProperty("id").GetGuid();
        Assert.Equal("import", created.GetProperty("kind").GetString());
        Assert.Equal(4, created.GetProperty("total").GetInt32());

        JsonElement status = await JobSupport.WaitAsync(admin, job);
        Assert.Equal("succeeded", status.GetProperty("state").GetString());
        Assert.Equal(3, status.GetProperty("done").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());
        Assert.Equal(1, status.GetProperty("attempts").GetInt32());
        JsonElement failure = status.GetProperty("failures")[0];
        Assert.Equal("坏文件.xlsx", failure.GetProperty("document").GetString());
        Assert.Contains("损坏", failure.GetProperty("zh").GetString(), StringComparison.Ordinal);
        Assert.Contains("corrupt", failure.GetProperty("en").GetString(), StringComparison.Ordinal);

        // Each file's outcome, in upload order; each table stored as an evaluation of the caller's unit.
        JsonElement outcome = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/jobs/{job}/files", UriKind.Relative));
        Assert.Equal(new[] { "done", "failed", "done", "done" }, outcome.EnumerateArray().Select(f => f.GetProperty("status").GetString()).ToArray());
        var ids = outcome.EnumerateArray().Where(f => f.GetProperty("status").GetString() == "done")
            .Select(f => f.GetProperty("result").GetProperty("results")[0].GetProperty("evaluationId").GetGuid()).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        foreach (Guid id in ids)
        {
            JsonElement evaluation = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/evaluations/{id}", UriKind.Relative));
            Assert.Equal(id, evaluation.GetProperty("id").GetGuid());
        }

        Assert.Equal(3L, await JobSupport.ScalarAsync(factory.ConnectionString, "SELECT count(*) FROM evaluations WHERE unit = '导入甲'"));
        Assert.Equal(0L, await JobSupport.ScalarAsync(factory.ConnectionString, "SELECT coalesce(sum(length(content)), 0) FROM job_files WHERE job_id = $1", job));

        JsonElement done = Assert.Single(await JobSupport.JobDoneAsync(factory.ConnectionString, job));
        Assert.Equal("import", done.GetProperty("kind").GetString());
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
        Assert.Equal(3, done.GetProperty("done").GetInt32());

        // Another unit sees none of it; a reviewer above could (scope), a sibling cannot.
        using HttpClient other = factory.ClientFor(ApiRoles.Admin, "导入乙");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/jobs/{job}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/jobs/{job}/files", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(new Uri($"/api/v1/jobs/{job}/files?pageSize=0", UriKind.Relative))).StatusCode);

        // Bad uploads: bilingual 400s, no job.
        using (var json = new StringContent("{}", Encoding.UTF8, "application/json"))
        using (HttpResponseMessage r = await admin.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), json))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            string body = await r.Content.ReadAsStringAsync();
            Assert.Contains("files", body, StringComparison.Ordinal);
            Assert.Contains("上传", body, StringComparison.Ordinal);
            Assert.Contains("upload", body, StringComparison.Ordinal);
        }

        // Storing evaluations takes a drafter's or admin's key, as POST /evaluations does.
        using (HttpClient reviewer = factory.ClientFor(ApiRoles.Reviewer, "导入甲"))
        using (var form2 = JobSupport.Form("files", JobSupport.Tables(1)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), form2)).StatusCode);
        }

        using (var badPolicy = JobSupport.Form("files", JobSupport.Tables(1), ("policy", "no-such-policy")))
        using (HttpResponseMessage r = await admin.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), badPolicy))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("policy", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CorpusBulk_Async_IsAJob_WithDocumentsAndPassages_AndAllOrNothing()
    {
        using HttpClient drafter = factory.ClientFor(ApiRoles.Drafter, "入库甲");
        using HttpClient admin = factory.ClientFor(ApiRoles.Admin, "入库甲");
        await JobSupport.SubscribeAsync(admin);
        var files = Enumerable.Range(7000, 5).Select(SyntheticCorpusFile).ToList();
        JsonElement created;
        using (var form = JobSupport.Form("file", files, ("region", "某县"), ("indexes", "keep")))
        {
            created = await JobSupport.AcceptedAsync(drafter, "/api/v1/corpus/reports/bulk?async=true", form);
        }

        Guid job = created.GetProperty("id").GetGuid();
        Assert.Equal("corpus-ingest", created.GetProperty("kind").GetString());
        JsonElement status = await JobSupport.WaitAsync(drafter, job);
        Assert.Equal("succeeded", status.GetProperty("state").GetString());
        Assert.Equal(5, status.GetProperty("done").GetInt32());
        Assert.Equal(5, status.GetProperty("total").GetInt32());
        long passages = await JobSupport.ScalarAsync(factory.ConnectionString,
            "SELECT count(*) FROM corpus_passages p JOIN corpus_documents d ON d.id = p.document_id WHERE d.owner_unit = '入库甲'");
        Assert.True(passages > 20, $"passages {passages}");
        Assert.Equal(passages, status.GetProperty("passages").GetInt64());
        Assert.Equal(5, status.GetProperty("result").GetProperty("ingested").GetInt32());
        Assert.Equal(5L, await JobSupport.ScalarAsync(factory.ConnectionString, "SELECT count(*) FROM corpus_documents WHERE owner_unit = '入库甲' AND region = '某县'"));
        JsonElement outcome = await drafter.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/jobs/{job}/files", UriKind.Relative));
        Assert.All(outcome.EnumerateArray(), f => Assert.Equal("ingested", f.GetProperty("result").GetProperty("status").GetString()));
        JsonElement done = Assert.Single(await JobSupport.JobDoneAsync(factory.ConnectionString, job));
        Assert.Equal("corpus-ingest", done.GetProperty("kind").GetString());
        Assert.Equal(passages, done.GetProperty("passages").GetInt64());

        // The same files again: duplicates, nothing stored twice.
        using (var again = JobSupport.Form("file", files))
        {
            Guid second = (await JobSupport.AcceptedAsync(drafter, "/api/v1/corpus/reports/bulk?async=true", again)).GetProperty("id").GetGuid();
            JsonElement s2 = await JobSupport.WaitAsync(drafter, second);
            Assert.Equal(5, s2.GetProperty("result").GetProperty("duplicates").GetInt32());
        }

        Assert.Equal(5L, await JobSupport.ScalarAsync(factory.ConnectionString, "SELECT count(*) FROM corpus_documents WHERE owner_unit = '入库甲'"));

        // A file that is not a report fails the job, naming it, and nothing of the upload is stored.
        var bad = Enumerable.Range(7100, 2).Select(SyntheticCorpusFile).Append(("空白.txt", Array.Empty<byte>())).ToList();
        using (var form = JobSupport.Form("file", bad))
        {
            Guid failedJob = (await JobSupport.AcceptedAsync(drafter, "/api/v1/corpus/reports/bulk?async=true", form)).GetProperty("id").GetGuid();
            JsonElement failed = await JobSupport.WaitAsync(drafter, failedJob);
            Assert.Equal("failed", failed.GetProperty("state").GetString());
            Assert.Matches("[\u4e00-\u9fff]", failed.GetProperty("error").GetProperty("zh").GetString());
            Assert.Contains("none was stored", failed.GetProperty("error").GetProperty("en").GetString(), StringComparison.Ordinal);
            JsonElement failure = Assert.Single(failed.GetProperty("failures").EnumerateArray());
            Assert.Equal("空白.txt", failure.GetProperty("document").GetString());
            Assert.Contains("empty", failure.GetProperty("en").GetString(), StringComparison.Ordinal);
            Assert.Equal("failed", Assert.Single(await JobSupport.JobDoneAsync(factory.ConnectionString, failedJob)).GetProperty("state").GetString());
        }

        Assert.Equal(5L, await JobSupport.ScalarAsync(factory.ConnectionString, "SELECT count(*) FROM corpus_documents WHERE owner_unit = '入库甲'"));

        // The synchronous answer stays for clients that ask nothing; a bad async value is a 400.
        using (var form = JobSupport.Form("file", files.Take(1)))
        using (HttpResponseMessage r = await drafter.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var form = JobSupport.Form("file", files.Take(1)))
        using (HttpResponseMessage r = await drafter.PostAsync(new Uri("/api/v1/corpus/reports/bulk?async=perhaps", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("async", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using HttpClient other = factory.ClientFor(ApiRoles.Drafter, "入库乙");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/jobs/{job}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ReportDraft_Async_StoresTheNextVersion_AndTellsTheOASystem()
    {
        using HttpClient admin = factory.ClientFor(ApiRoles.Admin, "起草甲");
        await JobSupport.SubscribeAsync(admin);
        using var table = new StringContent(File.ReadAllText(Shared.Reference("zhongwei-2024-internship-subsidy")), Encoding.UTF8, "application/json");
        using HttpResponseMessage stored = await admin.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), table);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Guid evaluation = (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var body = JsonContent.Create(new { sourcesPerItem = 0 });
        JsonElement created = await JobSupport.AcceptedAsync(admin, $"/api/v1/evaluations/{evaluation}/report?async=true", body);
        Guid job = created.GetProperty("id").GetGuid();
        Assert.Equal("report-draft", created.GetProperty("kind").GetString());
        JsonElement status = await JobSupport.WaitAsync(admin, job);
        Assert.Equal("succeeded", status.GetProperty("state").GetString());
        Assert.Equal(1, status.GetProperty("done").GetInt32());
        JsonElement result = status.GetProperty("result");
        Assert.Equal(1, result.GetProperty("version").GetInt32());
        Assert.Equal(evaluation, result.GetProperty("evaluationId").GetGuid());

        JsonElement report = await admin.GetFromJsonAsync<JsonElement>(new Uri(result.GetProperty("location").GetString()!, UriKind.Relative));
        Assert.Equal(1, report.GetProperty("version").GetInt32());
        Assert.Equal(5, report.GetProperty("report").GetProperty("parts").GetArrayLength());
        Assert.Equal(1L, await JobSupport.ScalarAsync(factory.ConnectionString, "SELECT count(*) FROM report_versions WHERE evaluation_id = $1", evaluation));
        JsonElement done = Assert.Single(await JobSupport.JobDoneAsync(factory.ConnectionString, job));
        Assert.Equal("report-draft", done.GetProperty("kind").GetString());
        Assert.Equal(1, done.GetProperty("result").GetProperty("version").GetInt32());

        // Not the caller's evaluation: 404 at once, no job. Another unit cannot see the job.
        using HttpClient other = factory.ClientFor(ApiRoles.Admin, "起草乙");
        using (var again = JsonContent.Create(new { }))
        using (HttpResponseMessage r = await other.PostAsync(new Uri($"/api/v1/evaluations/{evaluation}/report?async=true", UriKind.Relative), again))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/jobs/{job}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Import_AttemptFailingPartWay_IsRetried_AndStoresNothingTwice()
    {
        // The database refuses the second evaluation this unit stores, once: the first file is committed, the second's transaction rolls back.
        const string unit = "重试单位";
        using HttpClient admin = factory.ClientFor(ApiRoles.Admin, unit);
        await JobSupport.ExecuteAsync(factory.ConnectionString, $"""
            CREATE SEQUENCE IF NOT EXISTS test_job_fault;
            CREATE OR REPLACE FUNCTION test_job_fault() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.unit = '{unit}' THEN
                    IF nextval('test_job_fault') = 2 THEN
                        RAISE EXCEPTION 'injected failure for the retry test';
                    END IF;
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_job_fault BEFORE INSERT ON evaluations FOR EACH ROW EXECUTE FUNCTION test_job_fault();
            """);
        try
        {
            await JobSupport.SubscribeAsync(admin);
            using var form = JobSupport.Form("files", JobSupport.Tables(3, seed: 200));
            Guid job = (await JobSupport.AcceptedAsync(admin, "/api/v1/imports", form)).GetProperty("id").GetGuid();
            JsonElement status = await JobSupport.WaitAsync(admin, job, 90);
            Assert.Equal("succeeded", status.GetProperty("state").GetString());
            Assert.Equal(2, status.GetProperty("attempts").GetInt32());
            Assert.Equal(3, status.GetProperty("done").GetInt32());
            Assert.True(await JobSupport.ScalarAsync(factory.ConnectionString, "SELECT nextval('test_job_fault')") > 4, "the fault fired and the retry stored the rest");
            Assert.Equal(3L, await JobSupport.ScalarAsync(factory.ConnectionString, "SELECT count(*) FROM evaluations WHERE unit = $1", unit));
            Assert.Equal(3L, await JobSupport.ScalarAsync(factory.ConnectionString, "SELECT count(*) FROM job_files WHERE job_id = $1 AND status = 'done'", job));
            Assert.Single(await JobSupport.JobDoneAsync(factory.ConnectionString, job));
        }
        finally
        {
            await JobSupport.ExecuteAsync(factory.ConnectionString, "DROP TRIGGER IF EXISTS test_job_fault ON evaluations; DROP FUNCTION IF EXISTS test_job_fault(); DROP SEQUENCE IF EXISTS test_job_fault;");
        }
    }

    [Fact]
    public async Task CorpusIngest_AttemptDyingAfterTheLoad_IsRetried_AndStoresNothingTwice()
    {
        // The load commits, then the transaction recording the outcome fails once: the retry loads again.
        using HttpClient drafter = factory.ClientFor(ApiRoles.Drafter, "入库重试");
        await JobSupport.ExecuteAsync(factory.ConnectionString, """
            CREATE SEQUENCE IF NOT EXISTS test_corpus_fault;
            CREATE OR REPLACE FUNCTION test_corpus_fault() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.status <> 'queued' THEN
                    IF nextval('test_corpus_fault') = 1 THEN
                        RAISE EXCEPTION 'injected failure after the load';
                    END IF;
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_corpus_fault BEFORE UPDATE ON job_files FOR EACH ROW EXECUTE FUNCTION test_corpus_fault();
            """);
        try
        {
            var files = Enumerable.Range(7200, 3).Select(SyntheticCorpusFile).ToList();
            using var form = JobSupport.Form("file", files, ("indexes", "keep"));
            Guid job = (await JobSupport.AcceptedAsync(drafter, "/api/v1/corpus/reports/bulk?async=true", form)).GetProperty("id").GetGuid();
            JsonElement status = await JobSupport.WaitAsync(drafter, job, 90);
            Assert.Equal("succeeded", status.GetProperty("state").GetString());
            Assert.Equal(2, status.GetProperty("attempts").GetInt32());
            Assert.Equal(3, status.GetProperty("done").GetInt32());
            Assert.Equal(3, status.GetProperty("result").GetProperty("duplicates").GetInt32());
            Assert.Equal(3L, await JobSupport.ScalarAsync(factory.ConnectionString, "SELECT count(*) FROM corpus_documents WHERE owner_unit = '入库重试'"));
            long passages = await JobSupport.ScalarAsync(factory.ConnectionString,
                "SELECT count(*) FROM corpus_passages p JOIN corpus_documents d ON d.id = p.document_id WHERE d.owner_unit = '入库重试'");
            Assert.Equal(passages, status.GetProperty("passages").GetInt64());
            Assert.Equal(0L, await JobSupport.ScalarAsync(factory.ConnectionString,
                "SELECT count(*) FROM corpus_documents d WHERE owner_unit = '入库重试' AND passage_count <> (SELECT count(*) FROM corpus_passages p WHERE p.document_id = d.id)"));
        }
        finally
        {
            await JobSupport.ExecuteAsync(factory.ConnectionString, "DROP TRIGGER IF EXISTS test_corpus_fault ON job_files; DROP FUNCTION IF EXISTS test_corpus_fault(); DROP SEQUENCE IF EXISTS test_corpus_fault;");
        }
    }

    private static (string Name, byte[] Content) SyntheticCorpusFile(int i)
    {
        var (name, text) = SyntheticCorpus.Report(i);
        return (name, Encoding.UTF8.GetBytes(text));
    }
}

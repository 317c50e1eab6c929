using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Batches;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// The join of batch checking and review, on real PostgreSQL: a city reviewer's batch puts each checked
/// submission of a unit beneath it into the review queue (source batch, the batch's risk), exactly once;
/// a submission of a unit outside the reviewer's subtree (or of no registered unit) fails with a bilingual
/// reason naming the unit, and nothing of it is stored.
/// </summary>
public sealed class BatchReviewTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    [Fact]
    public async Task CityReviewersBatch_EntersTheReviewQueueOfUnitsBeneath_AndRefusesUnitsOutside()
    {
        ReviewWorld w = await factory.WorldAsync();
        HttpClient city = w.Reviewers["gx.c1"];
        byte[] zip = Zip(4, "0000,gx.c1.k1.u1\n0001,某1市2县第1单位\n0002,gx.c2.k1.u1\n0003,不存在的单位\n");
        JsonElement job = await BatchSupport.UploadAsync(city, zip, "市级批次");
        Guid jobId = job.GetProperty("id").GetGuid();
        JsonElement status = await BatchSupport.WaitAsync(city, jobId, TimeSpan.FromMinutes(3));
        Assert.Equal(2, status.GetProperty("done").GetInt32());
        Assert.Equal(2, status.GetProperty("failed").GetInt32());
        string failures = status.GetProperty("failures").ToString();
        foreach (string outside in new[] { "gx.c2.k1.u1", "不存在的单位" })
        {
            JsonElement f = status.GetProperty("failures").EnumerateArray().Single(x => x.GetProperty("zh").GetString()!.Contains(outside, StringComparison.Ordinal));
            Assert.Contains("不在本账号", f.GetProperty("zh").GetString(), StringComparison.Ordinal);
            Assert.Contains(outside, f.GetProperty("en").GetString(), StringComparison.Ordinal);
            Assert.Contains("not within the units", f.GetProperty("en").GetString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("gx.c1.k", failures, StringComparison.Ordinal);

        // The queue names the resolved codes; the checked items carry their stored evaluations.
        JsonNode queue = await ReviewWorld.SendAsync(city, HttpMethod.Get, $"/api/v1/batches/{jobId}/queue", null, HttpStatusCode.OK);
        var done = queue["items"]!.AsArray().Where(i => (string?)i!["status"] == "done").ToList();
        Assert.Equal(["gx.c1.k1.u1", "gx.c1.k2.u1"], done.Select(i => (string)i!["unit"]!).Order(StringComparer.Ordinal));

        JsonArray submissions = (await ReviewWorld.SendAsync(city, HttpMethod.Get, "/api/v1/submissions?limit=1000", null, HttpStatusCode.OK)).AsArray();
        var fromBatch = new List<JsonNode>();
        foreach (JsonNode? item in done)
        {
            JsonNode detail = await ReviewWorld.SendAsync(city, HttpMethod.Get, $"/api/v1/batches/{jobId}/items/{item!["id"]}", null, HttpStatusCode.OK);
            string evaluation = (string)detail["evaluationIds"]![0]!;
            JsonNode s = submissions.Single(x => (string?)x!["evaluationId"] == evaluation)!;
            fromBatch.Add(s);
            Assert.Equal((string?)item["unit"], (string?)s["unit"]);
            Assert.Equal("pending", (string?)s["status"]);
            Assert.Equal(1, (int)s["version"]!);
            Assert.Equal((int)item["riskScore"]!, (int)s["risk"]!["score"]!);
            Assert.StartsWith("ak_", (string?)s["submittedBy"], StringComparison.Ordinal);

            JsonNode full = await ReviewWorld.SendAsync(city, HttpMethod.Get, $"/api/v1/submissions/{s["id"]}", null, HttpStatusCode.OK);
            Assert.Equal("batch", (string?)full["versions"]![0]!["source"]);
            if ((int)item["riskScore"]! > 0)
            {
                Assert.NotEmpty(full["versions"]![0]!["risk"]!["reasons"]!.AsArray());
            }

            // The 审核发现 the page lists: the table's findings, the report's contradictions and every risk reason
            // (a risk badge never stands beside “无”).
            JsonArray found = full["findings"]!.AsArray();
            Assert.Equal(full["score"]!["findings"]!.AsArray().Count, found.Count(f => (string?)f!["source"] == "table"));
            Assert.Equal(full["paragraphs"]!.AsArray().Sum(p => p!["contradictions"]!.AsArray().Count), found.Count(f => (string?)f!["source"] == "report"));
            foreach (JsonNode? reason in full["versions"]![0]!["risk"]!["reasons"]!.AsArray())
            {
                string head = ((string)reason!).Split("/ ")[0].Trim();
                Assert.Contains(found, f => (string?)f!["source"] == "risk" && ((string)f["message"]!).EndsWith(head, StringComparison.Ordinal));
            }

            // The unit itself sees its submission; its sibling does not.
            string unit = (string)item["unit"]!;
            string sibling = unit[..^1] + "2";
            Assert.Equal(HttpStatusCode.OK, (await ReviewWorld.TrySendAsync(w.Drafters[unit], HttpMethod.Get, $"/api/v1/submissions/{s["id"]}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(w.Drafters[sibling], HttpMethod.Get, $"/api/v1/submissions/{s["id"]}")).Status);
        }

        // Checking again (a retried job) submits nothing twice.
        string ofThisBatch = $"SELECT count(*) FROM submission_versions v JOIN batch_items b ON v.evaluation_id = ANY(b.evaluation_ids) WHERE b.job_id = '{jobId}' AND v.source = 'batch'";
        long before = await CountAsync(ofThisBatch);
        Assert.Equal(2, before);
        var batches = factory.Services.GetRequiredService<BatchService>();
        foreach (JsonNode? item in queue["items"]!.AsArray())
        {
            Assert.False(await batches.CheckItemAsync((Guid)item!["id"]!));
        }

        Assert.Equal(before, await CountAsync(ofThisBatch));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM batch_items WHERE job_id = '{jobId}' AND status = 'failed' AND cardinality(evaluation_ids) > 0"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM evaluations WHERE unit IN ('gx.c2.k1.u1', '不存在的单位') AND title NOT LIKE '标记%'"));

        // A county reviewer beside the batch's units cannot see the city's batch; the county above one of them can.
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(w.Reviewers["gx.c2"], HttpMethod.Get, $"/api/v1/jobs/{jobId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(w.Reviewers["gx.c1.k1"], HttpMethod.Get, $"/api/v1/jobs/{jobId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ReviewWorld.TrySendAsync(w.Reviewers[ReviewWorld.Province], HttpMethod.Get, $"/api/v1/jobs/{jobId}")).Status);
    }

    [Fact]
    public async Task UnitKeysBatch_SubmitsOnlyForItsOwnUnit()
    {
        ReviewWorld w = await factory.WorldAsync();
        HttpClient drafter = w.Drafters["gx.c1.k2.u2"];
        byte[] zip = Zip(2, "0000,某1市2县第2单位\n0001,gx.c1.k2.u1\n");
        Guid jobId = (await BatchSupport.UploadAsync(drafter, zip, "单位批次")).GetProperty("id").GetGuid();
        JsonElement status = await BatchSupport.WaitAsync(drafter, jobId, TimeSpan.FromMinutes(3));
        Assert.Equal(1, status.GetProperty("done").GetInt32());
        JsonElement failure = status.GetProperty("failures").EnumerateArray().Single();
        Assert.Contains("gx.c1.k2.u1", failure.GetProperty("zh").GetString(), StringComparison.Ordinal);
        JsonArray mine = (await ReviewWorld.SendAsync(drafter, HttpMethod.Get, "/api/v1/submissions?limit=1000", null, HttpStatusCode.OK)).AsArray();
        Assert.Single(mine, s => (string?)s!["unit"] == "gx.c1.k2.u2" && (string?)s["title"] != null && !((string)s["title"]!).StartsWith("标记", StringComparison.Ordinal));
    }

    /// <summary>Generated submissions in folders 0000…, with a units.csv mapping the folders to units (by code or name).</summary>
    private static byte[] Zip(int count, string unitsCsv)
    {
        byte[] inner = BatchSupport.Zip(count);
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var source = new ZipArchive(new MemoryStream(inner), ZipArchiveMode.Read))
            {
                foreach (ZipArchiveEntry e in source.Entries)
                {
                    using Stream from = e.Open();
                    using Stream to = zip.CreateEntry(e.FullName).Open();
                    from.CopyTo(to);
                }
            }

            using Stream csv = zip.CreateEntry("units.csv").Open();
            csv.Write(Encoding.UTF8.GetBytes(unitsCsv));
        }

        return ms.ToArray();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

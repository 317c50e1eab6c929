using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Features.Batches;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Review;
using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// A reviewer's batch on real PostgreSQL, from the unit's side: the report that came with each table is
/// stored as the evaluation's report (version 1, change <c>imported</c>, in the checked item's transaction)
/// and is the submission's report, so its paragraphs can be commented on; the unit lists the submission,
/// reads the comments (on a paragraph and on a finding), revises its report and resubmits a new version,
/// the returned one unchanged; a re-run stores nothing twice; a table without a report has none.
/// </summary>
public sealed class BatchSubmissionTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private const string ParagraphComment = "预算执行率与自评表不一致，请核对后更正";
    private const string FindingComment = "得分超过分值，请重新核对";
    private const string Revision = "经核对，预算执行率以自评表所列为准，已更正。";

    private static readonly string[] Mapped = ["gx.c1.k1.u1", "gx.c1.k1.u2", "gx.c1.k2.u1", "gx.c1.k2.u2"];

    [Fact]
    public async Task BatchReports_AreSubmissionReports_TheUnitReadsTheCommentsRevisesAndResubmits_AndARerunStoresNothingTwice()
    {
        ReviewWorld w = await factory.WorldAsync();
        HttpClient city = w.Reviewers["gx.c1"];
        Guid jobId = (await BatchSupport.UploadAsync(city, Zip(), "带报告的批次")).GetProperty("id").GetGuid();
        JsonElement status = await BatchSupport.WaitAsync(city, jobId, TimeSpan.FromMinutes(3));
        Assert.Equal(4, status.GetProperty("done").GetInt32());

        // Every row of the risk queue links to the submission it opened; the review queue filters by the batch.
        JsonArray rows = (await ReviewWorld.SendAsync(city, HttpMethod.Get, $"/api/v1/batches/{jobId}/queue", null, HttpStatusCode.OK))["items"]!.AsArray();
        Assert.All(rows, r => Assert.NotNull((string?)r!["submissionId"]));
        JsonArray ofBatch = (await ReviewWorld.SendAsync(city, HttpMethod.Get, $"/api/v1/submissions?batch={jobId}", null, HttpStatusCode.OK)).AsArray();
        Assert.Equal(rows.Select(r => (string)r!["submissionId"]!).Order(StringComparer.Ordinal), ofBatch.Select(s => (string)s!["id"]!).Order(StringComparer.Ordinal));
        Assert.Empty((await ReviewWorld.SendAsync(w.Reviewers["gx.c2"], HttpMethod.Get, $"/api/v1/submissions?batch={jobId}", null, HttpStatusCode.OK)).AsArray());
        JsonArray highOfBatch = (await ReviewWorld.SendAsync(city, HttpMethod.Get, $"/api/v1/submissions?batch={jobId}&risk=high", null, HttpStatusCode.OK)).AsArray();
        Assert.All(highOfBatch, s => Assert.Equal("high", (string?)s!["risk"]!["level"]));

        JsonNode? returned = null;
        foreach (JsonNode? row in rows)
        {
            JsonNode item = await ReviewWorld.SendAsync(city, HttpMethod.Get, $"/api/v1/batches/{jobId}/items/{row!["id"]}", null, HttpStatusCode.OK);
            JsonNode detail = await ReviewWorld.SendAsync(city, HttpMethod.Get, $"/api/v1/submissions/{row["submissionId"]}", null, HttpStatusCode.OK);
            string? reportText = (string?)item["reportText"];
            if ((string)item["unit"]! == "gx.c1.k2.u2")
            {
                // The table came alone: no report, as before.
                Assert.Null(reportText);
                Assert.Null((int?)detail["versions"]![0]!["reportVersion"]);
                Assert.Empty(detail["paragraphs"]!.AsArray());
                continue;
            }

            Assert.Equal(1, (int?)detail["versions"]![0]!["reportVersion"]);
            Assert.Equal("batch", (string?)detail["versions"]![0]!["source"]);

            // The report is the unit's text as it came, every line a paragraph, nothing added or dropped.
            var lines = reportText!.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            Assert.Equal(lines, detail["paragraphs"]!.AsArray().Select(p => (string)p!["text"]!));
            Assert.Equal("一、项目基本情况", (string?)detail["report"]!["parts"]![0]!["heading"]);
            Assert.Equal(["targets", "performance", "deviation"], detail["report"]!["parts"]!.AsArray().Select(p => (string)p!["key"]!));

            // The unit reads it as its own report's first version.
            string unit = (string)item["unit"]!;
            JsonNode own = await ReviewWorld.SendAsync(w.Drafters[unit], HttpMethod.Get, $"/api/v1/evaluations/{detail["submission"]!["evaluationId"]}/report", null, HttpStatusCode.OK);
            Assert.Equal(1, (int?)own["version"]);
            Assert.Equal("imported", (string?)own["change"]);
            Assert.Equal("imported", (string?)own["report"]!["parts"]![0]!["origin"]);
            if (returned is null && detail["score"]!["findings"]!.AsArray().Count > 0)
            {
                returned = detail;
            }
        }

        Assert.NotNull(returned);
        string id = (string)returned["submission"]!["id"]!;
        string owner = (string)returned["submission"]!["unit"]!;
        string evaluation = (string)returned["submission"]!["evaluationId"]!;
        string finding = (string)returned["score"]!["findings"]![0]!["code"]!;
        JsonNode amount = returned["paragraphs"]!.AsArray().First(p => ((string)p!["text"]!).Contains("预算执行率", StringComparison.Ordinal))!;
        Assert.True((bool)returned["actions"]!["decide"]!);

        // The city reviewer 退回 with a comment on a paragraph of the unit's report and one on a finding.
        var decision = new JsonObject
        {
            ["decision"] = "returned",
            ["comment"] = "请按意见修改后重新提交",
            ["comments"] = new JsonArray
            {
                new JsonObject { ["text"] = ParagraphComment, ["part"] = (string)amount["part"]!, ["paragraph"] = (int)amount["index"]! },
                new JsonObject { ["text"] = FindingComment, ["finding"] = finding },
            },
        };
        await ReviewWorld.SendAsync(city, HttpMethod.Post, $"/api/v1/submissions/{id}/decisions", decision.ToJsonString(), HttpStatusCode.Created);

        // The unit, with its own key: the submission is in its list, returned, with both comments; it may revise and resubmit, not decide.
        HttpClient drafter = w.Drafters[owner];
        JsonArray mine = (await ReviewWorld.SendAsync(drafter, HttpMethod.Get, "/api/v1/submissions", null, HttpStatusCode.OK)).AsArray();
        Assert.Equal("returned", (string?)mine.Single(s => (string?)s!["id"] == id)!["status"]);
        JsonNode seen = await ReviewWorld.SendAsync(drafter, HttpMethod.Get, $"/api/v1/submissions/{id}", null, HttpStatusCode.OK);
        JsonArray comments = seen["decisions"]![0]!["comments"]!.AsArray();
        JsonNode onParagraph = comments.Single(c => (string?)c!["text"] == ParagraphComment)!;
        Assert.Equal((string?)amount["part"], (string?)onParagraph["part"]);
        Assert.Equal((int)amount["index"]!, (int?)onParagraph["paragraph"]);
        Assert.Equal((string?)amount["text"], (string?)onParagraph["quote"]);
        Assert.Equal(finding, (string?)comments.Single(c => (string?)c!["text"] == FindingComment)!["finding"]);
        Assert.Equal([false, true, true], new[] { "decide", "revise", "resubmit" }.Select(a => (bool)seen["actions"]![a]!));
        JsonNode reviewerView = await ReviewWorld.SendAsync(city, HttpMethod.Get, $"/api/v1/submissions/{id}", null, HttpStatusCode.OK);
        Assert.Equal([false, false, false], new[] { "decide", "revise", "resubmit" }.Select(a => (bool)reviewerView["actions"]![a]!));

        // It revises the commented part of its own report (kept in its own shape: no heading put in) and resubmits.
        string part = (string)amount["part"]!;
        string original = (string)seen["report"]!["parts"]!.AsArray().Single(p => (string?)p!["key"] == part)!["text"]!;
        JsonNode edited = await ReviewWorld.SendAsync(drafter, HttpMethod.Put, $"/api/v1/evaluations/{evaluation}/report/parts/{part}",
            new JsonObject { ["text"] = original + "\n" + Revision }.ToJsonString(), HttpStatusCode.Created);
        Assert.Equal(2, (int?)edited["version"]);
        string revised = (string)edited["report"]!["parts"]!.AsArray().Single(p => (string?)p!["key"] == part)!["text"]!;
        Assert.Equal(original + "\n" + Revision, revised);
        Assert.Equal((string?)seen["report"]!["parts"]!.AsArray().Single(p => (string?)p!["key"] == part)!["heading"],
            (string?)edited["report"]!["parts"]!.AsArray().Single(p => (string?)p!["key"] == part)!["heading"]);
        JsonNode v2 = await ReviewWorld.SendAsync(drafter, HttpMethod.Post, $"/api/v1/submissions/{id}/versions", "{}", HttpStatusCode.Created);
        Assert.Equal(2, (int?)v2["version"]);
        Assert.Equal(2, (int?)v2["reportVersion"]);

        // Version 2 is ranked the batch's way (table, reviewer criteria, its report verified), so it compares with the batch's other rows.
        var tableReasons = returned["submission"]!["risk"]!["reasons"]!.AsArray().Select(r => (string)r!).Where(r => !r.Contains("报告", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tableReasons);
        Assert.Subset(v2["risk"]!["reasons"]!.AsArray().Select(r => (string)r!).ToHashSet(), tableReasons.ToHashSet());

        // Nothing overwritten: version 1 still shows the text it was returned on, with its comments; version 2 the revision.
        JsonNode first = await ReviewWorld.SendAsync(city, HttpMethod.Get, $"/api/v1/submissions/{id}?version=1", null, HttpStatusCode.OK);
        Assert.DoesNotContain(first["paragraphs"]!.AsArray(), p => (string?)p!["text"] == Revision);
        Assert.Equal(2, first["decisions"]![0]!["comments"]!.AsArray().Count);
        JsonNode latest = await ReviewWorld.SendAsync(city, HttpMethod.Get, $"/api/v1/submissions/{id}", null, HttpStatusCode.OK);
        Assert.Contains(latest["paragraphs"]!.AsArray(), p => (string?)p!["text"] == Revision);
        Assert.True((bool)latest["actions"]!["decide"]!);
        await ReviewWorld.SendAsync(city, HttpMethod.Post, $"/api/v1/submissions/{id}/decisions", """{"decision":"approved"}""", HttpStatusCode.Created);

        // A re-run stores nothing twice: the checks refuse, and staging an evaluation already submitted stores no report.
        string imported = $"SELECT count(*) FROM report_versions r JOIN batch_items b ON r.evaluation_id = ANY(b.evaluation_ids) WHERE b.job_id = '{jobId}' AND r.change = 'imported'";
        Assert.Equal(3, await CountAsync(imported));
        var batches = factory.Services.GetRequiredService<BatchService>();
        foreach (JsonNode? row in rows)
        {
            Assert.False(await batches.CheckItemAsync((Guid)row!["id"]!));
        }

        var submissions = factory.Services.GetRequiredService<SubmissionService>();
        await using (AssistantDb db = await factory.Services.GetRequiredService<IDbContextFactory<AssistantDb>>().CreateDbContextAsync())
        {
            EvaluationRecord record = await db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == Guid.Parse(evaluation));
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.Null(await submissions.StageBatchAsync(db, record, new Actor(null, "again", "gx.c1"), new RiskSummary("low", 0, []), "一、又一份\n不该存下", CancellationToken.None));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        Assert.Equal(3, await CountAsync(imported));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM report_versions WHERE evaluation_id = '{evaluation}' AND change = 'imported'"));
        Assert.Equal(2, await CountAsync($"SELECT count(*) FROM submission_versions WHERE submission_id = '{id}'"));
    }

    [Fact]
    public void ReportsAreSplitAtTheirOwnHeadings_AndATextWithoutHeadingsIsOnePart()
    {
        var parts = Assistant.Features.Reporting.ReportImport.Split("某项目绩效自评报告\r\n一、基本情况\n甲\n\n二、完成情况\n乙\n六、附件说明\n丙\n七、其他\n丁");
        Assert.Equal(["targets", "performance", "other"], parts.Select(p => p.Key));
        Assert.Equal(["某项目绩效自评报告", "一、基本情况", "甲"], parts[0].Lines);
        Assert.Equal("六、附件说明", parts[2].Heading);
        Assert.Equal(["六、附件说明", "丙", "七、其他", "丁"], parts[2].Lines);
        var whole = Assistant.Features.Reporting.ReportImport.Split("没有标题的一段话。\n第二段。");
        Assert.Equal(Assistant.Features.Reporting.ReportImport.WholeHeading, Assert.Single(whole).Heading);
        Assert.Empty(Assistant.Features.Reporting.ReportImport.Split(" \n\n"));
    }

    /// <summary>Generated submissions 0000–0002 (table and report) and 0003 (a table alone), with a units.csv mapping them to four units of 某1市.</summary>
    private static byte[] Zip()
    {
        Evaluation[] bases = [.. new[] { "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-internship-subsidy", "zhongwei-2024-employment-service-demo" }
            .Select(t => EvaluationJson.Parse(File.ReadAllText(Shared.Reference(t))))];
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (int seed = 0; seed < 4; seed++)
            {
                SyntheticSubmission s = SyntheticSubmissions.Make(bases[seed % bases.Length], seed);
                Write(zip, $"{seed:0000}/自评表.xlsx", s.Table);
                if (seed < 3)
                {
                    Write(zip, $"{seed:0000}/自评报告.txt", Encoding.UTF8.GetBytes(s.Report));
                }
            }

            Write(zip, "units.csv", Encoding.UTF8.GetBytes(string.Concat(Mapped.Select((u, i) => $"{i:0000},{u}\n"))));
        }

        return ms.ToArray();
    }

    private static void Write(ZipArchive zip, string path, byte[] content)
    {
        using Stream s = zip.CreateEntry(path).Open();
        s.Write(content);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

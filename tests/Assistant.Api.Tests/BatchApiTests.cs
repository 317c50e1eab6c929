using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Features.Batches;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests;

/// <summary>Batch checking through the API, in one process (role all): upload, progress, queue, findings, sheet, isolation, idempotence.</summary>
public class BatchApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Batch_IsCheckedRankedAndExported_OnlyForItsUnit()
    {
        using HttpClient client = factory.CreateClient();
        JsonElement created = await BatchSupport.UploadAsync(client, BatchSupport.Zip(11, badEvery: 11));
        Guid job = created.GetProperty("id").GetGuid();
        Assert.Equal(11, created.GetProperty("total").GetInt32());
        JsonElement status = await BatchSupport.WaitAsync(client, job, TimeSpan.FromSeconds(120));
        Assert.Equal("succeeded", status.GetProperty("state").GetString());
        Assert.Equal(10, status.GetProperty("done").GetInt32());
        Assert.Equal(1, status.GetProperty("failed").GetInt32());
        JsonElement failure = status.GetProperty("failures")[0];
        Assert.Equal("0010", failure.GetProperty("document").GetString());
        Assert.Contains("损坏", failure.GetProperty("zh").GetString(), StringComparison.Ordinal);
        Assert.Contains("corrupt", failure.GetProperty("en").GetString(), StringComparison.Ordinal);

        // The queue: ranked by risk (a document that cannot be read scores as high risk), paged.
        JsonElement page1 = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/batches/{job}/queue?pageSize=6", UriKind.Relative));
        JsonElement page2 = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/batches/{job}/queue?page=2&pageSize=6", UriKind.Relative));
        var items = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(11, items.Count);
        Assert.Equal(Enumerable.Range(1, 11), items.Select(i => i.GetProperty("rank").GetInt32()));
        JsonElement failedItem = items.Single(i => i.GetProperty("document").GetString() == "0010");
        Assert.Equal("failed", failedItem.GetProperty("status").GetString());
        Assert.Equal(100, failedItem.GetProperty("riskScore").GetInt32());
        Assert.Equal("high", failedItem.GetProperty("riskLevel").GetString());
        var scores = items.Select(i => i.GetProperty("riskScore").GetInt32()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("riskSummary").GetString())));

        // One submission: reasons, findings, the evaluations stored under its own unit (the table's 实施单位).
        JsonElement risky = items.First(i => i.GetProperty("status").GetString() == "done");
        JsonElement detail = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/batches/{job}/items/{risky.GetProperty("id").GetGuid()}", UriKind.Relative));
        Assert.NotEmpty(detail.GetProperty("reasons").EnumerateArray());
        Assert.NotEmpty(detail.GetProperty("findings").EnumerateArray());
        Assert.Equal("table", detail.GetProperty("unitSource").GetString());
        Assert.Contains("绩效自评报告", detail.GetProperty("reportText").GetString(), StringComparison.Ordinal);
        string unit = detail.GetProperty("unit").GetString()!;
        Guid evaluation = detail.GetProperty("evaluationIds")[0].GetGuid();
        using (HttpClient owner = factory.ClientFor(ApiRoles.Reviewer, unit))
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(new Uri($"/api/v1/evaluations/{evaluation}", UriKind.Relative))).StatusCode);
        }

        // The review sheet.
        using HttpResponseMessage sheet = await client.GetAsync(new Uri($"/api/v1/batches/{job}/sheet.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        using (SpreadsheetDocument doc = SpreadsheetDocument.Open(new MemoryStream(await sheet.Content.ReadAsByteArrayAsync()), false))
        {
            var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            var queue = (WorksheetPart)doc.WorkbookPart.GetPartById(sheets[0].Id!);
            var rows = queue.Worksheet.Descendants<Row>().ToList();
            Assert.Equal(12, rows.Count);
            string b2 = rows[1].Elements<Cell>().First(c => c.CellReference == "B2").InlineString!.InnerText;
            Assert.Equal(items[0].GetProperty("document").GetString(), b2);
            var findings = (WorksheetPart)doc.WorkbookPart.GetPartById(sheets[1].Id!);
            Assert.True(findings.Worksheet.Descendants<Row>().Count() > 11);
        }

        // Another unit sees none of it; not even that it exists.
        using HttpClient other = factory.ClientFor(ApiRoles.Admin, "别的单位");
        foreach (string path in new[] { $"/api/v1/jobs/{job}", $"/api/v1/batches/{job}/queue", $"/api/v1/batches/{job}/items/{risky.GetProperty("id").GetGuid()}", $"/api/v1/batches/{job}/sheet.xlsx" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        // Checking again (a re-run job) changes nothing: each item was completed exactly once.
        var batches = factory.Services.GetRequiredService<BatchService>();
        foreach (JsonElement i in items)
        {
            Assert.False(await batches.CheckItemAsync(i.GetProperty("id").GetGuid()));
        }

        await using AssistantDb db = await factory.Services.GetRequiredService<IDbContextFactory<AssistantDb>>().CreateDbContextAsync();
        Assert.All(await db.BatchItems.Where(x => x.JobId == job).ToListAsync(), x => Assert.Equal(1, x.Completions));
        var ids = (await db.BatchItems.Where(x => x.JobId == job).Select(x => x.EvaluationIds).ToListAsync()).SelectMany(x => x).ToList();
        Assert.Equal(10, ids.Count);
        Assert.Equal(10, await db.Evaluations.CountAsync(e => ids.Contains(e.Id)));
    }

    [Fact]
    public async Task BadUploads_AreBilingual400s()
    {
        using HttpClient client = factory.CreateClient();
        using (var json = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))
        {
            using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/batches", UriKind.Relative), json);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            string body = await r.Content.ReadAsStringAsync();
            Assert.Contains("multipart", body, StringComparison.Ordinal);
            Assert.Contains("上传", body, StringComparison.Ordinal);
        }

        using var form = new MultipartFormDataContent { { new ByteArrayContent(BatchSupport.Zip(0)), "files", "empty.zip" } };
        using HttpResponseMessage empty = await client.PostAsync(new Uri("/api/v1/batches", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        string text = await empty.Content.ReadAsStringAsync();
        Assert.Contains("没有可检查的文件", text, StringComparison.Ordinal);
        Assert.Contains("no document to check", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/api/v1/batches/{Guid.NewGuid()}/queue?pageSize=0", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/v1/jobs/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task UnitsMappingFile_NamesTheUnit()
    {
        using HttpClient client = factory.CreateClient();
        using var form = new MultipartFormDataContent();
        SyntheticSubmission s = SyntheticSubmissions.Make(Assistant.Features.Evaluations.SyntheticTables.Project(8, 1), 7);
        form.Add(new ByteArrayContent(s.Table), "files", "一中自评表.xlsx");
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(s.Report)), "files", "一中自评报告.txt");
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("一中,某县第一中学\n")), "files", "units.csv");
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/batches", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
        Guid job = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await BatchSupport.WaitAsync(client, job, TimeSpan.FromSeconds(60));
        JsonElement queue = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/batches/{job}/queue", UriKind.Relative));
        JsonElement item = queue.GetProperty("items")[0];
        Assert.Equal("某县第一中学", item.GetProperty("unit").GetString());
        JsonElement detail = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/batches/{job}/items/{item.GetProperty("id").GetGuid()}", UriKind.Relative));
        Assert.Equal("mapping", detail.GetProperty("unitSource").GetString());
        Assert.Equal("一中自评报告.txt", detail.GetProperty("reportName").GetString());
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Assistant.Features.Corpus;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Api.Tests;

/// <summary>The corpus over HTTP against a real PostgreSQL with pgvector (a fresh database per class).</summary>
public class CorpusApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Seeds =
    [
        "hongshan-2025-employment-subsidy-report.txt", "zhalantun-2024-employment-subsidy-report.txt",
        "guangxi-2024-employment-transfer-report.txt", "zhongwei-2024-project-self-evaluation-tables.txt",
    ];

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<string, Guid> Ids = [];

    private async Task<Dictionary<string, Guid>> SeededAsync(HttpClient client)
    {
        await Once.WaitAsync();
        try
        {
            if (Ids.Count == 0)
            {
                foreach (var seed in Seeds)
                {
                    using var content = new ByteArrayContent(await File.ReadAllBytesAsync(Shared.Seed(seed)));
                    content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                    using var response = await client.PostAsync(new Uri($"/api/v1/corpus/reports?fileName={seed}", UriKind.Relative), content);
                    Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    Ids[seed] = json.RootElement.GetProperty("documentId").GetGuid();
                }
            }

            return Ids;
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Upload_Seeds_ThenGet_ShowsSectionsAndStatedReasons()
    {
        using var client = factory.CreateClient();
        var ids = await SeededAsync(client);

        var hongshan = await Json(await client.GetAsync(new Uri($"/api/v1/corpus/reports/{ids[Seeds[0]]}", UriKind.Relative)));
        Assert.Equal("赤峰市红山区", hongshan.GetProperty("region").GetString());
        Assert.Equal(2025, hongshan.GetProperty("year").GetInt32());
        var internship = hongshan.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "享受就业见习补贴人数");
        Assert.Contains("企业用工减少", internship.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(internship.GetProperty("shortfall").GetBoolean());

        var zhalantun = await Json(await client.GetAsync(new Uri($"/api/v1/corpus/reports/{ids[Seeds[1]]}", UriKind.Relative)));
        var three = zhalantun.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString() == "偏离绩效目标的原因");
        Assert.Equal("deviation-reason", three.GetProperty("kind").GetString());
        Assert.Contains("部分资金未能及时下达到位", three.GetProperty("text").GetString(), StringComparison.Ordinal);

        var guangxi = await Json(await client.GetAsync(new Uri($"/api/v1/corpus/reports/{ids[Seeds[2]]}", UriKind.Relative)));
        var reasons = guangxi.GetProperty("passages").EnumerateArray()
            .Where(p => p.GetProperty("section").GetString() == "deviation-reason").Select(p => p.GetProperty("text").GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains("桂林市2024年高校毕业生达6.5万人", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("企业扩张意愿不足", StringComparison.Ordinal));

        var zhongwei = await Json(await client.GetAsync(new Uri($"/api/v1/corpus/reports/{ids[Seeds[3]]}", UriKind.Relative)));
        Assert.Contains(zhongwei.GetProperty("statements").EnumerateArray(),
            s => s.GetProperty("name").GetString() == "创业担保贷款贴息" && s.GetProperty("reason").GetString() == "创业者投资趋于保守");
    }

    [Fact]
    public async Task Upload_SameDocumentTwice_StoredOnce_SameId()
    {
        using var client = factory.CreateClient();
        var ids = await SeededAsync(client);
        var text = await File.ReadAllTextAsync(Shared.Seed(Seeds[0]));

        // Different line endings and file name, same document.
        using var content = new StringContent(text.Replace("\n", "\r\n", StringComparison.Ordinal), Encoding.UTF8, "text/markdown");
        using var response = await client.PostAsync(new Uri("/api/v1/corpus/reports?fileName=again.md", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("duplicate", body.GetProperty("status").GetString());
        Assert.Equal(ids[Seeds[0]], body.GetProperty("documentId").GetGuid());
        var list = await Json(await client.GetAsync(new Uri("/api/v1/corpus/reports", UriKind.Relative)));
        Assert.Single(list.EnumerateArray(), d => d.GetProperty("id").GetGuid() == ids[Seeds[0]]);
        Assert.Equal(list.GetArrayLength(), list.EnumerateArray().Select(d => d.GetProperty("title").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Upload_ConcurrentIdenticalUploads_OneDocument()
    {
        using var client = factory.CreateClient();
        var text = "四川省测试市并发区就业补助资金\n2024年度绩效自评报告\n一、绩效目标分解下达情况\n" + string.Concat(Enumerable.Repeat("并发上传测试用的段落文字，资金按规定用途使用。", 5));
        var tasks = Enumerable.Range(0, 6).Select(async _ =>
        {
            using var content = new StringContent(text, Encoding.UTF8, "text/plain");
            using var r = await client.PostAsync(new Uri("/api/v1/corpus/reports?fileName=race.txt", UriKind.Relative), content);
            return (r.StatusCode, (await Json(r)).GetProperty("documentId").GetGuid());
        }).ToList();
        var results = await Task.WhenAll(tasks);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(results.Select(r => r.Item2).Distinct());
    }

    [Fact]
    public async Task Upload_Multipart_WithHints_AndDocx()
    {
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Docx(
            "测试县就业补助资金2023年度绩效自评报告",
            "一、绩效目标分解下达情况",
            "全年预算总额500万元，按因素法分配到各乡镇。",
            "三、偏离绩效目标的原因和下一步改进措施",
            "就业见习人数未完成，主要原因是县内企业见习岗位不足。下一步将拓展见习基地。"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "file", "report.docx");
        form.Add(new StringContent("云南省某某县"), "region");
        form.Add(new StringContent("2023"), "year");
        using var response = await client.PostAsync(new Uri("/api/v1/corpus/reports", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("云南省某某县", body.GetProperty("region").GetString());
        Assert.Equal(1, body.GetProperty("reasons").GetInt32());
        Assert.Equal(1, body.GetProperty("measures").GetInt32());
        Assert.Equal(response.Headers.Location!.ToString(), $"/api/v1/corpus/reports/{body.GetProperty("documentId").GetGuid()}");
    }

    [Theory]
    [InlineData(new byte[0], "report.txt", "文件为空")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8 }, "broken.docx", "已损坏")]
    [InlineData(new byte[] { 0x00, 0xFF, 0xFE, 0x01, 0x80, 0x81, 0xC3, 0x28, 0x00, 0x00, 0xA0, 0xA1 }, "garbage.bin", "GB18030")]
    [InlineData(new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x20, 0x77, 0x6F, 0x72, 0x6C, 0x64 }, "english.txt", "Chinese report")]
    public async Task Upload_CorruptOrEmpty_Is422WithFileError_NothingStored(byte[] bytes, string name, string expected)
    {
        using var client = factory.CreateClient();
        var before = (await Json(await client.GetAsync(new Uri("/api/v1/corpus/reports", UriKind.Relative)))).GetArrayLength();
        using var content = new ByteArrayContent(bytes);
        using var response = await client.PostAsync(new Uri($"/api/v1/corpus/reports?fileName={name}", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Json(response);
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        var after = (await Json(await client.GetAsync(new Uri("/api/v1/corpus/reports", UriKind.Relative)))).GetArrayLength();
        Assert.True(after <= before + 1); // other tests may add concurrently, never this one
        Assert.DoesNotContain((await Json(await client.GetAsync(new Uri("/api/v1/corpus/reports", UriKind.Relative)))).EnumerateArray(),
            d => d.GetProperty("title").GetString()!.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_FindsTheStatedReason_WithSourceAndRanks()
    {
        using var client = factory.CreateClient();
        var ids = await SeededAsync(client);
        var body = await Json(await client.GetAsync(new Uri("/api/v1/corpus/search?q=" + Uri.EscapeDataString("就业见习人数没完成是因为企业用工减少") + "&top=3", UriKind.Relative)));
        Assert.Equal("hybrid", body.GetProperty("mode").GetString());
        var hits = body.GetProperty("hits").EnumerateArray().ToList();
        Assert.InRange(hits.Count, 1, 3);
        var top = hits[0];
        Assert.Equal(ids[Seeds[0]], top.GetProperty("documentId").GetGuid());
        Assert.Equal("deviation-reason", top.GetProperty("section").GetString());
        Assert.Contains("企业用工减少", top.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("赤峰市红山区", top.GetProperty("region").GetString());
        Assert.Equal(2025, top.GetProperty("year").GetInt32());
        Assert.True(top.GetProperty("vectorRank").ValueKind == JsonValueKind.Number || top.GetProperty("lexicalRank").ValueKind == JsonValueKind.Number);
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Theory]
    [InlineData("section=improvement-measure", "section", "improvement-measure")]
    [InlineData("section=deviation-reason&region=" + "%E5%B9%BF%E8%A5%BF", "region", "广西")]
    [InlineData("year=2025", "year", "2025")]
    [InlineData("mode=lexical", "section", null)]
    [InlineData("mode=vector", "section", null)]
    public async Task Search_Filters_AndModes(string query, string field, string? expected)
    {
        using var client = factory.CreateClient();
        await SeededAsync(client);
        var body = await Json(await client.GetAsync(new Uri("/api/v1/corpus/search?q=" + Uri.EscapeDataString("资金下达较晚 加强沟通") + "&top=10&" + query, UriKind.Relative)));
        var hits = body.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        if (expected is not null)
        {
            Assert.All(hits, h => Assert.Equal(expected, h.GetProperty(field).ToString()));
        }

        Assert.Equal(hits.Count, hits.Select(h => h.GetProperty("text").GetString()).Distinct().Count());
    }

    [Theory]
    [InlineData("q=", "q")]
    [InlineData("q=abc&top=0", "top")]
    [InlineData("q=abc&top=51", "top")]
    [InlineData("q=abc&section=reasons", "section")]
    [InlineData("q=abc&mode=magic", "mode")]
    [InlineData("q=abc&year=1800", "year")]
    [InlineData("q=abc&top=x", null)]
    public async Task Search_BadInput_Is400_NamingTheField(string query, string? field)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/corpus/search?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (field is not null)
        {
            var problem = await Json(response);
            var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
            Assert.Contains(" / ", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_UnknownReport_Is404Problem()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"/api/v1/corpus/reports/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Health_ChecksTheDatabase()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    internal static byte[] Docx(params string[] paragraphs)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(paragraphs.Select(p => new W.Paragraph(new W.Run(new W.Text(p))))));
            main.Document.Save();
        }

        return ms.ToArray();
    }
}

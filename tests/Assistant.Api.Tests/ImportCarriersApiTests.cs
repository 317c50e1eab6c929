using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Testing;

namespace Assistant.Api.Tests;

/// <summary>Probe 29 over HTTP: bodies with a BOM, CSV and two-sheet workbooks, formats refused by name, a bilingual 405, blank OA numbers named, long text not echoed.</summary>
public class ImportCarriersApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Case(string file) => Path.Combine(RepoPaths.Repo, "eval", "cases", "import", file);

    private static MultipartFormDataContent Multipart(byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private static async Task<JsonNode> Json(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    private static Uri U(string path) => new(path, UriKind.Relative);

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    public async Task Score_JsonWithABom_IsRead(string encoding)
    {
        using HttpClient client = factory.CreateClient();
        string json = await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-entrepreneurship-fund"));
        Encoding e = encoding == "utf-8" ? new UTF8Encoding(true) : new UnicodeEncoding(false, true);
        using var body = new ByteArrayContent([.. e.GetPreamble(), .. e.GetBytes(json)]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage r = await client.PostAsync(U("/api/v1/evaluations/score"), body);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("89.47", (string)(await Json(r))["total"]!);
    }

    [Fact]
    public async Task Score_BlankBudgetFromAnOaForm_Is400NamingTheField()
    {
        using HttpClient client = factory.CreateClient();
        JsonNode table = JsonNode.Parse(await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-entrepreneurship-fund")))!;
        table["funds"]!["lines"]![0]!["budget"] = string.Empty;
        using var body = new StringContent(table.ToJsonString(), Encoding.UTF8, "application/json");
        using HttpResponseMessage r = await client.PostAsync(U("/api/v1/evaluations/score"), body);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        string text = await r.Content.ReadAsStringAsync();
        Assert.Contains("funds.lines[0].budget", text, StringComparison.Ordinal);
        Assert.Contains("全年预算数", text, StringComparison.Ordinal);

        using var empty = new StringContent("""{"kind":"project","title":"空表","funds":{"unit":"万元","lines":[]},"indicators":[]}""", Encoding.UTF8, "application/json");
        using HttpResponseMessage e = await client.PostAsync(U("/api/v1/evaluations/score"), empty);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains("\"indicators\"", await e.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongMethod_Is405InBothLanguages()
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage r = await client.GetAsync(U("/api/v1/evaluations/score"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode);
        JsonNode json = await Json(r);
        Assert.Equal("不支持该请求方法 / Method not allowed", (string)json["title"]!);
        Assert.Contains("POST", (string)json["detail"]!, StringComparison.Ordinal);
        Assert.Contains("不接受 GET", (string)json["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe29-F30-excel-ansi.csv", "95.60")]
    [InlineData("probe29-F08-two-sheets.xlsx", "95.60")]
    [InlineData("probe29-F02-utf16le-bom-crlf.txt", "96.17")]
    public async Task Import_OtherCarriers_GiveOneScoredTable(string file, string total)
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage r = await client.PostAsync(U("/api/v1/evaluations/import"), Multipart(await File.ReadAllBytesAsync(Case(file)), file));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        JsonNode json = await Json(r);
        Assert.Equal(1, (int)json["count"]!);
        Assert.Equal(total, (string)json["tables"]![0]!["score"]!["total"]!);
        Assert.Null(json["notice"]);
    }

    [Fact]
    public async Task Import_SeveralTables_SaysSo()
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage r = await client.PostAsync(U("/api/v1/evaluations/import"), Multipart(await File.ReadAllBytesAsync(Case("probe29-two-unrelated-tables.xlsx")), "两张.xlsx"));
        JsonNode json = await Json(r);
        Assert.Equal(2, (int)json["count"]!);
        Assert.Contains("2张各自独立的自评表", (string)json["notice"]!["zh"]!, StringComparison.Ordinal);
        Assert.Contains("table=N", (string)json["notice"]!["en"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PdfAndPicture_AreRefusedByName()
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage pdf = await client.PostAsync(U("/api/v1/evaluations/import"), Multipart([.. "%PDF-1.7\n"u8, .. new byte[100]], "自评.pdf"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pdf.StatusCode);
        Assert.Contains("不支持 PDF", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage png = await client.PostAsync(U("/api/v1/evaluations/import"), Multipart([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0], "scan"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, png.StatusCode);
        Assert.Contains("图片或扫描件", await png.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LongReport_IsNotEchoedWhole()
    {
        using HttpClient client = factory.CreateClient();
        string table = await File.ReadAllTextAsync(Case("probe29-fund-note-after-score.txt"));
        string text = table + "\n" + string.Concat(Enumerable.Repeat("本年度项目实施情况良好，各项工作有序推进。\n", 20_000));
        using HttpResponseMessage r = await client.PostAsync(U("/api/v1/evaluations/import"), Multipart(Encoding.UTF8.GetBytes(text), "report.txt"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        JsonNode json = await Json(r);
        Assert.Equal("95.60", (string)json["tables"]![0]!["score"]!["total"]!);
        Assert.True((bool)json["textTruncated"]!);
        Assert.Equal(text.Length, (int)json["textLength"]!);
        Assert.Equal(200_000, ((string)json["text"]!).Length);
    }
}

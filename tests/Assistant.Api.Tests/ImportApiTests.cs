using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Testing;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Api.Tests;

/// <summary>Documents as staff have them, over HTTP: import (stores nothing), store from a document, check a report against its own tables, and bad documents.</summary>
public class ImportApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static JsonElement Reference(string table) => JsonDocument.Parse(File.ReadAllText(Shared.Reference(table))).RootElement;

    private static MultipartFormDataContent Multipart(byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private static async Task<JsonNode> Json(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task Import_SeedText_GivesFourTablesWithProvenanceAndScores_StoresNothing()
    {
        using HttpClient client = factory.CreateClient();
        int before = (await Json(await client.GetAsync(new Uri("/api/v1/evaluations", UriKind.Relative)))).AsArray().Count;
        using var body = new ByteArrayContent(await File.ReadAllBytesAsync(Shared.Seed("zhongwei-2024-project-self-evaluation-tables.txt")));
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/evaluations/import?fileName=tables.txt", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        JsonNode json = await Json(r);
        Assert.Equal(4, (int)json["count"]!);
        JsonArray tables = json["tables"]!.AsArray();
        Assert.Equal(["89.47", "91.97", "85.92", "100.00"], tables.Select(t => (string)t!["score"]!["total"]!));
        Assert.StartsWith("第", (string)tables[0]!["provenance"]!["indicators[0].target"]!, StringComparison.Ordinal);
        Assert.Equal(before, (await Json(await client.GetAsync(new Uri("/api/v1/evaluations", UriKind.Relative)))).AsArray().Count);
    }

    /// <summary>
    /// The README's example: <c>curl --data-binary @file '…/import?fileName=t.txt'</c> sends the file as
    /// <c>application/x-www-form-urlencoded</c>; with ?fileName= that body is the file, not a form (was 422).
    /// The same for storing the table from a document and for a corpus report sent as the body.
    /// </summary>
    [Fact]
    public async Task RawBodyWithCurlsDefaultContentType_IsTheFile()
    {
        using HttpClient client = factory.CreateClient();
        byte[] seed = await File.ReadAllBytesAsync(Shared.Seed("zhongwei-2024-project-self-evaluation-tables.txt"));
        using var body = new ByteArrayContent(seed);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/evaluations/import?fileName=t.txt", UriKind.Relative), body);
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        Assert.Equal(4, (int)(await Json(r))["count"]!);

        using var stored = new ByteArrayContent(seed);
        stored.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using HttpResponseMessage s = await client.PostAsync(new Uri("/api/v1/evaluations?fileName=t.txt&table=1", UriKind.Relative), stored);
        Assert.True(s.StatusCode == HttpStatusCode.Created, await s.Content.ReadAsStringAsync());

        // A url-encoded form without ?fileName= is still read as a form: text= pasted.
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("text", System.Text.Encoding.UTF8.GetString(seed))]);
        using HttpResponseMessage f = await client.PostAsync(new Uri("/api/v1/evaluations/import", UriKind.Relative), form);
        Assert.True(f.StatusCode == HttpStatusCode.OK, await f.Content.ReadAsStringAsync());
        Assert.Equal(4, (int)(await Json(f))["count"]!);
    }

    /// <summary>
    /// Probe 32 (chat #13): the README's <c>curl --data-binary @table.json …/evaluations</c> without a Content-Type sends
    /// JSON as <c>application/x-www-form-urlencoded</c>. JSON (a body starting with <c>{</c>, after a BOM or white space)
    /// is read as JSON; a file that is neither JSON nor a form gets a 400 naming Content-Type and what to send.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n  ")]
    public async Task JsonWithCurlsDefaultContentType_IsStored(string lead)
    {
        using HttpClient client = factory.CreateClient();
        string json = lead + await File.ReadAllTextAsync(Shared.Reference(Shared.Tables[0]));
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), body);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        Assert.NotNull((await Json(r))["score"]);
    }

    [Theory]
    [InlineData("/api/v1/evaluations")]
    [InlineData("/api/v1/evaluations/import")]
    [InlineData("/api/v1/verify/report")]
    public async Task TextFileWithCurlsDefaultContentType_NoFileName_Is400NamingTheContentType(string path)
    {
        using HttpClient client = factory.CreateClient();
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes("项目名称 乡村道路\n一级指标 二级指标 三级指标\n"));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using HttpResponseMessage r = await client.PostAsync(new Uri(path, UriKind.Relative), body);
        string text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Contains("Content-Type", text, StringComparison.Ordinal);
        Assert.Contains("application/json", text, StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_XlsxMultipart_AndPastedText()
    {
        using HttpClient client = factory.CreateClient();
        byte[] xlsx = OfficeFixtures.Xlsx([Reference(Shared.Tables[1])], numbers: true);
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/evaluations/import", UriKind.Relative), Multipart(xlsx, "表.xlsx"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        JsonNode json = await Json(r);
        Assert.Equal("xlsx", (string)json["format"]!);
        Assert.Equal("91.97", (string)json["tables"]![0]!["score"]!["total"]!);
        Assert.Matches(@"^表1!E\d+$", (string)json["tables"]![0]!["provenance"]!["indicators[0].target"]!);

        string pasted = string.Join('\n', File.ReadAllLines(Shared.Seed("zhongwei-2024-project-self-evaluation-tables.txt")).Skip(4).Take(45));
        using var form = new MultipartFormDataContent { { new StringContent(pasted), "text" } };
        using HttpResponseMessage p = await client.PostAsync(new Uri("/api/v1/evaluations/import", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, p.StatusCode);
        Assert.Equal("89.47", (string)(await Json(p))["tables"]![0]!["score"]!["total"]!);
    }

    [Fact]
    public async Task Store_FromDocuments_Xlsx_AndOneTableOfAText()
    {
        using HttpClient client = factory.CreateClient();
        byte[] xlsx = OfficeFixtures.Xlsx([Reference(Shared.Tables[0])], numbers: true);
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), Multipart(xlsx, "创业.xlsx"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        Assert.Equal("89.47", (string)(await Json(r))["score"]!["total"]!);

        byte[] text = await File.ReadAllBytesAsync(Shared.Seed("zhongwei-2024-project-self-evaluation-tables.txt"));
        using HttpResponseMessage several = await client.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), Multipart(text, "tables.txt"));
        Assert.Equal(HttpStatusCode.BadRequest, several.StatusCode);
        Assert.Contains("--table", await several.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage third = await client.PostAsync(new Uri("/api/v1/evaluations?table=3", UriKind.Relative), Multipart(text, "tables.txt"));
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        JsonNode stored = await Json(third);
        Assert.Equal("85.92", (string)stored["score"]!["total"]!);
        Assert.Equal("就业见习补贴", (string)stored["evaluation"]!["title"]!);
    }

    [Fact]
    public async Task VerifyReport_ChecksTheTextAgainstEveryAppendixTable()
    {
        using HttpClient client = factory.CreateClient();
        string[] narrative = ["2024年度绩效自评报告", "全民创业发展资金全年执行2181.57万元，执行率80.80%。", "就业见习补贴执行率19.50%，机关事业单位实习生数量58人，未完成目标。"];
        byte[] docx = OfficeFixtures.Docx([Reference(Shared.Tables[0]), Reference(Shared.Tables[2])], narrative);
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/verify/report", UriKind.Relative), Multipart(docx, "报告.docx"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        JsonNode json = await Json(r);
        Assert.Equal(2, json["tables"]!.AsArray().Count);
        JsonArray mentions = json["verification"]!["mentions"]!.AsArray();
        JsonNode m80 = mentions.First(m => (string)m!["text"]! == "80.80%")!;
        Assert.Equal("verified", (string)m80["verdict"]!);
        Assert.StartsWith("tables[0].", (string)m80["factId"]!, StringComparison.Ordinal);
        JsonNode m19 = mentions.First(m => (string)m!["text"]! == "19.50%")!;
        Assert.Equal("verified", (string)m19["verdict"]!);
        Assert.StartsWith("tables[1].", (string)m19["factId"]!, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadDocuments => new()
    {
        { "empty", "empty.xlsx" },
        { "corrupt", "corrupt.xlsx" },
        { "bomb", "bomb.xlsx" },
        { "huge", "huge.txt" },
        { "image-only", "scan.docx" },
        { "no-table", "list.xlsx" },
        { "binary", "photo.txt" },
        { "old-excel", "old.xls" },
        { "funds-only", "funds.txt" },
        { "funds-only-docx", "funds.docx" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task BadDocument_Is422Bilingual_AndNothingIsStored(string kind, string fileName)
    {
        using HttpClient client = factory.CreateClient();
        byte[] content = BadDocument(kind);
        int before = (await Json(await client.GetAsync(new Uri("/api/v1/evaluations", UriKind.Relative)))).AsArray().Count;
        foreach (string path in new[] { "/api/v1/evaluations/import", "/api/v1/evaluations" })
        {
            using HttpResponseMessage r = await client.PostAsync(new Uri(path, UriKind.Relative), Multipart(content, fileName));
            string body = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.UnprocessableEntity, $"{kind} {path}: {(int)r.StatusCode} {body}");
            JsonNode problem = JsonNode.Parse(body)!;
            string message = (string)problem["errors"]!["file"]![0]!;
            Assert.Matches(@"[\u4e00-\u9fff].* / .*[a-z]", message);
        }

        using var raw = new ByteArrayContent(content);
        using HttpResponseMessage rr = await client.PostAsync(new Uri($"/api/v1/evaluations/import?fileName={fileName}", UriKind.Relative), raw);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rr.StatusCode);
        Assert.Equal(before, (await Json(await client.GetAsync(new Uri("/api/v1/evaluations", UriKind.Relative)))).AsArray().Count);
    }

    internal static byte[] BadDocument(string kind) => kind switch
    {
        "empty" => [],
        "corrupt" => [.. "PK\u0003\u0004"u8, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7))],
        "bomb" => Bomb(),
        "huge" => Encoding.UTF8.GetBytes(new string('表', 17 * 1024 * 1024)),
        "image-only" => ImageOnlyDocx(),
        "no-table" => ShoppingList(),
        "binary" => [.. Enumerable.Range(0, 5000).Select(i => (byte)(i % 31))],
        "old-excel" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1000]],
        // Session 31: a table whose fund lines are read but no indicator (was 200 with "indicators": []).
        "funds-only" => Encoding.UTF8.GetBytes(FundsOnly),
        "funds-only-docx" => OfficeFixtures.Docx([JsonDocument.Parse(FundsOnlyJson).RootElement]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private const string FundsOnly = "2024年度项目支出绩效自评表\n项目名称\t稳岗返还资金\n项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t900.00\t900.00\t810.00\t10\t90.00%\t9.00\n";

    private const string FundsOnlyJson = """{"kind":"project","title":"稳岗返还资金","funds":{"unit":"万元","weight":"10","lines":[{"name":"年度资金总额","budget":"900.00","executed":"810.00"}]},"indicators":[]}""";

    [Fact]
    public async Task ATableWithNoIndicator_Is422_NamingWhatIsMissing()
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/evaluations/import", UriKind.Relative), Multipart(Encoding.UTF8.GetBytes(FundsOnly), "funds.txt"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        string message = (string)(await Json(r))["errors"]!["file"]![0]!;
        Assert.Contains("没有读到任何绩效指标", message, StringComparison.Ordinal);
        Assert.Contains("1行资金", message, StringComparison.Ordinal);
        Assert.Contains("no performance indicator", message, StringComparison.Ordinal);
    }

    /// <summary>A zip renamed .xlsx whose sheet would expand to 150 MB.</summary>
    private static byte[] Bomb()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("xl/workbook.xml").Open().Dispose();
            using Stream s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 150; i++)
            {
                s.Write(zeros);
            }
        }

        return ms.ToArray();
    }

    private static byte[] ImageOnlyDocx()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = doc.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text("附件：扫描件")))));
            ImagePart image = main.AddImagePart(ImagePartType.Png);
            using var png = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
            image.FeedData(png);
        }

        return ms.ToArray();
    }

    /// <summary>A workbook with a plain list in it and no 自评表.</summary>
    private static byte[] ShoppingList()
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart book = doc.AddWorkbookPart();
            book.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            WorksheetPart sheet = book.AddNewPart<WorksheetPart>();
            var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
            string[][] rows = [["姓名", "部门", "电话"], ["张三", "办公室", "12345"], ["李四", "财务科", "23456"]];
            uint r = 1;
            foreach (string[] row in rows)
            {
                var x = new DocumentFormat.OpenXml.Spreadsheet.Row { RowIndex = r++ };
                foreach (string c in row)
                {
                    x.Append(new DocumentFormat.OpenXml.Spreadsheet.Cell { DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(c)) });
                }

                data.Append(x);
            }

            sheet.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(data);
            book.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = book.GetIdOfPart(sheet), SheetId = 1, Name = "名单" }));
        }

        return ms.ToArray();
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Domain.Drafting;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Api.Tests;

/// <summary>The seeds as the corpus, once per test class (precedents for part 三 and 资金管理).</summary>
public sealed class ReportApiFactory : ApiFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool ingested;

    public async Task EnsureCorpusAsync(HttpClient client)
    {
        await gate.WaitAsync();
        try
        {
            if (ingested)
            {
                return;
            }

            foreach (string seed in Directory.GetFiles(Path.Combine(Assistant.Testing.RepoPaths.Shared, "seeds"), "*.txt").Order(StringComparer.Ordinal))
            {
                using var content = new ByteArrayContent(await File.ReadAllBytesAsync(seed));
                using HttpResponseMessage r = await client.PostAsync(new Uri($"/api/v1/corpus/reports?fileName={Uri.EscapeDataString(Path.GetFileName(seed))}", UriKind.Relative), content);
                Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            }

            ingested = true;
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>
/// The whole report through the API on real PostgreSQL: every reference table drafted, exported as .docx,
/// rendered by LibreOffice and checked as a person would (five part headings, the attached table with every
/// indicator and the 总分, every shortfall named in part 三, nothing that must not be submitted); edits kept
/// as versions; the table as .xlsx with formulas; bad requests answered in both languages.
/// </summary>
public class ReportApiTests(ReportApiFactory factory) : IClassFixture<ReportApiFactory>
{
    public static TheoryData<string> Tables() =>
    [
        "zhongwei-2024-entrepreneurship-fund",
        "zhongwei-2024-employment-service-demo",
        "zhongwei-2024-internship-subsidy",
        "zhongwei-2024-employment-operating-funds",
        "guangxi-2024-employment-transfer",
    ];

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Uri U(string path) => new(path, UriKind.Relative);

    private async Task<Guid> StoreAsync(HttpClient client, string table)
    {
        using HttpResponseMessage r = await client.PostAsync(U("/api/v1/evaluations"), Json(await File.ReadAllTextAsync(Shared.Reference(table))));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return Guid.Parse((string)JsonNode.Parse(await r.Content.ReadAsStringAsync())!["id"]!);
    }

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, U(path)) { Content = body is null ? null : Json(body) };
        using HttpResponseMessage r = await client.SendAsync(request);
        string text = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"{method} {path}: {(int)r.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task EveryReferenceTable_ExportsASubmittableWordReport_ThatRendersWithEveryPartAndTheTable(string table)
    {
        using HttpClient client = factory.CreateClient();
        await factory.EnsureCorpusAsync(client);
        Guid id = await StoreAsync(client, table);
        var evaluation = EvaluationJson.Parse(await File.ReadAllTextAsync(Shared.Reference(table)));
        ScoreReport score = Calculator.Score(evaluation);

        JsonNode body = await SendAsync(client, HttpMethod.Post, $"/api/v1/evaluations/{id}/report", "{}", HttpStatusCode.Created);
        JsonNode report = body["report"]!;
        Assert.Equal(1, (int)body["version"]!);
        var parts = report["parts"]!.AsArray();
        Assert.Equal(ReportParts.Keys, parts.Select(p => (string)p!["key"]!));
        foreach (JsonNode? part in parts)
        {
            string text = (string)part!["text"]!;
            Assert.True(ReportText.IsSubmittable(text), $"{part["key"]}: {text}");
            Assert.Equal(0, (int)part["verification"]!["unverified"]!);
            Assert.Equal(0, (int)part["verification"]!["contradicted"]!);
        }

        Assert.NotEmpty(parts.SelectMany(p => p!["notes"]!.AsArray()));
        if (score.TotalRounded is { } total)
        {
            Assert.Equal(total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), (string?)report["total"]);
        }

        using HttpResponseMessage docx = await client.GetAsync(U($"/api/v1/evaluations/{id}/report.docx"));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        byte[] bytes = await docx.Content.ReadAsByteArrayAsync();
        AssertLayout(bytes);

        string pdf = await DocumentRendering.ToPdfAsync(bytes, table, ".docx");
        string all = Flat(await DocumentRendering.TextAsync(pdf));
        foreach (ReportPartInfo info in ReportParts.All)
        {
            Assert.Contains(info.Heading, all, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(DraftText.Unverified, all, StringComparison.Ordinal);
        Assert.DoesNotContain("{{fact", all, StringComparison.Ordinal);
        Assert.DoesNotContain("请单位", all, StringComparison.Ordinal);
        Assert.DoesNotContain("核实补充", all, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"item-\d", all);

        string part3 = Flat(all[all.IndexOf(ReportParts.Get(ReportParts.Deviation).Heading, StringComparison.Ordinal)..all.IndexOf(ReportParts.Get(ReportParts.Application).Heading, StringComparison.Ordinal)]);
        foreach (IndicatorResult r in score.Indicators.Where(r => r.Status == IndicatorStatus.Short))
        {
            Assert.Contains(Flat(r.Name), part3, StringComparison.Ordinal);
        }

        int pages = await DocumentRendering.PagesAsync(pdf);
        int tablePage = 0;
        for (int page = pages; page >= 1 && tablePage == 0; page--)
        {
            if (Flat(await DocumentRendering.TextAsync(pdf, page)).StartsWith("附件", StringComparison.Ordinal))
            {
                tablePage = page;
            }
        }

        Assert.True(tablePage > 1, "the attached table starts on a page of its own");
        string attached = Flat(string.Concat(await Task.WhenAll(Enumerable.Range(tablePage, pages - tablePage + 1).Select(p => DocumentRendering.TextAsync(pdf, p, raw: true)))));
        foreach (var indicator in evaluation.Indicators)
        {
            Assert.Contains(Flat(indicator.Name), attached, StringComparison.Ordinal);
        }

        if (score.TotalRounded is { } t)
        {
            int at = attached.LastIndexOf("总分", StringComparison.Ordinal);
            Assert.True(at >= 0, "the table has its 总分 row");
            Assert.Contains(t.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), attached[at..], StringComparison.Ordinal);
        }

        Assert.StartsWith(Flat(Assistant.Features.Reporting.ReportDocx.TitleLines(evaluation)[0]), Flat(await DocumentRendering.TextAsync(pdf, 1)), StringComparison.Ordinal);
        await DocumentRendering.PageToPngAsync(pdf, 1, table + "-page1");
        await DocumentRendering.PageToPngAsync(pdf, tablePage, table + "-table");
    }

    [Fact]
    public async Task EditingAPart_IsVerifiedAgain_StoredAsANewVersion_AndTheExportTakesIt()
    {
        using HttpClient client = factory.CreateClient();
        Guid id = await StoreAsync(client, "zhongwei-2024-internship-subsidy");
        await SendAsync(client, HttpMethod.Post, $"/api/v1/evaluations/{id}/report", """{"sourcesPerItem":0}""", HttpStatusCode.Created);

        const string Edited = "（一）资金投入情况分析\n全年预算数200.00万元，全年执行数38.99万元，预算执行率19.50%。见习岗位开发集中在下半年，资金拨付随之推迟。";
        JsonNode edited = await SendAsync(client, HttpMethod.Put, $"/api/v1/evaluations/{id}/report/parts/performance", System.Text.Json.JsonSerializer.Serialize(new { text = Edited }), HttpStatusCode.Created);
        Assert.Equal(2, (int)edited["version"]!);
        Assert.Equal("edited", (string?)edited["change"]);
        JsonNode part = edited["report"]!["parts"]!.AsArray().Single(p => (string?)p!["key"] == "performance")!;
        Assert.Equal("verified", (string?)part["status"]);
        Assert.Equal("edited", (string?)part["origin"]);
        Assert.StartsWith("二、绩效情况分析\n", (string)part["text"]!, StringComparison.Ordinal);
        Assert.Equal((string?)edited["createdBy"], (string?)part["editedBy"]);
        Assert.StartsWith("ak_", (string?)edited["createdBy"], StringComparison.Ordinal);

        // Another part keeps its drafted text; a reload returns the edit; both versions stay readable.
        JsonNode reloaded = await SendAsync(client, HttpMethod.Get, $"/api/v1/evaluations/{id}/report", null, HttpStatusCode.OK);
        Assert.Contains("见习岗位开发集中在下半年", (string)reloaded["report"]!["parts"]![1]!["text"]!, StringComparison.Ordinal);
        Assert.Equal([1, 2], reloaded["versions"]!.AsArray().Select(v => (int)v!["version"]!));
        JsonNode first = await SendAsync(client, HttpMethod.Get, $"/api/v1/evaluations/{id}/report?version=1", null, HttpStatusCode.OK);
        Assert.DoesNotContain("见习岗位开发集中在下半年", (string)first["report"]!["parts"]![1]!["text"]!, StringComparison.Ordinal);

        using HttpResponseMessage docx = await client.GetAsync(U($"/api/v1/evaluations/{id}/report.docx"));
        using (var ms = new MemoryStream(await docx.Content.ReadAsByteArrayAsync()))
        using (WordprocessingDocument doc = WordprocessingDocument.Open(ms, false))
        {
            Assert.Contains("见习岗位开发集中在下半年", doc.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        // A wrong number in an edit is kept as written but flagged, and the report needs review.
        JsonNode wrong = await SendAsync(client, HttpMethod.Post, $"/api/v1/evaluations/{id}/report",
            """{"part":"二","text":"二、绩效情况分析\n预算执行率为96.00%，资金全部按期拨付。"}""", HttpStatusCode.Created);
        JsonNode wrongPart = wrong["report"]!["parts"]![1]!;
        Assert.Equal("needs-review", (string?)wrongPart["status"]);
        Assert.Equal("needs-review", (string?)wrong["report"]!["status"]);
        Assert.Contains("96.00%", (string)wrongPart["text"]!, StringComparison.Ordinal);
        Assert.Contains(wrongPart["notes"]!.AsArray(), n => ((string)n!["message"]!).Contains("96.00%", StringComparison.Ordinal));

        // Redrafting one part keeps the others as they stand.
        JsonNode redrafted = await SendAsync(client, HttpMethod.Post, $"/api/v1/evaluations/{id}/report", """{"part":"other","sourcesPerItem":0}""", HttpStatusCode.Created);
        Assert.Equal(4, (int)redrafted["version"]!);
        Assert.Contains("96.00%", (string)redrafted["report"]!["parts"]![1]!["text"]!, StringComparison.Ordinal);
        Assert.Contains("分值合计105分", (string)redrafted["report"]!["parts"]![4]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequests_AreBilingualProblems_AndStoreNothing()
    {
        using HttpClient client = factory.CreateClient();
        Guid id = await StoreAsync(client, "zhongwei-2024-employment-operating-funds");

        JsonNode early = await SendAsync(client, HttpMethod.Put, $"/api/v1/evaluations/{id}/report/parts/targets", """{"text":"一、绩效目标分解下达情况\n…"}""", HttpStatusCode.BadRequest);
        Assert.NotNull(early["errors"]!["part"]);
        await SendAsync(client, HttpMethod.Get, $"/api/v1/evaluations/{id}/report", null, HttpStatusCode.NotFound);
        using (HttpResponseMessage none = await client.GetAsync(U($"/api/v1/evaluations/{id}/report.docx")))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        JsonNode unknown = await SendAsync(client, HttpMethod.Post, $"/api/v1/evaluations/{id}/report", """{"part":"six"}""", HttpStatusCode.BadRequest);
        string message = (string)unknown["errors"]!["part"]![0]!;
        Assert.Contains("未知的报告部分", message, StringComparison.Ordinal);
        Assert.Contains("Unknown report part", message, StringComparison.Ordinal);
        await SendAsync(client, HttpMethod.Post, $"/api/v1/evaluations/{id}/report", """{"sourcesPerItem":11}""", HttpStatusCode.BadRequest);
        await SendAsync(client, HttpMethod.Post, $"/api/v1/evaluations/{id}/report", """{"part":"targets","text":"  "}""", HttpStatusCode.BadRequest);
        await SendAsync(client, HttpMethod.Post, $"/api/v1/evaluations/{id}/report", "{not json", HttpStatusCode.BadRequest);

        await SendAsync(client, HttpMethod.Post, $"/api/v1/evaluations/{id}/report", """{"sourcesPerItem":0}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Put, $"/api/v1/evaluations/{id}/report/parts/seven", """{"text":"x"}""", HttpStatusCode.BadRequest);
        JsonNode after = await SendAsync(client, HttpMethod.Get, $"/api/v1/evaluations/{id}/report", null, HttpStatusCode.OK);
        Assert.Single(after["versions"]!.AsArray());

        // Another unit sees nothing; a reviewer reads and exports but cannot draft.
        using HttpClient other = factory.ClientFor(ApiRoles.Admin, "另一单位");
        await SendAsync(other, HttpMethod.Get, $"/api/v1/evaluations/{id}/report", null, HttpStatusCode.NotFound);
        using HttpClient reviewer = factory.ClientFor(ApiRoles.Reviewer, ApiFactory.Unit);
        await SendAsync(reviewer, HttpMethod.Get, $"/api/v1/evaluations/{id}/report", null, HttpStatusCode.OK);
        using HttpResponseMessage denied = await reviewer.PostAsync(U($"/api/v1/evaluations/{id}/report"), Json("{}"));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task TheTableAlone_AsXlsx_HasFormulasWithComputedValues_AndTheFindingsSheet()
    {
        using HttpClient client = factory.CreateClient();
        Guid id = await StoreAsync(client, "zhongwei-2024-employment-service-demo");
        using HttpResponseMessage r = await client.GetAsync(U($"/api/v1/evaluations/{id}/table.xlsx"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        byte[] bytes = await r.Content.ReadAsByteArrayAsync();
        using (var ms = new MemoryStream(bytes))
        using (SpreadsheetDocument doc = SpreadsheetDocument.Open(ms, false))
        {
            WorkbookPart wb = doc.WorkbookPart!;
            var sheets = wb.Workbook!.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(["自评表", "审核发现"], sheets.Select(s => s.Name!.Value));
            var cells = ((WorksheetPart)wb.GetPartById(sheets[0].Id!)).Worksheet!.Descendants<Cell>().ToList();
            Cell rate = cells.First(c => c.CellFormula?.Text.Contains("/D", StringComparison.Ordinal) == true);
            Assert.Equal(0.3875m, Math.Round(decimal.Parse(rate.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 4));
            Cell total = cells.Last(c => c.CellFormula?.Text.StartsWith("ROUND(", StringComparison.Ordinal) == true);
            Assert.Equal("91.97", total.CellValue!.Text);
            Assert.NotEmpty(((WorksheetPart)wb.GetPartById(sheets[0].Id!)).Worksheet!.Descendants<MergeCell>());
            var findings = ((WorksheetPart)wb.GetPartById(sheets[1].Id!)).Worksheet!.Descendants<Cell>().Select(c => c.InnerText).ToList();
            Assert.Contains("indicator.cancelled", findings);
        }

        string pdf = await DocumentRendering.ToPdfAsync(bytes, "zhongwei-2024-employment-service-demo-table", ".xlsx");
        string text = Flat(await DocumentRendering.TextAsync(pdf));
        Assert.Contains("91.97", text, StringComparison.Ordinal);
        Assert.Contains("38.75%", text, StringComparison.Ordinal);
        await DocumentRendering.PageToPngAsync(pdf, 1, "zhongwei-2024-employment-service-demo-xlsx");
    }

    /// <summary>The page layout and fonts GB/T 9704 asks for, read from the document itself.</summary>
    private static void AssertLayout(byte[] bytes)
    {
        using var ms = new MemoryStream(bytes);
        using WordprocessingDocument doc = WordprocessingDocument.Open(ms, false);
        W.Body body = doc.MainDocumentPart!.Document!.Body!;
        W.SectionProperties section = body.Elements<W.SectionProperties>().Single();
        W.PageSize size = section.GetFirstChild<W.PageSize>()!;
        Assert.Equal((11906U, 16838U), (size.Width!.Value, size.Height!.Value));
        W.PageMargin margin = section.GetFirstChild<W.PageMargin>()!;
        Assert.Equal((2098, 1984, 1587U, 1474U), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        Assert.Contains(" PAGE ", doc.MainDocumentPart.FooterParts.Single().Footer!.InnerText, StringComparison.Ordinal);

        var paragraphs = body.Elements<W.Paragraph>().ToList();
        W.Paragraph title = paragraphs[0];
        Assert.Equal("方正小标宋简体", title.Descendants<W.RunFonts>().First().EastAsia!.Value);
        Assert.Equal("44", title.Descendants<W.FontSize>().First().Val!.Value);
        W.Paragraph heading = paragraphs.First(p => p.InnerText.StartsWith("一、", StringComparison.Ordinal));
        Assert.Equal("黑体", heading.Descendants<W.RunFonts>().First().EastAsia!.Value);
        W.Paragraph sub = paragraphs.First(p => p.InnerText.StartsWith("（一）", StringComparison.Ordinal));
        Assert.Equal("楷体_GB2312", sub.Descendants<W.RunFonts>().First().EastAsia!.Value);
        W.Paragraph text = paragraphs.First(p => p.InnerText.Length > 40 && !p.InnerText.StartsWith('（'));
        Assert.Equal("仿宋_GB2312", text.Descendants<W.RunFonts>().First().EastAsia!.Value);
        Assert.Equal("32", text.Descendants<W.FontSize>().First().Val!.Value);
        W.SpacingBetweenLines spacing = text.ParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal(("560", W.LineSpacingRuleValues.Exact), (spacing.Line!.Value!, spacing.LineRule!.Value));
        W.Indentation indent = text.ParagraphProperties.Indentation!;
        Assert.Equal((200, "640"), (indent.FirstLineChars!.Value, indent.FirstLine!.Value!));

        var tables = body.Elements<W.Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.Contains(tables.SelectMany(t => t.Descendants<W.VerticalMerge>()), v => v.Val?.Value == W.MergedCellValues.Restart);
        Assert.Contains(tables.SelectMany(t => t.Descendants<W.GridSpan>()), g => g.Val!.Value > 1);
    }

    private static string Flat(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}

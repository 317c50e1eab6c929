using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Features.Reporting;

namespace Assistant.Api.Tests;

/// <summary>
/// Session-32 tester (#8, #15): 二、绩效情况分析 stranded at the foot of page 1; the annex title of a transfer table
/// wrapping a lone 表; the parts-sum error of a transfer table nowhere in the document. Rendered with LibreOffice for the
/// five reference tables, a 元 table with parts (health32) and the tester's 周口 transfer table whose parts are
/// 10,000元 short (zhoukou32): no page ends on a heading, the annex title breaks at a natural point, a parts-sum error is
/// footnoted under the annex, and the exported report read back checks clean against its own annex.
/// </summary>
public partial class ReportPagesTests
{
    public static TheoryData<string> Tables => new()
    {
        "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-employment-service-demo", "zhongwei-2024-internship-subsidy",
        "zhongwei-2024-employment-operating-funds", "guangxi-2024-employment-transfer", "health32-yuan-parts", "zhoukou32-transfer",
    };

    private static Evaluation Load(string name) => EvaluationJson.Parse(File.ReadAllText(name.Contains("32", StringComparison.Ordinal)
        ? Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json")
        : Assistant.Testing.RepoPaths.Reference(name)));

    /// <summary>Parts 一, 二, 四, 五 as the offline composer writes them, 三 its heading (drafted elsewhere).</summary>
    private static string Composed(Evaluation e)
    {
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(e, ScoringPolicy.Default));
        var parts = new List<string>();
        foreach (ReportPartInfo info in ReportParts.All)
        {
            if (info.Key == ReportParts.Deviation)
            {
                parts.Add(info.Heading);
                continue;
            }

            string rendered = DraftText.Render(ReportComposer.Compose(info.Key, sheet, [], ScoringPolicy.Default).Draft, sheet, 0).Text;
            string clean = ReportText.Clean(rendered, info.Numeral).Text;
            parts.Add(clean.StartsWith(info.Heading, StringComparison.Ordinal) ? clean : info.Heading + "\n" + clean);
        }

        return string.Join('\n', parts);
    }

    private static byte[] Docx(Evaluation e, string text)
    {
        ScoreReport score = Calculator.Score(e, ScoringPolicy.Default);
        ReportDraft draft = ReportImport.FromText(e, null, text, "test", DateTimeOffset.UnixEpoch);
        using var ms = new MemoryStream();
        ReportDocx.Write(ms, e, score, draft);
        return ms.ToArray();
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task RenderedReport_NoPageEndsOnAHeading_TheAnnexTitleBreaksWell_APartsErrorIsFootnoted(string name)
    {
        Evaluation e = Load(name);
        ScoreReport score = Calculator.Score(e, ScoringPolicy.Default);
        string pdf = await DocumentRendering.ToPdfAsync(Docx(e, Composed(e)), "pages-" + name, ".docx");
        int pages = await DocumentRendering.PagesAsync(pdf);
        int annex = 0;
        for (int page = 1; page <= pages; page++)
        {
            await DocumentRendering.PageToPngAsync(pdf, page, $"pages-{name}-{page}");
            var lines = (await DocumentRendering.TextAsync(pdf, page)).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !Footer().IsMatch(l)).ToList();
            if (lines.Count > 0 && lines[0] == "附件")
            {
                annex = page;
                break;
            }

            Assert.True(lines.Count == 0 || !Heading().IsMatch(lines[^1]), $"{name}: page {page} ends on the heading “{lines.LastOrDefault()}”");
        }

        Assert.True(annex > 0, $"{name}: no annex page");
        string annexText = await DocumentRendering.TextAsync(pdf, annex);
        var annexLines = annexText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.DoesNotContain("表", annexLines);
        string flat = string.Concat(annexText.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains(string.Concat(TableDocx.TableTitleLines(e)), flat, StringComparison.Ordinal);
        Assert.All(TableDocx.TableTitleLines(e), l => Assert.True(l.Length <= TableDocx.TableTitleWidth, l));

        string all = string.Concat((await DocumentRendering.TextAsync(pdf)).Where(c => !char.IsWhiteSpace(c)));
        bool partsOff = score.Findings.Any(f => f.Code == FindingCodes.FundsPartsSum && f.Severity == Severity.Error);
        Assert.Equal(partsOff, all.Contains("注：项目资金各来源之和与合计数不一致", StringComparison.Ordinal));
        Assert.Equal(partsOff, all.Contains("资金来源各部分的全年预算数", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void ExportedReport_ReadBack_ChecksCleanAgainstItsOwnAnnex(string name)
    {
        Evaluation e = Load(name);
        string text = Composed(e);
        Assert.Empty(Problems(ReportVerification.Verify([e], text)));
        TableSource back = TableInput.Load("report.docx", Docx(e, text), null);
        Evaluation read = Assert.Single(back.Evaluations);
        Assert.Equal(e.Indicators.Count, read.Indicators.Count);
        Assert.Equal(e.Funds.Lines.Count, read.Funds.Lines.Count);
        // A number run together with the next table cell (5.00\t\n\t\t年…, the annex's own cells read as text) is a
        // reading of the annex as prose, unverified in main as well (04e269f): left out here and reported, not hidden elsewhere.
        Assert.DoesNotContain(Problems(ReportVerification.Verify(back.Evaluations, back.Text ?? string.Empty)), p => !p.Split(':')[0].Contains('\t', StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReportFillingItsLastPage_HasNoBlankPageBeforeTheAnnex()
    {
        // The guangxi table's text ends at the foot of page 4 once headings keep with their paragraphs.
        Evaluation e = Load("guangxi-2024-employment-transfer");
        string pdf = await DocumentRendering.ToPdfAsync(Docx(e, Composed(e)), "pages-no-blank", ".docx");
        int pages = await DocumentRendering.PagesAsync(pdf);
        for (int page = 1; page <= pages; page++)
        {
            var lines = (await DocumentRendering.TextAsync(pdf, page)).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !Footer().IsMatch(l)).ToList();
            Assert.True(lines.Count > 0, $"page {page} of {pages} is blank");
        }
    }

    [Theory]
    [InlineData("城乡居民基本医疗保险补助资金", "transfer", new[] { "城乡居民基本医疗保险补助资金", "转移支付绩效目标自评表" })]
    [InlineData("农村饮水安全工程维修养护资金", "project", new[] { "农村饮水安全工程维修养护资金", "项目支出绩效自评表" })]
    [InlineData("就业补助资金", "project", new[] { "就业补助资金项目支出绩效自评表" })]
    [InlineData("义务教育薄弱环节改善与能力提升项目", "project", new[] { "义务教育薄弱环节改善与能力提升", "项目支出绩效自评表" })]
    [InlineData("义务教育阶段学校薄弱环节改善与能力提升项目", "project", new[] { "义务教育阶段学校薄弱环节改善与能力提升", "项目支出绩效自评表" })]
    [InlineData("就业补助资金", "transfer", new[] { "就业补助资金转移支付绩效目标自评表" })]
    public void AnnexTitle_FitsItsLines(string title, string kind, string[] expected)
    {
        var e = new Evaluation { Title = title, Kind = kind == "transfer" ? EvaluationKind.Transfer : EvaluationKind.Project, Funds = new FundSection(), Indicators = [] };
        Assert.Equal(expected, TableDocx.TableTitleLines(e));
    }

    [Fact]
    public void ALongAnnexTitle_IsBrokenInLinesThatFit_NeverALoneCharacter()
    {
        foreach (string title in new[] { "中央财政城乡居民基本医疗保险和公共卫生服务补助资金", "广西壮族自治区河池市都安瑶族自治县农村饮水安全工程维修养护资金", "2024年度四川省巴中市南江县义务教育阶段学校薄弱环节改善与能力提升项目" })
        {
            foreach (var kind in new[] { EvaluationKind.Project, EvaluationKind.Transfer })
            {
                var lines = TableDocx.TableTitleLines(new Evaluation { Title = title, Kind = kind, Funds = new FundSection(), Indicators = [] });
                Assert.True(lines.Count >= 2, title);
                Assert.All(lines, l => Assert.InRange(l.Length, 2, TableDocx.TableTitleWidth));
                Assert.Equal(TableDocx.TableTitle(new Evaluation { Title = title, Kind = kind, Funds = new FundSection(), Indicators = [] }), string.Concat(lines));
            }
        }
    }

    [Fact]
    public void FundParts_CarryNoScore_InTheAnswerTheAnnexAndTheXlsx()
    {
        Evaluation e = Load("health32-yuan-parts");
        ScoreReport score = Calculator.Score(e, ScoringPolicy.Default);
        ScoreResponse dto = ScoreContract.ToResponse(e, score);
        Assert.Equal("8.40", dto.Funds[0].Score);
        Assert.Equal(["90.00%", "76.50%"], dto.Funds.Skip(1).Select(f => f.RateText));
        Assert.All(dto.Funds.Skip(1), f => Assert.Null(f.Score));

        // The annex: 得分 on the total line only, “—” on its parts.
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(Docx(e, Composed(e))), false))
        {
            var funds = doc.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First();
            var lines = funds.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Skip(3).Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Last().InnerText).ToList();
            Assert.Equal(["8.40", "—", "—"], lines);
        }

        // The .xlsx: the 得分 column (H) holds a value on the total line only.
        using var ms = new MemoryStream();
        TableXlsx.Write(ms, e, score);
        ms.Position = 0;
        using var x = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(ms, false);
        var sheet = x.WorkbookPart!.WorksheetParts.Select(w => w.Worksheet).First(w => w.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Any(c => c.InnerText.Contains("年度资金总额", StringComparison.Ordinal)));
        var cells = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        string Row(DocumentFormat.OpenXml.Spreadsheet.Cell c) => new(c.CellReference!.Value!.SkipWhile(char.IsLetter).ToArray());
        // Parts are found by their names: only the first part line carries 「其中：」 since session 34.
        var partNames = e.Funds.Lines.Where(l => l.Parent is not null).Select(l => l.Name.Trim()).ToHashSet();
        string Bare(string t) => t.StartsWith("其中：", StringComparison.Ordinal) ? t["其中：".Length..] : t;
        var fundRows = cells.Where(c => c.CellReference!.Value!.StartsWith('B') && (c.InnerText == "年度资金总额" || partNames.Contains(Bare(c.InnerText))))
            .Select(c => (Part: partNames.Contains(Bare(c.InnerText)), Row: Row(c))).ToList();
        Assert.Single(fundRows, r => r.Part && cells.Any(c => c.CellReference!.Value == "B" + r.Row && c.InnerText.StartsWith("其中：", StringComparison.Ordinal)));
        Assert.Equal(3, fundRows.Count);
        foreach (var (part, row) in fundRows)
        {
            var h = cells.FirstOrDefault(c => c.CellReference!.Value == "H" + row);
            bool scored = h is not null && (h.CellFormula is not null || h.CellValue is not null);
            Assert.Equal(!part, scored);
        }
    }

    private static List<string> Problems(VerificationResponse v) =>
        [.. v.Mentions.Where(m => m.Verdict is "unverified" or "contradicted").Select(m => $"{m.Text}:{m.Verdict}:{m.Note}")
            .Concat(v.Claims.Where(c => c.Verdict == "contradicted").Select(c => $"{c.Text}:{c.Verdict}:{c.Note}"))];

    [GeneratedRegex(@"^[—-]\s*\d+\s*[—-]$")]
    private static partial Regex Footer();

    [GeneratedRegex(@"^(?:(?:[一二三四五六七八九十]、|（[一二三四五六七八九十]）)[^。]*$|\d{1,2}\.[^。，]{1,20}完成情况。)")]
    private static partial Regex Heading();
}

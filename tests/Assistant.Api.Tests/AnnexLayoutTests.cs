using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Reporting;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Api.Tests;

/// <summary>
/// Session 31: the Word export's 附件 split a 一级 block over two pages, leaving the rows on the second page
/// with empty 一级/二级 cells (a merged cell prints only where it starts), and printed the calculator's
/// scores beside a unit that printed others without saying so. Rendered with LibreOffice: every page of
/// the annex names the 一级 of each row it holds, and a note says where the unit's printed numbers differ.
/// </summary>
public class AnnexLayoutTests
{
    private static readonly string[] Level1 = ["产出指标", "效益指标", "满意度指标"];

    /// <summary>A table with <paramref name="output"/> 产出 rows and 10 效益 rows, each row two or three lines tall.</summary>
    private static Evaluation Table(int output, string? wrongPrinted = null, bool notes = true)
    {
        var rows = new JsonArray();
        void Add(string l1, string l2, string name, int k)
        {
            var row = new JsonObject
            {
                ["level1"] = l1, ["level2"] = l2, ["name"] = $"{name}（第{k}组）", ["target"] = "≥100", ["actual"] = k % 3 == 0 ? "90" : "100", ["weight"] = "2",
            };
            if (notes && k % 3 == 0)
            {
                row["deviationNote"] = "部分乡镇施工队伍进场较晚，汛期停工一个月，年底前已完成大部分建设内容，剩余部分结转下年实施";
            }

            rows.Add(row);
        }

        for (int k = 0; k < output; k++)
        {
            Add("产出指标", k < output / 2 ? "数量指标" : k < output * 3 / 4 ? "质量指标" : "时效指标", "维修养护农村供水工程处数", k);
        }

        for (int k = 0; k < 10; k++)
        {
            Add("效益指标", k < 5 ? "社会效益指标" : "可持续影响指标", "受益农村人口数量", k);
        }

        Add("满意度指标", "服务对象满意度指标", "受益群众认可程度", 1);
        if (wrongPrinted is not null)
        {
            rows[0]!["printedScore"] = wrongPrinted;
        }

        var e = new JsonObject
        {
            ["kind"] = "project", ["title"] = "2025年新邵县农村饮水安全工程维修养护资金", ["year"] = 2025, ["region"] = "湖南省邵阳市新邵县",
            ["funds"] = new JsonObject
            {
                ["unit"] = "万元", ["weight"] = "10",
                ["lines"] = new JsonArray(
                    new JsonObject { ["name"] = "年度资金总额", ["budget"] = "860.00", ["executed"] = "688.00" },
                    new JsonObject { ["name"] = "中央财政资金", ["parent"] = "年度资金总额", ["budget"] = "500.00", ["executed"] = "460.00" }),
            },
            ["levelWeights"] = new JsonObject { ["产出指标"] = "50", ["效益指标"] = "30", ["满意度指标"] = "10" },
            ["indicators"] = rows,
        };
        return EvaluationJson.Parse(e.ToJsonString());
    }

    private static byte[] Docx(Evaluation e, ScoreReport score)
    {
        using var ms = new MemoryStream();
        ReportDocx.Write(ms, e, score, new ReportDraft(e.Title, 2025, e.Region, "project", "default", null, null, "verified", []));
        return ms.ToArray();
    }

    private static string Flat(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    [Theory]
    [InlineData(12, "block12", true)]
    [InlineData(12, "block12-short", false)]
    [InlineData(24, "block24", true)]
    public async Task EveryAnnexPage_NamesThe一级OfItsRows(int output, string name, bool notes)
    {
        Evaluation e = Table(output, notes: notes);
        ScoreReport score = Calculator.Score(e);
        string pdf = await DocumentRendering.ToPdfAsync(Docx(e, score), "annex-" + name, ".docx");
        int pages = await DocumentRendering.PagesAsync(pdf);
        int rowsSeen = 0, annexPages = 0;
        for (int page = 2; page <= pages; page++)
        {
            string text = Flat(await DocumentRendering.TextAsync(pdf, page, raw: true));
            var here = e.Indicators.Where(i => text.Contains(Flat(i.Name), StringComparison.Ordinal)).ToList();
            annexPages += here.Count > 0 ? 1 : 0;
            rowsSeen += here.Count;
            foreach (Indicator i in here)
            {
                Assert.True(text.Contains(i.Level1!, StringComparison.Ordinal), $"page {page}: “{i.Name}” without its 一级 {i.Level1}");
                Assert.True(text.Contains(i.Level2!, StringComparison.Ordinal), $"page {page}: “{i.Name}” without its 二级 {i.Level2}");
            }

            await DocumentRendering.PageToPngAsync(pdf, page, $"annex-{name}-page{page}");
        }

        Assert.Equal(e.Indicators.Count, rowsSeen);
        Assert.True(annexPages >= 2, $"the annex should span pages ({annexPages})");
    }

    [Fact]
    public void ABlockThatFitsAPage_IsMergedAndKeptTogether_ALongerOneLabelsEveryRow()
    {
        foreach (var (output, notes) in new[] { (12, false), (24, true) })
        {
            Evaluation e = Table(output, notes: notes);
            using var doc = WordprocessingDocument.Open(new MemoryStream(Docx(e, Calculator.Score(e))), false);
            Table annex = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Last();
            var rows = annex.Elements<TableRow>().Skip(1).Take(e.Indicators.Count).ToList();
            var kept = rows.Select(r => r.Descendants<KeepNext>().Any()).ToList();
            var starts = rows.Select(r => r.Elements<TableCell>().First().TableCellProperties!.VerticalMerge!.Val!.Value == MergedCellValues.Restart).ToList();
            if (!notes)
            {
                // 产出 (12 short rows) and 效益 (10) fit a page: one merged label each, rows kept with the next.
                Assert.Equal([.. Enumerable.Repeat(true, 11), false], kept.Take(12));
                Assert.Equal(1, starts.Take(12).Count(s => s));
                Assert.Equal([.. Enumerable.Repeat(true, 9), false], kept.Skip(12).Take(10));
            }
            else
            {
                // 24 rows, a third of them tall: every row prints its 一级 (and 二级); nothing is held together.
                Assert.All(starts.Take(output), Assert.True);
                Assert.All(kept.Take(output), Assert.False);
            }
        }
    }

    [Fact]
    public async Task AUnitsPrintedScoreThatDiffers_IsNotedUnderTheAnnex()
    {
        Evaluation e = Table(12, wrongPrinted: "1.50");
        ScoreReport score = Calculator.Score(e);
        Assert.Contains(score.Findings, f => f.Code == FindingCodes.IndicatorScorePrinted && f.Severity == Severity.Error);
        string pdf = await DocumentRendering.ToPdfAsync(Docx(e, score), "annex-printed-note", ".docx");
        string text = Flat(await DocumentRendering.TextAsync(pdf));
        Assert.Contains("注：本表的执行率、得分和总分按评分规则计算，与单位自评表打印的数字不同", text, StringComparison.Ordinal);
        Assert.Contains("打印为1.50", text, StringComparison.Ordinal);
        Assert.Null(TableDocx.PrintedDiffers(Calculator.Score(Table(12))));
    }
}

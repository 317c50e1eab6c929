using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Reporting;

namespace Assistant.Api.Tests;

/// <summary>
/// Session 38 (probe 38 #8): the Word report of a 部门整体支出绩效自评表. Its cover names the department and
/// 2024年度部门整体支出绩效自评报告 (never the table's title with its year and 绩效自评表), its annex is headed
/// 部门整体支出绩效自评表 under 部门名称 / 部门预算资金, its text says 分支出类别看 and never 资金来源 — rendered with
/// LibreOffice (pages kept in artifacts/report-rendering/dept-*.png) over the tester's 武夷山 table and three of our own.
/// </summary>
public class DepartmentReportWordTests
{
    public static TheoryData<string, string[], string> Tables => new()
    {
        { "p38-t7-wuyishan-bumen", ["武夷山市文化和旅游局", "2024年度部门整体支出绩效自评报告"], "武夷山市文化和旅游局部门整体支出绩效自评表" },
        { "p38-d1-jiangan-jiaoyu", ["江安县教育局", "2024年度部门整体支出绩效自评报告"], "江安县教育局部门整体支出绩效自评表" },
        { "p38-d2-yueyang-weijian", ["岳阳市卫生健康委员会", "2024年度部门整体支出绩效自评报告"], "岳阳市卫生健康委员会部门整体支出绩效自评表" },
        { "p38-d3-tongwei-nongye", ["通渭县农业农村局", "2024年度部门整体支出绩效自评报告"], "通渭县农业农村局部门整体支出绩效自评表" },
    };

    private static Evaluation Load(string name) =>
        EvaluationJson.Parse(File.ReadAllText(Path.Combine(Assistant.Testing.RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures", name + ".json")));

    /// <summary>The whole report as the report service assembles it offline: 三 by the offline drafter, the rest by the composer.</summary>
    private static string Composed(Evaluation e)
    {
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(e, ScoringPolicy.Default));
        var parts = new List<string>();
        foreach (ReportPartInfo info in ReportParts.All)
        {
            string raw;
            if (info.Key == ReportParts.Deviation)
            {
                var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
                var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], [])).ToList(), []);
                raw = DraftText.Render(OfflineDrafter.Compose(brief), sheet, 0).Text;
            }
            else
            {
                raw = DraftText.Render(ReportComposer.Compose(info.Key, sheet, [], ScoringPolicy.Default).Draft, sheet, 0).Text;
            }

            string clean = ReportText.Clean(raw, info.Numeral).Text;
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
    public void TitleAndAnnexHeading_FollowTheKind(string name, string[] title, string annex)
    {
        Evaluation e = Load(name);
        Assert.True(DepartmentBudget.Is(e));
        Assert.Equal(title, ReportDocx.TitleLines(e));
        Assert.Equal(annex, TableDocx.TableTitle(e));
        Assert.All(TableDocx.TableTitleLines(e), l => Assert.InRange(l.Length, 2, TableDocx.TableTitleWidth));
        Assert.Equal(annex, string.Concat(TableDocx.TableTitleLines(e)));
    }

    [Fact]
    public void Title_PutsTheRegionFirst_WhenTheDepartmentNamesNoPlace()
    {
        Evaluation t = Load("p38-d1-jiangan-jiaoyu");
        var e = new Evaluation { Kind = t.Kind, Title = "教育局部门整体支出绩效自评表", Year = 2024, Region = "四川省宜宾市江安县", Department = "教育局", Funds = t.Funds, Indicators = t.Indicators };
        Assert.Equal(["四川省宜宾市江安县", "教育局", "2024年度部门整体支出绩效自评报告"], ReportDocx.TitleLines(e));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task RenderedReport_NamesTheKind_OnTheCoverTheTextAndTheAnnex(string name, string[] title, string annex)
    {
        Evaluation e = Load(name);
        string text = Composed(e);
        byte[] docx = Docx(e, text);
        string pdf = await DocumentRendering.ToPdfAsync(docx, "dept-" + name, ".docx");
        await DocumentRendering.PageToPngAsync(pdf, 1, $"dept-{name}-1");

        // The annex's labels, read from the document itself (a narrow table cell wraps, so the PDF's text interleaves columns).
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var cells = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
            Assert.Contains("部门名称", cells);
            Assert.Contains(DepartmentBudget.Unit(e), cells);
            Assert.Contains(cells, c => c.StartsWith("部门预算资金", StringComparison.Ordinal));
            Assert.DoesNotContain("项目名称", cells);
        }

        string first = string.Concat((await DocumentRendering.TextAsync(pdf, 1)).Where(c => !char.IsWhiteSpace(c)));
        Assert.StartsWith(string.Concat(title), first, StringComparison.Ordinal);
        Assert.Contains(DepartmentBudget.Subject(e) + "全年预算数", first, StringComparison.Ordinal);

        string all = string.Concat((await DocumentRendering.TextAsync(pdf)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("分支出类别看", all, StringComparison.Ordinal);
        Assert.Contains(annex, all, StringComparison.Ordinal);
        foreach (string wrong in new[] { "项目支出绩效自评表", "资金来源", "项目资金总体", "绩效自评表全年预算数", "绩效自评表2024年度绩效自评报告" })
        {
            Assert.DoesNotContain(wrong, all, StringComparison.Ordinal);
        }

        // The report read back checks clean against its own table.
        var v = ReportVerification.Verify([e], text);
        Assert.DoesNotContain(v.Mentions, m => m.Verdict == "contradicted");
        Assert.DoesNotContain(v.Claims, c => c.Verdict == "contradicted");
    }
}

using Assistant.Domain.Batches;
using Assistant.Domain.Evaluations;
using Assistant.Features.Batches;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Domain.Tests;

/// <summary>Checking generated submissions from every reference table: each injected error raises its own reason over the clean submission of the same table.</summary>
public class BatchCheckerTests
{
    public static TheoryData<string, int> Injected()
    {
        var data = new TheoryData<string, int>();
        foreach (string table in new[] { "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-internship-subsidy", "zhongwei-2024-employment-service-demo", "zhongwei-2024-employment-operating-funds" })
        {
            for (int j = 1; j < SyntheticSubmissions.Injections.Length; j++)
            {
                data.Add(table, j);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, string> CategoryOf = new()
    {
        ["report-contradicted"] = RiskCategories.ReportContradicted,
        ["table-error"] = RiskCategories.TableError,
        ["shortfall-unexplained"] = RiskCategories.ShortfallUnexplained,
        ["target-too-low"] = RiskCategories.TargetTooLow,
    };

    [Theory]
    [MemberData(nameof(Injected))]
    public void InjectedError_RaisesItsReason_AndRanksAboveClean(string table, int injection)
    {
        Evaluation e = SharedData.LoadReference(table);
        SyntheticSubmission clean = SyntheticSubmissions.Make(e, 10);
        SyntheticSubmission bad = SyntheticSubmissions.Make(e, 10 + injection);
        Assert.Equal("none", clean.Injected);
        CheckedDocument c = BatchChecker.Check(clean.Name + ".xlsx", clean.Table, clean.Name + "报告.txt", System.Text.Encoding.UTF8.GetBytes(clean.Report));
        CheckedDocument b = BatchChecker.Check(bad.Name + ".xlsx", bad.Table, bad.Name + "报告.txt", System.Text.Encoding.UTF8.GetBytes(bad.Report));
        Assert.False(c.Failed);
        Assert.False(b.Failed);
        string category = CategoryOf[bad.Injected];
        int Count(CheckedDocument d) => d.Risk.Reasons.FirstOrDefault(r => r.Code == category)?.Count ?? 0;
        Assert.True(Count(b) > Count(c), $"{bad.Injected}: {b.Risk.Summary} vs clean {c.Risk.Summary}");
        // More risk, unless the category was already counted to its maximum in the clean submission.
        Assert.True(Count(c) >= RiskCategories.Get(category).MaxCounted ? b.Risk.Score >= c.Risk.Score : b.Risk.Score > c.Risk.Score);
        Assert.Equal(0, c.Risk.Reasons.FirstOrDefault(r => r.Code == RiskCategories.ReportContradicted)?.Count ?? 0);
        Assert.NotEmpty(b.Findings);
        Assert.Single(b.Tables);
        Assert.Equal(bad.Unit, b.Tables[0].Implementer);
    }

    [Theory]
    [InlineData("empty.xlsx", new byte[0], "文件为空", "empty")]
    [InlineData("old.xls", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "旧版", "old Office")]
    [InlineData("broken.xlsx", new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0, 0 }, "损坏", "corrupt")]
    [InlineData("notes.txt", new byte[] { 0xE4, 0xBD, 0xA0, 0xE5, 0xA5, 0xBD }, "没有找到", "no self-evaluation table")]
    public void BadFile_FailsThatSubmission_InBothLanguages(string name, byte[] content, string zh, string en)
    {
        CheckedDocument d = BatchChecker.Check(name, content, null, null);
        Assert.True(d.Failed);
        Assert.Contains(zh, d.ErrorZh, StringComparison.Ordinal);
        Assert.Contains(en, d.ErrorEn, StringComparison.Ordinal);
        Assert.Equal(RiskCategories.ImportFailed, d.Risk.Reasons[0].Code);
        Assert.Empty(d.Tables);
    }

    [Fact]
    public void NoReport_IsSaid()
    {
        SyntheticSubmission s = SyntheticSubmissions.Make(SharedData.LoadReference("zhongwei-2024-internship-subsidy"), 5);
        CheckedDocument d = BatchChecker.Check("x.xlsx", s.Table, null, null);
        Assert.Contains(d.Risk.Reasons, r => r.Code == RiskCategories.ReportMissing);
        Assert.Null(d.ReportText);
    }

    [Fact]
    public void ReviewSheet_HasTheQueueAndEveryFinding()
    {
        Evaluation e = SharedData.LoadReference("zhongwei-2024-entrepreneurship-fund");
        var details = new List<BatchItemDetail>();
        foreach (int seed in new[] { 21, 22, 20 })
        {
            SyntheticSubmission s = SyntheticSubmissions.Make(e, seed);
            CheckedDocument d = BatchChecker.Check(s.Name + ".xlsx", s.Table, "r.txt", System.Text.Encoding.UTF8.GetBytes(s.Report));
            details.Add(new BatchItemDetail(Guid.NewGuid(), Guid.Empty, s.Name, s.Unit, "table", s.Name + ".xlsx", "r.txt", "done", d.Tables[0].Title, "90.00", "95.00%",
                d.Risk.Score, d.Risk.Level, d.Risk.Reasons, d.Findings, [], s.Report, null, null));
        }

        details = [.. details.OrderByDescending(d => d.RiskScore)];
        var job = new JobStatus(Guid.NewGuid(), "batch-check", "测试", "succeeded", 3, 0, 3, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, []);
        using var ms = new MemoryStream();
        BatchSheet.Write(ms, job, details);
        ms.Position = 0;
        using SpreadsheetDocument doc = SpreadsheetDocument.Open(ms, false);
        WorkbookPart wb = doc.WorkbookPart!;
        var sheets = wb.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["审核队列", "全部问题"], sheets.Select(s => s.Name!.Value!).ToArray());
        string Cell(int sheet, string reference)
        {
            var part = (WorksheetPart)wb.GetPartById(sheets[sheet].Id!);
            Cell? c = part.Worksheet.Descendants<Cell>().FirstOrDefault(x => x.CellReference == reference);
            return c is null ? string.Empty : c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty;
        }

        Assert.Equal("排名", Cell(0, "A1"));
        Assert.Equal("风险分", Cell(0, "G1"));
        Assert.Equal("1", Cell(0, "A2"));
        Assert.Equal(details[0].Document, Cell(0, "B2"));
        Assert.Equal(details[0].RiskScore.ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(0, "G2"));
        Assert.Contains(details[0].Reasons[0].Zh, Cell(0, "I2"), StringComparison.Ordinal);
        Assert.Equal(details[2].Document, Cell(0, "B4"));
        var findingsPart = (WorksheetPart)wb.GetPartById(sheets[1].Id!);
        int findingRows = findingsPart.Worksheet.Descendants<Row>().Count() - 1;
        Assert.Equal(details.Sum(d => d.Findings.Count), findingRows);
        Assert.Equal(details[0].Findings[0].Message, Cell(1, "F2"));
    }
}

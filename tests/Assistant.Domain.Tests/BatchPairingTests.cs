using Assistant.Domain.Batches;

namespace Assistant.Domain.Tests;

/// <summary>How the files of a batch become submissions.</summary>
public class BatchPairingTests
{
    public static TheoryData<string[], string[]> Cases => new()
    {
        // files → "table|report" per submission (sorted by key)
        { ["甲/自评表.xlsx", "甲/自评报告.docx", "乙/表.xlsx"], ["乙/表.xlsx|", "甲/自评表.xlsx|甲/自评报告.docx"] },
        { ["就业补助资金自评表.xlsx", "就业补助资金自评报告.txt", "创业担保贷款自评表.xlsx"], ["创业担保贷款自评表.xlsx|", "就业补助资金自评表.xlsx|就业补助资金自评报告.txt"] },
        { ["a_table.xlsx", "a_report.docx", "b-report.md"], ["a_table.xlsx|a_report.docx", "b-report.md|"] },
        // a folder of many: paired by name inside it
        { ["全市/一中 自评表.xlsx", "全市/一中 自评报告.docx", "全市/二中 自评表.xlsx", "全市/二中 自评报告.docx"], ["全市/一中 自评表.xlsx|全市/一中 自评报告.docx", "全市/二中 自评表.xlsx|全市/二中 自评报告.docx"] },
        // system files and lock files are ignored
        { ["__MACOSX/._x.xlsx", "~$x.xlsx", ".DS_Store", "x.xlsx"], ["x.xlsx|"] },
        // two tables with one stem: each on its own
        { ["项目.xlsx", "项目.docx"], ["项目.docx|", "项目.xlsx|"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pairs(string[] files, string[] expected)
    {
        var pairs = BatchPairing.Pair(files);
        Assert.Equal(expected, pairs.Select(p => $"{p.Table}|{p.Report}").OrderBy(s => s, StringComparer.Ordinal).ToArray());
        Assert.Equal(pairs.Count, pairs.Select(p => p.Key).Distinct().Count());
    }

    [Theory]
    [InlineData("就业补助资金绩效自评报告.docx", true)]
    [InlineData("report-2024.txt", true)]
    [InlineData("自评报告.xlsx", false)]
    [InlineData("自评表.docx", false)]
    public void Report_ByName(string name, bool report) => Assert.Equal(report, BatchPairing.IsReport(name));
}

using Assistant.Domain.Importing;
using Assistant.Features.Importing;

namespace Assistant.Domain.Tests;

/// <summary>
/// A page break in a <c>pdftotext -layout</c> copy (session-33 tester, defect 1): pdftotext starts the new page's
/// first line with a form feed and puts no blank line before it. When that line starts a new row (a 总分 / 合计
/// row, a row with its own values, a header repeated on the new page), it is a block of its own; when a row is
/// split across the page (one piece has no values of its own), its pieces are still joined.
/// </summary>
public class ImportingPageBreakTests
{
    private const string Head = """
项目名称       高标准农田建设补助资金

主管部门       贵州省遵义市农业农村局                  实施单位      遵义市耕地质量站

一级指标       二级指标       三级指标               年度指标值      实际完成值       分值    得分    偏差原因分析及改进措施

""";

    private const string Header = "一级指标       二级指标       三级指标               年度指标值      实际完成值       分值    得分    偏差原因分析及改进措施";

    private const string FirstRow = """
                      高标准农田建设面                                                部分地块土壤
           数量指标                        ≥12       11.5        20    19.17
                      积（万亩）                                                   改良滞后
产出指标（40 分）
           质量指标       耕地质量等级提升         ≥0.5      0.5         20    20
""";

    private const string LastRow = """
           服务对
满意度指标
           象满意     农户满意度             ≥90%      93.5%       30    30
（30 分）
           度
""";

    private static ImportedTable Read(string text) => Assert.Single(DocumentImporter.FromText("copied.txt", text).Tables);

    private static string Row(ImportedIndicator i) => $"{i.Level1}|{i.Level2}|{i.Name}|{i.Unit}|{i.Target}|{i.Actual}|{i.Weight}|{i.PrintedScore}|{i.DeviationNote}";

    private static readonly string[] Three =
    [
        "产出指标|数量指标|高标准农田建设面积|万亩|≥12|11.5|20|19.17|部分地块土壤改良滞后",
        "产出指标|质量指标|耕地质量等级提升||≥0.5|0.5|20|20|",
        "满意度指标|服务对象满意度|农户满意度|%|≥90%|93.5%|30|30|",
    ];

    [Theory]
    [InlineData("\f总分                                                           70    69.17")]
    [InlineData("\f总分   70 69.17")]
    [InlineData("\f合计                                                           70    69.17")]
    [InlineData("\f总计   70 69.17")]
    public void A_total_row_at_the_top_of_a_new_page_after_a_wrapped_row_is_a_row_of_its_own(string total)
    {
        ImportedTable t = Read(Head + "\n" + FirstRow + "\n\n" + LastRow + "\n" + total + "\n\f");
        Assert.Equal(Three, t.Indicators.Select(Row));
        Assert.Equal(("70", "69.17"), (t.PrintedWeightTotal, t.PrintedTotal));
        Assert.Equal("30", t.LevelWeights.Single(w => w.Key == "满意度指标").Value);
    }

    [Fact]
    public void A_row_with_its_own_values_at_the_top_of_a_new_page_is_not_joined_to_the_row_before()
    {
        string text = Head + "\n" + FirstRow.Replace("           质量指标", "\f           质量指标", StringComparison.Ordinal) + "\n\n" + LastRow + "\n\n总分   70 69.17\n";
        ImportedTable t = Read(text);
        Assert.Equal(Three, t.Indicators.Select(Row));
        Assert.Equal("69.17", t.PrintedTotal);
    }

    [Fact]
    public void A_row_split_across_the_page_is_joined_when_its_first_piece_has_no_values()
    {
        // The 满意度 row's top lines end page 1; its values and the rest are on page 2.
        string split = LastRow.Replace("满意度指标\n", "满意度指标\n\f", StringComparison.Ordinal);
        ImportedTable t = Read(Head + "\n" + FirstRow + "\n\n" + split + "\n\n总分   70 69.17\n");
        Assert.Equal(Three, t.Indicators.Select(Row));
    }

    [Fact]
    public void A_row_split_across_the_page_is_joined_when_its_second_piece_has_no_values()
    {
        // The reason's last line and the name's unit are on page 2, with nothing else of a row.
        string split = FirstRow.Replace("                      积（万亩）", "\f                      积（万亩）", StringComparison.Ordinal);
        ImportedTable t = Read(Head + "\n" + split + "\n\n" + LastRow + "\n\n总分   70 69.17\n");
        Assert.Equal(Three, t.Indicators.Select(Row));
    }

    [Fact]
    public void A_header_repeated_on_the_new_page_and_a_page_number_before_the_break_are_not_read_as_rows()
    {
        string text = Head + "\n" + FirstRow + "\n                                 — 1 —\n\f" + Header + "\n\n" + LastRow + "\n\n总分   70 69.17\n";
        ImportedTable t = Read(text);
        Assert.Equal(Three, t.Indicators.Select(Row));
        Assert.Equal(("70", "69.17"), (t.PrintedWeightTotal, t.PrintedTotal));
    }

    [Fact]
    public void Blocks_end_at_a_break_only_before_a_new_row()
    {
        string[] lines = ["  甲   ≥5   6   10   10.00", "\f  乙   ≥3   2   10   6.67", "  丙", "\f  （个）", "\f合计  20  16.67", "  第 2 页", "\f  丁", "  ≥1   1   5   5.00"];
        string[] text = [.. lines.Select(l => l.Replace('\f', ' '))];
        Assert.Equal(["0", "1,2,3", "4,6,7"], PageBreaks.Blocks(lines, text).Select(b => string.Join(',', b)));
    }
}

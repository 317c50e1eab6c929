using System.Text;
using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Tables printed by <c>pdftotext -layout</c> from PDFs whose cells wrap (session-32 tester, defect 2): a row is
/// a block between blank lines and a wrapped cell's lines sit above and below the row's middle line. Each
/// layout rule on tables of other provinces and sectors: names and reasons wrapped around the middle line,
/// fund labels wrapped with the 执行率 split from its %, the last digits of an amount wrapped, a merged 一级/二级
/// printed once between rows, a 一级 cut across two rows, 二级 words without 指标 under a blank 一级 (no column
/// shift), a piece that could belong to either of two rows refused, text copied without the layout refused.
/// </summary>
public class ImportingProbe33Tests
{
    private const string Guizhou = """
遵义市2024年度项目支出绩效自评表

项目名称       高标准农田建设补助资金

主管部门       贵州省遵义市农业农村局                  实施单位      遵义市耕地质量站

一级指标       二级指标       三级指标               年度指标值      实际完成值       分值    得分    偏差原因分析及改进措施

                      高标准农田建设面                                                部分地块土壤
           数量指标                        ≥12       11.5        20    19.17
                      积（万亩）                                                   改良滞后
产出指标（40 分）
           质量指标       耕地质量等级提升         ≥0.5      0.5         20    20

效益指标       社会效益       带动农户增收（元）        ≥800      860         30    30

总分                                                           70    69.17
""";

    private const string Jiangxi = """
项目名称       赣州市中小河流治理资金

主管部门       江西省赣州市水利局                    实施单位      赣州市河道管理中心

                                      全年预算         全年执行
                       年初预算数                                 分值 执行率        得分
                                      数         数

                                                             87.50
             年度资金总额        640.00         640.00   560.00   10           8.75
                                                             %
项目资金（万元）
             其中：中央财政补                                        85.00
                      500.00          500.00   425.00
             助资金                                              %

                                                             96.43
             省级配套资金        140.00         140.00   135.00
                                                             %

一级指标       二级指标       三级指标               年度指标值      实际完成值       分值    得分    偏差原因分析及改进措施

产出指标       数量指标       治理河道长度（公里）       ≥35       32          90    82.29    汛期施工受阻

总分                                                           100   91.04
""";

    private const string Heilongjiang = """
         2024年度森林生态效益补偿资金转移支付绩效目标自评表

转移支付项目
       森林生态效益补偿资金
名称

主管部门    黑龙江省伊春市林业和草原局                   实施单位      伊春市各林场

                 年初预算数        全年预算数     全年执行数      执行率

                              26500000.0 26120000.0
        年度资金总额 26500000.00                          98.57%
                              0          0
项目资金
（元）
                              21000000.0 20880000.0
        中央财政资金 21000000.00                          99.43%
                              0          0


        地方资金     5500000.00   5500000.00 5240000.00 95.27%

一级指标    二级指标     三级指标             指标值         完成值         未完成原因和改进措施

                 公益林管护面积
产出指标    数量指标                      ≥1200       1185        部分林地划转
                 （万亩）

        质量指标     管护人员到岗率          100%        100%

                 森林覆盖率
                                  ≥84%        84.3%
效益指标    生态效益
                 林区居民护林
                                  ≥2 万人       21500 人
                 就业人数

满意度指    服务对象     护林员满意
                                  ≥90%        92%
标       满意度      度
""";

    private const string GansuShift = """
项目名称       乡村卫生室运行补助

主管部门       甘肃省天水市卫生健康委员会                     实施单位      天水市各乡镇卫生院

一级指标       二级指标       三级指标               年度指标值      实际完成值       分值    得分    偏差原因分析及改进措施

产出指标（50 分）        数量    村卫生室覆盖率          100%       100%        25    25

                  质量    乡村医生持证上岗率        ≥95%       93%         25    24.47 个别新聘人员待考证

效益指标（30           社会效益  群众就近就医比例         ≥60%       64%         30    30
分）

满意度指标（10          服务对象  村民满意度            ≥90%       91%         10    10
分）                满意度

总分                                                              90    89.47
""";

    private const string Ambiguous = """
项目名称       城乡环境卫生整治

一级指标       二级指标       三级指标               年度指标值      实际完成值       分值    得分    偏差原因分析及改进措施

                      生活垃圾收运量          ≥5.2      5.0         20    19.23
产出指标       数量指标       道路清扫保洁面
                      公厕新建改建数          ≥40       42          20    20

总分                                                           40    39.23
""";


    private static ImportedTable Read(string text) => Assert.Single(DocumentImporter.FromText("copied.txt", text).Tables);

    private static string Row(ImportedIndicator i) => $"{i.Level1}|{i.Level2}|{i.Name}|{i.Unit}|{i.Target}|{i.Actual}|{i.Weight}|{i.PrintedScore}|{i.DeviationNote}";

    private static string Lines(ImportedTable t) =>
        string.Join(";", t.FundLines.Select(l => $"{l.Name}>{l.Parent}:{l.InitialBudget}/{l.Budget}/{l.Executed}/{l.PrintedRate}/{l.PrintedScore}"));

    [Fact]
    public void A_name_and_a_reason_wrapped_around_the_middle_line_are_joined_without_spaces_and_a_level1_between_rows_goes_by_kind()
    {
        ImportedTable t = Read(Guizhou);
        Assert.Equal(
            [
                "产出指标|数量指标|高标准农田建设面积|万亩|≥12|11.5|20|19.17|部分地块土壤改良滞后",
                "产出指标|质量指标|耕地质量等级提升||≥0.5|0.5|20|20|",
                "效益指标|社会效益|带动农户增收|元|≥800|860|30|30|",
            ],
            t.Indicators.Select(Row));
        Assert.Equal("40", t.LevelWeights.Single(w => w.Key == "产出指标").Value);
        Assert.Equal(("70", "69.17"), (t.PrintedWeightTotal, t.PrintedTotal));
        Assert.Equal("贵州省遵义市农业农村局", t.Department);
    }

    [Fact]
    public void A_fund_label_between_lines_and_rates_split_from_their_percent_sign_are_read_under_their_columns()
    {
        ImportedTable t = Read(Jiangxi);
        Assert.Equal("万元", t.FundUnit);
        Assert.Equal("10", t.FundWeight);
        Assert.Equal(
            "年度资金总额>:640.00/640.00/560.00/87.50%/8.75;中央财政补助资金>年度资金总额:500.00/500.00/425.00/85.00%/;省级配套资金>年度资金总额:140.00/140.00/135.00/96.43%/",
            Lines(t));
        Assert.Equal("产出指标|数量指标|治理河道长度|公里|≥35|32|90|82.29|汛期施工受阻", Row(Assert.Single(t.Indicators)));
    }

    [Fact]
    public void The_last_digits_of_an_amount_wrapped_under_it_join_it_and_a_merged_cell_midway_between_rows_belongs_to_both()
    {
        ImportedTable t = Read(Heilongjiang);
        Assert.Equal("transfer", t.Kind);
        Assert.Equal("元", t.FundUnit);
        Assert.Equal("森林生态效益补偿资金", t.Title);
        Assert.Equal(
            "年度资金总额>:26500000.00/26500000.00/26120000.00/98.57%/;中央财政资金>年度资金总额:21000000.00/21000000.00/20880000.00/99.43%/;地方资金>年度资金总额:5500000.00/5500000.00/5240000.00/95.27%/",
            Lines(t));
        Assert.Equal(
            [
                "产出指标|数量指标|公益林管护面积|万亩|≥1200|1185|||部分林地划转",
                "产出指标|质量指标|管护人员到岗率|%|100%|100%|||",
                "效益指标|生态效益|森林覆盖率|%|≥84%|84.3%|||",
                "效益指标|生态效益|林区居民护林就业人数|万人|≥2万人|21500人|||",
                "满意度指标|服务对象满意度|护林员满意度|%|≥90%|92%|||",
            ],
            t.Indicators.Select(Row));
    }

    [Fact]
    public void Level2_words_without_指标_under_a_blank_level1_stay_in_their_column_and_a_level1_cut_across_rows_is_joined()
    {
        ImportedTable t = Read(GansuShift);
        Assert.Equal(
            [
                "产出指标|数量|村卫生室覆盖率|%|100%|100%|25|25|",
                "产出指标|质量|乡村医生持证上岗率|%|≥95%|93%|25|24.47|个别新聘人员待考证",
                "效益指标|社会效益|群众就近就医比例|%|≥60%|64%|30|30|",
                "满意度指标|服务对象满意度|村民满意度|%|≥90%|91%|10|10|",
            ],
            t.Indicators.Select(Row));
        Assert.Equal(["产出指标=50", "效益指标=30", "满意度指标=10"], t.LevelWeights.Select(w => $"{w.Key}={w.Value}"));
    }

    [Fact]
    public void A_piece_midway_between_two_rows_that_both_have_that_cell_is_refused_naming_its_line()
    {
        InputException e = Assert.ThrowsAny<InputException>(() => DocumentImporter.FromText("copied.txt", Ambiguous));
        InputError error = Assert.Single(e.Errors);
        Assert.Contains("第6行", error.Zh, StringComparison.Ordinal);
        Assert.Contains(".docx", error.Zh, StringComparison.Ordinal);
        Assert.Contains("line 6", error.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_packed_line_by_line_without_blank_lines_are_left_to_the_line_reader()
    {
        string packed = string.Join('\n', Guizhou.Split('\n').Where(l => l.Trim().Length > 0));
        Assert.Null(PdfLayoutBlocks.Rewrite(packed.Split('\n')));
    }

    [Fact]
    public void Text_copied_from_a_pdf_without_its_layout_is_refused_with_the_way_to_copy_it()
    {
        // pdftotext without -layout: one cell a line, header words apart, the order of rows and columns lost.
        string raw = string.Join('\n',
            "项目支出绩效自评表（2024 年度）", "项目名称", "", "农村供水保障工程", "", "主管部门", "", "内蒙古自治区赤峰市水利局", "", "实施", "单位", "",
            "赤峰市水务中心", "", "全年预算 全年执行", "分值", "数", "数", "", "执行率 得分", "", "年度资金总", "320.00", "额", "", "300.00", "", "270.00 10", "",
            "90.00", "9.00", "%", "", "一级指标", "", "二级指标", "", "三级指标", "", "年度指标 实际完成", "值", "值", "", "分值", "", "得分", "",
            "产出指标", "", "数量指标", "", "新建供水管网", "（公里）", "", "≥40", "", "38", "", "40", "", "38.00", "", "总分", "", "50", "47.00");
        InputException e = Assert.ThrowsAny<InputException>(() => DocumentImporter.FromText("copied.txt", raw));
        InputError error = Assert.Single(e.Errors);
        Assert.Contains("pdftotext -layout", error.Zh, StringComparison.Ordinal);
        Assert.Contains(".xlsx", error.Zh, StringComparison.Ordinal);
        Assert.Contains("without its layout", error.En, StringComparison.Ordinal);
    }
}

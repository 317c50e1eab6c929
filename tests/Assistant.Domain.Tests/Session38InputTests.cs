using System.Text.Json.Nodes;
using Assistant.Domain.Cells;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Importing;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 38 (outside tester's report §13, §16): a negative number is a negative value (any minus sign), not a label "-"
/// before a number; money spent against a budget of 0 says the rate cannot be computed; staff-facing messages name a row
/// or fund line in words, not a machine path; a figure the product's own annex note quotes as printed verifies as printed.
/// </summary>
public class Session38InputTests
{
    private static string Internship => File.ReadAllText(SharedData.Reference("zhongwei-2024-internship-subsidy"));

    private static Evaluation With(Action<JsonNode> edit, string? json = null)
    {
        JsonNode t = JsonNode.Parse(json ?? Internship)!;
        edit(t);
        return EvaluationJson.Parse(t.ToJsonString());
    }

    [Theory]
    [InlineData("-5", "-5")]
    [InlineData("−5", "-5")]
    [InlineData("－5", "-5")]
    [InlineData("-5.0", "-5.0")]
    [InlineData("-5人", "-5")]
    [InlineData("- 5", "-5")]
    [InlineData("≥-3%", "-3")]
    [InlineData("﹣12.50万元", "-12.50")]
    public void A_minus_sign_before_the_number_is_a_negative_value_whatever_sign_is_typed(string text, string value)
    {
        CompoundCell cell = Assert.IsType<CompoundCell>(CellParser.Read(text, "人"));
        Assert.Equal(value, Assert.Single(cell.Numbers).ToString());
        Assert.Contains("为负数", cell.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-", typeof(MissingCell))]
    [InlineData("－", typeof(MissingCell))]
    [InlineData("5", typeof(QuantityCell))]
    [InlineData("≥5", typeof(QuantityCell))]
    public void A_dash_alone_or_a_plain_number_reads_as_before(string text, Type kind) =>
        Assert.IsType(kind, CellParser.Read(text, "人"));

    [Theory]
    [InlineData("-5")]
    [InlineData("−5")]
    [InlineData("－5")]
    [InlineData("-5.0")]
    public void A_negative_actual_on_a_count_row_is_a_finding_that_it_is_negative_and_is_not_scored(string actual)
    {
        Evaluation e = With(t => t["indicators"]![0]!["actual"] = actual);
        ScoreReport report = Calculator.Score(e);
        Assert.Null(report.Indicators[0].Score);
        Finding f = Assert.Single(report.Findings, f => f.Path == "indicators[0].actual" && f.Code == FindingCodes.IndicatorCellUnreadable);
        Assert.Contains("为负数", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.IndicatorActualLabel && f.Path == "indicators[0].actual");
    }

    [Fact]
    public void The_same_negative_value_typed_four_ways_scores_the_same()
    {
        string[] ways = ["-5", "−5", "－5", "-5.0"];
        var totals = ways.Select(a => Calculator.Score(With(t => t["indicators"]![1]!["actual"] = a)).Total).Distinct().ToList();
        Assert.Single(totals);
    }

    [Theory]
    [InlineData("0.00", "794.88", true)]
    [InlineData("0", "0.01", true)]
    [InlineData("0.00", "0.00", false)]
    [InlineData("100.00", "794.88", false)]
    public void Money_spent_against_a_budget_of_zero_says_the_rate_cannot_be_computed(string budget, string executed, bool found)
    {
        Evaluation e = With(t =>
        {
            foreach (JsonNode? line in t["funds"]!["lines"]!.AsArray())
            {
                line!["budget"] = budget;
                line["executed"] = executed;
                line.AsObject().Remove("printedRate");
                line.AsObject().Remove("printedScore");
                line.AsObject().Remove("initialBudget");
            }

            t["funds"]!["lines"]!.AsArray().RemoveAt(2);
            t["funds"]!["lines"]!.AsArray().RemoveAt(1);
        });
        ScoreReport report = Calculator.Score(e);
        var findings = report.Findings.Where(f => f.Code == FindingCodes.FundsRateUncomputable).ToList();
        if (!found)
        {
            Assert.Empty(findings);
            return;
        }

        Assert.Null(report.Funds[0].Rate);
        Finding f = Assert.Single(findings);
        Assert.Equal("funds.lines[0].budget", f.Path);
        Assert.Contains("执行率无法计算", f.Message, StringComparison.Ordinal);
        Assert.Contains(executed, f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_tables_zero_budget_line_with_nothing_spent_has_no_such_finding() =>
        Assert.DoesNotContain(Calculator.Score(SharedData.LoadReference("zhongwei-2024-internship-subsidy")).Findings, f => f.Code == FindingCodes.FundsRateUncomputable);

    [Theory]
    [InlineData("indicators[0].actual", "“机关事业单位实习生数量”的完成值58人")]
    [InlineData("indicators[0].score", "“机关事业单位实习生数量”的得分5.80分")]
    [InlineData("funds.lines[0].budget", "“年度资金总额”的全年预算数200.00万元")]
    [InlineData("count.indicators", "绩效指标个数9项")]
    [InlineData("indicators[3]", "“补贴资金在规定时间内支付到位率”")]
    [InlineData("indicators[40].actual", "自评表")]
    [InlineData(null, "自评表")]
    public void A_fact_id_is_named_in_words(string? id, string words) =>
        Assert.Equal(words, FactSheet.Build(SharedData.LoadReference("zhongwei-2024-internship-subsidy")).Describe(id));

    [Theory]
    [InlineData("机关事业单位实习生数量为68人。", "“机关事业单位实习生数量”的完成值58人")]
    [InlineData("本年度共设置绩效指标10项。", "绩效指标个数9项")]
    [InlineData("参加就业见习人员数量为82人。", "“参加就业见习人员数量”的完成值72人")]
    public void A_contradicted_figure_names_the_row_in_words_not_its_path(string text, string named)
    {
        FactSheet sheet = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-internship-subsidy"));
        VerificationReport report = Verifier.Verify(sheet, text);
        string reason = Assert.Single(DraftText.Problems(report)).Reason;
        Assert.Contains($"与{named}不符", reason, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"indicators\[|funds\.lines\[|count\.", reason);
    }

    [Theory]
    [InlineData("政策宣传资料印制成本（元/份）", "政策宣传资料印制成本", "元/份")]
    [InlineData("培训教材购置费用(元/册)", "培训教材购置费用", "元/册")]
    [InlineData("每村发放宣传资料数量（份/村）", "每村发放宣传资料数量", "份/村")]
    [InlineData("人均培训补贴标准（元/人.年）", "人均培训补贴标准", "元/人·年")]
    [InlineData("开展政策宣讲（场）", "开展政策宣讲", "场")]
    [InlineData("培训覆盖情况（按季度统计）", "培训覆盖情况（按季度统计）", null)]
    [InlineData("资金使用（元/份额）", "资金使用（元/份额）", null)]
    public void A_compound_unit_in_brackets_is_split_from_the_name(string name, string bare, string? unit) =>
        Assert.Equal((bare, unit), CellText.SplitUnit(name));

    /// <summary>The annex note the product writes under its own table, read back: every figure it quotes as printed verifies.</summary>
    [Fact]
    public void The_products_own_note_on_printed_figures_verifies_every_figure_it_quotes()
    {
        Evaluation e = With(t =>
        {
            t["indicators"]![0]!["printedScore"] = "5.45";
            t["indicators"]![1]!["printedScore"] = "6.20";
            t["funds"]!["lines"]![0]!["printedRate"] = "19.80%";
            t["funds"]!["lines"]![0]!["printedScore"] = "1.10";
            t["printedTotal"] = "95.88";
        });
        ScoreReport score = Calculator.Score(e);
        string note = Assert.IsType<string>(Assistant.Features.Reporting.TableDocx.PrintedDiffers(score));
        foreach (string printed in new[] { "5.45", "6.20", "19.80%", "1.10", "95.88" })
        {
            Assert.Contains(printed, note, StringComparison.Ordinal);
        }

        VerificationReport report = Verifier.Verify(FactSheet.Build(e), note);
        Assert.DoesNotContain(report.Mentions, m => m.Verdict is Verdict.Unverified or Verdict.Contradicted);
        Assert.Contains(report.Mentions, m => m.Mention.Text.StartsWith("5.45", StringComparison.Ordinal) && m.FactId == "indicators[0].printedScore");
        Assert.Contains(report.Mentions, m => m.Mention.Text.StartsWith("95.88", StringComparison.Ordinal) && m.FactId == "printedTotal");
        Assert.Contains(report.Mentions, m => m.Mention.Text.StartsWith("19.80", StringComparison.Ordinal) && m.FactId == "funds.lines[0].printedRate");

        // Wrapped over lines as a Word document reads back, the same.
        VerificationReport wrapped = Verifier.Verify(FactSheet.Build(e), note.Replace("得分打印为", "得分打\n印为", StringComparison.Ordinal));
        Assert.DoesNotContain(wrapped.Mentions, m => m.Verdict is Verdict.Unverified or Verdict.Contradicted);
    }

    [Theory]
    [InlineData("“机关事业单位实习生数量”得分打印为5.46。")]
    [InlineData("总分打印为95.87。")]
    public void A_figure_quoted_as_printed_that_the_table_does_not_print_is_not_verified(string text)
    {
        Evaluation e = With(t =>
        {
            t["indicators"]![0]!["printedScore"] = "5.45";
            t["printedTotal"] = "95.88";
        });
        VerificationReport report = Verifier.Verify(FactSheet.Build(e), text);
        Assert.DoesNotContain(report.Mentions, m => m.FactId is "indicators[0].printedScore" or "printedTotal");
        Assert.Contains(report.Mentions, m => m.Verdict is not (Verdict.Verified or Verdict.Derived));
    }
}

using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 37 (probe 37 #1 and #6): the verifier's classes the outside tester found wrong, each with new cases. A programme title
/// holding a fund-source word names the programme, not the part line; a count of rows qualified by a condition counts those rows;
/// a deduction after a row named whole is that row's; 较目标值高/低 is a direction; a sum of named fund lines is their sum; a
/// timeliness claim about a deadline row is judged by the row.
/// </summary>
public class VerifierSelfCheck37Tests
{
    private static Evaluation Fixture(string name) =>
        EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures", name + ".json")));

    private static readonly Dictionary<string, FactSheet> Sheets = new(StringComparer.Ordinal);

    private static FactSheet Sheet(string table)
    {
        lock (Sheets)
        {
            if (!Sheets.TryGetValue(table, out FactSheet? sheet))
            {
                Evaluation e = table.StartsWith("p37-", StringComparison.Ordinal) ? Fixture(table) : Built(table);
                sheet = ReportFacts.Extend(FactSheet.Build(e, ScoringPolicy.Default));
                Sheets[table] = sheet;
            }

            return sheet;
        }
    }

    /// <summary>Small tables of other programmes (titles with and without a source word).</summary>
    private static Evaluation Built(string table)
    {
        (string title, (string, string?, string, string, string?)[] lines) = table switch
        {
            "xiangcun" => ("中央财政衔接推进乡村振兴补助资金", new (string, string?, string, string, string?)[] { ("年度资金总额", null, "1000.00", "900.00", null), ("中央财政资金", "年度资金总额", "600.00", "560.00", null), ("县级资金", "年度资金总额", "400.00", "340.00", null) }),
            "jiuye" => ("就业补助资金", new (string, string?, string, string, string?)[] { ("年度资金总额", null, "1000.00", "900.00", null), ("中央财政资金", "年度资金总额", "700.00", "650.00", null), ("省级资金", "年度资金总额", "300.00", "250.00", null) }),
            "shengji" => ("2024年省级财政专项扶贫资金", new (string, string?, string, string, string?)[] { ("年度资金总额", null, "500.00", "480.00", null), ("省级资金", "年度资金总额", "300.00", "290.00", null), ("市级资金", "年度资金总额", "200.00", "190.00", null) }),
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
        return EvaluationJson.Parse(TableJson.Build(title, "某省某市某县", "万元", lines,
        [
            ("产出指标", "数量指标", "补贴发放人数", "人", "≥1000", "1100", "20", null),
            ("产出指标", "时效指标", "补贴资金发放时间", "", "12月底前", "12月20日", "10", null),
            ("效益指标", "社会效益指标", "带动就业人数", "人", "≥500", "450", "30", "部分企业用工需求下降"),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "%", "≥90%", "95%", "30", null),
        ], "某县某局", "某县某中心").ToJsonString());
    }

    /// <summary>table, text, the number, its verdict, the fact it is checked against.</summary>
    public static TheoryData<string, string, string, string, string> Cases() => new()
    {
        // #1a: a programme title that holds a fund-source word is the programme (the total line), not the part line.
        { "p37-t3-dingxi-transfer", "2024年中央财政就业补助资金全年预算数18650.00万元，全年执行数16023.42万元。", "18650.00万元", "Verified", "funds.lines[0].budget" },
        { "p37-t3-dingxi-transfer", "中央财政就业补助资金全年预算数18650.00万元。", "18650.00万元", "Verified", "funds.lines[0].budget" },
        { "p37-t3-dingxi-transfer", "2024年中央财政就业补助资金全年预算数18650.00万元，其中中央财政资金12800.00万元。", "12800.00万元", "Verified", "funds.lines[1].budget" },
        { "xiangcun", "中央财政衔接推进乡村振兴补助资金全年预算1000.00万元，全年执行900.00万元。", "1000.00万元", "Verified", "funds.lines[0].budget" },
        { "xiangcun", "中央财政衔接推进乡村振兴补助资金全年预算1200.00万元。", "1200.00万元", "Contradicted", "funds.lines[0].budget" },
        { "jiuye", "2024年中央财政就业补助资金全年预算数1000.00万元。", "1000.00万元", "Verified", "funds.lines[0].budget" },
        { "jiuye", "2024年中央财政就业补助资金中，中央财政资金全年预算数700.00万元。", "700.00万元", "Verified", "funds.lines[1].budget" },
        { "shengji", "2024年省级财政专项扶贫资金全年执行480.00万元。", "480.00万元", "Verified", "funds.lines[0].executed" },

        // #1b: a count of rows qualified by a condition counts the rows that meet it.
        { "p37-t2-dancheng-gongyigang", "自评表中有1项指标未设定年度指标值，仅填报了实际完成值。", "1项", "Verified", "count.unset" },
        { "p37-t2-dancheng-gongyigang", "自评表中有2项指标未设定年度指标值。", "2项", "Contradicted", "count.unset" },
        { "p37-t2-dancheng-gongyigang", "全部9项指标中，有1项指标已取消。", "1项", "Verified", "count.cancelled" },
        { "p37-t2-dancheng-gongyigang", "全部9项指标中，有3项指标已取消。", "3项", "Contradicted", "count.cancelled" },
        { "p37-t2-dancheng-gongyigang", "未设定指标值的指标有1项。", "1项", "Verified", "count.unset" },
        { "p37-t2-dancheng-gongyigang", "已取消的指标共2项。", "2项", "Contradicted", "count.cancelled" },
        { "p37-t2-dancheng-gongyigang", "全部9项指标中，有1项指标已取消。", "9项", "Verified", "count.indicators" },
        { "jiuye", "本项目有1项指标未设定指标值。", "1项", "Contradicted", "count.unset" },

        // #1c: a deduction after a row named whole in the sentence is that row's, unless the fund line is spoken of after it.
        { "p37-t1-wusheng-skills", "“培训补贴资金发放时限”年度指标值为“12月底前”，实际完成时间为“2025年1月15日”，扣4.20分。", "4.20分", "Verified", "indicators[4].lost" },
        { "p37-t1-wusheng-skills", "“培训补贴资金发放时限”年度指标值为“12月底前”，实际完成时间为“2025年1月15日”，扣1.36分。", "1.36分", "Contradicted", "indicators[4].lost" },
        { "p37-t1-wusheng-skills", "培训补贴资金发放时限未在12月底前完成，扣4.20分。", "4.20分", "Verified", "indicators[4].lost" },
        { "p37-t1-wusheng-skills", "“培训补贴资金发放时限”未按期完成，预算执行率86.40%，扣1.36分。", "1.36分", "Verified", "funds.lines[0].lost" },
        { "p37-t1-wusheng-skills", "预算执行率（资金）扣1.36分。", "1.36分", "Verified", "funds.lines[0].lost" },

        // #6: 较目标值高/低 is a direction the gap's sign must match.
        { "p37-t1-wusheng-skills", "培训后就业率较目标值高1.5个百分点。", "1.5个百分点", "Contradicted", "indicators[8].gap" },
        { "p37-t1-wusheng-skills", "培训后就业率较目标值低1.5个百分点。", "1.5个百分点", "Verified", "indicators[8].gap" },
        { "p37-t1-wusheng-skills", "培训后取证率较目标值高2.08个百分点。", "2.08个百分点", "Verified", "indicators[3].gap" },
        { "p37-t1-wusheng-skills", "培训后取证率较目标值低2.08个百分点。", "2.08个百分点", "Contradicted", "indicators[3].gap" },

        // The self-check found it (t9): the direction of a gap between figures of different magnitudes (19800万元 against 2亿元).
        { "p37-t9-cells", "“测试6亿 vs 万元”完成值较目标值低200万元。", "200万元", "Verified", "indicators[5].gap" },
        { "p37-t9-cells", "“测试6亿 vs 万元”完成值较目标值高200万元。", "200万元", "Contradicted", "indicators[5].gap" },

        // #6: an abbreviated row name (its first words, its last, all its characters in order) names the row.
        { "p37-t1-wusheng-skills", "取得证书人数较目标少102人。", "102人", "Contradicted", "indicators[2].gap" },
        { "p37-t1-wusheng-skills", "取得证书人数较目标少120人。", "120人", "Verified", "indicators[2].gap" },
        { "p37-t1-wusheng-skills", "取得证书人数1380人。", "1380人", "Verified", "indicators[2].actual" },
        { "p37-t1-wusheng-skills", "培训人数较目标少102人。", "102人", "Unverified", "" },

        // #6: a sum of named fund lines is their sum (derived), not an equal figure elsewhere (the 760万元 target of the cost row).
        { "p37-t1-wusheng-skills", "中央财政资金和省级资金合计执行760.00万元。", "760.00万元", "Contradicted", "funds.lines[1].executed funds.lines[2].executed" },
        { "p37-t1-wusheng-skills", "中央财政资金和省级资金合计执行724.88万元。", "724.88万元", "Derived", "funds.lines[1].executed funds.lines[2].executed" },
        { "p37-t1-wusheng-skills", "中央财政资金与县级资金合计预算720.00万元。", "720.00万元", "Derived", "funds.lines[1].budget funds.lines[3].budget" },
        { "p37-t1-wusheng-skills", "省级资金、县级资金合计预算300.00万元。", "300.00万元", "Contradicted", "funds.lines[2].budget funds.lines[3].budget" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Number_IsCheckedAgainstWhatItsWordsName(string table, string text, string number, string verdict, string fact)
    {
        VerificationReport report = Verifier.Verify(Sheet(table), text);
        CheckedMention m = Assert.Single(report.Mentions, x => x.Mention.Text == number);
        Assert.True(m.Verdict == Enum.Parse<Verdict>(verdict) && (m.FactId ?? string.Empty) == fact, $"{text}: {m.Mention.Text} {m.Verdict} {m.FactId} {m.Note}");
    }

    /// <summary>table, text, the claim's words, its verdict (a timeliness claim about a deadline row).</summary>
    public static TheoryData<string, string, string, string> Claims() => new()
    {
        { "p37-t1-wusheng-skills", "培训补贴资金按期发放到位。", "按期发放到位", "Contradicted" },
        { "p37-t1-wusheng-skills", "培训补贴资金发放时限方面，补贴资金及时足额发放。", "及时足额发放", "Contradicted" },
        { "p37-t1-wusheng-skills", "培训补贴资金发放时限方面，资金按时拨付到位。", "按时拨付到位", "Contradicted" },
        { "jiuye", "补贴资金发放时间方面，补贴资金按时发放。", "按时发放", "Verified" },
        { "jiuye", "补贴资金按期发放到位。", "按期发放到位", "Verified" },
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public void TimelinessClaim_IsJudgedByTheDeadlineRow(string table, string text, string claim, string verdict)
    {
        VerificationReport report = Verifier.Verify(Sheet(table), text);
        CheckedClaim c = Assert.Single(report.Claims, x => x.Text.Contains(claim, StringComparison.Ordinal));
        Assert.True(c.Verdict == Enum.Parse<Verdict>(verdict), $"{text}: {c.Text} {c.Verdict} {c.FactId} {c.Note}");
    }

    [Fact]
    public void ClaimWordsInsideARowsOwnName_ClaimNothing()
    {
        // The self-check found it (t9): the row 测试11不超过 followed by 指标值 is no claim 不超过指标值.
        VerificationReport report = Verifier.Verify(Sheet("p37-t9-cells"), "测试11不超过指标值≤3天，实际完成5天，超出上限2天。");
        Assert.DoesNotContain(report.Claims, c => c.Text.StartsWith("不超过", StringComparison.Ordinal));
        Assert.Contains(report.Claims, c => c.Text.Contains("超出上限", StringComparison.Ordinal) && c.Verdict == Verdict.Verified);
    }

    [Theory]
    [InlineData("补贴资金未按期发放到位。")]
    [InlineData("资金及时拨付到位，管理规范。")]
    public void NoTimelinessClaim_WhereTheWordsSayLateOrNameNoDeadlineRow(string text)
    {
        VerificationReport report = Verifier.Verify(Sheet("p37-t1-wusheng-skills"), text);
        Assert.DoesNotContain(report.Claims, c => c.Text.StartsWith("按期", StringComparison.Ordinal) || c.Text.StartsWith("及时", StringComparison.Ordinal));
    }
}

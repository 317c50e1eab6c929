using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 35: the verifier defects the session-34 outside testers left (chat #10, #14, #16; files #7), each as a class over
/// several tables (卫健 in 元 and 万元, 森林防火, 养老, 义务教育, 急救): a row named by a distinctive part of its name; a ≤ row's
/// 完成值÷指标值 above 100 % on a row that broke its limit; 扣分 of a row, of the fund line and of the total; 千分点 without 个;
/// a correction in the sentence's unit; a quoted target is no second alarm; swapped amounts in a 其中 list of fund parts.
/// Every case runs on the verifier and on the reference restatement alike.
/// </summary>
public class VerifierSession35Tests
{
    private static FactSheet Table(string name) => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", name + ".json"))));

    private static readonly Dictionary<string, FactSheet> Sheets = new[]
    {
        "p35-J-gongwei", "p34c-senlin-yn", "p34-A-gongwei", "p34-B-yiwu", "p34-C-nongtian", "p34-H-jiwei", "p34-F-senlin", "p34-W-yanglao", "p33-V-jijiu",
    }.ToDictionary(n => n, Table);

    private static IEnumerable<VerificationReport> Both(string table, string text) =>
        [Verifier.Verify(Sheets[table], text), ReferenceVerifier.Verifier.Verify(Sheets[table], text)];

    /// <summary>
    /// The verdicts of the numbers (and, unless <paramref name="numbersOnly"/>, the claims) covering <paramref name="span"/>, from
    /// both verifiers, are all <paramref name="expected"/>; their notes hold <paramref name="noteHas"/> and lack <paramref name="noteLacks"/>.
    /// </summary>
    private static void Expect(string table, string text, string span, Verdict expected, string? noteHas = null, string? noteLacks = null, bool numbersOnly = false, bool last = false)
    {
        int at = last ? text.LastIndexOf(span, StringComparison.Ordinal) : text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        foreach (VerificationReport report in Both(table, text))
        {
            var found = report.Mentions.Where(m => m.Mention.Start < at + span.Length && m.Mention.Start + m.Mention.Length > at)
                .Select(m => (m.Verdict, m.Note, m.FactId))
                .Concat(numbersOnly ? [] : report.Claims.Where(c => c.Start < at + span.Length && c.Start + c.Length > at).Select(c => (c.Verdict, c.Note, c.FactId))).ToList();
            Assert.True(found.Count > 0, $"{text}: nothing read at {span}");
            Assert.All(found, f => Assert.True(f.Verdict == expected, $"{text} [{span}]: {f.Verdict} {f.FactId} {f.Note}"));
            Assert.All(found, f => Assert.True(noteHas is null || (f.Note ?? string.Empty).Contains(noteHas, StringComparison.Ordinal), $"{text} [{span}]: note {f.Note} lacks {noteHas}"));
            Assert.All(found, f => Assert.True(noteLacks is null || !(f.Note ?? string.Empty).Contains(noteLacks, StringComparison.Ordinal), $"{text} [{span}]: note {f.Note} holds {noteLacks}"));
        }
    }

    /// <summary>Chat probe 34 #10: a row named by a distinctive part of its name (unique in the table) binds its 完成率.</summary>
    [Theory]
    [InlineData("p35-J-gongwei", "老年人健康管理完成率为108.70%。", "108.70%", Verdict.Contradicted, "92.00%")]
    [InlineData("p35-J-gongwei", "老年人健康管理完成率为92.00%。", "92.00%", Verdict.Verified, null)]
    [InlineData("p34-W-yanglao", "日间照料中心完成率为120.00%。", "120.00%", Verdict.Contradicted, "83.33%")]
    [InlineData("p34-W-yanglao", "日间照料中心完成率为83.33%。", "83.33%", Verdict.Verified, null)]
    [InlineData("p34-F-senlin", "生态护林员完成率104.92%。", "104.92%", Verdict.Contradicted, "95.31%")]
    [InlineData("p34-F-senlin", "生态护林员完成率95.31%。", "95.31%", Verdict.Verified, null)]
    public void ARowNamedByADistinctivePartOfItsName_BindsItsCompletion(string table, string text, string span, Verdict expected, string? noteHas) =>
        Expect(table, text, span, expected, noteHas);

    /// <summary>A shared part of a name, or one followed by other words (another measure, another programme), names no row.</summary>
    [Theory]
    [InlineData("p35-J-gongwei", "老年人健康管理服务满意度为95%。", "95%")]
    [InlineData("p34-F-senlin", "生态护林员管护面积完成率为104.92%。", "104.92%")]
    [InlineData("p34-W-yanglao", "日间照料中心服务人数完成率为120.00%。", "120.00%")]
    public void APartOfANameFollowedByOtherWords_NamesNoRow(string table, string text, string span) =>
        Assert.All(Both(table, text), r => Assert.All(r.Mentions.Where(m => text.IndexOf(span, StringComparison.Ordinal) == m.Mention.Start),
            m => Assert.NotEqual(Verdict.Contradicted, m.Verdict)));

    /// <summary>
    /// Files probe 34 #7, chat #14: on a ≤ row that broke its limit, 完成值÷指标值 above 100 % reads as over-achievement; it is
    /// contradicted with a note saying by how much the row exceeded its limit; 指标值÷完成值 keeps verifying.
    /// </summary>
    [Theory]
    [InlineData("p35-J-gongwei", "人均基本公共卫生服务经费94元/人，完成率105.62%。", "105.62%", Verdict.Contradicted)]
    [InlineData("p35-J-gongwei", "人均基本公共卫生服务经费94元/人，完成率94.68%。", "94.68%", Verdict.Verified)]
    [InlineData("p35-J-gongwei", "婴儿死亡率6.6‰，完成率110.00%。", "110.00%", Verdict.Contradicted)]
    [InlineData("p35-J-gongwei", "婴儿死亡率完成率90.91%。", "90.91%", Verdict.Verified)]
    [InlineData("p34-A-gongwei", "孕产妇死亡率18/10万，完成率120.00%。", "120.00%", Verdict.Contradicted)]
    [InlineData("p34-A-gongwei", "孕产妇死亡率完成率83.33%。", "83.33%", Verdict.Verified)]
    [InlineData("p34-B-yiwu", "学生辍学率完成率130.00%。", "130.00%", Verdict.Contradicted)]
    [InlineData("p33-V-jijiu", "院前急救平均反应时间13.5分钟，完成率112.50%。", "112.50%", Verdict.Contradicted)]
    [InlineData("p34-W-yanglao", "人均上门服务成本完成率105.00%。", "105.00%", Verdict.Contradicted)]
    [InlineData("p34-F-senlin", "森林火灾受害率1.2‰，完成率133.33%。", "133.33%", Verdict.Contradicted)]
    [InlineData("p34-A-gongwei", "新生儿死亡率4.2‰，完成率84.00%。", "84.00%", Verdict.Verified)]
    public void ACeilingRowOverItsLimit_HasNoCompletionAbove100(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected, expected == Verdict.Contradicted ? "未超额完成" : null);

    [Fact]
    public void TheNote_SaysByHowMuchTheLimitWasExceeded() =>
        Expect("p35-J-gongwei", "人均基本公共卫生服务经费94元/人，完成率105.62%。", "105.62%", Verdict.Contradicted, "超出上限5.62%");

    /// <summary>Chat probe 34 #14: 扣分 of a row, of the fund line and of the total are facts; a wrong one is contradicted.</summary>
    [Theory]
    [InlineData("p35-J-gongwei", "自评得分91.91分，其中资金执行得分8.40分，扣1.60分。", "1.60分", Verdict.Verified, null)]
    [InlineData("p35-J-gongwei", "资金执行得分8.40分，扣1.50分。", "1.50分", Verdict.Contradicted, "1.60分")]
    [InlineData("p34-A-gongwei", "预算执行率得分8.56分，扣1.44分。", "1.44分", Verdict.Verified, null)]
    [InlineData("p34-A-gongwei", "预算执行率得分8.56分，扣1.56分。", "1.56分", Verdict.Contradicted, "1.44分")]
    [InlineData("p34-W-yanglao", "资金执行率得分9分，扣1分。", "1分", Verdict.Verified, null)]
    [InlineData("p35-J-gongwei", "城乡居民满意度得分9.56分，扣0.44分。", "0.44分", Verdict.Verified, null)]
    [InlineData("p35-J-gongwei", "城乡居民满意度得分9.56分，扣0.54分。", "0.54分", Verdict.Contradicted, "0.44分")]
    [InlineData("p34-H-jiwei", "高血压患者规范管理率58.9%，扣0.75分。", "0.75分", Verdict.Verified, null)]
    [InlineData("p34-H-jiwei", "高血压患者规范管理率58.9%，扣1.75分。", "1.75分", Verdict.Contradicted, "0.75分")]
    [InlineData("p35-J-gongwei", "自评总分91.91分，共扣8.09分。", "8.09分", Verdict.Verified, null)]
    [InlineData("p35-J-gongwei", "自评总分91.91分，共扣9.09分。", "9.09分", Verdict.Contradicted, "8.09分")]
    public void ADeduction_IsTheRowsTheFundLinesOrTheTotals(string table, string text, string span, Verdict expected, string? noteHas) =>
        Expect(table, text, span, expected, noteHas);

    /// <summary>A deduction in a row's scoring rule (超过指标值得满分 names no 总分) is no total's: never contradicted as one.</summary>
    [Theory]
    [InlineData("p34-A-gongwei", "计分：正向指标：完成值÷指标值×分值，超过指标值得满分，得分14.25分（分值15分），扣0.75分。")]
    [InlineData("p35-J-gongwei", "计分：正向指标：完成值÷指标值×分值，超过指标值得满分，得分13.80分（分值15分），扣1.20分。")]
    public void ADeductionInARowsRule_IsNoTotals(string table, string text) =>
        Assert.All(Both(table, text), r => Assert.All(r.Mentions, m => Assert.NotEqual(Verdict.Contradicted, m.Verdict)));

    /// <summary>5千分点 (no 个) is read as 5个千分点, 4百分点 as 4个百分点.</summary>
    [Theory]
    [InlineData("p35-J-gongwei", "婴儿死亡率6.6‰，超出控制目标0.6千分点。", "0.6千分点", Verdict.Verified)]
    [InlineData("p35-J-gongwei", "婴儿死亡率6.6‰，超出控制目标0.4千分点。", "0.4千分点", Verdict.Contradicted)]
    [InlineData("p34-B-yiwu", "学生辍学率2.6‰，超出控制标准0.6千分点。", "0.6千分点", Verdict.Verified)]
    [InlineData("p34-F-senlin", "森林火灾受害率为1.2‰，超出控制上限0.3千分点。", "0.3千分点", Verdict.Verified)]
    [InlineData("p35-J-gongwei", "城乡居民满意度86%，低于目标4百分点。", "4百分点", Verdict.Verified)]
    public void PointsWithoutGe_AreReadAsPoints(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected, last: true);

    /// <summary>Chat probe 34 #14: a wrong stated total of money is corrected in the sentence's unit, not the table's.</summary>
    [Theory]
    [InlineData("p35-J-gongwei", "中央财政资金执行228万元、地方资金执行74.4万元，合计执行312.4万元。", "312.4万元", "302.40万元")]
    [InlineData("p34-H-jiwei", "中央财政资金执行324万元、省级资金执行78万元、县级资金执行80万元，合计执行492万元。", "492万元", "482.00万元")]
    public void ACorrection_IsInTheSentencesUnit(string table, string text, string span, string proposed) =>
        Expect(table, text, span, Verdict.Contradicted, proposed, numbersOnly: true);

    /// <summary>Chat probe 34 #14: a target quoted right in a contradicted 达到…的目标 claim is one alarm (the claim), not two.</summary>
    [Theory]
    [InlineData("p34c-senlin-yn", "新建防火隔离带35公里，达到50公里的目标。", "50公里")]
    [InlineData("p34-F-senlin", "全年选聘生态护林员305人，达到320人的目标。", "320人")]
    [InlineData("p34-W-yanglao", "新建社区日间照料中心10个，达到12个的目标。", "12个")]
    public void AQuotedTargetInAContradictedClaim_IsNoSecondAlarm(string table, string text, string span)
    {
        Expect(table, text, span, Verdict.Verified, numbersOnly: true);
        Expect(table, text, "达到", Verdict.Contradicted);
    }

    /// <summary>Chat probe 34 #2: amounts in a 其中 list of fund parts, without 预算/执行, belong to the part each follows.</summary>
    [Theory]
    [InlineData("p34c-senlin-yn", "其中中央财政资金200万元、县级资金300万元。", "200万元", Verdict.Contradicted)]
    [InlineData("p34c-senlin-yn", "其中中央财政资金200万元、县级资金300万元。", "300万元", Verdict.Contradicted)]
    [InlineData("p34c-senlin-yn", "其中中央财政资金300万元、县级资金200万元。", "300万元", Verdict.Verified)]
    [InlineData("p34c-senlin-yn", "其中中央财政资金300万元、县级资金200万元。", "200万元", Verdict.Verified)]
    [InlineData("p34-W-yanglao", "其中中央财政资金100万元、省级资金260万元、县级配套资金60万元。", "100万元", Verdict.Contradicted)]
    [InlineData("p34-W-yanglao", "其中中央财政资金100万元、省级资金260万元、县级配套资金60万元。", "260万元", Verdict.Contradicted)]
    [InlineData("p34-W-yanglao", "其中中央财政资金100万元、省级资金260万元、县级配套资金60万元。", "配套资金60万元", Verdict.Verified)]
    [InlineData("p34-B-yiwu", "其中中央资金300万元、省级资金800万元。", "300万元", Verdict.Contradicted)]
    [InlineData("p34-B-yiwu", "其中中央资金720万元、省级资金260万元。", "720万元", Verdict.Verified)]
    [InlineData("p34-H-jiwei", "其中中央财政资金120万元、省级资金360万元、县级资金80万元。", "120万元", Verdict.Contradicted)]
    [InlineData("p34-H-jiwei", "其中中央财政资金120万元、省级资金360万元、县级资金80万元。", "80万元", Verdict.Verified)]
    public void SwappedAmountsInAListOfParts_AreContradicted(string table, string text, string span, Verdict expected) =>
        Expect(table, text, span, expected);
    /// <summary>Chat probe 34 #14: 定性指标全部完成 is a claim over the qualitative rows; its note cites no quantitative row.</summary>
    [Theory]
    [InlineData("p35-J-gongwei", "定性指标全部完成。", "居民健康素养水平", "婴儿死亡率")]
    [InlineData("p34-H-jiwei", "定性指标全部完成。", "基层医疗卫生服务能力", "孕产妇死亡率")]
    [InlineData("p34-W-yanglao", "定性指标均已完成。", "养老服务体系", "日间照料中心")]
    public void AClaimOverTheQualitativeRows_CitesOnlyThem(string table, string text, string cited, string notCited) =>
        Expect(table, text, text.Contains("全部", StringComparison.Ordinal) ? "全部完成" : "均已完成", Verdict.Contradicted, cited, notCited);

    [Theory]
    [InlineData("p34-C-nongtian", "定量指标均已完成。")]
    [InlineData("p34-A-gongwei", "定量指标全部完成。")]
    public void AClaimOverTheQuantitativeRows_LeavesTheQualitativeOut(string table, string text) =>
        Assert.All(Both(table, text), r => Assert.All(r.Claims, c => Assert.Equal(Verdict.Contradicted, c.Verdict)));

    /// <summary>Chat probe 34 #16: 执行率低于90% is the policy's threshold, not an indicator's ≥90% target.</summary>
    [Theory]
    [InlineData("p35-J-gongwei", "资金方面，执行率低于90%，需要说明原因。", "90%")]
    [InlineData("p34-H-jiwei", "省级资金执行率低于90%，应说明原因。", "90%")]
    [InlineData("p34-C-nongtian", "县级资金执行率不足90%。", "90%")]
    public void TheExecutionThreshold_IsThePolicys(string table, string text, string span)
    {
        Expect(table, text, span, Verdict.Verified, numbersOnly: true);
        Assert.All(Both(table, text), r => Assert.All(r.Mentions.Where(m => m.Mention.Text.Trim() == span), m => Assert.Equal("policy.lowExecutionThreshold", m.FactId)));
    }
    /// <summary>Files probe 34 #11: a report's table rows (cells joined by tabs) are blanked in place, offsets kept.</summary>
    [Fact]
    public void AReportsTableRows_AreBlankedInPlace()
    {
        const string prose = "项目全年预算数500万元。";
        string text = prose + "\n项目\t全年预算数\t全年执行数\n年度资金总额\t500\t300\n结语。";
        string blanked = ReportVerification.WithoutTableRows(text);
        Assert.Equal(text.Length, blanked.Length);
        Assert.StartsWith(prose, blanked, StringComparison.Ordinal);
        Assert.EndsWith("\n结语。", blanked, StringComparison.Ordinal);
        Assert.DoesNotContain("300", blanked, StringComparison.Ordinal);
        Assert.Equal(text.Count(c => c == '\n'), blanked.Count(c => c == '\n'));
    }

    /// <summary>Files probe 34 #11: /verify/report counts the prose's numbers, not the annex's cells, and gives each mention trimmed.</summary>
    [Fact]
    public void AReportsAnnexCells_AreNoMentions_AndMentionsAreTrimmed()
    {
        var evaluation = EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", "p34c-senlin-yn.json")));
        const string prose = "森林防火专项资金全年预算数 500 万元，全年执行 300 万元，执行率60%。";
        string text = prose + "\n附表\n项目\t全年预算数\t全年执行数\t执行率\t分值\t得分\n年度资金总额\t500.00\t300.00\t60.00%\t10\t6.00\n"
            + "新建防火隔离带长度\t≥50\t35\t20\t14.00\n";
        VerificationResponse r = ReportVerification.Verify([evaluation], text);
        Assert.Equal(3, r.Mentions.Count);
        Assert.All(r.Mentions, m => Assert.True(m.Start + m.Length <= prose.Length, m.Text));
        Assert.All(r.Mentions, m => Assert.Equal(m.Text.Trim(), m.Text));
        Assert.All(r.Mentions, m => Assert.Equal(text.Substring(m.Start, m.Length), m.Text));
        Assert.All(r.Mentions, m => Assert.Equal("verified", m.Verdict));
    }
}

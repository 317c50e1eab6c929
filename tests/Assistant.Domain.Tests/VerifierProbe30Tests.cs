using System.Text.Json;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 30 (outside tester's 浙江/四川/新疆/贵州/黑龙江 tables): a target written straight after the row's name
/// as what was done (0 and reverse rows); Chinese numerals for amounts and counts; a fund line's name is no 执行
/// word; 8项指标中7项完成; 个百分点 gaps that round no printed difference; stated totals against their parts or the
/// total's column; 部门整体支出…自评得分; 剩余N座; a count quoted from the row's 偏差原因. Session 31: a row's 得分
/// taken for its 分值 or 扣分, a gap after 比目标少 equal to the target, a 完成率 that ends the row's own name,
/// 资金得分, the fund line a 执行率's note names, and shares of a fund total by part. Every case of
/// probe-2026-30.json, probe-2026-31.json and shares-2026-31.json is judged as the eval judges it, on the
/// product and on the reference. Session 32: counts of indicators (N项指标中M项未完成, 三级指标18个完成16个, 部分完成,
/// 除两项指标外…), numbers against cells that carry their unit (25万元 / 250000元 / a bare 25), and the nine parked
/// probe-31 cases judged by hand: probe-2026-32.json.
/// </summary>
public class VerifierProbe30Tests
{
    private sealed record Case(string Id, string Table, string Kind, string Text, string? Injected, int? At, string? Expect);

    // Session 31 adds shares of a fund total by part (占全部执行数的…, 占预算总额的…, 占比…): shares-2026-31.json.
    private static readonly List<Case> Cases = new[] { "probe-2026-30.json", "probe-2026-31.json", "shares-2026-31.json", "probe-2026-32.json" }
        .SelectMany(f => JsonSerializer.Deserialize<List<Case>>(
            File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", f)), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!)
        .ToList();

    private static readonly Dictionary<string, FactSheet> Sheets = Cases.Select(c => c.Table).Distinct()
        .ToDictionary(t => t, t => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, t)))));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (Case c in Cases)
        {
            data.Add(c.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void TheCase_IsJudgedRight_OnBoth(string id)
    {
        Case c = Cases.Single(x => x.Id == id);
        foreach (VerificationReport report in new[] { Verifier.Verify(Sheets[c.Table], c.Text), ReferenceVerifier.Verifier.Verify(Sheets[c.Table], c.Text) })
        {
            if (c.Injected is null)
            {
                Assert.True(report.IsClean, $"{id}: " + string.Join("; ", report.Mentions.Where(m => m.Verdict is Verdict.Unverified or Verdict.Contradicted).Select(m => $"{m.Mention.Text}={m.Verdict} {m.Note}")));
                continue;
            }

            int at = c.At ?? c.Text.IndexOf(c.Injected, StringComparison.Ordinal);
            int end = at + c.Injected.Length;
            var verdicts = report.Mentions.Where(m => m.Mention.Start < end && m.Mention.Start + m.Mention.Length > at).Select(m => (m.Mention.Text, m.Verdict, m.Note))
                .Concat(report.Claims.Where(x => x.Start < end && x.Start + x.Length > at).Select(x => (x.Text, x.Verdict, x.Note))).ToList();
            string detail = string.Join("; ", verdicts.Select(v => $"{v.Text}={VerificationContract.Name(v.Verdict)} {v.Note}"));
            Assert.True(verdicts.Count > 0 && (c.Expect is { } expect
                ? verdicts.All(v => VerificationContract.Name(v.Verdict) == expect)
                : verdicts.Any(v => v.Verdict is Verdict.Unverified or Verdict.Contradicted)), $"{id}: {detail}");
        }
    }

    [Theory]
    [InlineData("二百六十八", "268")]
    [InlineData("一万零五百", "10500")]
    [InlineData("一点二", "1.2")]
    [InlineData("一点零五", "1.05")]
    [InlineData("两千", "2000")]
    [InlineData("廿三", "23")]
    [InlineData("三〇五", "305")]
    [InlineData("十二", "12")]
    [InlineData("一亿二千万", "120000000")]
    [InlineData("三亿零五十万", "300500000")]
    public void AChineseNumeral_IsReadExactly(string numeral, string value) =>
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), MentionExtractor.ChineseNumber(numeral));

    [Theory]
    [InlineData("实际执行二百六十八万元。", "268", "万", "元", null)]
    [InlineData("实际完成一点二万亩。", "1.2", "万", "亩", null)]
    [InlineData("受益群众两千余人。", "2000", "", "人", "逾")]
    [InlineData("部门预算一亿二千五百六十万元。", "12560", "万", "元", null)]
    [InlineData("建成站点十二个。", "12", "", "个", null)]
    [InlineData("投资约三百万元。", "300", "万", "元", "约")]
    public void AnAmountInChineseNumerals_IsAMention(string text, string value, string magnitude, string unit, string? qualifier)
    {
        Mention m = Assert.Single(MentionExtractor.Extract(text), x => x.Number is not null);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), m.Number!.Value.Value);
        Assert.Equal(magnitude, m.Unit.Magnitude);
        Assert.Equal(unit, m.Unit.Base);
        Assert.Equal(qualifier, m.Qualifier);
    }

    [Theory]
    [InlineData("建设一个示范点。")]
    [InlineData("建设零工驿站超百个。")]
    [InlineData("惠及千家万户。")]
    [InlineData("第十二个项目。")]
    [InlineData("这十分重要。")]
    public void AWordThatHoldsANumeral_IsNoAmount(string text) =>
        Assert.DoesNotContain(MentionExtractor.Extract(text), m => m.Number is not null);

    [Theory]
    [InlineData("T01", "部门调整后预算中，基本支出1625.60万元、项目支出2500.00万元，合计4215.60万元。", "4215.60万元", "4125.60万元")]
    [InlineData("T11", "养护工程按期完工率90%，比目标低4.5个百分点。", "4.5个百分点", "= 5个百分点")]
    [InlineData("T10", "渗滤液超标排放0次，实现零排放目标。", "0次", "完成值为1")]
    [InlineData("T10", "本级财政资金1880万元与上年结转资金250万元合计执行2130万元。", "2130万元", "1880.00万元")]
    [InlineData("T02", "项目全年预算数7250万元。", "7250万元", "7250000.00元")]
    [InlineData("T02", "中央资金执行3980000元，占中央资金预算的99.50%，占全部执行数的54.90%。", "54.90%", "执行数的比例为64.57%（54.90%是执行数占预算数的比例）")]
    [InlineData("T08", "地区资金执行3530.00万元，占全部执行数的7.85%。", "7.85%", "执行数的比例为6.34%（7.85%是预算数占预算数的比例）")]
    [InlineData("T02", "区级资金预算1250000元，占预算总额的9.73%。", "9.73%", "预算数的比例为17.24%（9.73%是执行数占执行数的比例）")]
    [InlineData("p31-T04", "省级资金全部执行到位，县级资金执行率102%。", "102%", "县级资金执行率为83.45%")]
    [InlineData("p31-T08", "基本支出执行率99.6%，项目支出执行率93.0%。", "93.0%", "项目支出执行率为92.95%")]
    [InlineData("p31-T07", "文物保护修缮项目完成3处，该项得分20分。", "20分", "得分为15.00分（20分是分值）")]
    [InlineData("p31-T09", "部门预算执行偏差率8%，超过5%的控制目标，该项得6分。", "6分", "得分为4.00分（6分是扣分）")]
    [InlineData("p31-T09", "免费孕前优生健康检查5400人，完成率90%，比目标少6000人。", "6000人", "为600人（6000人是指标值）")]
    public void AContradiction_NamesTheRightValue(string table, string text, string number, string named)
    {
        FactSheet sheet = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", $"{(table.Contains('-', StringComparison.Ordinal) ? table : "p30-" + table)}.json"))));
        foreach (VerificationReport report in new[] { Verifier.Verify(sheet, text), ReferenceVerifier.Verifier.Verify(sheet, text) })
        {
            CheckedMention m = Assert.Single(report.Mentions, x => x.Mention.Text.Trim() == number);
            Assert.Equal(Verdict.Contradicted, m.Verdict);
            Assert.Contains(named, m.Note, StringComparison.Ordinal);
        }
    }
}

using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 28 (an outside tester's tables of 屏山 医疗救助, 桃源 农村公路 and 宜昌 学生资助): the words right
/// before a number bind it to one fact — the actual after 实际完成, a fund line's 预算 or 执行, the line a 结余
/// names, the 总分, the total's 执行率 — and words that take it out of the table's reach (较上年, a list
/// count, 除…外, a range) keep a true sentence from being flagged. Each row is checked on the product and
/// on the reference restatement, which must agree.
/// </summary>
public class VerifierBindingWordsTests
{
    private static readonly Dictionary<string, FactSheet> Sheets = new[] { "t1-medical", "t2-road", "t3-student" }
        .ToDictionary(t => t, t => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", t + ".json")))));

    public static TheoryData<string, string, string, string> Mentions() => new()
    {
        // The target written where the words say what was done.
        { "t2-road", "危桥改造完成12座。", "12座", "contradicted" },
        { "t1-medical", "资助参加基本医疗保险人数目标52000人，实际完成52000人。", "52000人#2", "contradicted" },
        { "t1-medical", "资助参加基本医疗保险人数目标52000人，实际完成52000人。", "52000人", "verified" },
        { "t1-medical", "因病致贫返贫发生人数为0人。", "0人", "contradicted" },
        { "t2-road", "危桥改造计划12座，完成9座。", "12座", "verified" },
        { "t1-medical", "救助对象满意度达到90%以上。", "90%", "verified" },

        // 预算 and 执行.
        { "t1-medical", "全年预算数3012.46万元，实际执行3820万元。", "3012.46万元", "contradicted" },
        { "t1-medical", "全年预算数3012.46万元，实际执行3820万元。", "3820万元", "contradicted" },
        { "t1-medical", "全年预算数3820万元，实际执行3012.46万元。", "3012.46万元", "verified" },
        { "t2-road", "全年预算5.86亿元。", "5.86亿元", "contradicted" },
        { "t2-road", "全年执行5625600元。", "5625600元", "contradicted" },

        // A named line's 结余 and the total's 执行率.
        { "t3-student", "地方资金结余1626.5万元。", "1626.5万元", "contradicted" },
        { "t2-road", "上年结转资金结余234.4万元。", "234.4万元", "contradicted" },
        { "t2-road", "上年结转资金结余134.4万元。", "134.4万元", "verified" },
        { "t1-medical", "中央资金结余294.7万元，省级资金结余247.84万元。", "247.84万元", "verified" },
        { "t1-medical", "预算执行率超过80%。", "超过80%", "contradicted" },
        { "t1-medical", "其中：中央资金2400万元、省级资金900万元，实际支出3012.46万元，预算执行率78.86%。", "78.86%", "verified" },

        // Scores.
        { "t1-medical", "自评总分86.46分。", "86.46分", "contradicted" },
        { "t1-medical", "自评得分85.5分。", "85.5分", "verified" },
        { "t1-medical", "预算执行率得分8.79分。", "8.79分", "contradicted" },

        // Precision: counted figures are exact; 约 is rounding.
        { "t2-road", "危桥改造座数完成率为72%。", "72%", "contradicted" },
        { "t1-medical", "资助参加基本医疗保险人数约5.1万人。", "约5.1万人", "contradicted" },
        { "t1-medical", "资助参加基本医疗保险人数约5.03万人。", "约5.03万人", "verified" },

        // Not the table's to judge, or true as a whole.
        { "t2-road", "优良中等路比例为82.3%，较上年提高1.2个百分点。", "1.2个百分点", "out-of-scope" },
        { "t1-medical", "住院救助人次同比增长12.5%。", "12.5%", "out-of-scope" },
        { "t1-medical", "资助参保、住院救助、门诊救助三项指标的完成值分别为50315人、9120人次、11840人次。", "三项", "verified" },
        { "t1-medical", "门诊救助人次完成率在75%至80%之间。", "80%", "verified" },
        { "t3-student", "中职学校免学费人数完成率在95%到98%之间。", "95%", "contradicted" },
    };

    public static TheoryData<string, string, string, string> Claims() => new()
    {
        { "t1-medical", "自评总分85.46分，评价等级为“优”。", "等级为“优”", "contradicted" },
        { "t1-medical", "自评总分为85.46分，等级为良好。", "等级为良好", "verified" },
        { "t2-road", "项目自评总分93.23分，评价等级为良。", "等级为良", "contradicted" },
        { "t3-student", "评价等级为优。", "等级为优", "none" },
        { "t1-medical", "除因病致贫返贫外其余效益指标均已完成。", "均已完成", "verified" },
        { "t2-road", "除危桥改造座数和项目完工时间外，其余产出指标均已完成。", "均已完成", "verified" },
        { "t1-medical", "除门诊救助人次外其余产出指标均已完成。", "均已完成", "contradicted" },
    };

    [Theory]
    [MemberData(nameof(Mentions))]
    public void ANumber_GetsTheVerdictItsWordsBindItTo(string table, string text, string span, string expected)
    {
        int at = At(text, span);
        foreach (VerificationReport report in Both(table, text))
        {
            CheckedMention m = Assert.Single(report.Mentions, x => x.Mention.Start == at);
            Assert.True(expected == Name(m.Verdict), $"{span}: {Name(m.Verdict)} {m.FactId} {m.Note}");
        }
    }

    [Theory]
    [MemberData(nameof(Claims))]
    public void AClaim_IsJudgedOverWhatItsWordsName(string table, string text, string span, string expected)
    {
        int at = At(text, span);
        foreach (VerificationReport report in Both(table, text))
        {
            var claim = report.Claims.Where(x => x.Start == at).ToList();
            if (expected == "none")
            {
                Assert.Empty(claim); // a transfer table has no 总分, so no grade to check
                continue;
            }

            Assert.True(claim.Count == 1 && expected == Name(claim[0].Verdict), $"{span}: {string.Join(", ", claim.Select(c => Name(c.Verdict) + " " + c.Note))}");
        }
    }

    private static VerificationReport[] Both(string table, string text) =>
        [Verifier.Verify(Sheets[table], text), ReferenceVerifier.Verifier.Verify(Sheets[table], text)];

    /// <summary>"52000人#2" is the second occurrence.</summary>
    private static int At(string text, string span)
    {
        int hash = span.LastIndexOf('#');
        int nth = hash > 0 ? int.Parse(span[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture) : 1;
        string s = hash > 0 ? span[..hash] : span;
        int at = -1;
        for (int k = 0; k < nth; k++)
        {
            at = text.IndexOf(s, at + 1, StringComparison.Ordinal);
        }

        Assert.True(at >= 0, span);
        return at;
    }

    private static string Name(Verdict v) => VerificationContract.Name(v);
}

using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Features.Reporting;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 41 (probe 38 #14, probe 40 §12): the product's own Word report, read back by <c>/verify/report</c>, checks clean. Its annex
/// prints the computed 执行率, 得分 and 总分 and a note quoting what the unit's table printed (年度资金总额执行率打印为77.12%，…计算应为77.11%;
/// 总分打印为91.57，…合计应为92.57); read back, the table holds the computed figures only, and the quoted ones were left unverified.
/// Tables with printing errors of every kind the note quotes (a row's 得分, the fund line's 执行率 and 资金得分, the 总分), in 万元 and 元.
/// </summary>
public class AnnexNoteRoundTripTests
{
    public static TheoryData<string> Tables() => new()
    {
        "p38-t3-shandong-yinan-gaobiaozhunnongtian", "p41-t1-hebei-fengfeng-jiuye", "p41-t2-hubei-qichun-yiliaojiuzhu",
        "p41-t4-chongqing-wulong-linye", "p41-t5-gansu-anding-canjiren",
    };

    /// <summary>Parts 一, 二, 四 and 五 as the offline composer writes them.</summary>
    private static string Composed(Evaluation e)
    {
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(e, ScoringPolicy.Default));
        var parts = new List<string>();
        foreach (ReportPartInfo info in ReportParts.All.Where(p => p.Key != ReportParts.Deviation))
        {
            string rendered = DraftText.Render(ReportComposer.Compose(info.Key, sheet, [], ScoringPolicy.Default).Draft, sheet, 0).Text;
            string clean = ReportText.Clean(rendered, info.Numeral).Text;
            parts.Add(clean.StartsWith(info.Heading, StringComparison.Ordinal) ? clean : info.Heading + "\n" + clean);
        }

        return string.Join('\n', parts);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void OwnWordReport_ReadBack_LeavesNoFigureOfItsOwnTextUnverifiedOrContradicted(string table)
    {
        Evaluation e = VerifierSession41Tests.Load(table);
        ScoreReport score = Calculator.Score(e, ScoringPolicy.Default);
        string? note = TableDocx.PrintedDiffers(score);
        Assert.True(note is not null, table + ": the table has printing errors, so the annex carries the note");

        ReportDraft draft = ReportImport.FromText(e, null, Composed(e), "test", DateTimeOffset.UnixEpoch);
        using var ms = new MemoryStream();
        ReportDocx.Write(ms, e, score, draft);
        TableSource back = TableInput.Load("report.docx", ms.ToArray(), null);
        VerificationResponse v = ReportVerification.Verify(back.Evaluations, back.Text ?? string.Empty);

        var problems = v.Mentions.Where(m => m.Verdict is "unverified" or "contradicted").Select(m => $"{m.Text}:{m.Verdict}:{m.Note}")
            .Concat(v.Claims.Where(c => c.Verdict == "contradicted").Select(c => $"{c.Text}:{c.Verdict}:{c.Note}")).ToList();
        Assert.True(problems.Count == 0, table + ": " + string.Join(" | ", problems));

        // The quoted figures of the note are read, and said to be the unit's original print.
        string text = back.Text ?? string.Empty;
        int at = text.IndexOf("打印为", StringComparison.Ordinal);
        Assert.True(at >= 0, table + ": the note is in the report read back");
        Assert.Contains(v.Mentions, m => m.Start > at && m.Verdict is "out-of-scope" or "verified");
    }
}

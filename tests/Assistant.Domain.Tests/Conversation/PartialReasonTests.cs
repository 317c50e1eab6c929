using System.Text.Json.Nodes;
using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// A unit's reason that quantifies less than the gap (a note explaining 96万元 of a 335.70万元 结余, 2 of 5
/// reservoirs unfinished) is said to explain only part of it — with both numbers and the rest, in decimal, in
/// the gap's unit (万元 and 元 converted) — by the chat (explain, assess, 怎么改, the funds) and in the
/// drafter's review notes; a reason whose quantities add up to the gap gets nothing extra.
/// </summary>
public class PartialReasonTests
{
    private static FactSheet WithNote(string table, string path, string note) => MissingItemTests.Own(table, t =>
    {
        JsonNode target = path.StartsWith("funds", StringComparison.Ordinal)
            ? t["funds"]!["lines"]![int.Parse(path[(path.IndexOf('[', StringComparison.Ordinal) + 1)..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)]!
            : t["indicators"]![int.Parse(path[(path.IndexOf('[', StringComparison.Ordinal) + 1)..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)]!;
        target["deviationNote"] = note;
    });

    [Theory]
    // The tester's table: 96万元 explained of a 335.70万元 结余.
    [InlineData("probe29-A-yingyang", "funds.lines[0]", null, "96", "335.70", "239.70", "万元")]
    // The same in 元 under a 万元 table: converted, not read as 960000万元.
    [InlineData("probe29-A-yingyang", "funds.lines[0]", "县级资金剩余960000元结转下年使用", "96", "335.70", "239.70", "万元")]
    [InlineData("probe29-B-shuiku", "funds.lines[0]", "县级自筹资金未到位200万元", "200", "812.50", "612.50", "万元")]
    [InlineData("probe29-B-shuiku", "indicators[0]", "2座水库受汛期影响主体工程未完工", "2", "5", "3", "座")]
    [InlineData("probe29-B-shuiku", "indicators[0]", "两座水库因征地未完成推迟开工", "2", "5", "3", "座")]
    [InlineData("probe29-A-yingyang", "indicators[2]", "1个项目因招标流标推迟开工", "1", "3", "2", "个")]
    [InlineData("probe29-A-yingyang", "indicators[0]", "转学120人，随迁外出就读100人", "220", "362", "142", "人")]
    public void AReasonQuantifyingLessThanTheGap_IsPartial(string table, string path, string? note, string stated, string gap, string rest, string unit)
    {
        FactSheet sheet = note is null ? MissingItemTests.Own(table) : WithNote(table, path, note);
        string reason = note ?? sheet.Evaluation.Funds.Lines[0].DeviationNote!;
        GapAccount part = GapAccounting.Of(sheet, path, reason)!;
        Assert.NotNull(part);
        Assert.False(part.Whole);
        Assert.Equal(unit, part.Unit);
        Assert.Equal(decimal.Parse(stated, System.Globalization.CultureInfo.InvariantCulture), part.Stated);
        Assert.Equal(decimal.Parse(gap, System.Globalization.CultureInfo.InvariantCulture), part.Gap);
        Assert.Equal(decimal.Parse(rest, System.Globalization.CultureInfo.InvariantCulture), part.Rest);
    }

    [Theory]
    [InlineData("probe29-B-shuiku", "indicators[0]", null)]                                     // 5座水库… of 5座: whole
    [InlineData("probe29-A-yingyang", "indicators[2]", null)]                                   // 3个食堂改造项目… of 3个
    [InlineData("probe29-B-shuiku", "indicators[5]", null)]                                     // 增加11.6万元 of 11.6万元
    [InlineData("probe29-B-shuiku", "indicators[0]", "3座因汛期推迟开工，2座因设计变更未完工")]       // 3 + 2 = 5
    [InlineData("probe29-A-yingyang", "funds.lines[0]", "中央资金结余179.70万元，省级资金结余60万元，县级资金剩余96万元结转下年")] // 335.70
    public void AReasonThatAddsUpToTheGap_IsWhole(string table, string path, string? note)
    {
        FactSheet sheet = note is null ? MissingItemTests.Own(table) : WithNote(table, path, note);
        int i = int.Parse(path[(path.IndexOf('[', StringComparison.Ordinal) + 1)..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        string reason = note ?? (path.StartsWith("funds", StringComparison.Ordinal) ? sheet.Evaluation.Funds.Lines[i].DeviationNote! : sheet.Evaluation.Indicators[i].DeviationNote!);
        Assert.True(GapAccounting.Of(sheet, path, reason)!.Whole);
    }

    [Theory]
    [InlineData("probe29-B-shuiku", "indicators[0]", "实际完成19座，其余结转")]             // the actual restated, not a part of the gap
    [InlineData("probe29-B-shuiku", "indicators[0]", "受汛期影响，全县24座水库工期紧张")]       // more than the gap: about something else
    [InlineData("probe29-C-gongwei", "indicators[0]", "实际在辖区居住老人减少约1800人")]      // a rate row: no quantity of its gap
    [InlineData("probe29-A-yingyang", "funds.lines[0]", "县级配套资金因财力紧张仅到位24万元")] // what arrived, not what is left
    [InlineData("probe29-B-shuiku", "indicators[0]", "受汛期影响")]                        // no quantity at all
    public void AReasonWithoutAQuantityOfTheGap_SaysNothing(string table, string path, string note)
    {
        Assert.Null(GapAccounting.Of(WithNote(table, path, note), path, note));
    }

    [Fact]
    public void TheChat_SaysTheFundNote_ExplainsOnlyPart_WithBothNumbers()
    {
        FactSheet sheet = MissingItemTests.Own("probe29-A-yingyang");
        string answer = MissingItemTests.Answer("资金为什么没花完", sheet);
        Assert.Contains("只交代了其中96.00万元", answer, StringComparison.Ordinal);
        Assert.Contains("结余共335.70万元", answer, StringComparison.Ordinal);
        Assert.Contains("其余239.70万元没有说明原因", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("完成除险加固小型水库数量为什么没完成")]
    [InlineData("完成除险加固那项的原因有说服力吗")]
    [InlineData("完成除险加固那项怎么改")]
    public void TheChat_SaysARowsReason_ExplainsOnlyPart(string message)
    {
        FactSheet sheet = WithNote("probe29-B-shuiku", "indicators[0]", "2座水库受汛期影响主体工程未完工");
        string answer = MissingItemTests.Answer(message, sheet);
        Assert.Contains("原因中交代的数量合计2座，只是差距5座的一部分，其余3座没有说明原因", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("完成除险加固小型水库数量为什么没完成")]
    [InlineData("完成除险加固那项的原因有说服力吗")]
    [InlineData("完成除险加固那项怎么改")]
    public void TheChat_SaysNothingExtra_WhenTheReasonAddsUp(string message)
    {
        string answer = MissingItemTests.Answer(message, MissingItemTests.Own("probe29-B-shuiku"));
        Assert.False(answer.Contains("只是差距", StringComparison.Ordinal) || answer.Contains("没有说明原因", StringComparison.Ordinal) || answer.Contains("只有一句话", StringComparison.Ordinal), answer);
    }

    [Fact]
    public void TheDrafter_NotesAPartialReason_WithBothNumbers_AndNotAWholeOne()
    {
        FactSheet sheet = MissingItemTests.Own("probe29-A-yingyang");
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default);
        var notes = ReasonStrength.Judge(sheet, items);
        Assert.Contains(notes, n => n.Kind == ReviewNoteKinds.WeakReason && n.Message.Contains("只交代了96.00万元，而结余为335.70万元，其余239.70万元没有说明原因", StringComparison.Ordinal));
        // 3个食堂改造项目… accounts for the 3个 short: no such note on that row.
        Assert.DoesNotContain(notes, n => n.IndicatorIndex == 2 && n.Message.Contains("只交代了", StringComparison.Ordinal));

        FactSheet counts = WithNote("probe29-B-shuiku", "indicators[0]", "2座水库受汛期影响主体工程未完工");
        var countNotes = ReasonStrength.Judge(counts, DeviationItems.Find(counts, ScoringPolicy.Default));
        Assert.Contains(countNotes, n => n.IndicatorIndex == 0 && n.Message.Contains("只交代了2座，而差距为5座，其余3座没有说明原因", StringComparison.Ordinal));
        FactSheet whole = MissingItemTests.Own("probe29-B-shuiku");
        Assert.DoesNotContain(ReasonStrength.Judge(whole, DeviationItems.Find(whole, ScoringPolicy.Default)), n => n.Message.Contains("只交代了", StringComparison.Ordinal));
    }
}

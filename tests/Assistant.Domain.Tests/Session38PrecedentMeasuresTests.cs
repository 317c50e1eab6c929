using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 38: a precedent's measure is used only when its own cause and fund fit the item — never one that presupposes a cause
/// the unit does not state (与上级财政沟通对接 for money held by an internal review, 争取资金提前下达 for money left with no reason),
/// nor one about posts (按岗位实际需求编制预算) for a fund without posts. The tester's session-37 tables, each with the precedent
/// sentence that was pasted into it.
/// </summary>
public class Session38PrecedentMeasuresTests
{
    private static string Measures(Evaluation e, string passage)
    {
        var hit = new SearchHit(1, Guid.Empty, "某县就业补助资金2023年度绩效自评报告", "某县", 2023, null, "deviation-measure", "三", null, passage, 1, 1, 1);
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
        var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], [1])).ToList(), [new DraftSource(1, hit)]);
        string text = DraftText.Render(OfflineDrafter.Compose(brief), sheet, brief.Sources.Count).Text;
        return text[text.IndexOf("（二）", StringComparison.Ordinal)..];
    }

    [Theory]
    [InlineData("fixture/p37-t10-wuhua-lowexec.json", "（二）下一步改进措施\n一是加强与省级财政沟通对接，争取资金提前下达。", "提前下达")]
    [InlineData("fixture/p37-t5-xingguo-chuangye.xlsx#0", "（二）下一步改进措施\n一是加强与上级财政沟通对接，提前做好项目前期工作和采购准备，资金下达后立即启动实施。", "资金下达后立即启动实施")]
    [InlineData("fixture/p37-t3-dingxi-transfer.json", "（二）下一步改进措施\n一是按岗位实际需求编制预算，提高预算编制的准确性。", "按岗位")]
    [InlineData("fixture/p37-t6-longhui-fuwu.docx#0", "（二）下一步改进措施\n一是按岗位实际需求编制预算，提高预算编制的准确性。", "按岗位")]
    [InlineData("fixture/p37-t5-xingguo-chuangye.xlsx#0", "（二）下一步改进措施\n一是按岗位实际需求编制预算，提高预算编制的准确性。", "按岗位")]
    [InlineData("fixture/p37-t1-wusheng-skills.json", "（二）下一步改进措施\n一是加大政策宣传力度，利用线上线下渠道扩大政策知晓面。", "政策知晓面")]
    [InlineData("fixture/p37-t2-dancheng-gongyigang.json", "（二）下一步改进措施\n一是加强与上级财政沟通对接，争取资金提前下达。", "提前下达")]
    public void APrecedentMeasure_ThatPresupposesAnUnstatedCauseOrAnotherFund_IsNotUsed(string table, string passage, string absent) =>
        Assert.DoesNotContain(absent, Measures(SelfCheckTables.Get(table), passage), StringComparison.Ordinal);

    [Theory]
    [InlineData("加强与省级财政沟通对接，争取资金提前下达", "省级资金于11月下旬追加下达", false)]
    [InlineData("加强与省级财政沟通对接，争取资金提前下达", "部分奖补资金待审核后拨付", true)]
    [InlineData("加强与省级财政沟通对接，争取资金提前下达", null, true)]
    [InlineData("建立岗位动态补充机制，退岗与补岗同步办理，缩短岗位空缺时间", "部分岗位人员年中外出务工退出", false)]
    [InlineData("建立岗位动态补充机制，退岗与补岗同步办理，缩短岗位空缺时间", null, true)]
    [InlineData("以实际常住人口为基数测算服务对象和指标值", "部分老年人外出务工或随子女在外居住", false)]
    [InlineData("对暂停生产的主体逐一了解复产安排，复产后及时组织实施", "受部分行业经营困难影响，逾期有所上升", true)]
    [InlineData("对暂停生产的主体逐一了解复产安排，复产后及时组织实施", "生猪价格低迷，部分养殖场暂停生产", false)]
    [InlineData("加强政策宣传和对象摸排，拓宽申报渠道", null, true)]
    [InlineData("加强政策宣传和对象摸排，拓宽申报渠道", "个体工商户贷款需求下降", false)]
    [InlineData("逐项核实未完成部分的原因，按月调度完成进度", null, false)]
    public void WhatAMeasurePresupposes_IsKnown(string measure, string? cause, bool presupposesAnother) =>
        Assert.Equal(presupposesAnother, DraftPhrases.PresupposesOtherCause(measure, cause));
}

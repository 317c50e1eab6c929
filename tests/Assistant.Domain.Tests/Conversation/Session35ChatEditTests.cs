using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 34's tester (chat #1, #6, #7, #12, #16): a measure typed in chat (第2条措施…措施改成：…) was stored as the reason of
/// another row with the instruction words; 原因改一下 made a reasons-only draft; 完整的第三部分，措施也要 drafted measures only;
/// 第三部分的全文给我看看 got the help text; a gap of two percentages read 4%; a unit's measure kept its 改进措施： label.
/// </summary>
public class Session35ChatEditTests
{
    private static FactSheet Table(string name) => ChatTables.Table(name);

    private static int Row(FactSheet sheet, string name) => ChatTables.Row(sheet, name);

    /// <summary>The measures of the internship table's first draft, as numbered (二、1 … 4).</summary>
    private static DraftOutline InternshipOutline(FactSheet sheet) => DraftOutline.From(
    [
        ("三、偏离绩效目标的原因和下一步改进措施", [], []),
        ("（一）偏离绩效目标的原因", [], []),
        ("1. “实习及见习人员生活补助及意外伤害险”未完成年度指标值", [Row(sheet, "实习及见习人员生活补助及意外伤害险")], []),
        ("2. “机关事业单位实习生数量”未完成年度指标值", [Row(sheet, "机关事业单位实习生数量")], []),
        ("3. 预算执行率偏低。", [], [0]),
        ("4. “参加就业见习人员数量”未完成年度指标值", [Row(sheet, "参加就业见习人员数量")], []),
        ("（二）下一步改进措施", [], []),
        ("1. 针对“实习及见习人员生活补助及意外伤害险”未完成的问题，统筹安排上级资金和本级资金。", [Row(sheet, "实习及见习人员生活补助及意外伤害险")], []),
        ("2. 针对“机关事业单位实习生数量”未完成的问题，对未完成的部分逐项明确后续安排。", [Row(sheet, "机关事业单位实习生数量")], []),
        ("3. 针对预算执行率偏低的问题，建立资金支出月度通报机制。", [], [0]),
        ("4. 针对“参加就业见习人员数量”未完成的问题，拓展见习基地和见习岗位。", [Row(sheet, "参加就业见习人员数量")], []),
    ]);

    [Theory]
    [InlineData("第2条措施跟原因对不上，实习生少是因为岗位减少，措施改成：拓展国有企业和科研院所实习岗位", "机关事业单位实习生数量", "拓展国有企业和科研院所实习岗位")]
    [InlineData("措施第二条改为：与驻地高校共建实习基地，按专业对口推荐", "机关事业单位实习生数量", "与驻地高校共建实习基地，按专业对口推荐")]
    [InlineData("第4条措施换成对接园区企业增设见习岗位，重新起草第三部分", "参加就业见习人员数量", "对接园区企业增设见习岗位")]
    [InlineData("第1条的措施太套了，改进措施改为：上级资金到位后同步安排本级资金，按月调度", "实习及见习人员生活补助及意外伤害险", "上级资金到位后同步安排本级资金，按月调度")]
    [InlineData("第三条措施就写按季度通报支出进度", null, "按季度通报支出进度")]
    public void AMeasureNumberedInTheLastDraft_GoesToThatItemsRow_NeverToAReason(string message, string? row, string measure)
    {
        FactSheet sheet = Table("zhongwei-2024-internship-subsidy");
        MeasureEdit edit = Assert.IsType<MeasureEdit>(UserStatements.MeasureOf(message, sheet, InternshipOutline(sheet)));
        Assert.Null(edit.Unresolved);
        Assert.Equal(measure, edit.Measure);
        if (row is null)
        {
            Assert.Empty(edit.Rows);
            Assert.Equal([0], edit.Funds); // the measure of 预算执行率偏低 is the total line's
        }
        else
        {
            Assert.Equal([Row(sheet, row)], edit.Rows);
        }

        // Never a reason, never with the instruction words, never for another row.
        Assert.Empty(UserStatements.Reasons([message], sheet));
        Assert.DoesNotContain("措施", edit.Measure, StringComparison.Ordinal);
        Assert.DoesNotContain("起草", edit.Measure, StringComparison.Ordinal);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal((IntentKind.Draft, "deviation", Topics.GivenMeasure), (intent.Kind, intent.Section, intent.Topic));
    }

    [Theory]
    [InlineData("第2条措施改成：拓展国有企业实习岗位", false)]
    [InlineData("第7条措施换成：拓展国有企业实习岗位", true)]
    public void ANumberedMeasure_WithoutADraftOrBeyondIt_IsNotTakenForAnyRow(string message, bool withDraft)
    {
        FactSheet sheet = Table("zhongwei-2024-internship-subsidy");
        MeasureEdit edit = Assert.IsType<MeasureEdit>(UserStatements.MeasureOf(message, sheet, withDraft ? InternshipOutline(sheet) : null));
        Assert.NotNull(edit.Unresolved);
        Assert.Empty(edit.Rows);
        Assert.Empty(edit.Funds);
        Assert.DoesNotMatch(@"\d", edit.Unresolved); // said through the gate: no number that is not a fact
        var (rows, funds, last) = UserStatements.Measures([(message, withDraft ? InternshipOutline(sheet) : null)], sheet);
        Assert.Empty(rows);
        Assert.Empty(funds);
        Assert.NotNull(last);
    }

    [Theory]
    [InlineData("probe32-health", "把孕产妇死亡率的措施换成：建立危重孕产妇救治绿色通道，每季度开展产科急救演练", "孕产妇死亡率", "建立危重孕产妇救治绿色通道，每季度开展产科急救演练")]
    [InlineData("probe30-D-fanghuo", "森林火灾受害率的改进措施改为：增设林区卡口，落实野外用火审批", "森林火灾受害率", "增设林区卡口，落实野外用火审批")]
    [InlineData("session33-caoyuan", "草畜平衡面积那项措施写：分片包干推进载畜量核定，年内完成剩余嘎查", "草畜平衡面积", "分片包干推进载畜量核定，年内完成剩余嘎查")]
    [InlineData("probe29-B-shuiku", "受益群众满意度的措施就写施工前公示占道方案、设置临时便道", "受益群众满意度", "施工前公示占道方案、设置临时便道")]
    [InlineData("probe30-B-yanglao", "把补贴按季度发放及时率的措施改成县级配套资金提前一个季度预拨", "补贴按季度发放及时率", "县级配套资金提前一个季度预拨")]
    [InlineData("probe30-B-yanglao", "服务对象满意度这条，改进措施：开通补贴标准咨询热线，按季度回访", "服务对象满意度", "开通补贴标准咨询热线，按季度回访")]
    public void AMeasureForANamedRow_GoesToThatRow_AndIntoItsNoteAfterItsCause(string table, string message, string row, string measure)
    {
        FactSheet sheet = Table(table);
        int index = Row(sheet, row);
        Assert.True(index >= 0, row);
        MeasureEdit edit = Assert.IsType<MeasureEdit>(UserStatements.MeasureOf(message, sheet));
        Assert.Null(edit.Unresolved);
        Assert.Equal([index], edit.Rows);
        Assert.Equal(measure, edit.Measure);
        Assert.Empty(UserStatements.Reasons([message], sheet));

        // The row's note keeps its cause and carries the measure after it, split back as the unit's own measure.
        var (rows, funds, _) = UserStatements.Measures([(message, null)], sheet);
        Assert.Empty(funds);
        var applied = UserStatements.ApplyMeasures(sheet.Evaluation, rows, funds);
        string? before = sheet.Evaluation.Indicators[index].DeviationNote;
        StatedText split = StatedText.Split(applied.Indicators[index].DeviationNote);
        string? only = StatedText.LabelledMeasureOnly(applied.Indicators[index].DeviationNote);
        if (string.IsNullOrWhiteSpace(before))
        {
            Assert.Equal(measure, only);
        }
        else
        {
            Assert.Equal(StatedText.Split(before).Cause, split.Cause);
            Assert.Equal(measure, split.Measure);
        }

        // No other row changed.
        Assert.All(Enumerable.Range(0, sheet.Evaluation.Indicators.Count).Where(i => i != index),
            i => Assert.Equal(sheet.Evaluation.Indicators[i].DeviationNote, applied.Indicators[i].DeviationNote));
        Assert.Equal(Topics.GivenMeasure, IntentRouter.Route(message, sheet).Topic);
    }

    [Fact]
    public void AMeasureWithoutARowName_GoesToTheRowTalkedAboutBefore_AndALaterOneReplacesIt_WhileAnAddedOneJoins()
    {
        FactSheet sheet = Table("probe32-health");
        int row = Row(sheet, "孕产妇及家属满意度");
        var (rows, _, _) = UserStatements.Measures(
        [
            ("孕产妇及家属满意度为什么没完成", null),
            ("措施改成：推行产前检查预约制度", null),
            ("措施换成：推行产前检查分时段预约", null),
            ("再加上一条措施：开设孕妇学校周末班", null),
        ], sheet);
        Assert.Equal([row], rows.Keys);
        Assert.Equal("推行产前检查分时段预约；开设孕妇学校周末班", rows[row]);
    }

    [Theory]
    [InlineData("probe32-health", "孕产妇死亡率的原因是外县高危孕产妇转入增加，措施改成：建立转诊会商制度", "孕产妇死亡率", "外县高危孕产妇转入增加。")]
    [InlineData("probe30-B-yanglao", "居家养老上门服务覆盖率的原因改为：护理员招聘不足，措施写：与职业院校合作定向培养护理员", "居家养老上门服务覆盖率", "护理员招聘不足。")]
    public void AReasonAndAMeasureInOneMessage_AreSplit_TheReasonWithoutTheMeasure(string table, string message, string row, string reason)
    {
        FactSheet sheet = Table(table);
        var reasons = UserStatements.Reasons([message], sheet);
        Assert.Equal(reason, reasons[Row(sheet, row)]);
        var (rows, _, _) = UserStatements.Measures([(message, null)], sheet);
        Assert.Equal([Row(sheet, row)], rows.Keys);
        var applied = UserStatements.ApplyMeasures(UserStatements.Apply(sheet.Evaluation, reasons), rows, new Dictionary<int, string>());
        StatedText split = StatedText.Split(applied.Indicators[Row(sheet, row)].DeviationNote);
        Assert.Equal(reason.TrimEnd('。'), split.Cause);
        Assert.Equal(rows[Row(sheet, row)], split.Measure);
    }

    [Theory]
    [InlineData("城乡居民满意度不高，候诊时间长。下一步改进措施：推行随访预约制度", "城乡居民满意度不高，候诊时间长", "推行随访预约制度")]
    [InlineData("护林员补聘滞后；下一步措施：年初完成补聘", "护林员补聘滞后", "年初完成补聘")]
    [InlineData("建材价格上涨。下一步工作措施：严格概算审查", "建材价格上涨", "严格概算审查")]
    [InlineData("部分嘎查核定滞后，改进措施为：分片包干", "部分嘎查核定滞后", "分片包干")]
    public void ALabelledMeasure_IsSplitWithoutItsLabel(string note, string cause, string measure)
    {
        StatedText s = StatedText.Split(note);
        Assert.Equal(cause, s.Cause);
        Assert.Equal(measure, s.Measure);
    }

    [Theory]
    [InlineData("下一步改进措施：推行随访预约制度。", "推行随访预约制度")]
    [InlineData("改进措施：年初完成补聘", "年初完成补聘")]
    [InlineData("辖区流动人口增加", null)]
    [InlineData("下一步加强宣传", null)]
    public void AMeasureOnlyNote_IsReadAsAMeasureWithoutACause(string note, string? measure) =>
        Assert.Equal(measure, StatedText.LabelledMeasureOnly(note));

    [Theory]
    [InlineData("probe32-health", "新生儿死亡率原因改一下：外县高危孕产妇转入我县分娩增加，全年转入37例")]
    [InlineData("probe30-B-yanglao", "服务对象满意度的原因改为：补贴标准三年未调整，部分老人有意见")]
    [InlineData("session33-caoyuan", "草畜平衡面积那段原因太笼统了，改一下，原因是春季返青期推迟，部分嘎查核定工作顺延到次年")]
    public void AReasonChanged_RedraftsTheWholePartThree_NotAReasonsOnlyDraft(string table, string message)
    {
        Intent intent = IntentRouter.Route(message, Table(table));
        Assert.Equal((IntentKind.Draft, "三", "deviation"), (intent.Kind, intent.Part, intent.Section));
    }

    [Theory]
    [InlineData("把完整的第三部分再出一版，措施也要", "deviation")]
    [InlineData("第三部分原因和措施都要，重新写一版", "deviation")]
    [InlineData("再起草一版偏离原因，措施也带上", "deviation")]
    [InlineData("重写第三部分，连同改进措施", "deviation")]
    [InlineData("只要偏离原因，措施先不写", "deviation-reasons")]
    [InlineData("帮我起草改进措施", "improvement-measures")]
    public void TheWholePartThree_IsDrafted_WhenBothHalvesAreAsked(string message, string section)
    {
        Intent intent = IntentRouter.Route(message, Table("probe32-health"));
        Assert.Equal((IntentKind.Draft, "三", section), (intent.Kind, intent.Part, intent.Section));
    }

    [Theory]
    [InlineData("现在第三部分的全文给我看看")]
    [InlineData("把第三部分调出来看看")]
    [InlineData("第三部分给我看一下")]
    [InlineData("偏离绩效目标的原因和下一步改进措施那部分发我看看")]
    public void ShowingPartThree_ShowsTheStoredText_NotHelp(string message)
    {
        Intent intent = IntentRouter.Route(message, Table("probe30-B-yanglao"));
        Assert.Equal((IntentKind.Draft, "三", Topics.ShowStored), (intent.Kind, intent.Part, intent.Topic));
    }

    [Theory]
    [InlineData("probe32-health", "孕产妇及家属满意度要到多少才能拿满分", "低于指标值2.5个百分点", "2.5%")]
    [InlineData("probe30-B-yanglao", "服务对象满意度要到多少才能拿满分", "低于指标值1.5个百分点", "1.5%")]
    [InlineData("probe30-B-yanglao", "居家养老上门服务覆盖率要到多少才能拿满分", "低于指标值12个百分点", "12%")]
    [InlineData("session33-caoyuan", "超载过牧户数比例升到多少就开始扣分", "超出上限1.5个百分点", "1.5%")]
    public void AGapBetweenTwoPercentages_IsInPercentagePoints(string table, string message, string expected, string wrong)
    {
        FactSheet sheet = Table(table);
        string said = ChatTables.Answer(sheet, IntentRouter.Route(message, sheet));
        Assert.Contains(expected, said, StringComparison.Ordinal);
        Assert.DoesNotContain("值" + wrong, said, StringComparison.Ordinal);
        Assert.DoesNotContain("上限" + wrong, said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("产科病房改造期间床位紧张。", "“产科病房改造期间床位紧张。”")]
    [InlineData("产科病房改造期间床位紧张", "“产科病房改造期间床位紧张”。")]
    [InlineData("是否属实？", "“是否属实？”")]
    public void AQuotationClosingItsSentence_HasOneFullStop(string words, string quoted) => Assert.Equal(quoted, AnswerWriter.Quoted(words));

    /// <summary>
    /// A measure given in chat for a row whose cause cell is a placeholder (/, 无, 暂无) keeps the measure alone, so the
    /// redraft never reads "单位说明的原因是/。"; a real cause is kept before the measure.
    /// </summary>
    [Theory]
    [InlineData("/", "下一步改进措施：对规范管理率低的乡镇卫生院约谈负责人。")]
    [InlineData("无", "下一步改进措施：对规范管理率低的乡镇卫生院约谈负责人。")]
    [InlineData("暂无。", "下一步改进措施：对规范管理率低的乡镇卫生院约谈负责人。")]
    [InlineData("／。下一步改进措施：加强随访。", "下一步改进措施：对规范管理率低的乡镇卫生院约谈负责人。")]
    [InlineData("签约医生数量不足", "签约医生数量不足。下一步改进措施：对规范管理率低的乡镇卫生院约谈负责人。")]
    [InlineData("无法按期开展随访。下一步改进措施：加强随访。", "无法按期开展随访。下一步改进措施：对规范管理率低的乡镇卫生院约谈负责人。")]
    public void AMeasureOnAPlaceholderCause_KeepsNoPlaceholder(string note, string expected) =>
        Assert.Equal(expected, UserStatements.WithMeasure(note, "对规范管理率低的乡镇卫生院约谈负责人"));
}

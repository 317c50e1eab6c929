using System.Text.Json.Nodes;
using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Testing;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 41, each a class (probe 40 §5, §6, §12): a figure stated and then checked (全年执行1710.65万元对吗) is a yes/no on that
/// figure, never the help menu; a 完成率 asked of a row with a ceiling is answered by its limit, and a two-part yes/no answers both
/// parts; an amount in another unit is converted exactly; a counted list lists as many items as it counts; a rewrite of a measure with
/// an aim drafts it from the aim or says it was not done; partly-right answers (points lost of the row asked, a printed score that
/// differs, 执行率 of the money not of a row sharing the project's name, the reviewer's criteria).
/// </summary>
public class Session41ChatTests
{
    private const string Fengfeng = "probe40-fengfeng";
    private const string Qichun = "probe40-qichun";
    private const string Ruyuan = "probe40-ruyuan";
    private const string Wulong = "probe40-wulong";
    private const string Luliang = "probe38-luliang";
    private const string Xichuan = "session40-xichuan";
    private const string Meitan = "session40-meitan";
    private const string Tongwei = "session40-tongwei";

    // ---- 1. A figure stated, then checked ----

    [Theory]
    [InlineData(Qichun, "全年执行1710.65万元对吗", "是的。", "全年执行数约为1710.65万元")]
    [InlineData(Qichun, "全年执行1700万元对吗", "不是。", "不是问题中的1700万元")]
    [InlineData(Qichun, "全年预算1865.23万元没错吧", "是的。", "全年预算数为1865.23万元")]
    [InlineData(Qichun, "执行数写1710.65万元行不行", "是的。", "全年执行数约为1710.65万元")]
    [InlineData(Qichun, "县级资金执行率应该是49.76%吧", "是的。", "“县级资金”的执行率为49.76%")]
    [InlineData(Fengfeng, "执行率为87.74%没错吧", "是的。", "执行率为87.74%")]
    [InlineData(Fengfeng, "总分应该是96.12吧", "不是。", "本表总分为95.99分")]
    [InlineData(Fengfeng, "职业技能培训人次得分应该是8.2分吧", "是的。", "的得分为8.20分")]
    [InlineData(Wulong, "森林抚育面积完成率是97.5%对吗", "不是。", "完成率为77.50%")]
    [InlineData(Xichuan, "县级资金执行110万元对吗", "是的。", "“县级资金”的全年执行数为110.00万元")]
    [InlineData(Xichuan, "县级资金执行数写110万元行不行", "是的。", "全年执行数为110.00万元")]
    [InlineData(Meitan, "全年执行926万元没错吧", "是的。", "全年执行数为926.00万元")]
    [InlineData(Meitan, "预算数应该是1000万元吧", "是的。", "全年预算数为1000.00万元")]
    [InlineData(Tongwei, "县级资金执行率为40%没错吧", "是的。", "执行率为40.00%")]
    [InlineData(Tongwei, "总分为94.5对吗", "不是。", "本表总分为84.56分")]
    public void FigureStatedThenChecked_IsAYesNoOnThatFigure(string table, string message, string opens, string fragment)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.Equal(Topics.Confirm, IntentRouter.Route(message, sheet).Topic);
        string text = ChatTables.AnswerAll(sheet, message);
        Assert.StartsWith(opens, text, StringComparison.Ordinal);
        Assert.Contains(fragment, text, StringComparison.Ordinal);
        Assert.DoesNotContain("我可以帮您做这些事", text, StringComparison.Ordinal);
    }

    // ---- 2. A 完成率 of a row with a ceiling, and whether it was met ----

    [Theory]
    [InlineData(Wulong, "森林火灾受害率0.3‰，完成率是33.33%吗？是不是没完成", true, "不是没完成：“森林火灾受害率”没有超出上限，已完成")]
    [InlineData(Fengfeng, "人均职业技能培训成本完成率是108.33%吗，是不是没完成", true, "是的，没有完成：“人均职业技能培训成本（元/人）”超出上限")]
    [InlineData(Luliang, "孕产妇死亡率完成率是124%吗？是不是没完成", true, "是的，没有完成：“孕产妇死亡率”超出上限")]
    [InlineData(Luliang, "孕产妇死亡率18.6，完成率是81%对吗？是不是没完成", true, "是的，没有完成")]
    [InlineData(Meitan, "带动茶农增收完成率是86.25%吗，是不是没完成", false, "是的，没有完成：“带动茶农增收”没有达到指标值")]
    [InlineData(Tongwei, "示范村创建数量完成率是100%吗？是不是没完成", false, "不是没完成：“示范村创建数量”已达到指标值")]
    public void RateAskedWithWhetherMet_AnswersBothParts_ACeilingRowByItsLimit(string table, string message, bool ceiling, string status)
    {
        FactSheet sheet = ChatTables.Table(table);
        string text = ChatTables.AnswerAll(sheet, message);
        Assert.Contains(status, text, StringComparison.Ordinal);
        if (ceiling)
        {
            Assert.StartsWith("不能这样说。", text, StringComparison.Ordinal);
            Assert.Contains("不用完成率表述", text, StringComparison.Ordinal);
            Assert.Contains("上限", text.Split('\n')[1], StringComparison.Ordinal);
        }
        else
        {
            Assert.Matches("^(是的|不是)。", text);
        }
    }

    // ---- 3. Units ----

    [Theory]
    [InlineData(Ruyuan, "户均改造成本2.38万元，报告里写成23800元可以吗", "可以。2.38万元与23800元相等", "“元/户”")]
    [InlineData(Wulong, "营造林面积1.35万亩合多少亩", "1.35万亩合13500亩（1万亩 = 10000亩）", null)]
    [InlineData(Qichun, "全年执行数1710.65万元写成17106500元行不行", "可以。1710.65万元与17106500元相等", null)]
    [InlineData(Wulong, "3公顷合多少亩", "3公顷合45亩（1公顷 = 15亩）", null)]
    [InlineData(Meitan, "新建标准化茶园面积3100亩合多少公顷", "3100亩约合206.6667公顷", null)]
    [InlineData(Meitan, "带动茶农增收690万元合多少亿元", "690万元合0.069亿元", null)]
    [InlineData(Luliang, "全年预算38652400元合多少万元", "38652400元合3865.24万元", null)]
    [InlineData(Xichuan, "职业技能培训补贴支出402万元，报告里写成4020000元可以吗", "可以。402万元与4020000元相等", null)]
    [InlineData(Xichuan, "职业技能培训补贴支出402万元写成0.402亿元对吗", "不可以，两者不相等。402万元合0.0402亿元", "不是问题中的0.402亿元")]
    [InlineData(Wulong, "12公里等于多少米", "12公里合12000米", null)]
    [InlineData(Fengfeng, "3.5万人次合多少人次", "3.5万人次合35000人次", null)]
    public void AmountInAnotherUnit_IsConvertedExactly(string table, string message, string fragment, string? more)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.Equal(Topics.Convert, IntentRouter.Route(message, sheet).Topic);
        string text = ChatTables.AnswerAll(sheet, message);
        Assert.Contains(fragment, text, StringComparison.Ordinal);
        if (more is not null)
        {
            Assert.Contains(more, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("营造林面积1.35万亩")] // no unit asked
    [InlineData("1.35万亩合多少人")] // another kind
    [InlineData("执行率多少")]
    public void NoConversionAsked_IsNotAConversion(string message) => Assert.Null(TableAnswers.ConversionAsked(message));

    // ---- 4. A count equals its list ----

    [Theory]
    [InlineData(Fengfeng, "哪些指标没完成，哪些没写原因")]
    [InlineData(Luliang, "哪些指标没完成，哪些没写原因")]
    [InlineData(Meitan, "哪些没完成？哪些没写原因？")]
    [InlineData(Tongwei, "哪些指标没完成，哪些没写原因")]
    [InlineData(Fengfeng, "扣分的有哪些，哪些没写原因")]
    [InlineData(Ruyuan, "哪些指标没完成，还有哪些没写原因")]
    public void CountedList_ListsAsManyItemsAsItCounts(string table, string message)
    {
        FactSheet sheet = ChatTables.Table(table);
        string text = ChatTables.AnswerAll(sheet, message);
        Assert.Contains("有", text, StringComparison.Ordinal);
        Assert.Empty(AnswerCounts.Mismatches(text, sheet.Evaluation.Funds.Lines.Select(l => l.Name.Trim())));
    }

    [Fact]
    public void CountedList_TheFourthItemIsShown()
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(Fengfeng), "哪些指标没完成，哪些没写原因");
        ChatTables.InOrder(text, "需要说明却没有填写原因的有4项：", "“就业困难人员实现就业人数（人）”", "“人均职业技能培训成本（元/人）”：完成值1950元/人", "“服务对象满意度（%）”", "省级资金执行率83.78%");
    }

    [Fact]
    public void AnswerCounts_FindsACountThatIsNotTheList()
    {
        Assert.Equal(["需要说明却没有填写原因的有4项： 4 → 3"], AnswerCounts.Mismatches("需要说明却没有填写原因的有4项：\n“甲”：完成值是指标值的90%。\n“乙”：未按期完成。\n省级资金执行率80%。", ["省级资金"]));
        Assert.Empty(AnswerCounts.Mismatches("扣分的绩效指标有2项：\n扣分最多的是“甲”，扣1分。\n“甲”：指标值10。\n计分：正向指标。\n“乙”：指标值5。"));
        Assert.True(AnswerCounts.IsCountedHeading("需要说明却没有填写原因的有{{fact:turn.a3}}："));
        Assert.False(AnswerCounts.IsCountedHeading("资金方面，执行率低于90%、需要说明原因的有："));
    }

    [Fact]
    public void NoAnswerOfTheChatEval_CountsOtherThanItLists()
    {
        var wrong = new List<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat"), "*.json").Order(StringComparer.Ordinal))
        {
            JsonNode doc = JsonNode.Parse(File.ReadAllText(file))!;
            FactSheet sheet = ChatTables.Table((string)doc["table"]!);
            var names = sheet.Evaluation.Funds.Lines.Select(l => l.Name.Trim()).ToList();
            foreach (JsonNode c in doc["cases"]!.AsArray().Select(n => n!))
            {
                string message = (string)c["message"]!;
                var intents = IntentRouter.RouteAll(message, sheet, (string?)c["previous"]);
                if (intents.Any(i => i.Kind is IntentKind.Draft or IntentKind.Export or IntentKind.Similar or IntentKind.CrossUnit))
                {
                    continue;
                }

                OfflineAnswer? answer = OfflineAnswers.Combine(intents.Select(i => OfflineAnswers.FromTable(i, sheet)).ToList());
                if (answer is null)
                {
                    continue;
                }

                var gate = new SentenceGate(sheet);
                gate.AddFacts(answer.TurnFacts);
                _ = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
                wrong.AddRange(AnswerCounts.Mismatches(gate.Released, names).Select(m => $"“{message}”: {m}"));
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    // ---- 5. A measure rewritten with an aim ----

    [Theory]
    [InlineData(Wulong, "帮我重写第三部分，森林抚育的措施要针对高温干旱天气", "森林抚育面积（亩）", "高温干旱天气")]
    [InlineData(Meitan, "带动茶农增收的措施帮我重写一下，要针对农产品价格下跌", "带动茶农增收", "农产品价格下跌")]
    [InlineData(Meitan, "培训茶农人次的措施重写一下，要针对茶农报名不积极", "培训茶农人次", "茶农报名不积极")]
    // 职业技能培训 names two rows (人次 and 人均…成本): nothing is recorded and the answer says which it could not tell.
    [InlineData(Fengfeng, "把职业技能培训那条的改进措施重写一下，要针对煤矿转岗职工的培训需求", null, "不止一项")]
    public void MeasureRewrittenWithAnAim_IsDraftedFromTheAim_OrSaidNotDone(string table, string message, string? row, string aim)
    {
        FactSheet sheet = ChatTables.Table(table);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal(IntentKind.Draft, intent.Kind);
        Assert.Equal(Topics.GivenMeasure, intent.Topic);
        MeasureEdit edit = UserStatements.MeasureOf(message, sheet)!;
        if (row is null)
        {
            Assert.Empty(edit.Rows);
            Assert.Contains(aim, edit.Unresolved, StringComparison.Ordinal);
            return;
        }

        Assert.Equal([ChatTables.Row(sheet, row)], edit.Rows);
        if (edit.Unresolved is { } why)
        {
            Assert.Contains(aim, why, StringComparison.Ordinal); // said plainly that it was not rewritten, and why
        }
        else
        {
            Assert.StartsWith($"围绕{aim}，", edit.Measure, StringComparison.Ordinal);
            Assert.True(edit.Measure.Length > aim.Length + 12, edit.Measure);
        }
    }

    [Fact]
    public void MeasureRewrittenWithAnAim_WeatherAndPriceAreAnsweredByTheirOwnMeasures()
    {
        MeasureEdit heat = UserStatements.MeasureOf("帮我重写第三部分，森林抚育的措施要针对高温干旱天气", ChatTables.Table(Wulong))!;
        Assert.Null(heat.Unresolved);
        MeasureEdit price = UserStatements.MeasureOf("带动茶农增收的措施帮我重写一下，要针对农产品价格下跌", ChatTables.Table(Meitan))!;
        Assert.Null(price.Unresolved);
        Assert.NotEqual(heat.Measure[(heat.Measure.IndexOf('，') + 1)..], price.Measure[(price.Measure.IndexOf('，') + 1)..]);
    }

    [Theory]
    [InlineData("把职业技能培训那条的改进措施重写一下")] // no aim: the ordinary redraft
    [InlineData("帮我重写第三部分")]
    [InlineData("措施针对性不强吗")] // no rewrite asked
    public void NoAim_IsNoAimedMeasure(string message) => Assert.Null(UserStatements.MeasureAim(message));

    // ---- 6. Reviewer questions across units ----

    [Theory]
    [InlineData("蕲春县的执行数是多少万元", "蕲春县")]
    [InlineData("武隆区的结余有多少", "武隆区")]
    [InlineData("乳源县全年预算数是多少", "乳源县")]
    public void UnitScopedMoneyQuestion_IsExecutionAtThatPlace(string message, string place)
    {
        CrossUnitQuestion q = CrossUnitQuestions.Recognize(message, 2024, implied: true)!;
        Assert.Equal(CrossUnitQuestions.Execution, q.Kind);
        Assert.Equal(place, q.Place);
    }

    [Fact]
    public void ThresholdQuestion_HasNoPlace()
    {
        CrossUnitQuestion q = CrossUnitQuestions.Recognize("执行率低于85%的县有哪些", 2024, implied: true)!;
        Assert.Equal(CrossUnitQuestions.Execution, q.Kind);
        Assert.Equal(85m, q.Threshold);
        Assert.Null(q.Place);
    }

    // ---- 7. Partly-right answers ----

    [Theory]
    [InlineData(Fengfeng, "人均培训成本超了，要写原因吗？扣了多少分", "扣0.83分")]
    [InlineData(Luliang, "孕产妇死亡率超了，要写原因吗？扣了多少分", "扣1.92分")]
    [InlineData(Meitan, "培训茶农人次没完成，要写原因吗？扣了几分", "扣1.67分")]
    public void PointsLostAfterARowAsked_AreThatRowsNotTheWholeBreakdown(string table, string message, string lost)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(table), message);
        Assert.Contains(lost, text, StringComparison.Ordinal);
        Assert.DoesNotContain("总分", text, StringComparison.Ordinal);
        Assert.DoesNotContain("扣分的绩效指标有", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Qichun, "因病致贫返贫那个指标为什么得0分？表里填的是15分", "表中填报的得分是15分，与按评分规则计算的0.00分不一致")]
    [InlineData(Fengfeng, "职业技能培训人次为什么扣分了", "表中填报的得分是8.40分，与按评分规则计算的8.20分不一致")]
    [InlineData(Ruyuan, "年度完工率为什么扣分", "表中填报的得分是4.72分，与按评分规则计算的4.63分不一致")]
    [InlineData(Tongwei, "基层治理体系那项为什么得8分？表里填的是8分", null)]
    public void ExplanationOfARow_SaysWhenThePrintedScoreDiffers(string table, string message, string? note)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(table), message);
        if (note is null)
        {
            Assert.DoesNotContain("表中填报的得分", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(note, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Qichun, "医疗救助资金执行率多少？中央资金呢", "重特大疾病")]
    [InlineData(Qichun, "医疗救助资金执行率是多少", "重特大疾病")]
    [InlineData(Wulong, "国土绿化资金执行率多少", "营造林")]
    public void RateOfTheMoney_IsNotARowSharingTheProjectsName(string table, string message, string row)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(table), message);
        Assert.StartsWith("年度资金总额", text, StringComparison.Ordinal);
        Assert.DoesNotContain(row, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Ruyuan, "执行率79.22%，总分94.4，评审会不会有意见", new[] { "问题中说的94.4分与按评分规则计算的总分89.90分不一致", "复核参考线89分" })]
    [InlineData(Luliang, "执行率79.22%，总分94.4，评审会不会有意见", new[] { "问题中说的79.22%", "没有会被重点追问的地方" })]
    [InlineData(Tongwei, "总分84.56，评审会有意见吗", new[] { "没有会被重点追问的地方" })]
    public void ReviewerQuestion_GivesTheReviewersCriteria(string table, string message, string[] fragments)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(table), message);
        Assert.StartsWith("总分", text, StringComparison.Ordinal);
        foreach (string f in fragments)
        {
            Assert.Contains(f, text, StringComparison.Ordinal);
        }
    }
}

using System.Text.Json.Nodes;
using Assistant.Domain.Cells;
using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Review;
using Assistant.Domain.Scoring;
using Assistant.Testing;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 40, each a class (probe 38 §5, §10 and what session 39 left): money asked with 要不要写原因 and no line named gets the
/// total first, then only the lines that need a reason, each once, and no answer of the chat eval says a sentence or a quoted reason
/// twice; a reason given without a row goes to the one short row its words fit (随访 → 规范管理率), else the answer asks which; a fund
/// line without its own reason is told the reasons the draft borrows for it (cost lines, funding) and no other, and a part's reason is
/// said for the part only; a weaker qualitative result (初步建立 against 进一步完善, 有所 against 明显) is judged weaker by the calculator,
/// and the trace, the chat and the draft say so alike; publicity causes (宣传力度不够) are a kind with their own measure.
/// </summary>
public class Session40ChatTests
{
    private const string Luliang = "probe38-luliang";
    private const string Yinan = "probe38-yinan";
    private const string Yangxian = "probe38-yangxian";
    private const string Wusheng = "probe37-wusheng";
    private const string Xichuan = "session40-xichuan";
    private const string Meitan = "session40-meitan";
    private const string Tongwei = "session40-tongwei";

    // ---- 1. 执行率多少，要不要写原因 with no line named ----

    [Theory]
    [InlineData(Luliang, "执行率多少，要不要写原因", new[] { "省级补助资金", "县级配套资金" }, new[] { "中央补助资金" })]
    [InlineData(Yinan, "执行率多少，要不要写原因", new[] { "中央资金", "省级资金", "县级资金" }, new string[0])]
    [InlineData(Yangxian, "资金执行率是多少，需不需要写原因", new[] { "县级资金" }, new[] { "中央资金", "省级资金" })]
    [InlineData(Wusheng, "执行率多少，要不要说明原因", new[] { "省级资金", "县级资金" }, new[] { "中央财政资金" })]
    [InlineData(Xichuan, "执行率多少，要不要写原因", new[] { "县级资金" }, new[] { "中央资金" })]
    [InlineData(Meitan, "预算执行率多少，需不需要写原因", new[] { "县级资金" }, new[] { "中央资金", "省级资金" })]
    [InlineData(Tongwei, "结余多少，要不要写原因", new[] { "县级资金" }, new[] { "中央资金", "省级资金" })]
    public void MoneyAskedWithReasonNeeded_NoLineNamed_GivesTheTotalFirst_ThenOnlyTheLinesThatNeedOne(string table, string message, string[] low, string[] fine)
    {
        FactSheet sheet = ChatTables.Table(table);
        string text = ChatTables.AnswerAll(sheet, message);
        Assert.StartsWith("年度资金总额：", text, StringComparison.Ordinal);
        Assert.Empty(AnswerRepeats.Find(text));
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The total's figure once in its own line, then whether it needs a reason.
        Assert.Contains(lines, l => l.StartsWith("年度资金总额执行率", StringComparison.Ordinal));
        foreach (string part in low)
        {
            Assert.Single(lines, l => l.StartsWith(part + "执行率", StringComparison.Ordinal) && l.Contains("需要说明原因", StringComparison.Ordinal));
        }

        foreach (string part in fine)
        {
            // Named once, together with the others that need none; never a line of figures of its own.
            Assert.DoesNotContain(lines, l => l.StartsWith(part + "：", StringComparison.Ordinal)
                || (l.StartsWith(part + "执行率", StringComparison.Ordinal) && !l.Contains("不需要单独说明原因", StringComparison.Ordinal)));
            Assert.Single(lines, l => l.Contains(part, StringComparison.Ordinal) && l.Contains("不需要单独说明原因", StringComparison.Ordinal));
        }

        // The total's own reason (沂南: 部分项目因汛期推迟开工…) quoted once.
        string? note = sheet.Evaluation.Funds.Lines[0].DeviationNote;
        if (note is not null)
        {
            Assert.Equal(1, Count(text, note));
        }
    }

    [Fact]
    public void NoCompoundAnswerOfTheChatEval_SaysAgainWhatAnEarlierPartSaid()
    {
        var repeated = new List<string>();
        int compound = 0;
        foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat"), "*.json").Order(StringComparer.Ordinal))
        {
            JsonNode doc = JsonNode.Parse(File.ReadAllText(file))!;
            FactSheet sheet = ChatTables.Table((string)doc["table"]!);
            foreach (JsonNode c in doc["cases"]!.AsArray().Select(n => n!))
            {
                string message = (string)c["message"]!;
                var intents = IntentRouter.RouteAll(message, sheet, (string?)c["previous"]);
                if (intents.Count < 2 || intents.Any(i => i.Kind is IntentKind.Draft or IntentKind.Export or IntentKind.Similar or IntentKind.CrossUnit))
                {
                    continue; // one question, or answers that need storage or the corpus
                }

                compound++;
                var answers = intents.Select(i => OfflineAnswers.FromTable(i, sheet)).ToList();
                var names = sheet.Evaluation.Indicators.Select(x => x.Name.Trim()).Concat(sheet.Evaluation.Funds.Lines.Select(l => l.Name.Trim()));
                repeated.AddRange(AnswerRepeats.Across(PartTexts(sheet, answers), names).Select(r => $"“{message}”: {r}"));
            }
        }

        Assert.True(compound >= 30, compound.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Session 42 removed the last two (a fund line's reason with a figure in it, quoted by the rate and again by the list): a quote
        // is matched on its values, so （见上） replaces it too. Any repeat fails here (chat.dev.unexpectedRepeats 0).
        string[] known = [];
        Assert.True(repeated.Except(known).ToList() is [], string.Join("\n", repeated.Except(known)));
    }

    /// <summary>Each part's text as the combined answer releases it (what an earlier part said is cut from a later one by the combination).</summary>
    internal static IReadOnlyList<string> PartTexts(FactSheet sheet, IReadOnlyList<OfflineAnswer?> answers)
    {
        var texts = new List<string>();
        string before = string.Empty;
        for (int k = 1; k <= answers.Count; k++)
        {
            OfflineAnswer? combined = OfflineAnswers.Combine(answers.Take(k));
            if (combined is null)
            {
                continue;
            }

            var gate = new SentenceGate(sheet);
            gate.AddFacts(combined.TurnFacts);
            _ = gate.Push(combined.Text).Concat(gate.Flush()).ToList();
            string released = gate.Released;
            texts.Add(released.StartsWith(before, StringComparison.Ordinal) ? released[before.Length..] : released);
            before = released;
        }

        return texts;
    }

    [Fact]
    public void AnswerRepeats_Across_CountsWhatALaterPartSaysAgain_NotARefrainWithinOnePart()
    {
        string total = "年度资金总额执行率77.11%，低于90%，需要说明原因，表中已填：“部分项目因汛期推迟开工，工程款按进度支付”。";
        Assert.Equal(["“部分项目因汛期推迟开工，工程款按进度支付”"], AnswerRepeats.Across(["表中对年度资金总额填报的原因：“部分项目因汛期推迟开工，工程款按进度支付”。", total]));
        string refrain = "计分：正向指标：完成值÷指标值×分值，超过指标值得满分。\n计分：正向指标：完成值÷指标值×分值，超过指标值得满分。";
        Assert.Empty(AnswerRepeats.Across([refrain, "总分96.37分。"]));
        Assert.NotEmpty(AnswerRepeats.Find(refrain));
    }

    [Theory]
    [InlineData("年度资金总额执行率77.11%，需要说明原因，表中已填：“部分项目因汛期推迟开工，工程款按进度支付”。表中对年度资金总额填报的原因：“部分项目因汛期推迟开工，工程款按进度支付”。", "“部分项目因汛期推迟开工，工程款按进度支付”")]
    [InlineData("县级资金执行率43.33%。\n县级资金执行率43.33%。", "县级资金执行率43.33%")]
    [InlineData("原因同上。原因同上。", null)] // too short to count
    [InlineData("“县级资金”执行率偏低。“省级资金”执行率偏低。", null)] // names recur by design
    public void AnswerRepeats_FindsASentenceOrAQuotedReasonSaidTwice(string text, string? repeated)
    {
        var found = AnswerRepeats.Find(text);
        if (repeated is null)
        {
            Assert.Empty(found);
        }
        else
        {
            Assert.Equal([repeated], found);
        }
    }

    // ---- 2. A reason given without naming a row ----

    [Theory]
    [InlineData(Luliang, "原因是乡镇卫生院公卫人员不足，随访不到位", "高血压患者规范管理率", "随访")]
    [InlineData(Luliang, "原因是部分老年人外出随子女居住", "65岁及以上老年人健康管理人数", "老年人")]
    [InlineData(Luliang, "真实原因是1例高危孕产妇转诊途中死亡", "孕产妇死亡率", "孕产妇")]
    [InlineData(Yangxian, "原因是农产品价格下行，经营性收入减少", "脱贫人口人均纯收入增幅", "价格")]
    [InlineData(Yangxian, "原因为部分脱贫户贷款需求下降", "脱贫人口小额信贷贷款额", "贷款")]
    [InlineData(Wusheng, "原因是部分学员外出务工，没有参加鉴定", "取得职业资格证书或技能等级证书人数", "鉴定")]
    [InlineData(Meitan, "原因是春茶收购价格下跌", "带动茶农增收", "价格")]
    public void AReasonNamingNoRow_GoesToTheOneShortRowItsWordsFit_AndSaysWhy(string table, string message, string row, string word)
    {
        FactSheet sheet = ChatTables.Table(table);
        Intent intent = Assert.Single(IntentRouter.RouteAll(message, sheet, null));
        Assert.Equal(Topics.GivenReason, intent.Topic);
        Assert.Equal([ChatTables.Row(sheet, row)], intent.Indicators);
        string text = ChatTables.AnswerAll(sheet, message);
        Assert.StartsWith($"您没有说是哪一项的原因，已把“{row}”（原因中的“{word}”说的是这项指标，表中未完成的指标里只有它与之相符）", text, StringComparison.Ordinal);
        // What the conversation's drafts read: the same row.
        Assert.True(UserStatements.Reasons([message], sheet).ContainsKey(ChatTables.Row(sheet, row)));
        Assert.Equal(ChatTables.Row(sheet, row), UserStatements.Unnamed([], message, sheet)!.Row);
    }

    [Theory]
    [InlineData(Luliang, "原因是工作人员不足")] // fits none
    [InlineData(Luliang, "原因是今年工作任务重，精力不够")] // fits none
    [InlineData(Wusheng, "原因是培训机构资质到期后复审周期长达3个月")] // 培训 is in five short rows
    [InlineData(Wusheng, "原因为下半年财政资金拨付滞后")] // money words decide nothing (a fund line's, maybe)
    [InlineData(Yangxian, "原因是部分脱贫户发展意愿不足")] // fits none
    [InlineData(Xichuan, "原因是部分培训机构停业整顿")] // 培训 is in two short rows
    [InlineData(Tongwei, "原因是县级配套资金不足")] // money words decide nothing
    public void AReasonNamingNoRow_ThatFitsNoneOrSeveral_AsksWhichRow_AndKeepsNothing(string table, string message)
    {
        FactSheet sheet = ChatTables.Table(table);
        Intent intent = Assert.Single(IntentRouter.RouteAll(message, sheet, null));
        Assert.Equal(Topics.GivenReason, intent.Topic);
        Assert.Empty(intent.Indicators);
        ChatTables.InOrder(ChatTables.AnswerAll(sheet, message), "没有说是哪一项的，还没有记下", "表中未完成的有", "请说明是哪一项");
        Assert.Empty(UserStatements.Reasons([message], sheet));
    }

    [Fact]
    public void AReasonNamingNoRow_AfterARowWasTalkedAbout_StillGoesToThatRow()
    {
        // The row talked about decides before the words do: 随访 fits 高血压, but the conversation was about 满意度.
        FactSheet sheet = ChatTables.Table(Luliang);
        string text = ChatTables.AnswerAll(sheet, "原因是随访不到位，群众意见较多", "城乡居民满意度为什么没达标");
        Assert.StartsWith("您没有说是哪一项的原因，已把“城乡居民满意度”（本次对话正在说的这项指标）", text, StringComparison.Ordinal);
    }

    // ---- 3. A fund line's reason: borrowed only as the draft borrows it ----

    [Theory]
    // 淅川: the cost line 职业技能培训补贴支出 carries the unit's reason; 县级资金 has none of its own: the chat and the draft both give it.
    [InlineData(Xichuan, "县级资金为什么执行率低", "部分培训班次延至次年开班，补贴未能在年内结算", true)]
    [InlineData(Xichuan, "县级资金执行率只有55%，原因是什么", "部分培训班次延至次年开班，补贴未能在年内结算", true)]
    // 通渭: a row's reason names the county's matching money (县级配套资金到位不足): borrowed for 县级资金.
    [InlineData(Tongwei, "县级资金执行率为什么低", "县级资金优先保障其他民生项目，县级配套资金到位不足", true)]
    // 湄潭: only an income row (带动茶农增收, money a budget does not spend) and a count row carry reasons: nothing borrowed.
    [InlineData(Meitan, "县级资金为什么执行率低", "受春茶收购价格下跌影响", false)]
    [InlineData(Meitan, "县级资金为什么执行率低", "宣传力度不够", false)]
    // 洋县 (probe 38 §5): the loan row's reason is not the county money's.
    [InlineData(Yangxian, "县级资金为什么执行率低", "部分脱贫户发展意愿不足，贷款需求下降", false)]
    public void AFundLineWithoutItsOwnReason_IsToldWhatTheDraftBorrows_AndNothingElse(string table, string message, string reason, bool borrowed)
    {
        FactSheet sheet = ChatTables.Table(table);
        string chat = ChatTables.AnswerAll(sheet, message);
        string draft = SelfCheckTables.DraftOfThree(sheet.Evaluation);
        string part = draft.Split('\n').Single(l => l.Contains("“县级资金”执行率偏低", StringComparison.Ordinal) && !l.Contains("针对", StringComparison.Ordinal));
        if (borrowed)
        {
            Assert.Contains("县级资金一栏没有单独填写原因；单位在绩效指标中说明的相关原因是：“" + reason + "”", chat, StringComparison.Ordinal);
            Assert.Contains(reason, part, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("表中没有填写县级资金执行率偏低的原因", chat, StringComparison.Ordinal);
            Assert.DoesNotContain(reason, chat, StringComparison.Ordinal);
            Assert.DoesNotContain(reason, part, StringComparison.Ordinal);
            Assert.Contains("未说明", part, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("预算执行率为什么偏低")]
    [InlineData("年度资金总额执行率为什么低")]
    public void TheTotalWithoutAReason_SaysAPartsReasonForThatPartOnly(string message)
    {
        // 六安 (probe 38 §5, t4): the reason is on 市县资金 only; the total's answer says it for 市县资金 and that 省级资金 has none.
        FactSheet sheet = FactSheet.Build(SelfCheckTables.Get("fixture/p38-t4-anhui-luan-nongcungonglu-transfer.json"));
        string text = ChatTables.AnswerAll(sheet, message);
        ChatTables.InOrder(text, "表中没有填写年度资金总额执行率偏低的原因", "市县资金一栏填写的原因是“部分县区财力紧张，配套资金未足额到位”", "只说明市县资金，不能当作资金总额的原因",
            "省级资金执行率77.20%", "表中没有填写它的原因");
        Assert.DoesNotContain("表中对年度资金总额填报的原因", text, StringComparison.Ordinal);
    }

    private static int Count(string text, string what)
    {
        int n = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}

using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Tests;

/// <summary>How staff ask, as the router reads it: parts, rules, figures, lists, judgements, short names.</summary>
public class ChatUnderstandingTests
{
    private static FactSheet Sheet(string table) => FactSheet.Build(SharedData.LoadReference(table));

    private const string Internship = "zhongwei-2024-internship-subsidy";
    private const string Fund = "zhongwei-2024-entrepreneurship-fund";
    private const string Demo = "zhongwei-2024-employment-service-demo";
    private const string Transfer = "guangxi-2024-employment-transfer";

    [Theory]
    [InlineData("帮我写第一部分", "一")]
    [InlineData("第二部分能起草吗？", "二")]
    [InlineData("起草一下第3部分", "三")]
    [InlineData("帮我写个四、绩效自评结果拟应用和公开情况", "四")]
    [InlineData("其他需要说明的问题帮我写一下", "五")]
    [InlineData("把整篇报告写出来", "全文")]
    public void ADraftRequest_NamesItsPart(string message, string part)
    {
        Intent intent = IntentRouter.Route(message, Sheet(Internship));
        Assert.Equal(IntentKind.Draft, intent.Kind);
        Assert.Equal(part, intent.Part);
        Assert.Equal(part == "三" ? "deviation" : null, intent.Section);
    }

    [Theory]
    [InlineData("只写改进措施就行，原因不用", "improvement-measures")]
    [InlineData("只要偏离原因，措施先不写", "deviation-reasons")]
    [InlineData("重新写一版原因和措施", "deviation")]
    public void PartThree_ReasonsOrMeasuresOnly(string message, string section)
    {
        Intent intent = IntentRouter.Route(message, Sheet(Internship));
        Assert.Equal((IntentKind.Draft, "三", section), (intent.Kind, intent.Part, intent.Section));
    }

    [Theory]
    [InlineData("把这段改正式一点", IntentKind.Rewrite)]
    [InlineData("能导出成Word吗？", IntentKind.Export)]
    [InlineData("哪些指标没完成？", IntentKind.List)]
    [InlineData("偏差原因和数字有没有矛盾", IntentKind.Assess)]
    [InlineData("执行率是什么意思？19.5%怎么算的？", IntentKind.Define)]
    [InlineData("总分85.92怎么算？每项扣多少？", IntentKind.Compute)]
    [InlineData("资金执行率才80.8%，扣了多少分？", IntentKind.Compute)]
    [InlineData("执形率是啥意思", IntentKind.Define)]
    [InlineData("这个理由站得住吗", IntentKind.Assess)]
    [InlineData("外省有没有类似的写法", IntentKind.Similar)]
    public void TheIssuesQuestions_AreReadForWhatTheyAsk(string message, IntentKind kind) =>
        Assert.Equal(kind, IntentRouter.Route(message, Sheet(Internship)).Kind);

    [Theory]
    [InlineData(Internship, "实习生数量为什么没完成", 0)]
    [InlineData(Internship, "见习那项差了多少人", 1)]
    [InlineData(Internship, "第５项扣了多少", 4)]
    [InlineData(Fund, "公益岗补贴人数为什么没完成", 1)]
    [InlineData(Fund, "公益性岗位补贴那项资金用了多少", 8)]
    [InlineData(Fund, "贴息那行扣了几分", 10)]
    [InlineData(Fund, "第十项完成率", 9)]
    [InlineData(Transfer, "公益岗补贴人数完成得怎样", 6)]
    [InlineData(Transfer, "社保补贴人数超了多少", 1)]
    public void ShortNames_FindTheirRow(string table, string message, int index) =>
        Assert.Equal([index], IntentRouter.Route(message, Sheet(table)).Indicators);

    [Fact]
    public void TwoRowsMatchingEqually_AreAskedBack()
    {
        FactSheet sheet = Sheet(Demo);
        Intent intent = IntentRouter.Route("补贴资金那项怎么样", sheet);
        Assert.Equal(IntentKind.Clarify, intent.Kind);
        Assert.Equal([8, 9], intent.Indicators);
        string answer = Released(sheet, OfflineAnswers.FromTable(intent, sheet)!);
        Assert.Contains("补贴资金发放准确率", answer, StringComparison.Ordinal);
        Assert.Contains("补贴资金在规定时间内支付到位率", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void ARateIsDefined_WithThisTablesNumbers()
    {
        FactSheet sheet = Sheet(Internship);
        string answer = Answer(sheet, "执行率是什么意思？19.5%怎么算的？");
        Assert.Contains("38.99万元 ÷ 全年预算数200.00万元 = 执行率19.50%", answer, StringComparison.Ordinal);
        Assert.Contains("5.00分 × 19.50% = 0.97分", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTotal_IsTakenApart_RowByRow()
    {
        string answer = Answer(Sheet(Internship), "总分85.92怎么算？每项扣多少？");
        foreach (string part in new[] { "0.97分 + 产出指标34.95分", "85.92分", "扣4.20分", "扣2.80分", "扣8.05分", "扣4.03分", "分值合计105分" })
        {
            Assert.Contains(part, answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ATransferTable_NeverSaysAllIsWell()
    {
        string answer = Answer(Sheet(Transfer), "哪些指标没有完成？为什么？");
        Assert.DoesNotContain("均已完成", answer, StringComparison.Ordinal);
        Assert.Contains("地方资金执行率69.14%", answer, StringComparison.Ordinal);
        foreach (string name in new[] { "享受就业见习补贴人员数量", "城镇新增就业人数", "失业人员再就业人数", "就业困难人员就业人数" })
        {
            Assert.Contains($"“{name}”", answer, StringComparison.Ordinal);
        }

        Assert.Contains("147.67%，还没有说明超额原因", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void ABoilerplateReason_IsNotConvincing()
    {
        string answer = Answer(Sheet(Fund), "都写优先使用中央及自治区资金，这个理由站得住吗");
        Assert.Contains("不够有说服力", answer, StringComparison.Ordinal);
        Assert.Contains("套话", answer, StringComparison.Ordinal);
        Assert.Contains("差距166人", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("把这段改正式一点：今年见习的人不多。")]
    [InlineData("把这段改正式一点")]
    [InlineData("帮我润色一下这段话：实习生来的少。")]
    [InlineData("这段太长了，精简一下：资金下达及时，使用规范。")]
    public void RewritingOffline_SaysPlainlyAModelIsNeeded_AndOffersWhatCanBeDone(string message)
    {
        FactSheet sheet = Sheet(Internship);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal(IntentKind.Rewrite, intent.Kind);
        string answer = Released(sheet, OfflineAnswers.FromTable(intent, sheet)!);
        Assert.Contains("需要大模型", answer, StringComparison.Ordinal);
        Assert.Contains("不能改写", answer, StringComparison.Ordinal);
        Assert.Contains("起草", answer, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> EveryTableAndPart()
    {
        var data = new TheoryData<string, string>();
        foreach (string table in Directory.EnumerateFiles(Assistant.Testing.RepoPaths.Shared + "/reference", "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal))
        {
            foreach (string part in new[] { "一", "二", "四", "五" })
            {
                data.Add(table, part);
            }
        }

        return data;
    }

    /// <summary>A part drafted offline (as the report service composes it), quoted whole in the answer: every number passes the gate.</summary>
    [Theory]
    [MemberData(nameof(EveryTableAndPart))]
    public void ADraftedPart_IsQuotedWhole_AndEveryNumberPassesTheGate(string table, string part)
    {
        FactSheet sheet = Sheet(table);
        ReportPartInfo info = ReportParts.Find(part)!;
        FactSheet report = ReportFacts.Extend(sheet);
        string text = DraftText.Render(ReportComposer.Compose(info.Key, report, [], ScoringPolicy.Default).Draft, report, 0).Text;
        (string clean, _) = ReportText.Clean(text, info.Numeral);
        Assert.True(Verifier.Verify(report, clean).IsClean);

        string stored = Released(sheet, ReportAnswers.Drafted(sheet, new DraftedPart(part, info.Heading, clean, true, 2, 3, null)));
        Assert.Contains("保存为报告的第3版", stored, StringComparison.Ordinal);
        foreach (string line in clean.Split('\n').Where(l => l.Trim().Length > 0))
        {
            Assert.Contains(line.Trim(), stored, StringComparison.Ordinal);
        }

        string unsaved = Released(sheet, ReportAnswers.Drafted(sheet, new DraftedPart(part, info.Heading, clean, true, 0, null, "这张表没有保存在系统里")));
        Assert.Contains("没有保存", unsaved, StringComparison.Ordinal);
        Assert.DoesNotContain("版", unsaved.Split('\n')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("能导出成Word吗？", "docx")]
    [InlineData("导出表格", "xlsx")]
    [InlineData("下载报告", "docx")]
    [InlineData("报告能存成ＰＤＦ吗", "pdf")]
    [InlineData("倒出word", "docx")]
    public void Export_AnswersWithTheLinks_OrSaysWhatToDoFirst(string message, string format)
    {
        FactSheet sheet = Sheet(Transfer);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal(IntentKind.Export, intent.Kind);
        Assert.Equal(format, intent.Format);
        const string Root = "/api/v1/evaluations/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

        string both = Released(sheet, ReportAnswers.Export(sheet, intent.Format, new ExportLinks(Root + "/report.docx", Root + "/table.xlsx")));
        Assert.Contains(Root + "/report.docx", both, StringComparison.Ordinal);
        Assert.Contains(Root + "/table.xlsx", both, StringComparison.Ordinal);
        Assert.Equal(format == "pdf", both.Contains("PDF", StringComparison.Ordinal));

        string tableOnly = Released(sheet, ReportAnswers.Export(sheet, intent.Format, new ExportLinks(null, Root + "/table.xlsx")));
        Assert.Contains("起草全文", tableOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("report.docx", tableOnly, StringComparison.Ordinal);

        string unsaved = Released(sheet, ReportAnswers.Export(sheet, intent.Format, new ExportLinks(null, null)));
        Assert.Contains("保存这张表", unsaved, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", unsaved, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> EveryTableAndQuestion()
    {
        var data = new TheoryData<string, string>();
        string[] questions =
        [
            "执行率是什么意思", "得分怎么算的", "总分怎么算？每项扣多少？", "资金扣了几分", "是什么等级", "超额了为什么不多给分",
            "哪些没完成", "哪些超额比较多", "哪些没写原因", "有哪些问题", "分值加起来多少", "整体情况", "原因有没有说服力",
            "第1项完成率多少", "第2项为什么没完成", "取消的指标怎么还给分", "效果良好对效果显著给满分合理吗", "要不要写超额原因",
            "把这段改精简：今年任务完成得不好。", "核对：总分89.47分。", "你好",
        ];
        foreach (string table in Directory.EnumerateFiles(Assistant.Testing.RepoPaths.Shared + "/reference", "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal))
        {
            foreach (string q in questions)
            {
                data.Add(table, q);
            }
        }

        return data;
    }

    /// <summary>Every answer composed from the table, on every reference table, passes the sentence gate whole.</summary>
    [Theory]
    [MemberData(nameof(EveryTableAndQuestion))]
    public void EveryNumberTheOfflineAssistantWrites_PassesTheGate(string table, string message)
    {
        FactSheet sheet = Sheet(table);
        Intent intent = IntentRouter.Route(message, sheet);
        OfflineAnswer? answer = OfflineAnswers.FromTable(intent, sheet);
        Assert.NotNull(answer);
        var gate = new SentenceGate(sheet);
        gate.AddFacts(answer.TurnFacts);
        var released = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
        Assert.NotEmpty(released);
        Assert.All(released, s => Assert.True(s.Clean, $"{message}: {s.Text} — {string.Join("; ", s.Held.Select(h => h.Reason))}"));
        Assert.DoesNotContain("{{", gate.Released, StringComparison.Ordinal);
    }

    private static string Answer(FactSheet sheet, string message) => Released(sheet, OfflineAnswers.FromTable(IntentRouter.Route(message, sheet), sheet)!);

    private static string Released(FactSheet sheet, OfflineAnswer answer)
    {
        var gate = new SentenceGate(sheet);
        gate.AddFacts(answer.TurnFacts);
        var released = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
        Assert.All(released, s => Assert.True(s.Clean, s.Text));
        return gate.Released;
    }
}

using System.Text.Json.Nodes;
using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// A question about an indicator, fund line or subject the table does not have (怎么改 / 为什么没完成 /
/// 完成了多少 / 得分多少 about a missing item) is answered plainly — the table has no such item — with the
/// nearest items it does have, never with other rows' figures as if they were the one asked; items named
/// by a short form or a concept the matcher resolves still name their rows.
/// </summary>
public class MissingItemTests
{
    internal static FactSheet Own(string name, Action<JsonNode>? change = null)
    {
        JsonNode table = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables", name + ".json")))!;
        change?.Invoke(table);
        return FactSheet.Build(EvaluationJson.Parse(table.ToJsonString()));
    }

    private static FactSheet Reference(string name) => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(RepoPaths.Reference(name))));

    internal static string Answer(string message, FactSheet sheet, string? previous = null)
    {
        Intent intent = IntentRouter.Route(message, sheet, previous);
        OfflineAnswer answer = OfflineAnswers.FromTable(intent, sheet)!;
        var gate = new SentenceGate(sheet);
        gate.AddFacts(answer.TurnFacts);
        var released = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
        Assert.All(released, s => Assert.True(s.Held.Count == 0, s.Text + " | " + string.Join("; ", s.Held.Select(h => h.Reason))));
        return gate.Released;
    }

    [Theory]
    [InlineData("probe29-A-yingyang", "糖尿病那项怎么改", "糖尿病")]
    [InlineData("probe29-A-yingyang", "高血压患者管理率为什么没完成", "高血压患者管理率")]
    [InlineData("probe29-A-yingyang", "请问学生近视率那项完成了多少", "学生近视率")]
    [InlineData("probe29-B-shuiku", "灌溉面积那个指标得分多少", "灌溉面积")]
    [InlineData("probe29-B-shuiku", "移民安置那项怎么整改", "移民安置")]
    [InlineData("probe29-C-gongwei", "食堂改造那项为什么没完成", "食堂改造")]
    [InlineData("probe29-C-gongwei", "孕产妇系统管理率扣了多少分", "孕产妇系统管理率")]
    [InlineData("zhongwei-2024-internship-subsidy", "糖尿病那项怎么改", "糖尿病")]
    [InlineData("zhongwei-2024-entrepreneurship-fund", "水库除险加固那项为什么没完成", "水库除险加固")]
    public void AnItemTheTableDoesNotHave_IsSaidPlainly_NotAnsweredWithOtherRows(string table, string message, string asked)
    {
        FactSheet sheet = table.StartsWith("probe29", StringComparison.Ordinal) ? Own(table) : Reference(table);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal(IntentKind.Define, intent.Kind);
        Assert.Equal(Topics.NoSuchItem, intent.Topic);
        Assert.Equal(asked, intent.Text);
        Assert.Empty(intent.Indicators);

        string answer = Answer(message, sheet);
        Assert.Contains($"没有“{asked}”这一项指标", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("单位填报的", answer, StringComparison.Ordinal); // no other row's reason
        Assert.DoesNotContain("下一步：", answer, StringComparison.Ordinal);    // no other row's measures
        Assert.DoesNotContain("得分", answer.Replace("完成、得分或整改", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe29-A-yingyang", "学生近视率那项怎么改", "受益学生人数")]
    [InlineData("probe29-C-gongwei", "高血糖患者管理率为什么没完成", "高血压患者规范管理率")]
    [InlineData("probe29-B-shuiku", "水库清淤那项完成了多少", "水库大坝安全鉴定数量")]
    public void TheNearestItems_TheTableHas_AreNamed(string table, string message, string near)
    {
        string answer = Answer(message, Own(table));
        Assert.Contains("表中相近的指标有", answer, StringComparison.Ordinal);
        Assert.Contains($"“{near}”", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingNear_SaysSo_WithTheTablesRowCount()
    {
        string answer = Answer("糖尿病那项怎么改", Own("probe29-B-shuiku"));
        Assert.Contains("没有与之相近的指标", answer, StringComparison.Ordinal);
        Assert.Contains("共有10项绩效指标", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe29-C-gongwei", "糖尿病那项怎么改", 2)]              // a part of the name
    [InlineData("probe29-C-gongwei", "考核完成时间那项怎么整改", 5)]
    [InlineData("probe29-A-yingyang", "按时拨付那项怎么改", 4)]           // a concept: 按时 → 及时率
    [InlineData("probe29-A-yingyang", "食堂改造为什么没完成", 2)]
    [InlineData("probe29-B-shuiku", "验收那项得分多少", 3)]               // 验收 → 合格率
    [InlineData("probe29-B-shuiku", "满意率为什么没完成", 9)]             // 满意率 → 满意度
    [InlineData("zhongwei-2024-internship-subsidy", "实习生那项怎么改", 0)] // a short form: 实习生 → 实习人员
    [InlineData("zhongwei-2024-internship-subsidy", "就业见习人员为什么没完成", 1)]
    public void AnItemNamedByASynonymTheProductResolves_StillNamesItsRow(string table, string message, int row)
    {
        FactSheet sheet = table.StartsWith("probe29", StringComparison.Ordinal) ? Own(table) : Reference(table);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.NotEqual(Topics.NoSuchItem, intent.Topic);
        Assert.Contains(row, intent.Indicators);
    }

    [Fact]
    public void ANameSeveralRowsShare_IsNotAMissingItem()
    {
        // 见习人员 is in three rows' names: the matcher cannot pick one, but the table has it.
        FactSheet sheet = Reference("zhongwei-2024-internship-subsidy");
        Assert.NotEqual(Topics.NoSuchItem, IntentRouter.Route("见习人员为什么没完成", sheet).Topic);
    }

    [Theory]
    [InlineData("这个怎么改")]
    [InlineData("哪些没完成")]
    [InlineData("扣分最多的那项怎么改")]
    [InlineData("总分为什么这么低")]
    [InlineData("执行率为什么没达到")]
    [InlineData("产出指标为什么扣分")]
    [InlineData("为什么没完成")]
    [InlineData("资金为什么没花完")]
    public void QuestionsThatNameNoItem_AreNotMissingItems(string message)
    {
        Assert.NotEqual(Topics.NoSuchItem, IntentRouter.Route(message, Own("probe29-A-yingyang")).Topic);
    }

    [Theory]
    [InlineData("probe29-C-gongwei", "市级资金执行得怎么样", "市级资金")]
    [InlineData("probe29-B-shuiku", "上年结转的钱为什么没用完", "上年结转资金")]
    [InlineData("probe29-A-yingyang", "自筹资金到位了多少", "自筹资金")]
    public void AFundSourceTheTableDoesNotHave_IsSaid_WithTheLinesItHas(string table, string message, string asked)
    {
        FactSheet sheet = Own(table);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal(Topics.NoSuchItem, intent.Topic);
        Assert.Equal(asked, intent.Text);
        string answer = Answer(message, sheet);
        Assert.Contains($"没有“{asked}”这一来源", answer, StringComparison.Ordinal);
        Assert.Contains($"“{sheet.Evaluation.Funds.Lines[1].Name}”", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe29-C-gongwei", "县级配套的钱为什么没花完")]
    [InlineData("probe29-A-yingyang", "县级资金为什么执行这么低")]
    [InlineData("probe29-B-shuiku", "中央的钱执行率多少")]
    public void AFundLineTheTableHas_IsAnsweredAsBefore(string table, string message)
    {
        Intent intent = IntentRouter.Route(message, Own(table));
        Assert.NotEqual(Topics.NoSuchItem, intent.Topic);
        Assert.NotEmpty(intent.Funds);
    }

    [Fact]
    public void AFollowUp_AfterAMissingItem_StaysWithIt()
    {
        FactSheet sheet = Own("probe29-A-yingyang");
        Intent intent = IntentRouter.Route("这个怎么改", sheet, "糖尿病那项完成了多少");
        Assert.Equal(Topics.NoSuchItem, intent.Topic);
        Assert.Empty(intent.Indicators);
    }
}

using System.Text.Json.Nodes;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Probe 38 #5: a row counted in money that this budget does not spend (a loan volume, income, output) lends its reason to
/// no fund line. Only the reasons of rows that spend the money (成本 rows, subsidies, 贴息) may explain an under-spent line.
/// </summary>
public class Session38DraftCausesTests
{
    [Theory]
    [InlineData("脱贫人口小额信贷贷款额", true)]
    [InlineData("创业担保贷款发放额", true)]
    [InlineData("脱贫人口人均纯收入", true)]
    [InlineData("带动农户增收", true)]
    [InlineData("合作社年销售额", true)]
    [InlineData("撬动社会资本投入", true)]
    [InlineData("创业担保贷款贴息", false)]
    [InlineData("贴息及奖补资金支出", false)]
    [InlineData("职业技能培训补贴支出", false)]
    [InlineData("小型公益性基础设施项目平均投资", false)]
    [InlineData("公益性岗位补贴", false)]
    public void MoneyThisBudgetDoesNotSpend(string name, bool notSpending) => Assert.Equal(notSpending, DraftPhrases.IsNotSpending(name));

    [Fact]
    public void TheTestersTable_TheCountyLineDoesNotTakeTheLoanRowsReason()
    {
        string text = SelfCheckTables.DraftOfThree(SelfCheckTables.Get("fixture/p38-t5-shaanxi-yangxian-xianjie.json"));
        Assert.Contains("县级资金", text, StringComparison.Ordinal); // the line is written about (85.41 %), so the check below bites
        foreach (string sentence in Sentences(text).Where(s => s.Contains("县级资金", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("贷款需求", sentence, StringComparison.Ordinal);
            Assert.DoesNotContain("发展意愿", sentence, StringComparison.Ordinal);
        }
    }

    // Made tables of other kinds: a low fund line with no reason of its own, and a short money row that is not spending with a
    // reason. The reason must not appear in the paragraph about the fund line; a short spending row's reason still may.
    [Theory]
    [InlineData("创业担保贷款发放额", "万元", "≥5000", "4200", "部分企业经营困难，贷款需求减少", false)]
    [InlineData("带动农户增收", "万元", "≥800", "650", "茶叶价格下行，销售收入减少", false)]
    [InlineData("合作社年产值", "万元", "≥3000", "2600", "受市场行情影响，产值下降", false)]
    [InlineData("职业技能培训补贴支出", "万元", "≥500", "380", "部分培训班推迟至次年开班，补贴未拨付", true)]
    public void AFundLineWithoutAReason_TakesOnlyASpendingRowsReason(string name, string unit, string target, string actual, string reason, bool used)
    {
        var e = EvaluationJson.Parse(new JsonObject
        {
            ["kind"] = "project",
            ["title"] = "2024年县级农业产业发展资金",
            ["year"] = 2024,
            ["funds"] = new JsonObject
            {
                ["unit"] = "万元", ["weight"] = "10",
                ["lines"] = new JsonArray(
                    new JsonObject { ["name"] = "年度资金总额", ["budget"] = "1000.00", ["executed"] = "820.00" },
                    new JsonObject { ["name"] = "中央资金", ["parent"] = "年度资金总额", ["budget"] = "600.00", ["executed"] = "600.00" },
                    new JsonObject { ["name"] = "县级资金", ["parent"] = "年度资金总额", ["budget"] = "400.00", ["executed"] = "220.00" }),
            },
            ["indicators"] = new JsonArray(
                new JsonObject { ["level1"] = "产出指标", ["level2"] = "数量指标", ["name"] = "扶持经营主体数量", ["unit"] = "个", ["target"] = "≥30", ["actual"] = "32", ["weight"] = "20" },
                new JsonObject { ["level1"] = "效益指标", ["level2"] = "经济效益指标", ["name"] = name, ["unit"] = unit, ["target"] = target, ["actual"] = actual, ["weight"] = "20", ["deviationNote"] = reason },
                new JsonObject { ["level1"] = "满意度指标", ["level2"] = "服务对象满意度指标", ["name"] = "经营主体满意度", ["unit"] = "%", ["target"] = "≥90%", ["actual"] = "95%", ["weight"] = "10" }),
        }.ToJsonString());
        string text = SelfCheckTables.DraftOfThree(e);
        string core = reason.Split('，')[0];
        string funds = string.Join("", Sentences(text).Where(s => s.Contains("资金", StringComparison.Ordinal) && s.Contains("执行率", StringComparison.Ordinal)));
        Assert.True(funds.Length > 0, text);
        if (used)
        {
            Assert.Contains(core, text, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(core, funds, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Sentences(string text) => text.Split('。', '\n');
}

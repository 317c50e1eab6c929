using Assistant.Domain.Facts;
using Assistant.Domain.Review;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 37 (probe 37 #12): across units, a row whose name holds the asked name whole (培训人数 in 脱贫劳动力培训人数) is listed,
/// even where a near row (补贴性职业技能培训人次) made the match ambiguous; a table with no such row still answers nothing.
/// </summary>
public class CrossUnitVerbatimTests
{
    private static FactSheet Sheet(string name) => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures", name + ".json"))));

    [Theory]
    [InlineData("p37-t1-wusheng-skills", "培训人数", "脱贫劳动力培训人数")]
    [InlineData("p37-t1-wusheng-skills", "证书人数", "取得职业资格证书或技能等级证书人数")]
    [InlineData("p37-t1-wusheng-skills", "监督检查次数", "培训机构监督检查次数")]
    [InlineData("p37-t2-dancheng-gongyigang", "务工收入增长率", "脱贫人口务工收入增长率")]
    [InlineData("p37-t2-dancheng-gongyigang", "脱贫劳动力就业人数", "带动脱贫劳动力就业人数")]
    public void ARowHoldingTheAskedNameWhole_IsListed(string table, string asked, string row) =>
        Assert.Contains(CrossUnit.Indicator(asked, Sheet(table)), s => s.Name == row);

    [Theory]
    [InlineData("p37-t1-wusheng-skills", "城镇新增就业人数")]
    [InlineData("p37-t2-dancheng-gongyigang", "培训人数")]
    public void ATableWithoutTheIndicator_StillAnswersNothing(string table, string asked) =>
        Assert.Empty(CrossUnit.Indicator(asked, Sheet(table)));
}

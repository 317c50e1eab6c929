using Assistant.Domain.Review;

namespace Assistant.Domain.Tests.Review;

/// <summary>Boilerplate among stated reasons: repeated within a unit, copied across units, measures given as reasons.</summary>
public sealed class ReasonQualityTests
{
    private const string Yx = "受上级资金下达时间较晚影响，项目招标推迟，部分工程未能在年内完工";

    [Theory]
    [InlineData("加强项目管理，严格资金监管，确保项目顺利实施", true)]
    [InlineData("下一步将进一步加强统筹调度，加快项目建设进度。", true)]
    [InlineData("强化督导考核；完善管理制度", true)]
    [InlineData("3个片区项目受6月汛期影响推迟开工，0.3万亩结转至2026年", false)]
    [InlineData("钢材、水泥等主要建材价格上涨，单位成本高于预期", false)]
    [InlineData("加强管理后仍因资金下达较晚未能完成", false)]
    [InlineData("资金下达较晚", false)]
    [InlineData("", false)]
    public void AMeasureIsNotAReason(string reason, bool measureOnly) =>
        Assert.Equal(measureOnly, ReasonQuality.IsMeasureOnly(reason));

    [Fact]
    public void OneSentenceOnSixRows_AndCopiedByAnotherUnit_AreBothFlagged()
    {
        var uses = new List<ReasonUse>();
        foreach (string row in new[] { "新建高标准农田面积", "高效节水灌溉面积", "新增粮食产能", "项目验收合格率", "工程按期完工率", "受益农户满意度" })
        {
            uses.Add(new ReasonUse("yx", "永新县", 0, row, Yx));
        }

        uses.Add(new ReasonUse("wa", "万安县", 1, "新建高标准农田面积", Yx.Replace("，", ",", StringComparison.Ordinal) + "。"));
        uses.Add(new ReasonUse("th", "泰和县", 2, "新增粮食产能", "资金下达较晚"));
        uses.Add(new ReasonUse("js", "吉水县", 2, "新增粮食产能", "资金下达较晚"));

        IReadOnlyList<ReasonFlag> flags = ReasonQuality.Find(uses);
        ReasonFlag repeated = Assert.Single(flags, f => f.Code == ReasonQuality.Repeated);
        Assert.Equal(6, repeated.Uses.Count);
        Assert.Contains("永新县在6项上填写了同一句原因", repeated.Message, StringComparison.Ordinal);
        Assert.Contains("“受益农户满意度”", repeated.Message, StringComparison.Ordinal);

        // Punctuation aside, 万安's sentence is 永新's; a short common phrase (资金下达较晚) is not a copy.
        ReasonFlag copied = Assert.Single(flags, f => f.Code == ReasonQuality.Copied);
        Assert.StartsWith("永新县、万安县填报的原因一字不差", copied.Message, StringComparison.Ordinal);
        Assert.Contains("万安县：“新建高标准农田面积”", copied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(flags, f => f.Uses.Any(u => u.Unit == "th"));
    }

    [Fact]
    public void TwoRowsSharingASentence_AreNotYetBoilerplate()
    {
        var uses = new[]
        {
            new ReasonUse("a", "甲县", 0, "新建面积", "3个片区受汛期影响推迟开工"),
            new ReasonUse("a", "甲县", 1, "节水面积", "3个片区受汛期影响推迟开工"),
        };
        Assert.Empty(ReasonQuality.Find(uses));
    }

    [Fact]
    public void AMeasureGivenAsAReason_NamesTheUnitAndTheRow()
    {
        ReasonFlag f = Assert.Single(ReasonQuality.Find([new ReasonUse("xg", "新干县", 2, "新增粮食产能", "加强项目管理，严格资金监管，确保项目顺利实施")]));
        Assert.Equal(ReasonQuality.MeasureOnly, f.Code);
        Assert.StartsWith("新干县“新增粮食产能”填写的原因", f.Message, StringComparison.Ordinal);
    }
}

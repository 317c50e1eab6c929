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

    /// <summary>A cause only in general words, whatever the wording; the same words beside a named cause are not.</summary>
    [Theory]
    [InlineData("受多种因素影响，未能完成年度目标", true)]
    [InlineData("客观原因导致项目未完成", true)]
    [InlineData("工作推进不够到位", true)]
    [InlineData("由于主客观等原因，项目进度滞后。", true)]
    [InlineData("受各方面因素制约，完成率偏低", true)]
    [InlineData("其他原因", true)]
    [InlineData("项目推进落实不到位，与目标存在差距", true)]
    [InlineData("对项目重视程度不够，工作力度不足", true)]
    [InlineData("受多种因素影响，3个片区项目推迟开工", false)]
    [InlineData("受降雨、墒情等多种因素影响，部分地块未能施工", false)]
    [InlineData("受气温等其他因素影响，出苗率偏低", false)]
    [InlineData("客观原因：6月连续强降雨，2个标段停工45天", false)]
    [InlineData("受上级资金下达时间较晚影响，项目招标推迟", false)]
    [InlineData("钢材、水泥等主要建材价格上涨，单位成本高于预期", false)]
    [InlineData("加强项目管理，严格资金监管，确保项目顺利实施", false)]
    [InlineData("资金拨付不到位", false)]
    [InlineData("", false)]
    public void AGeneralCauseIsNotAReason(string reason, bool vague) =>
        Assert.Equal(vague, ReasonQuality.IsVague(reason));

    /// <summary>疫情 given as the cause in 2024 or later is a reason of another period; what followed it (疫情后), or a 2022 table, is not.</summary>
    [Theory]
    [InlineData("因疫情等原因，部分培训未能开展", 2025, true)]
    [InlineData("受疫情影响，务工人员返岗推迟", 2024, true)]
    [InlineData("疫情防控需要，集中培训暂停", 2025, true)]
    [InlineData("由于疫情反复，施工单位无法进场", 2026, true)]
    [InlineData("因疫情等原因，部分培训未能开展", 2022, false)]
    [InlineData("因疫情等原因，部分培训未能开展", 2023, false)]
    [InlineData("受疫情后消费需求恢复较慢影响，带动就业人数减少", 2024, false)]
    [InlineData("后疫情时期企业用工需求下降", 2025, false)]
    [InlineData("受汛期影响推迟开工", 2025, false)]
    [InlineData("因疫情等原因，部分培训未能开展", null, false)]
    public void AnEpidemicCause_OutOfItsPeriod(string reason, int? year, bool outOfPeriod) =>
        Assert.Equal(outOfPeriod, ReasonQuality.IsOutOfPeriod(reason, year));

    [Fact]
    public void GeneralAndOutOfPeriodCauses_AreFlaggedPerUnit_SpecificOnesAreNot()
    {
        ReasonUse[] uses =
        [
            new("a", "甲县", 0, "新建高标准农田面积", "受多种因素影响，未能完成年度目标", 2025),
            new("b", "乙县", 1, "高效节水灌溉面积", "客观原因导致", 2025),
            new("c", "丙县", 2, "新增粮食产能", "工作推进不够到位", 2025),
            new("d", "丁县", 3, "农民培训人次", "因疫情等原因，部分培训未能开展", 2025),
            new("e", "戊县", 0, "新建高标准农田面积", "3个片区项目受6月汛期影响推迟开工，0.3万亩结转至2026年", 2025),
            new("f", "己县", 0, "新建高标准农田面积", "受多种因素影响，2个乡镇土地流转未谈妥，0.2万亩未能开工", 2025),
        ];
        IReadOnlyList<ReasonFlag> flags = ReasonQuality.Find(uses);
        Assert.Equal(["a", "b", "c"], flags.Where(f => f.Code == ReasonQuality.Vague).Select(f => f.Uses[0].Unit));
        ReasonFlag period = Assert.Single(flags, f => f.Code == ReasonQuality.OutOfPeriod);
        Assert.Equal("d", period.Uses[0].Unit);
        Assert.Contains("2025年度", period.Message, StringComparison.Ordinal);
        Assert.StartsWith("甲县“新建高标准农田面积”填写的原因“受多种因素影响，未能完成年度目标”只说了笼统的因素", flags[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(flags, f => f.Uses.Any(u => u.Unit is "e" or "f"));
    }
}

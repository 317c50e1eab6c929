using Assistant.Domain.Cells;

namespace Assistant.Domain.Tests;

public class CellParserTests
{
    [Theory]
    [InlineData("≥1500", null, Comparator.AtLeast, "1500", 0, "", "1500", null)]
    [InlineData("≤1600元/人", null, Comparator.AtMost, "1600", 0, "元/人", "1600", null)]
    [InlineData("≥98%", null, Comparator.AtLeast, "98", 0, "%", "98", null)]
    [InlineData("≥98", "%", Comparator.AtLeast, "98", 0, "%", "98", null)]
    [InlineData("0", null, Comparator.None, "0", 0, "", "0", null)]
    [InlineData("100", "%", Comparator.None, "100", 0, "%", "100", null)]
    [InlineData("30万", "万人", Comparator.None, "30", 0, "万人", "300000", null)]
    [InlineData("4.43万", "万人", Comparator.None, "4.43", 2, "万人", "44300", null)]
    [InlineData("40.55万人", null, Comparator.None, "40.55", 2, "万人", "405500", null)]
    [InlineData("≥16万人次", "万人次", Comparator.AtLeast, "16", 0, "万人次", "160000", null)]
    [InlineData("2.16", "亿元", Comparator.None, "2.16", 2, "亿元", "216000000", null)]
    [InlineData("765.4", "万元", Comparator.None, "765.4", 1, "万元", "7654000", null)]
    [InlineData("4个", "个", Comparator.None, "4", 0, "个", "4", null)]
    [InlineData("帮扶就业率93.27%", null, Comparator.None, "93.27", 2, "%", "93.27", "帮扶就业率")]
    [InlineData("帮扶就业率 93.27%", null, Comparator.None, "93.27", 2, "%", "93.27", "帮扶就业率")]
    [InlineData("创业带动就业 4208 人", null, Comparator.None, "4208", 0, "人", "4208", "创业带动就业")]
    [InlineData("≥ 5.3", "%", Comparator.AtLeast, "5.3", 1, "%", "5.3", null)]
    [InlineData("＞９０％", null, Comparator.Above, "90", 0, "%", "90", null)]
    [InlineData("<5%", null, Comparator.Below, "5", 0, "%", "5", null)]
    [InlineData("不低于95%", null, Comparator.AtLeast, "95", 0, "%", "95", null)]
    [InlineData("不超过1600元/人", null, Comparator.AtMost, "1600", 0, "元/人", "1600", null)]
    [InlineData("90%以上", null, Comparator.AtLeast, "90", 0, "%", "90", null)]
    [InlineData("5个工作日以内", null, Comparator.AtMost, "5", 0, "个工作日", "5", null)]
    [InlineData("1,200元/人", null, Comparator.None, "1200", 0, "元/人", "1200", null)]
    [InlineData("500万元", null, Comparator.None, "500", 0, "万元", "5000000", null)]
    [InlineData("=0", null, Comparator.Equal, "0", 0, "", "0", null)]
    public void Quantity_Forms(string text, string? rowUnit, Comparator cmp, string value, int decimals, string unit, string baseValue, string? label)
    {
        QuantityCell q = Assert.IsType<QuantityCell>(CellParser.Parse(text, rowUnit));
        Assert.Equal(cmp, q.Comparator);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), q.Number.Value);
        Assert.Equal(decimals, q.Number.Decimals);
        Assert.Equal(unit, q.EffectiveUnit.Text);
        Assert.Equal(decimal.Parse(baseValue, System.Globalization.CultureInfo.InvariantCulture), q.BaseValue);
        Assert.Equal(label, q.Label);
    }

    [Theory]
    [InlineData("效果显著", 3)]
    [InlineData("效果明显", 3)]
    [InlineData("效果良好", 2)]
    [InlineData("较好", 2)]
    [InlineData("一般", 1)]
    [InlineData("效果较差", 0)]
    [InlineData("未达成", 0)]
    [InlineData("提高服务水平", null)]
    [InlineData("保持稳定", null)]
    [InlineData("全日制专科以上", null)]
    [InlineData("提升就业创业服务质量", null)]
    public void Qualitative_Forms(string text, int? level)
    {
        QualitativeCell q = Assert.IsType<QualitativeCell>(CellParser.Parse(text));
        Assert.Equal(level, q.Level);
    }

    [Theory]
    [InlineData("12月底前", null, 12, null, true, true)]
    [InlineData("2025年底", 2025, 12, null, true, false)]
    [InlineData("8月1日", null, 8, 1, false, false)]
    [InlineData("2025年9月", 2025, 9, null, false, false)]
    [InlineData("2024年", 2024, null, null, false, false)]
    [InlineData("年底前", null, 12, 31, true, true)]
    [InlineData("2024年6月30日前", 2024, 6, 30, false, true)]
    public void Deadline_Forms(string text, int? year, int? month, int? day, bool end, bool before)
    {
        DeadlineCell d = Assert.IsType<DeadlineCell>(CellParser.Parse(text));
        Assert.Equal(year, d.Year);
        Assert.Equal(month, d.Month);
        Assert.Equal(day, d.Day);
        Assert.Equal(end, d.EndOfPeriod);
        Assert.Equal(before, d.Before);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    [InlineData("指标值未设定", true)]
    [InlineData("无", true)]
    [InlineData("—", true)]
    public void Missing_Forms(string? text, bool explicitlyNotSet)
    {
        MissingCell m = Assert.IsType<MissingCell>(CellParser.Parse(text));
        Assert.Equal(explicitlyNotSet, m.ExplicitlyNotSet);
    }

    [Fact]
    public void Cancelled_Form() => Assert.IsType<CancelledCell>(CellParser.Parse("指标已取消"));

    [Theory]
    [InlineData("1月700元/人/月，2月开始1000元/人/月", 4, "含4个数值")]
    [InlineData("单位应缴纳的三项社会保险补贴或原则上不超过其实际缴费额的2/3。", 2, "含2个数值")]
    [InlineData("完成培训3期共计120人次", 2, "含2个数值")]
    [InlineData("约30家企业", 1, "不是可识别的计量单位")]
    public void Compound_IsReadButSaysWhyItIsNotOneQuantity(string text, int numbers, string reason)
    {
        CompoundCell c = Assert.IsType<CompoundCell>(CellParser.Parse(text));
        Assert.Equal(numbers, c.Numbers.Count);
        Assert.Contains(reason, c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CellUnit_WinsOverRowUnit()
    {
        QuantityCell q = Assert.IsType<QuantityCell>(CellParser.Parse("5000元", "万元"));
        Assert.Equal("元", q.EffectiveUnit.Text);
        Assert.Equal(5000m, q.BaseValue);
    }

    [Fact]
    public void BaseInterval_CarriesPrintedPrecisionThroughTheMagnitude()
    {
        QuantityCell q = Assert.IsType<QuantityCell>(CellParser.Parse("4.43万", "万人"));
        Assert.Equal(44250m, q.BaseInterval.Low);
        Assert.Equal(44350m, q.BaseInterval.High);
    }
}

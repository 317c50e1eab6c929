using Assistant.Domain.Conversation;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 42: a place named in a reviewer's question in another form than the unit's name (乳源县 for 乳源瑶族自治县…, 包头市 for the
/// city's own unit not its counties, 两江区 for 两江新区) means the unit by its distinctive stem, and never two units at once.
/// </summary>
public class UnitPlacesTests
{
    private static readonly string[] Counties =
    [
        "峰峰矿区人力资源和社会保障局", "蕲春县医疗保障局", "乳源瑶族自治县住房和城乡建设管理局", "重庆市武隆区林业局",
    ];

    [Theory]
    [InlineData("乳源瑶族自治县住房和城乡建设管理局", "乳源瑶族自治县")]
    [InlineData("重庆市武隆区林业局", "重庆市|武隆区")]
    [InlineData("宁夏回族自治区吴忠市利通区文化旅游体育广电局", "宁夏回族自治区|吴忠市|利通区")]
    [InlineData("峰峰矿区人力资源和社会保障局", "峰峰矿区")]
    [InlineData("包头市本级科学技术局", "包头市本级")]
    [InlineData("重庆市两江新区管委会", "重庆市|两江新区")]
    [InlineData("长阳土家族自治县城市管理局", "长阳土家族自治县")]
    [InlineData("沛县财政局", "沛县")]
    [InlineData("某省财政厅", "")]
    public void Of_ReadsThePlacesAUnitsNameOpensWith(string unit, string places)
    {
        Assert.Equal(places.Length == 0 ? [] : places.Split('|'), UnitPlaces.Of(unit));
    }

    [Theory]
    [InlineData("乳源瑶族自治县", "乳源")]
    [InlineData("乳源县", "乳源")]
    [InlineData("两江新区", "两江")]
    [InlineData("两江区", "两江")]
    [InlineData("包头市本级", "包头")]
    [InlineData("宁夏回族自治区", "宁夏")]
    [InlineData("长阳土家族自治县", "长阳")]
    [InlineData("峰峰矿区", "峰峰矿")]
    public void Stem_TakesOffTheKindAndThePeoples(string place, string stem) => Assert.Equal(stem, UnitPlaces.Stem(place));

    [Theory]
    [InlineData("乳源县", "乳源瑶族自治县住房和城乡建设管理局")]
    [InlineData("乳源瑶族自治县", "乳源瑶族自治县住房和城乡建设管理局")]
    [InlineData("蕲春县", "蕲春县医疗保障局")]
    [InlineData("武隆区", "重庆市武隆区林业局")]
    [InlineData("武隆县", "重庆市武隆区林业局")]
    [InlineData("峰峰矿区", "峰峰矿区人力资源和社会保障局")]
    public void Match_FindsTheOneUnitByItsStem(string place, string unit)
    {
        UnitPlaces.PlaceMatch m = UnitPlaces.Match(place, Counties);
        Assert.False(m.Ambiguous);
        Assert.Equal([unit], m.Units);
    }

    [Theory]
    [InlineData("包头市", new[] { "包头市本级科学技术局", "包头市固阳县农牧局", "包头市昆都仑区教育局" }, "包头市本级科学技术局")]
    [InlineData("包头市本级", new[] { "包头市本级科学技术局", "包头市固阳县农牧局" }, "包头市本级科学技术局")]
    [InlineData("固阳县", new[] { "包头市本级科学技术局", "包头市固阳县农牧局" }, "包头市固阳县农牧局")]
    [InlineData("两江区", new[] { "重庆市两江新区管委会", "重庆市武隆区林业局" }, "重庆市两江新区管委会")]
    [InlineData("兰州市", new[] { "兰州市本级财政局", "兰州新区财政局" }, "兰州市本级财政局")]
    [InlineData("兰州新区", new[] { "兰州市本级财政局", "兰州新区财政局" }, "兰州新区财政局")]
    public void Match_ACityIsItsOwnUnit_NotItsCounties_AndAKindAskedDecides(string place, string[] units, string unit)
    {
        UnitPlaces.PlaceMatch m = UnitPlaces.Match(place, units);
        Assert.False(m.Ambiguous);
        Assert.Equal([unit], m.Units);
    }

    [Fact]
    public void Match_ACountysDepartmentsAreOnePlace()
    {
        UnitPlaces.PlaceMatch m = UnitPlaces.Match("蕲春县", ["蕲春县医疗保障局", "蕲春县财政局", "英山县医疗保障局"]);
        Assert.Equal(["蕲春县医疗保障局", "蕲春县财政局"], m.Units);
    }

    [Theory]
    [InlineData("鼓楼区", new[] { "南京市鼓楼区教育局", "福州市鼓楼区教育局" }, "南京市鼓楼区|福州市鼓楼区")]
    [InlineData("重庆市", new[] { "重庆市武隆区林业局", "重庆市两江新区管委会" }, "重庆市武隆区林业局|重庆市两江新区管委会")]
    public void Match_TwoUnitsAtOnce_IsAChoice(string place, string[] units, string choices)
    {
        UnitPlaces.PlaceMatch m = UnitPlaces.Match(place, units);
        Assert.True(m.Ambiguous);
        Assert.Empty(m.Units);
        Assert.Equal(choices.Split('|'), m.Choices);
    }

    [Theory]
    [InlineData("英山县")]
    [InlineData("乳山县")]
    [InlineData("武陵区")]
    public void Match_AnotherPlace_IsNone(string place)
    {
        UnitPlaces.PlaceMatch m = UnitPlaces.Match(place, Counties);
        Assert.False(m.Ambiguous);
        Assert.Empty(m.Units);
    }

    [Theory]
    [InlineData("乳源县的执行率是多少", "乳源县")]
    [InlineData("乳源瑶族自治县的结余有多少", "乳源瑶族自治县")]
    [InlineData("两江新区执行率多少", "两江新区")]
    [InlineData("包头市本级的执行数是多少", "包头市本级")]
    [InlineData("蕲春县的县级资金执行率", "蕲春县")]
    [InlineData("各县执行率", null)]
    [InlineData("三河市的执行率", "三河市")]
    [InlineData("十堰市本级的结余", "十堰市本级")]
    [InlineData("两个县的执行率", null)]
    public void PlaceOf_ReadsThePlaceInEitherForm(string message, string? place) => Assert.Equal(place, CrossUnitQuestions.PlaceOf(message));
}

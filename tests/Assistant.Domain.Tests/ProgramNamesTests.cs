using Assistant.Domain.Review;

namespace Assistant.Domain.Tests;

/// <summary>
/// One program across units (probe 34 chat #8): a title without its year, codes, brackets and places (the unit's own region
/// and department, a place leading the title, a bracket holding only a place) names the program; titles that differ by a
/// real word stay apart, and words that only end like a place (城市、小区、市场、乡村、小镇) are kept.
/// </summary>
public class ProgramNamesTests
{
    [Theory]
    // The probe: 乙县's title carries year and place, 甲县's does not.
    [InlineData("2024年乙县基本公共卫生服务项目", "四川省乙县", "乙县卫生健康局", "基本公共卫生服务项目")]
    [InlineData("基本公共卫生服务项目", "四川省某县", "某县卫生健康局", "基本公共卫生服务项目")]
    [InlineData("某县基本公共卫生服务项目", "四川省某县", "某县疾病预防控制中心", "基本公共卫生服务项目")]
    // Single-character county names, known from the region or the department.
    [InlineData("2024年度沛县农村公路养护资金", "江苏省徐州市沛县", null, "农村公路养护资金")]
    [InlineData("萧县2024年农村公路养护资金", null, "萧县交通运输局", "农村公路养护资金")]
    // A place leading the title, known or not; provinces, leagues and banners.
    [InlineData("泰和县2025年高标准农田建设补助资金", null, null, "高标准农田建设补助资金")]
    [InlineData("内蒙古自治区锡林郭勒盟2024年草原生态保护补助奖励资金", null, null, "草原生态保护补助奖励资金")]
    [InlineData("阿拉善左旗2024年公益林管护项目", "内蒙古自治区阿拉善盟阿拉善左旗", null, "公益林管护项目")]
    [InlineData("郑州市2024年城市社区卫生服务项目", null, null, "城市社区卫生服务项目")]
    [InlineData("2024年章贡区城市社区卫生服务项目", "江西省赣州市章贡区", null, "城市社区卫生服务项目")]
    [InlineData("2024年城关镇污水处理设施运行经费", "湖南省某县城关镇", null, "污水处理设施运行经费")]
    [InlineData("黔东南苗族侗族自治州2024年义务教育薄弱环节改善资金", null, null, "义务教育薄弱环节改善资金")]
    [InlineData("2024年甲县基本公共卫生服务项目", "贵州省甲县", null, "基本公共卫生服务项目")]
    [InlineData("贵州省2024年农村公路养护资金", null, null, "农村公路养护资金")]
    // Brackets holding a year, a place or a code, and Chinese-numeral years.
    [InlineData("基本公共卫生服务项目（2024年度）", null, null, "基本公共卫生服务项目")]
    [InlineData("基本公共卫生服务项目（乙县）", "四川省乙县", null, "基本公共卫生服务项目")]
    [InlineData("基本公共卫生服务项目(戊县)", null, null, "基本公共卫生服务项目")]
    [InlineData("基本公共卫生服务项目[XM-2024-015]", null, null, "基本公共卫生服务项目")]
    [InlineData("二〇二四年度乙县基本公共卫生服务项目绩效自评表", "四川省乙县", null, "基本公共卫生服务项目")]
    [InlineData("乙县2024年度基本公共卫生服务项目自评表", null, "乙县卫生健康局", "基本公共卫生服务项目")]
    public void PlacesYearsCodesAndBrackets_AreNotTheProgram(string title, string? region, string? department, string program) =>
        Assert.Equal(program, ProgramNames.Of(title, [region], [department]));

    [Theory]
    [InlineData("老旧小区改造补助资金")]
    [InlineData("农贸市场升级改造资金")]
    [InlineData("美丽乡村建设资金")]
    [InlineData("特色小镇建设项目资金")]
    [InlineData("城乡居民基本医疗保险补助资金")]
    [InlineData("城市管理执法经费")]
    [InlineData("少数民族地区发展资金")]
    [InlineData("工业园区基础设施建设资金")]
    [InlineData("重点区域生态保护修复资金")]
    [InlineData("县域商业体系建设资金")]
    [InlineData("基本公共卫生服务项目（中央）")]
    public void WordsThatOnlyEndLikeAPlace_Stay(string title) =>
        Assert.Equal(Numbers.TextNormalizer.Normalize(title), ProgramNames.Of(title, [null], [null]));

    [Theory]
    [InlineData("2024年乙县基本公共卫生服务项目", "四川省乙县", "基本公共卫生服务项目", "四川省某县")]
    [InlineData("泰和县2025年高标准农田建设补助资金", "江西省吉安市泰和县", "吉水县高标准农田建设补助资金", "江西省吉安市吉水县")]
    // A province whose name ends like a place (贵州省 is one place, not 贵州 + 省甲县).
    [InlineData("2024年甲县基本公共卫生服务项目", "贵州省甲县", "乙县基本公共卫生服务项目", "贵州省乙县")]
    [InlineData("独山县城乡医疗救助补助资金", "贵州省黔南州独山县", "2025年荔波县城乡医疗救助补助资金", "贵州省黔南布依族苗族自治州荔波县")]
    [InlineData("阿拉善左旗公益林管护项目", null, "公益林管护项目（2024年度）", null)]
    public void OneProgram_InTwoUnits(string a, string? regionA, string b, string? regionB) =>
        Assert.Equal(ProgramNames.Of(a, [regionA], []), ProgramNames.Of(b, [regionB], []));

    [Theory]
    [InlineData("2024年乙县基本公共卫生服务项目", "四川省乙县", "重大公共卫生服务项目", "四川省某县")]
    [InlineData("乙县农村公路养护资金", "四川省乙县", "某县农村公路建设资金", "四川省某县")]
    [InlineData("中央财政林业草原生态保护恢复资金", null, "省级财政林业草原生态保护恢复资金", null)]
    [InlineData("基本公共卫生服务项目（中央）", null, "基本公共卫生服务项目（省级）", null)]
    [InlineData("泰和县高标准农田建设补助资金", null, "泰和县高标准农田建后管护资金", null)]
    [InlineData("老旧小区改造补助资金", null, "老旧街区改造补助资金", null)]
    public void TitlesDifferingByARealWord_StayApart(string a, string? regionA, string b, string? regionB) =>
        Assert.NotEqual(ProgramNames.Of(a, [regionA], []), ProgramNames.Of(b, [regionB], []));
}

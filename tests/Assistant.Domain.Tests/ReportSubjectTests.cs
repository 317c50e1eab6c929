using Assistant.Domain.Corpus;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>Issue 18 class 13: passages are filed under their own subject (place, project), section and kind.</summary>
public class ReportSubjectTests
{
    private static ParsedReport Guangxi => ReportParser.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", "guangxi-2024-employment-transfer-report.txt")));

    [Theory]
    // (三) paragraph in section 三: its reasons belong to 河池 and its project, not to (二) 桂林.
    [InlineData("企业扩张意愿不足", "偏离绩效目标", "河池市", "河池市公共就业服务能力提升示范项目")]
    [InlineData("在重点园区布局园区就业服务站", "偏离绩效目标", "河池市", "河池市公共就业服务能力提升示范项目")]
    // 附表3 rows: the 未完成原因 cell is a reason of its row, filed under the table's project.
    [InlineData("当地劳动力由于家庭、教育、收入等因素", "附表3", "河池市", "河池市公共就业服务能力提升示范项目")]
    // 附表2 (桂林): its reason cell is 桂林's.
    [InlineData("就业困难人员规模逐年减少", "附表2", "桂林市", "桂林市公共就业服务能力提升示范项目")]
    public void Guangxi_ReasonsAreFiledUnderTheirSubject(string contains, string section, string place, string project)
    {
        var passages = Guangxi.Passages.Where(p => p.Text.Contains(contains, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(passages);
        var filed = passages.Where(p => p.SectionPath.Contains(section, StringComparison.Ordinal)).ToList();
        Assert.True(filed.Count > 0, $"no passage with «{contains}» under {section}: {string.Join(" | ", passages.Select(p => p.SectionPath))}");
        Assert.All(filed, p =>
        {
            Assert.Contains(place, p.SectionPath + p.Fund, StringComparison.Ordinal);
            Assert.Equal(project, p.Fund);
            Assert.True(p.Kind is SectionKind.DeviationReason or SectionKind.ImprovementMeasure, p.Kind.ToString());
        });
    }

    [Fact]
    public void Guangxi_LaterChunksOfASubjectParagraphKeepTheSubject()
    {
        var section = Guangxi.Passages.Where(p => p.SectionPath.Contains("河池市公共就业服务能力提升示范项目", StringComparison.Ordinal)
            && p.SectionPath.Contains("偏离", StringComparison.Ordinal)).ToList();
        Assert.True(section.Count >= 2, string.Join(" | ", section.Select(p => p.Text)));
        Assert.All(section, p => Assert.Equal("河池市公共就业服务能力提升示范项目", p.Fund));
        Assert.DoesNotContain(Guangxi.Passages, p => p.Text.Contains("企业扩张意愿不足", StringComparison.Ordinal) && p.SectionPath.Contains("桂林", StringComparison.Ordinal));
    }

    [Fact]
    public void Guangxi_AnnexTablesAreTheirOwnSections()
    {
        var annexes = Guangxi.Sections.Where(s => s.Number.StartsWith("附表", StringComparison.Ordinal)).Select(s => s.Heading).ToList();
        Assert.Equal(2, annexes.Count(h => h.Contains("项目", StringComparison.Ordinal)));
        Assert.Contains(annexes, h => h.Contains("河池市公共就业服务能力提升示范项目", StringComparison.Ordinal));
        Assert.Contains(annexes, h => h.Contains("桂林市公共就业服务能力提升示范项目", StringComparison.Ordinal));
    }

    [Theory]
    // Other provinces' phrasing: a numbered paragraph naming a county's or a city's project.
    [InlineData("三、偏离绩效目标的原因和下一步改进措施\n（一）全省就业补助资金执行率偏低，主要原因是部分资金下达较晚。\n（二）石门县公共实训基地建设项目的实训人数目标任务3000人，实际完成2100人，未完成主要原因：一是基地主体工程延期；二是设备采购周期长。下一步加快设备安装调试。\n四、其他\n", "基地主体工程延期", "石门县公共实训基地建设项目")]
    [InlineData("三、偏离绩效目标的原因和下一步改进措施\n（一）定西市零工市场建设项目的零工服务人次目标任务5万人次，实际完成3.2万人次，主要原因是市场选址调整，投入使用时间推迟。下一步将完善服务功能。\n", "市场选址调整", "定西市零工市场建设项目")]
    public void OtherReports_NumberedSubjectParagraphs(string text, string contains, string project)
    {
        var report = ReportParser.Parse(text);
        var passage = Assert.Single(report.Passages, p => p.Text.Contains(contains, StringComparison.Ordinal));
        Assert.Equal(project, passage.Fund);
        Assert.Contains(project, passage.SectionPath, StringComparison.Ordinal);
        Assert.Equal(SectionKind.DeviationReason, passage.Kind);
    }

    [Theory]
    [InlineData("（三）河池市公共就业服务能力提升示范项目的带动城镇新增就业人数目标任务1.6万人", "河池市公共就业服务能力提升示范项目")]
    [InlineData("石门县公共实训基地建设项目的实训人数目标任务3000人", "石门县公共实训基地建设项目")]
    [InlineData("全区享受社会保险补贴人数25.41万人，完成目标任务15万人的169%", null)]
    public void HeadingOf_NamesTheSubject(string body, string? heading)
    {
        string b = body.StartsWith('（') ? body[3..] : body;
        Assert.Equal(heading, ReportSubject.HeadingOf(b));
    }
}

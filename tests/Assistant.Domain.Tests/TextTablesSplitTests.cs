using Assistant.Domain.Importing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Lines of a table copied from a PDF with single spaces between cells: words the copy broke are joined
/// back, while values, 一级/二级 labels, 项目名称-style labels and a row's worded 指标值/实际完成值 stay cells.
/// </summary>
public class TextTablesSplitTests
{
    [Theory]
    // 项目名称 / 主管部门 / 实施单位: each label a cell, its value the words up to the next label.
    [InlineData("项目名称 城乡居民基本养老保险补助资金", "项目名称|城乡居民基本养老保险补助资金")]
    [InlineData("主管部门 某县人力资源和社会保障局 实施单位 某县社会保险事业管理中心", "主管部门|某县人力资源和社会保障局|实施单位|某县社会保险事业管理中心")]
    [InlineData("项目名称： 公益性岗位 补贴", "项目名称：|公益性岗位补贴")]
    [InlineData("项目名称 Smart City 平台运维", "项目名称|Smart City 平台运维")]
    // 一级 and 二级 labels stay cells of their own; the broken name is joined.
    [InlineData("产出指标（50分） 数量指标 城乡居民养老保险参保人数 ≥12万人 11.6万人 15 14.5 部分人员外出务工", "产出指标（50分）|数量指标|城乡居民养老保险参保人数|≥12万人|11.6万人|15|14.5|部分人员外出务工")]
    [InlineData("产出指标（50分） 数量指标 补贴性职业技能 培训人次（人次） ≥3000 2412 20 16.08 部分企业停工减产，参训 人数减少", "产出指标（50分）|数量指标|补贴性职业技能培训人次（人次）|≥3000|2412|20|16.08|部分企业停工减产，参训人数减少")]
    [InlineData("满意度指标(10分) 服务对象满意度指标 参训人员满意度（%） ≥90 93 10 10", "满意度指标(10分)|服务对象满意度指标|参训人员满意度（%）|≥90|93|10|10")]
    [InlineData("就业困难人员 再就业人数（人） ≥500 574 10 10", "就业困难人员再就业人数（人）|≥500|574|10|10")]
    [InlineData("其中：当年财政 拨款 860.00 860.00 645.00 10.00 75.00% 7.50", "其中：当年财政拨款|860.00|860.00|645.00|10.00|75.00%|7.50")]
    // Worded target and actual before the 分值 and 得分: the two words before them.
    [InlineData("效益指标（30分） 社会效益指标 城乡居民养老保障水平 逐步提高 有所提高 15 15", "效益指标（30分）|社会效益指标|城乡居民养老保障水平|逐步提高|有所提高|15|15")]
    [InlineData("带动 就业 人数 稳步增加 明显增加 10 10", "带动就业人数|稳步增加|明显增加|10|10")]
    [InlineData("是否发生重大群体性事件 否 否 15 15", "是否发生重大群体性事件|否|否|15|15")]
    [InlineData("可持续影响指标 劳动者职业技能 水平 持续提升 有所提升 15 12 培训 后续跟踪不足", "可持续影响指标|劳动者职业技能水平|持续提升|有所提升|15|12|培训后续跟踪不足")]
    // Not a worded pair: a numeric target, or too few words before the values.
    [InlineData("补贴 发放 人数 ≥500 574 10 10", "补贴发放人数|≥500|574|10|10")]
    [InlineData("可持续影响指标 制度运行 长期 15 15", "可持续影响指标|制度运行长期|15|15")]
    // Lines without two values stay one cell (a sentence, a goal).
    [InlineData("按时足额发放城乡居民基础养老金 参保人数稳定增长", "按时足额发放城乡居民基础养老金 参保人数稳定增长")]
    public void SingleSpaceLines_SplitIntoTheirCells(string line, string expected)
    {
        Assert.Equal(expected, string.Join('|', TextTables.Split(line)));
    }

    [Fact]
    public void TabsAndWideGaps_AreCellBreaksAsBefore()
    {
        Assert.Equal(["项目名称", "城乡 公益性岗位"], TextTables.Split("项目名称\t城乡 公益性岗位"));
        Assert.Equal(["项目名称", "城乡公益性岗位补贴"], TextTables.Split("项目名称    城乡公益性岗位补贴"));
    }
}

using Assistant.Domain.Importing;

namespace Assistant.Domain.Tests;

/// <summary>A unit printed at the end of an indicator's name, in a table with no unit column, is the row's unit.</summary>
public class NameUnitTests
{
    [Theory]
    [InlineData("享受公益性岗位补贴人员数量（人）", "享受公益性岗位补贴人员数量", "人")]
    [InlineData("零就业家庭帮扶率 (%)", "零就业家庭帮扶率", "%")]
    [InlineData("危桥改造座数（座）", "危桥改造座数", "座")]
    [InlineData("群众出行时间缩短（分钟）", "群众出行时间缩短", "分钟")]
    [InlineData("每公里养护成本（万元/公里）", "每公里养护成本", "万元/公里")]
    [InlineData("新建改建农村公路（条）", "新建改建农村公路", "条")]
    [InlineData("因公益性岗位引发的群体性事件（起）", "因公益性岗位引发的群体性事件", "起")]
    [InlineData("人均补助标准（元/人/月）", "人均补助标准", "元/人/月")]
    [InlineData("培训学时（学时）", "培训学时", "学时")]
    [InlineData("办结时限（个工作日）", "办结时限", "个工作日")]
    [InlineData("补贴发放（户次）", "补贴发放", "户次")]
    public void TrailingUnit_IsSplitOff(string name, string bare, string unit) => Assert.Equal((bare, unit), CellText.SplitUnit(name));

    [Theory]
    [InlineData("职业技能培训（试行）")]
    [InlineData("创业担保贷款（含贴息）")]
    [InlineData("满意度（服务对象）")]
    [InlineData("补助标准（分）")]
    public void OtherBrackets_StayInTheName(string name) => Assert.Equal((name, (string?)null), CellText.SplitUnit(name));
}

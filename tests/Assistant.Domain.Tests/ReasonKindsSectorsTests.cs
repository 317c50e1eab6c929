using Assistant.Domain.Review;

namespace Assistant.Domain.Tests;

/// <summary>
/// Reasons of several kinds across sectors (health, education, transport, agriculture, forestry, civil affairs, employment),
/// worded as units word them (probe 34 chat #11: 辖区流动人口增加 was 其他原因): population change of any kind is
/// 人口或对象流动, and only a reason that names no cause at all is left 其他原因.
/// </summary>
public class ReasonKindsSectorsTests
{
    [Theory]
    // Population change: people leaving, arriving, returning, resettled; a shrinking resident population.
    [InlineData("辖区流动人口增加，高危孕产妇管理难度加大", "人口或对象流动")]
    [InlineData("外来务工人员子女增多，适龄儿童入学人数超出预期", "人口或对象流动")]
    [InlineData("春节后大量务工人员返乡，重点人群随访难以开展", "人口或对象流动")]
    [InlineData("常住人口减少，实际签约服务人数下降", "人口或对象流动")]
    [InlineData("易地搬迁安置点群众陆续迁入，服务对象增加", "人口或对象流动")]
    [InlineData("部分学生随父母外出就读，控辍保学任务人数减少", "人口或对象流动")]
    [InlineData("人员流动频繁，部分慢病患者失访", "人口或对象流动")]
    [InlineData("生源减少，寄宿生营养改善计划受益人数下降", "人口或对象流动")]
    [InlineData("辖区人口流动性大，部分儿童未能按时接种", "人口或对象流动")]
    [InlineData("户籍人口中外出人员比例高，在册特困人员实际在辖区的较少", "人口或对象流动")]
    // Other kinds, across sectors.
    [InlineData("省级资金12月下旬才下达，无法在年内支付", "资金下达或拨付滞后")]
    [InlineData("受8月持续强降雨影响，道路施工停工两个月", "天气或自然灾害")]
    [InlineData("受台风影响，部分防护林受损", "天气或自然灾害")]
    [InlineData("砂石等建材价格上涨，实际完成里程减少", "价格或成本变化")]
    [InlineData("乡镇卫生院专业技术人员不足，家庭医生签约服务覆盖不够", "人员力量不足")]
    [InlineData("部分村医兼职较多，入户随访力量不足", "人员力量不足")]
    [InlineData("符合条件的困难群众申请人数少于预期", "需求或申报不足")]
    [InlineData("项目招标两次流标，开工时间推迟至10月", "项目实施进度滞后")]
    [InlineData("年初目标值设定偏高，未充分考虑实际情况", "目标设定不合理")]
    [InlineData("县级财力紧张，配套资金未足额到位", "本级财力紧张")]
    [InlineData("市场需求疲软，农产品收购量下降", "经济形势和市场变化")]
    [InlineData("政府采购节约资金12万元", "资金节约或结余")]
    [InlineData("按照新的政策调整补助标准，发放人数减少", "政策或标准调整")]
    [InlineData("上级考核方案下发较晚，部分工作未能按期开展", "上级方案或文件下发较晚")]
    [InlineData("跨年度项目按合同约定分期支付", "统计或核算口径")]
    // Probe 37: the supply of places, the body carrying the work out, the people served choosing another path.
    [InlineData("见习岗位不足", "岗位或承接能力不足")]
    [InlineData("辖区企业提供的见习岗位有限，部分青年未能参加见习", "岗位或承接能力不足")]
    [InlineData("公办幼儿园学位紧张，新增入园人数少于计划", "岗位或承接能力不足")]
    [InlineData("养老机构床位不足，集中供养人数未达目标", "岗位或承接能力不足")]
    [InlineData("部分培训机构资质到期，下半年暂停开班2个月", "承办机构或实施主体原因")]
    [InlineData("原中标单位履约能力不足，更换供应商后才完成配送", "承办机构或实施主体原因")]
    [InlineData("承办单位停止招生，转由其他机构承接", "承办机构或实施主体原因")]
    [InlineData("部分学员选择继续升学", "服务对象个人选择或去向变化")]
    [InlineData("见习人员提前留用，见习期缩短", "服务对象个人选择或去向变化")]
    [InlineData("部分见习人员参加公务员考试", "服务对象个人选择或去向变化")]
    [InlineData("3名对象应征入伍，退出帮扶", "服务对象个人选择或去向变化")]
    [InlineData("个别学员因家庭原因中途放弃培训", "服务对象个人选择或去向变化")]
    // Probe 38: market prices, weak demand, land disputes, a single event, the health of the people served.
    [InlineData("受农产品价格下行影响，经营性收入增长放缓", "经济形势和市场变化")]
    [InlineData("生猪价格持续低迷，养殖户补栏积极性下降", "经济形势和市场变化")]
    [InlineData("茶叶销售不畅，合作社带动增收效果减弱", "经济形势和市场变化")]
    [InlineData("行业经营困难，部分贷款主体还款能力下降", "经济形势和市场变化")]
    [InlineData("部分脱贫户发展意愿不足，贷款需求下降", "需求或申报不足")]
    [InlineData("群众参与意愿不强，改厕户数少于计划", "需求或申报不足")]
    [InlineData("部分地块因土地流转纠纷未能开工", "用地、征迁或群众协调问题")]
    [InlineData("项目选址涉及基本农田，用地手续办理时间长", "用地、征迁或群众协调问题")]
    [InlineData("征迁工作进展缓慢，2公里路段未能施工", "用地、征迁或群众协调问题")]
    [InlineData("九曲溪沿线景观提升工程因设计变更推迟", "项目实施进度滞后")]
    [InlineData("1例高危孕产妇转诊途中死亡", "个别突发或意外事件")]
    [InlineData("辖区发生1起突发公共卫生事件，部分服务暂停", "个别突发或意外事件")]
    [InlineData("受学生肥胖检出率上升影响", "服务对象健康或自身状况")]
    [InlineData("辖区老龄化程度加深，失能老人比例上升", "服务对象健康或自身状况")]
    // No cause named: unclassified.
    [InlineData("工作推进不够到位", ReasonKinds.Other)]
    [InlineData("基层重视程度不够", ReasonKinds.Other)]
    // Session 40: a publicity that did not reach people names a cause, answered by publicity (宣传、告知、政策解读).
    [InlineData("宣传力度不够", "宣传或政策知晓不足")]
    public void Reasons_AreCountedByKind(string reason, string kind) => Assert.Equal(kind, ReasonKinds.Classify(reason));
}

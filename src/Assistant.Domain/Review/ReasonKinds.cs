using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Review;

/// <summary>
/// The kinds of reason units give for a deviation, by the words they use (first match wins, in this
/// order). Counting reasons across units counts kinds, since no two units word a reason alike.
/// </summary>
public static partial class ReasonKinds
{
    public const string Other = "其他原因";

    private static readonly (string Kind, string[] Words)[] Kinds =
    [
        ("本级财力紧张", ["财力紧张", "财力不足", "财政困难", "财政紧张", "财力有限", "配套资金未到位", "配套资金未足额到位", "配套不足", "自筹资金未到位"]),
        (LateFunds, ["资金下达", "下达较晚", "下达晚", "拨付滞后", "拨付进度", "资金到位", "到位晚", "到位较晚", "未及时拨付", "年底下达", "年末下达", "资金未到位"]),
        // Weather and natural causes come before progress and carry-over words: “受6月汛期影响推迟开工，0.3万亩结转至次年”
        // is a weather reason, not a statistical one.
        ("天气或自然灾害", ["汛期", "雨季", "降雨", "降水", "暴雨", "强降雨", "阴雨", "洪涝", "洪水", "台风", "冰冻", "雨雪", "低温", "高温", "干旱", "旱情", "天气", "气候", "自然灾害", "冰雹", "寒潮", "地质灾害"]),
        ("疫情或不可抗力", ["疫情", "不可抗力", "地震"]),
        ("政策或标准调整", ["政策调整", "政策变化", "标准调整", "口径调整", "文件要求", "政策要求", "标准提高", "标准降低"]),
        ("上级方案或文件下发较晚", ["方案下发较晚", "方案下发晚", "文件下发较晚", "通知下发较晚", "方案印发较晚", "文件印发较晚", "方案出台较晚", "考核方案下发"]),
        ("经济形势和市场变化", ["经济下行", "经济形势", "市场需求", "企业经营", "就业形势", "用工需求", "价格下行", "价格下跌", "价格下降", "价格走低", "价格低迷", "低迷",
            "市场行情", "行情低迷", "行情下行", "销售不畅", "滞销", "收入增长放缓", "经营困难", "经营性收入"]),
        ("价格或成本变化", ["价格上涨", "涨价", "价格上升", "价格波动", "成本上升", "成本上涨", "建材", "造价", "人工成本", "超概算"]),
        ("人员力量不足", ["力量不足", "人员不足", "人手不足", "人员短缺", "人员紧缺", "缺编", "村医", "专业人员少", "人员流失"]),
        // Population change of any kind: people leaving or arriving (流动人口增加, 外来务工人员返乡), a shrinking resident population.
        ("人口或对象流动", ["外出务工", "随子女", "在外居住", "转学", "随迁", "外出就读", "人口外流", "外迁", "迁出", "流动人口", "人口流动", "人员流动", "流动性大",
            "外来人口", "外来务工", "返乡", "常住人口", "户籍人口", "人口减少", "人口下降", "人口增加", "易地搬迁", "搬迁安置", "异地居住", "异地就医", "生源减少", "生源外流"]),
        ("需求或申报不足", ["申报人数", "申请人数", "符合条件", "需求减少", "需求不足", "需求下降", "报名人数", "人数减少", "未达到申报", "服务对象减少", "退出较多", "主动退出",
            "意愿不足", "意愿不强", "意愿较低", "积极性不高", "积极性不强", "参与度不高", "参与意愿", "贷款需求"]),
        ("目标设定不合理", ["目标设定", "目标值设定", "预期过高", "测算偏", "目标偏高", "目标偏低", "设定偏"]),
        // Land and local coordination (用地、征迁、流转纠纷) hold work up before it starts; said before the progress words that follow.
        ("用地、征迁或群众协调问题", ["土地流转", "流转纠纷", "土地纠纷", "权属纠纷", "纠纷", "征地", "征迁", "拆迁", "用地手续", "用地指标", "用地审批", "林地手续",
            "土地手续", "阻工", "群众协调", "协调难度", "青苗补偿", "选址"]),
        ("项目实施进度滞后", ["进度滞后", "设计变更", "进度缓慢", "尚未完工", "未完工", "工期", "招标", "流标", "采购程序", "施工", "前期手续", "延期", "推迟开工", "推迟", "顺延"]),
        ("统计或核算口径", ["统计口径", "统计时间", "数据统计", "核算", "跨年度", "结转"]),
        ("资金节约或结余", ["节约", "结余", "厉行节约", "压减", "成本降低", "政府采购节约"]),
        // Kinds asked only when none above matched (probe 37: five of nine real reasons were 其他原因): the supply of places,
        // the body that carries the work out, and the people served choosing another path.
        ("岗位或承接能力不足", ["岗位不足", "岗位有限", "岗位减少", "岗位数量不足", "岗位供给不足", "开发岗位少", "名额不足", "名额有限", "承接能力", "接收能力",
            "床位不足", "床位紧张", "基地不足", "基地数量少", "场地不足", "场地有限", "容量有限", "学位不足", "学位紧张"]),
        ("承办机构或实施主体原因", ["资质到期", "资质过期", "资质复审", "资质审核", "资质被取消", "培训机构", "承办机构", "承办单位", "实施主体", "中标单位",
            "施工单位", "供应商", "合作机构", "第三方机构", "暂停开班", "停止招生", "停办", "停业", "整改期间"]),
        ("服务对象个人选择或去向变化", ["升学", "继续深造", "考研", "公务员考试", "事业单位考试", "招考", "参军", "入伍", "提前留用", "提前就业", "自主择业",
            "个人原因", "自愿放弃", "主动放弃", "放弃", "家庭原因", "身体原因", "怀孕", "生育"]),
        // A single event (1例高危孕产妇转诊途中死亡) and the health of the people served (肥胖检出率上升) are neither supply nor
        // progress (probe 38: both were 其他原因).
        ("个别突发或意外事件", ["突发", "意外", "转诊途中", "个例", "偶发", "个别案例", "个别病例"]),
        ("服务对象健康或自身状况", ["肥胖", "检出率上升", "患病率", "发病率", "健康状况", "身体素质", "体质", "近视", "老龄化", "年龄偏大", "高龄", "基础疾病",
            "高危", "病情"]),
    ];

    private const string LateFunds = "资金下达或拨付滞后";

    /// <summary>
    /// Money that came late, however worded: 省级资金12月下旬才下达, 资金于11月底到位, 上级资金拨付不及时, 补助资金到账较晚,
    /// 第四季度才拨付到县 — a time late in the year or 才/较晚/滞后 next to 下达、到位、拨付、到账.
    /// </summary>
    [GeneratedRegex(@"(?:才|较晚|很晚|迟迟|延迟|推迟|滞后|年底|年末|岁末|(?:1[012]|十[一二]?|[89八九])月(?:份|底|末|下旬|中旬|上旬|中下旬)?|下半年|四季度|第四季度|三季度|第三季度)[^，,。；;]{0,8}?(?:下达|到位|拨付|拨到|到账|下拨|拨款|分配下达)|(?:下达|到位|拨付|到账|下拨)(?:时间)?(?:较晚|晚|较迟|迟|滞后|不及时|延迟|推迟|缓慢|偏晚)|(?:未能?|没有|没能)(?:及时|按时)(?:下达|到位|拨付|到账|下拨)")]
    private static partial Regex LateArrival();

    /// <summary>The kind of a stated reason; <see cref="Other"/> when none of the words appear; null when there is no reason.</summary>
    public static string? Classify(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        string t = TextNormalizer.Normalize(reason);
        foreach (var (kind, words) in Kinds)
        {
            if (words.Any(w => t.Contains(w, StringComparison.Ordinal)) || (kind == LateFunds && LateArrival().IsMatch(t)))
            {
                return kind;
            }
        }

        return Other;
    }
}

using System.Text.RegularExpressions;

namespace Assistant.Domain.Drafting;

/// <summary>
/// The offline drafter's own sentences: a first analysis of a cause and the measure that answers it, by
/// whom the indicator serves (<see cref="FundLexicon"/>) and what it counts (<see cref="Nature"/>). Each
/// list is ordered; a drafter takes the first one not used yet, so no sentence repeats within a draft.
/// </summary>
public static partial class DraftPhrases
{
    /// <summary>A first analysis of a cause and the measure that answers it; <see cref="Money"/> when it explains money unspent.</summary>
    private sealed record Pair(string Cause, string Measure, bool Money = false);

    private static readonly Dictionary<string, Pair[]> ByGroup = new(StringComparer.Ordinal)
    {
        ["就业见习"] = [new("见习单位提供的岗位数量有限，岗位与见习人员专业和意愿的匹配度不高，参加见习的人数少于预期", "拓展见习基地和见习岗位，动员更多用人单位参与，提高岗位与见习人员的匹配度"),
                      new("参加见习的人数少于预期，按月发放的见习补贴相应减少", "按上年实际见习人数和补贴标准据实编制见习补贴预算", true)],
        ["实习"] = [new("可提供实习岗位的单位和岗位数量有限，实习人员参加实习的时间集中，实习人数少于预期", "扩大实习岗位供给，结合实习人员的课程和假期安排实习时间"),
                   new("实习人数少于预期，实习补助支出相应减少", "按实际实习人数据实编制实习补助预算", true)],
        ["职业技能培训"] = [new("培训项目与劳动者需求和企业用工结合不够紧密，部分培训班次开班延后，参训人数少于预期", "围绕本地产业和劳动者需求设置培训项目，督促培训机构按计划开班"),
                        new("部分培训班次结业较晚，培训补贴在年内未能完成审核拨付", "督促培训机构在结业后及时申报补贴，缩短审核拨付周期", true)],
        ["教师"] = [new("教师教学任务较重，工学矛盾突出，部分培训班次未能按计划开班", "合理安排师资培训时间，错开教学任务集中时段，提高教师到课率"),
                   new("部分培训班次未能按计划开班，培训经费支出相应减少", "按培训计划和实际到课教师人数编制培训经费预算", true)],
        ["公益性岗位"] = [new("部分岗位人员退出后补充不及时，在岗人数低于计划", "建立岗位动态补充机制，退岗与补岗同步办理，缩短岗位空缺时间"),
                       new("在岗人数低于计划，按月核发的岗位补贴相应减少", "按实际在岗人数和补贴标准据实编制岗位补贴预算", true)],
        ["创业担保贷款"] = [new("创业者投资趋于谨慎，贷款申请需求减少，部分申请人不符合担保条件", "加强与经办银行的对接，优化担保和审批流程，扩大创业担保贷款覆盖面"),
                        new("贷款发放和贴息申请少于预期，贴息支出相应减少", "按在贷规模和贴息标准测算贴息资金，按季度与经办银行清算", true)],
        ["社会保险补贴"] = [new("符合条件的人员中部分已实现单位就业或达到退休年龄，申领社保补贴的人数少于测算", "精准摸排符合条件的人员，简化社保补贴申领流程，做到应享尽享"),
                        new("申领社保补贴的人数少于测算，补贴支出相应减少", "以上年实际申领人数为基础测算社保补贴预算", true)],
        ["失业和就业困难人员"] = [new("受经济形势影响，企业用工需求减少，部分人员的就业技能和意愿与岗位要求不匹配，就业推进慢于预期", "加强与用人单位对接，开发适合就业困难人员的岗位，落实企业吸纳就业补贴，提高就业帮扶的精准度"),
                             new("部分人员就业意愿不强，对岗位待遇和工作地点要求较高，推荐就业的成功率不高", "开展有针对性的技能提升和岗位推荐，促进求职人员与岗位供需匹配")],
        ["农民工和农村劳动力"] = [new("外出务工需求和本地用工岗位发生变化，劳务输出组织推进慢于预期", "加强劳务协作和岗位信息推送，组织有序外出务工和就近就业")],
        ["零工市场"] = [new("零工市场建设涉及场地和运营主体落实，推进进度慢于计划", "加快零工市场场地和运营主体落实，完善供需对接服务")],
        ["农业"] = [new("受农时和天气影响，项目实施进度慢于计划", "结合农时倒排工作计划，加快项目实施和资金兑付"),
                   new("受农时和天气影响，项目验收和资金兑付推迟", "结合农时提前做好验收准备，验收合格后及时兑付资金", true)],
        ["医疗卫生"] = [new("服务需求和就诊人数发生变化，项目实施进度慢于计划", "加强需求摸底，合理安排项目实施进度"),
                     new("服务量低于预算测算，相关经费支出相应减少", "以上年实际服务量为基础测算经费预算", true)],
        ["创业"] = [new("创业者投资趋于谨慎，符合扶持条件的创业项目少于预期", "加强创业政策宣传和项目对接，提高创业扶持政策的覆盖面"),
                   new("符合扶持条件的创业项目少于预期，扶持资金支出相应减少", "结合创业项目储备情况据实编制扶持资金预算", true)],
    };

    private static readonly Dictionary<Nature, Pair[]> ByNature = new()
    {
        [Nature.Money] = [new("实际符合条件的支出事项少于年初预算安排，资金未能全部支出", "按实际需求编制预算，加强支出进度监控", true),
                          new("年初预算测算偏高，实际支出需求低于预算", "以上年实际支出为基础测算预算，按季度分析支出进度", true)],
        [Nature.Count] = [new("实际符合条件的服务对象少于年初测算，指标值测算依据不够充分", "逐项核实未完成部分的原因，能继续实施的明确完成时限和责任人，按月调度完成进度"),
                          new("政策宣传和对象摸排不够到位，部分符合条件的对象未及时申报", "加强政策宣传和对象摸排，拓宽申报渠道")],
        [Nature.Rate] = [new("过程管理和质量控制不够到位，相关比率未达到目标", "对未达标的部分逐一查明原因，明确整改责任人和完成时限，按月跟踪该比率直至达标")],
        [Nature.Time] = [new("工作推进慢于计划，部分环节未能在规定时限内完成", "倒排工作时间表，明确责任人和完成时限")],
        [Nature.Quality] = [new("相关工作成效需要较长周期才能充分显现，当年效果尚未达到预期", "对照年度目标查找薄弱环节，制定分阶段推进计划，明确当年可衡量的工作要求，年末逐项评估成效"),
                            new("相关配套制度和工作机制尚在完善，部分措施未落实到位", "完善配套制度和工作机制，明确责任分工，加强督促检查，推动各项措施落实到位")],
        [Nature.Unknown] = [new("实际情况与年初测算存在差距，相关工作推进慢于预期", "加强绩效运行监控，对进度滞后的事项及时分析原因并调整措施"),
                            new("年初对工作难度估计不足，部分环节推进慢于计划", "将该项工作列入月度调度重点，逐项明确责任人和时间节点")],
    };

    /// <summary>
    /// Causes and measures by the sector a table serves (water works, schools, public health), read from
    /// the item's words and the table's title, by what the indicator counts; none names another fund's people.
    /// </summary>
    private static readonly (Regex Sector, Nature Nature, Pair Pair)[] BySector =
    [
        (Water(), Nature.Count, new("部分工程尚未完工，未能按期发挥效益，受益范围相应小于年初测算", "加快未完工工程建设，完工后及时组织验收并投入运行，尽早发挥工程效益")),
        (Water(), Nature.Quality, new("工程建成后管护主体和管护经费等配套制度尚在落实，长效机制未全部建立", "明确工程管护主体和责任人，落实管护经费，完善巡查、维修养护和考核制度")),
        (Water(), Nature.Rate, new("部分工程受施工条件和天气限制，进度慢于计划", "合理安排施工时段，加强施工调度和质量监管，按月通报工程进度")),
        (SchoolNutrition(), Nature.Quality, new("健康状况的改善受饮食习惯、家庭膳食和体育锻炼等多方面因素影响，一年内成效有限", "开展营养健康教育，科学制定带量食谱，定期监测营养健康状况，引导养成健康饮食习惯")),
        (School(), Nature.Quality, new("教育教学质量的提升需要较长周期，教学管理和课堂教学等方面仍有薄弱环节", "加强教学常规管理，开展校际结对帮扶和课堂教学指导，定期开展学业质量监测并针对薄弱学科改进教学")),
        (SchoolPupils(), Nature.Count, new("转学、升学等流动情况变化，实际受益人数少于年初测算", "依据学籍系统动态掌握流动情况，据实测算受益人数，变动较大的按程序调整指标值")),
        (School(), Nature.Rate, new("各校工作推进不平衡，部分学校未达到要求", "对未达标的学校逐校分析原因，加强督导和业务指导")),
        (Health(), Nature.Quality, new("农村地区基层公共卫生服务能力相对薄弱，城乡差距需要持续投入才能逐步缩小", "向农村和偏远地区倾斜基本公共卫生服务资源，加强乡村两级服务能力建设，推动城乡服务均等化")),
        (Health(), Nature.Rate, new("基层服务人员力量有限，随访和健康管理服务覆盖不够", "推行家庭医生签约服务和网格化分片包干，加强随访和健康管理服务")),
        (Farm(), Nature.Quality, new("耕地质量提升等成效需要多年持续投入才能显现", "加强建后管护和质量监测，持续开展土壤改良和地力培肥")),
        (Forest(), Nature.Rate, new("部分林区火源管控和早期发现能力不足，火情未能在初期得到控制", "加强野外火源管控和防火期巡山护林，完善瞭望监控和预警响应，提高早期发现和初期扑救能力")),
        (Forest(), Nature.Count, new("部分防火基础设施建设未能在防火期前完成", "按防火期倒排防火基础设施建设工期，加强施工调度，确保在防火期前完工投用")),
        (Forest(), Nature.Money, new("防火基础设施建设单位成本高于年初测算", "加强成本核算和单价控制，通过集中采购、比价询价等方式控制单位成本，超出标准的按程序报批", true)),
        (Elderly(), Nature.Quality, new("困难老年人生活状况的改善受补贴水平和服务供给等多方面因素影响", "定期走访评估困难老年人生活状况，推动补贴发放与居家养老上门服务衔接，提高服务精准度")),
        (Elderly(), Nature.Rate, new("居家养老服务供给不足，服务覆盖面小于计划", "培育居家养老服务组织，扩大上门服务供给，按月跟踪服务覆盖情况")),
        (Culture(), Nature.Quality, new("群众文化活动的内容和形式不够丰富", "丰富群众文化活动的内容和形式，结合群众需求开展特色活动，提高活动质量和群众参与度")),
        (Culture(), Nature.Count, new("文化活动开展频次低于计划，服务群众的范围相应缩小", "制定文化站年度活动计划并按月调度，开展流动服务和送文化下乡，扩大服务覆盖面")),
    ];

    /// <summary>What answers a shortfall of satisfaction whatever the sector (never a construction or money measure).</summary>
    private static readonly Pair SatisfactionPair = new("服务对象反映的问题未能及时解决", "开展服务对象满意度回访，梳理群众反映集中的问题，逐项整改并向群众反馈");

    /// <summary>What the sector of <paramref name="context"/> (the item's words and its table's title) says first.</summary>
    private static IEnumerable<Pair> SectorPairs(string context, Nature nature) =>
        BySector.Where(x => (x.Nature == nature || (nature == Nature.Unknown && x.Nature == Nature.Count)) && x.Sector.IsMatch(context)).Select(x => x.Pair);

    [GeneratedRegex("未(?:及时)?停发|多发|冒领|重复发放|错发|超标准发放|发放差错")]
    private static partial Regex OverPaid();

    [GeneratedRegex("(?:村民|群众|农户|村级)[^，。；]{0,4}筹资|筹资筹劳|筹资[^，。；]{0,4}(?:未到位|不到位|未及时到位|不足|困难)")]
    private static partial Regex VillagersFunds();

    // A saving, not a delay: 集中带量采购价格下降，结余26万元 (the 采购 in it is no late procurement).
    // Goods (drugs, consumables, fodder, seed), not works: their price rising is answered by re-costing, not by 概算.
    [GeneratedRegex("(?:药品|耗材|试剂|疫苗|物资|器材|种子|化肥|农药|饲料|设备|教材|食材|原材料)[^。；]{0,12}(?:单价|价格|费用|成本)[^，。；]{0,4}(?:上涨|上升|提高|上调|增加)|(?:单价|价格)[^，。；]{0,4}(?:上涨|上升|上调)[^。；]{0,12}(?:药品|耗材|试剂|疫苗|物资|器材|种子|化肥|农药|饲料|教材|食材)")]
    private static partial Regex GoodsPrice();

    [GeneratedRegex("价格上涨|涨价|价格上升|单价上涨|单价上升|单价提高|价格上调|成本上升|成本上涨|费用上涨|物价上涨")]
    private static partial Regex PriceRise();

    // Staff who left and are not yet replaced: 超龄退出, 到龄离岗, 补聘未完成, 招聘未到位, 岗位空缺.
    [GeneratedRegex("超龄|到龄|年龄[^，。；]{0,4}(?:退出|离岗|清退)|补聘|补录|补招|招聘[^，。；]{0,6}(?:未完成|尚未完成|未到位|滞后|推迟|较晚)|(?:退出|离岗|辞职|离职)[^，。；]{0,8}(?:未及时补充|补充不及时|未补充|空缺)|岗位空缺|人员空缺|缺员")]
    private static partial Regex Replacement();

    [GeneratedRegex("辍学|失学|流失学生|学生流失|厌学|劝返")]
    private static partial Regex DropOut();

    [GeneratedRegex("降价|价格下降|价格下调|价格降低|带量采购|集采|中标价[^，。；]{0,4}低于|节约|节省|低于预算")]
    private static partial Regex Saving();

    [GeneratedRegex("(?:孕产妇|产妇|婴儿|新生儿|早产儿)[^。；]{0,20}死亡|死亡[^。；]{0,12}(?:孕产妇|产妇|婴儿|新生儿|早产儿)|危重孕产妇|危重新生儿|危重早产儿")]
    private static partial Regex MaternalDeath();

    [GeneratedRegex("(?:患者|病人|病例|危重)[^。；]{0,16}死亡|死亡[^，。；]{0,4}\\d*例|死亡病例|抢救无效")]
    private static partial Regex PatientDeath();

    // Deaths in accidents or disasters are no change of a population to re-count: they are prevented, case by case.
    [GeneratedRegex("(?:事故|灾害|灾情|溺水|火灾|险情|塌方|滑坡|泥石流)[^。；]{0,16}(?:死亡|伤亡|遇难)|(?:死亡|伤亡|遇难)[^。；]{0,8}(?:事故|灾害)")]
    private static partial Regex AccidentDeath();

    [GeneratedRegex("(?:价格|行情|市场|猪价|粮价)[^，。；]{0,4}(?:低迷|下跌|下行|走低|波动|不景气)|暂停生产|停止生产|停养|退出养殖|停产停养|歇业")]
    private static partial Regex Market();

    [GeneratedRegex("种植|播种|农时|耕地|农田|作物|良种|粮食|农作物|春耕|秋收|育苗|植树|造林")]
    private static partial Regex Crops();

    [GeneratedRegex("浑浊|浊度|水质不达标|水质超标|消毒|细菌|菌落")]
    private static partial Regex WaterQuality();

    [GeneratedRegex("标准偏低|标准较低|标准不高|补贴偏低|补助偏低|待遇偏低")]
    private static partial Regex StandardLow();

    [GeneratedRegex("内容单一|形式单一|不够丰富|缺乏吸引力|吸引力不强|针对性不强|内容陈旧")]
    private static partial Regex ContentThin();

    [GeneratedRegex("岗位调整|人员调整|人员变动|人事变动|调离|人员更替|离职|辞职")]
    private static partial Regex StaffChange();

    [GeneratedRegex("森林|防火|火灾|林区|草原|护林")]
    private static partial Regex Forest();

    [GeneratedRegex("养老|老年人|高龄|失能")]
    private static partial Regex Elderly();

    [GeneratedRegex("文化站|文化活动|群众文化|图书馆|文化馆|综合文化")]
    private static partial Regex Culture();

    [GeneratedRegex("满意度|满意率")]
    private static partial Regex Satisfaction();

    [GeneratedRegex("施工|工程|建设|改造|修建|工期|进场")]
    private static partial Regex Works();

    /// <summary>
    /// Whether a measure fits the cause it answers: a measure about construction (集中施工, 为施工留足工期)
    /// only where the cause speaks of works (turbid water in the flood season is not a building site).
    /// </summary>
    public static bool Fits(string measure, string cause)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return !measure.Contains("施工", StringComparison.Ordinal) || Works().IsMatch(cause ?? string.Empty);
    }

    [GeneratedRegex("水库|除险加固|水利|灌溉|灌区|渠道|节水|堤防|河道|饮水|水毁|渠系|水土保持")]
    private static partial Regex Water();

    [GeneratedRegex("学生|学校|营养改善|义务教育|校园|在校|幼儿园|中小学")]
    private static partial Regex School();

    // Nutrition measures (带量食谱) only where a school row speaks of nutrition or health, never for 教学质量.
    [GeneratedRegex(@"^(?=[\s\S]*(?:学生|学校|营养改善|义务教育|校园|在校|幼儿园|中小学))(?=[\s\S]*(?:营养|膳食|食谱|体质|身高|体重|贫血|肥胖|生长发育|健康状况))")]
    private static partial Regex SchoolNutrition();

    // Pupils counted (受益学生人数), not teachers trained (培训教师人次): only then does 学籍 say who left.
    [GeneratedRegex(@"^(?![\s\S]*教师)(?=[\s\S]*(?:学生|在校|入学|幼儿|受益人数|资助))")]
    private static partial Regex SchoolPupils();

    [GeneratedRegex("公共卫生|健康管理|卫生健康|疾病预防|疾控|建档|慢病|妇幼")]
    private static partial Regex Health();

    [GeneratedRegex("农田|耕地|种植|农业|良种|土壤")]
    private static partial Regex Farm();

    private static IEnumerable<Pair> Pairs(string ownWords, Nature nature, string? context = null)
    {
        if (Satisfaction().IsMatch(ownWords))
        {
            yield return SatisfactionPair;
        }

        foreach (Pair p in SectorPairs(ownWords + "；" + context, nature))
        {
            yield return p;
        }

        bool money = nature == Nature.Money;
        foreach (SubjectGroup g in FundLexicon.Of(ownWords))
        {
            // 农时 and the weather explain crop work, not a livestock or a manure project's shortfall.
            if (g.Name == "农业" && !Crops().IsMatch(ownWords + "；" + context))
            {
                continue;
            }

            if (ByGroup.TryGetValue(g.Name, out var pairs))
            {
                foreach (Pair p in pairs.Where(p => p.Money == money))
                {
                    yield return p;
                }
            }
        }

        foreach (Pair p in ByNature[nature].Concat(ByNature[Nature.Unknown]))
        {
            yield return p;
        }
    }

    /// <summary>Measures that answer a stated or adapted cause, matched by its words.</summary>
    private static readonly (Regex Cause, string Measure)[] Answers =
    [
        // Kinds of cause of session 34, each ahead of the broader words it holds (采购, 程序, 人员): the price of goods bought
        // rose (药品耗材单价上涨 is no late procurement), staff left and were not yet replaced (护林员超龄退出，补聘未完成),
        // pupils dropped out (辍学, 流失), and a price rise of works (单价上涨 of 建材).
        (GoodsPrice(), GoodsPriceMeasure),
        (PriceRise(), PriceMeasure),
        (DropOut(), DropOutMeasure),
        // Kinds of cause of session 32: late (not missing) matching money, waiting time, a land dispute, works near a school.
        (LateMatching(), LateMatchingMeasure),
        (new Regex("候诊|排队时间|等候时间|等待时间|就诊时间[^，。；]{0,2}(?:长|较长)|看病难|挂号难"), WaitingMeasure),
        (new Regex("(?:教学|工作)任务[^，。；]{0,2}(?:重|繁重|较重)|工学矛盾|无法脱产|难以脱产|抽不出时间"), "合理安排培训时间，错开工作任务集中时段，采取集中培训与线上学习、送培上门相结合的方式，提高培训到课率"),
        (new Regex("土地流转|流转纠纷|土地纠纷|权属纠纷|边界纠纷|征地|青苗补偿|阻工"), LandDisputeMeasure),
        (new Regex("财力紧张|财力不足|财政困难|财政紧张|财力有限|配套资金未(?:足额|及时)?到位|配套资金[^，。；]{0,4}(?:不到位|到位不及时|到位较晚|到位滞后)|(?:县级|市级|本级|地方)[^，。；]{0,4}资金未(?:及时|足额)?到位|配套不足|自筹资金未到位|自筹不足"), "将本级配套资金足额列入年初预算，按项目进度分期拨付，财力确有困难的及早调整支出结构或按程序调减配套规模，不留资金缺口"),
        // Kinds of cause of session 31 (each ahead of the broader words it contains: 采购, 死亡, 停产).
        (VillagersFunds(), VillagersFundsMeasure),
        (Saving(), SavingMeasure),
        (MaternalDeath(), MaternalDeathMeasure),
        (PatientDeath(), PatientDeathMeasure),
        (AccidentDeath(), AccidentDeathMeasure),
        (Market(), MarketMeasure),
        (new Regex("优先使用|上级资金|中央资金|自治区资金|省级资金|本级资金|中央及"), "统筹安排上级资金和本级资金，年初据实确定本级资金规模，上级资金到位后同步使用本级资金，避免本级预算大量结余"),
        (new Regex("(?:方案|文件|通知|办法|细则|考核标准)[^，。；]{0,6}(?:下发|印发|出台|下达)[^，。；]{0,2}(?:较晚|晚|滞后|延迟|推迟)"), "提前谋划年度工作，参照上年方案先行做好准备，上级方案下发后压茬推进、倒排时间节点，确保在规定时限内完成"),
        (new Regex("(?:中央|省级|省|市级|上级|补助)[^，。；]{0,16}下达|资金下达|下达较晚|下达晚|下达时间|到位较晚|到位晚|年底下达|年末下达"), "加强与上级财政部门的沟通对接，资金到位后及时分解下达，按月调度拨付进度，年底前完成清算"),
        (new Regex("流标|废标"), "提前编制招标文件、启动招标，流标后及时按规定转为竞争性谈判或重新招标，压缩采购周期，为施工留足工期"),
        (new Regex("招标|采购程序|采购"), ProcurementMeasure),
        (new Regex("人工费|材料费|建材|造价|超概算|概算"), PriceMeasure),
        (new Regex("编制不足|编制紧张|编制有限|编制少|编制数少|空编|缺编|编制未到位|核定编制"), StaffQuota),
        // After a shortage of posts (空编岗位招聘未完成 is the quota's matter), ahead of 人员变动 and 程序.
        (Replacement(), ReplacementMeasure),
        (new Regex("(?:专业技术|技术|专业)(?:人员|人才|力量|骨干)[^，。；]{0,4}(?:缺乏|不足|短缺|紧缺|薄弱|匮乏|较少|偏少|流失)|(?:缺乏|缺少|缺)(?:专业|技术)|人才(?:缺乏|短缺|匮乏|不足)"), Technicians),
        (new Regex("(?:设备|设施|仪器|器械|车辆|机械)[^，。；]{0,4}(?:老化|陈旧|落后|故障|损坏|不足|短缺|缺乏|超期服役)|老旧设备"), Equipment),
        // Kinds of cause of session 30 (each its own entry, ahead of the broader words they contain).
        (OverPaid(), "与公安、卫健、民政殡葬等部门建立死亡和户籍变动信息比对机制，按月比对、及时停发，对多发资金限期追回并建立追回台账"),
        (WaterQuality(), "加强水源地保护和巡查，完善净化消毒设施并规范运行，汛期和降雨后加密水质检测，浑浊度等指标超标时及时启动应急处理"),
        (StandardLow(), "结合财力状况和物价水平研究建立补贴标准动态调整机制，做好政策解读，及时回应服务对象对标准的诉求"),
        (ContentThin(), "开展服务对象需求调查，丰富服务和活动的内容与形式，按需配送服务项目，并向偏远地区倾斜"),
        (StaffChange(), StaffChange_Measure),
        (new Regex("村医|乡村医生"), "加强乡村医生队伍建设，通过定向培养、乡聘村用等方式补充村医，开展规范化管理业务培训，推行家庭医生团队分片包干"),
        (new Regex("力量不足|人员不足|人手不足|人员短缺|人员紧缺|缺编|人员流失|专业人员少"), "充实基层工作力量，通过招聘补充、统筹调配等方式配齐人员，开展业务培训，提高人均服务能力"),
        (new Regex("锻炼时间|体育活动|体育课|体育锻炼|运动时间"), "落实每天校园体育活动时间要求，开齐开足体育课，组织课间和课后体育锻炼，定期开展体质监测并反馈家长"),
        (new Regex("转学|随迁|外出就读|流动学生"), "依据学籍系统动态掌握转学、随迁情况，据实测算受益人数，变动较大的按程序调整指标值"),
        (new Regex("外出务工|随子女|在外居住|常住人口|人口外流|外出人员|流动人口"), "以实际常住人口为基数测算服务对象和指标值，对外出人员做好信息登记和流动管理，变化较大的按程序调整指标值"),
        (new Regex("进度滞后|进度缓慢|未能及时支付|未及时支付|工程款|实施进度"), "倒排项目工期，加强施工调度和进度督查，按工程进度及时办理计量和资金支付"),
        (new Regex("(?:县级|县本级|区级|区本级|旗级|本级|县财政|区财政|县里)[^，。；]{0,10}(?:拨付|支付|兑付)[^，。；]{0,4}(?:滞后|不及时|较慢|延迟|缓慢|较晚)"), CountyPayment),
        (new Regex("拨付滞后|拨付不及时|未及时拨付|拨付较慢|报账"), "简化资金拨付审核流程，建立拨付台账，按月通报拨付进度，确保资金在规定时限内拨付到位"),
        (new Regex("经营困难|经营压力|效益下滑|企业[^，。；]{0,8}停工|停产|减产|关停|倒闭|裁员"), Employers),
        (new Regex("死亡(?![^，。；]{0,6}停发)|迁出|户籍|自然减员|动态减少|对象减少|身故|外迁"), Population),
        (new Regex("招生|生源|在校生|入学人数"), "依据招生计划和实际在校生人数测算资助对象和指标值，招生情况发生变化的按程序调整"),
        (new Regex("医疗费用|费用过高|大病|承受能力|因病"), "健全高额医疗费用预警和防止因病返贫监测机制，对高额费用患者及时落实倾斜救助和二次救助，减轻个人负担"),
        (new Regex("交通管制|封闭施工|占道|绕行|出行不便|道路施工|半幅施工"), TrafficMeasure),
        (new Regex("施工期间|施工影响|施工安排|施工噪音|施工噪声|施工扬尘"), WorksNuisance),
        (new Regex("(?:汛期|雨季|降雨|降水|暴雨|洪涝|洪水|天气|冰冻|台风|雨雪|低温|冬季|严寒)[^。；]{0,20}(?:工期|施工|开工|停工|完工|竣工|工程|作业)|(?:工期|施工|开工|停工|完工|竣工)[^。；]{0,12}(?:汛期|雨季|降雨|暴雨|天气|冰冻|雨雪|冬季)"), WeatherWorks),
        (new Regex("汛期|雨季|降雨|暴雨|洪涝|洪水|水毁|天气|气候|冰冻|台风|施工窗口|农时"), "结合汛期和季节特点合理安排工作计划，提前做好准备，避开不利天气集中的时段组织实施"),
        (new Regex("设计变更|变更设计|方案调整"), "加强前期勘察设计，设计变更按程序及时审批，缩短变更周期"),
        (new Regex("审计|验收|结算"), "提前启动工程结算审计和交工验收，与审计机构明确审计时限，分标段及时组织验收"),
        (new Regex("核对|比对|核查|核验|学籍|信息核实|数据核实|复核|核定"), "提前开展信息比对和核查工作，与相关部门建立数据共享机制，缩短核对时间，确保按期完成"),
        (new Regex("客运|班线|通车"), "加快剩余路段提质改造，协调开通客运班线，明确完成时限"),
        (new Regex("未完工|尚未完工|未竣工|在建|未完成施工"), "加快剩余建设任务，明确完成时限，完工后及时组织验收"),
        (new Regex("政策调整|政策变化|政策变动|标准调整|口径调整"), "密切跟踪政策调整，及时测算对绩效目标和资金的影响，据实按程序调整绩效目标"),
        (new Regex("场地|选址|用地"), "提前落实场地和用地手续，明确责任单位和完成时限"),
        (new Regex("参与意愿|参与积极性|积极性不高|积极性不足|积极性较低|参与度|参与率|不愿参与|不愿意参与|配合度|(?:群众|村民|农户|居民)[^，。；]{0,6}(?:不愿|不积极|观望|顾虑|不配合)"), Participation),
        (new Regex("保守|谨慎|意愿|需求"), "加强政策宣传和服务对接，及时了解服务对象需求，提高政策的吸引力和覆盖面"),
        (new Regex("审批环节|审批流程|审批程序|审批时间|审批周期|审批手续|审批较慢|审批滞后|审批慢|报批|前期手续|立项审批|环节多|环节较多|多头审批"), Approvals),
        (new Regex("审核|材料|程序|手续|流程"), "优化经办流程，精简申报材料，压实审核责任，缩短资金兑付周期"),
        (new Regex("经济|市场|形势|行业|下行"), "密切跟踪经济形势和就业市场变化，及时调整工作重点和资金投向"),
        (new Regex("宣传|知晓|了解"), "加大政策宣传力度，利用线上线下渠道扩大政策知晓面"),
    ];

    private const string PriceMeasure = "加强工程造价控制，优化设计方案，对概算实行动态管理，主要材料价格变动较大的按程序调整概算，超出部分报批后实施";
    private const string GoodsPriceMeasure = "跟踪药品、耗材等主要物资的价格变动，按集中采购中选价格和实际用量重新测算单位成本，价格变动较大的按程序调整成本控制标准，执行中优先选用中选产品控制成本";
    private const string ReplacementMeasure = "提前摸清临近退出年龄和有意离岗的人员，退出与补聘同步启动，缩短补聘公告、考察和聘用的周期，补聘到位前统筹调配现有人员顶岗，确保岗位不空缺";
    // No group's own words (学生, 教师, 失业人员, 养殖, 疫苗): the drafter drops a measure that names people the row does not.
    private const string DropOutMeasure = "落实控辍保学责任，建立辍学台账，逐人分析辍学原因，组织学校和乡村干部上门劝返，对家庭困难的落实资助，对随迁流动的做好学籍衔接和去向跟踪";
    private const string ProcurementMeasure = "提前编制采购需求和招标文件，尽早启动采购程序，合同签订后督促供应商按期供货，验收合格后及时支付款项";
    private const string LateMatchingMeasure = "本级配套资金按项目进度提前拨付到位，建立配套资金到位台账，资金到位前提前完成采购需求编制等准备工作，资金到位后压茬推进，避免项目延至次年";
    private const string WaitingMeasure = "推行预约就诊和分时段就诊，优化挂号、检查、取药等环节流程，高峰时段增加接诊力量，缩短群众候诊时间";
    private const string LandDisputeMeasure = "项目实施前做好土地权属核查和流转协议签订，依法规范土地流转程序，对流转纠纷及时组织乡村两级调解，纠纷化解后及时组织实施";
    private const string TrafficMeasure = "分路段、分时段组织施工，提前发布交通管制公告，设置便道和绕行指引，减少施工对群众出行的影响";
    private const string WorksNuisance = "合理安排施工时段和作业区域，避开群众上学、就医、出行等集中时段，施工前公告施工安排并听取意见，做好安全防护和现场隔离，减少施工对服务对象的影响";
    private const string SchoolWorksNuisance = "将校园施工尽量安排在假期和课余时段，施工前向家长通报施工安排，设置安全隔离和专用通道，保障正常教学秩序和校园安全";
    private const string VillagersFundsMeasure = "项目申报前充分征求村民意见，落实筹资筹劳方案后再组织实施，对筹资确有困难的村按程序调整项目或以投工投劳等方式替代，避免项目因筹资不到位延期";
    private const string SavingMeasure = "对集中采购降价等形成的结余资金按规定及时收回或统筹用于同类项目，下一年度按实际采购价格据实编制预算";
    private const string MaternalDeathMeasure = "加强高危孕产妇和新生儿的筛查评估与专案管理，畅通危重孕产妇和新生儿转诊救治通道，与转出地做好高危孕产妇信息衔接，逐例开展死亡评审并落实整改";
    private const string PatientDeathMeasure = "对每例死亡病例开展评审，查找筛查、随访和转诊救治环节的薄弱点，加强高危人群的早发现和规范管理";
    private const string AccidentDeathMeasure = "逐起分析事故（灾害）原因，落实隐患排查整治和防范措施，加强重点路段、重点时段和重点人群的安全监管与警示宣传，严格落实安全责任";
    private const string MarketMeasure = "跟踪市场行情和实施主体的生产经营状况，对暂停生产的主体逐一了解复产安排，复产后及时组织实施，确实无法实施的按程序调整任务和资金";
    private const string Employers = "加强与用人单位的对接，落实吸纳就业补贴、稳岗返还等扶持政策，帮助企业稳定岗位，提高吸纳就业的积极性";
    private const string Population = "以动态核定的在册对象为基础测算下一年度指标值，对象因死亡、迁出等发生变化的，执行中按程序调整指标值";
    private const string StaffQuota = "积极争取机构编制部门支持，盘活用好现有编制，空编岗位及时招聘补充，编制确实不足的通过政府购买服务、县聘乡用等方式补充一线人员";
    private const string Technicians = "通过公开招聘、定向培养和柔性引进补充专业技术人员，与上级业务单位建立对口帮扶和技术指导机制，分批开展专业技术培训";
    private const string Equipment = "对老化设备逐台检测评估，分批安排更新改造，落实日常维护保养和定期检修制度，建立设备台账，减少故障停用";
    private const string CountyPayment = "县级财政收到上级资金后及时分解拨付，本级资金按项目实施进度及时拨付，严格执行拨付时限，对拨付滞后的资金逐笔督办，将拨付进度纳入项目单位绩效考核";
    private const string WeatherWorks = "抢抓非汛期和晴好天气施工黄金期，合理安排工序，汛前完成主体和控制性工程，汛期做好在建工程度汛防护，确需顺延的按程序办理工期调整";
    private const string Participation = "通过村民议事会、入户宣讲和示范户带动等方式发动群众，推行以奖代补、先建后补，让群众参与项目决策和监督，提高群众参与的主动性";
    private const string StaffChange_Measure = "做好人员调整期间的工作交接，及时补齐空缺岗位，明确临时负责人，保证服务不断档";
    private const string Approvals = "梳理审批事项和环节，推行并联审批、容缺受理，项目前期手续由专人跟踪办理，明确各环节办理时限，压缩审批时间";

    /// <summary>
    /// A narrower kind of cause and the broader kinds its words also match (天气影响工期 is weather too): when
    /// the narrower matches, its measure answers the cause and the broader, more general measure is left out.
    /// </summary>
    private static readonly Dictionary<string, string[]> Narrows = new(StringComparer.Ordinal)
    {
        [LateMatchingMeasure] = ["将本级配套资金足额列入年初预算，按项目进度分期拨付，财力确有困难的及早调整支出结构或按程序调减配套规模，不留资金缺口",
            "加强与上级财政部门的沟通对接，资金到位后及时分解下达，按月调度拨付进度，年底前完成清算"],
        [TrafficMeasure] = [WorksNuisance],
        [SavingMeasure] = [ProcurementMeasure],
        [GoodsPriceMeasure] = [ProcurementMeasure, PriceMeasure, SavingMeasure],
        [PriceMeasure] = [ProcurementMeasure],
        [ReplacementMeasure] = ["优化经办流程，精简申报材料，压实审核责任，缩短资金兑付周期", "充实基层工作力量，通过招聘补充、统筹调配等方式配齐人员，开展业务培训，提高人均服务能力", Approvals],
        [DropOutMeasure] = ["依据学籍系统动态掌握转学、随迁情况，据实测算受益人数，变动较大的按程序调整指标值", "以实际常住人口为基数测算服务对象和指标值，对外出人员做好信息登记和流动管理，变化较大的按程序调整指标值"],
        [MaternalDeathMeasure] = [Population, PatientDeathMeasure],
        [PatientDeathMeasure] = [Population],
        [AccidentDeathMeasure] = [Population],
        [VillagersFundsMeasure] = ["将本级配套资金足额列入年初预算，按项目进度分期拨付，财力确有困难的及早调整支出结构或按程序调减配套规模，不留资金缺口"],
        [WeatherWorks] = ["结合汛期和季节特点合理安排工作计划，提前做好准备，避开不利天气集中的时段组织实施"],
        [CountyPayment] = ["简化资金拨付审核流程，建立拨付台账，按月通报拨付进度，确保资金在规定时限内拨付到位"],
        [Participation] = ["加强政策宣传和服务对接，及时了解服务对象需求，提高政策的吸引力和覆盖面"],
        [Approvals] = ["优化经办流程，精简申报材料，压实审核责任，缩短资金兑付周期"],
    };

    /// <summary>
    /// Other wordings of a measure, for a second item with a cause of the same kind in one draft (two rows
    /// held up by the flood season get two different measures, not the same sentence or none).
    /// </summary>
    private static readonly Dictionary<string, string[]> Alternates = new(StringComparer.Ordinal)
    {
        ["结合汛期和季节特点合理安排工作计划，提前做好准备，避开不利天气集中的时段组织实施"] =
            ["抢抓非汛期和晴好天气集中施工，汛前完成控制性工程，汛期做好在建工程度汛防护，汛后及时复工"],
        [WeatherWorks] = ["根据汛期和季节特点倒排施工计划，雨季前完成土方和主体工程，汛后及时复工并增加作业面，追回延误的工期"],
        ["将本级配套资金足额列入年初预算，按项目进度分期拨付，财力确有困难的及早调整支出结构或按程序调减配套规模，不留资金缺口"] =
            ["本级配套资金按季度预拨到位，建立配套资金到位台账，确保资金和补贴按时足额拨付发放"],
        ["加快剩余建设任务，明确完成时限，完工后及时组织验收"] = ["对未完成的建设内容逐项明确完成时限和责任人，加强施工调度，完工一处、验收一处"],
        ["倒排项目工期，加强施工调度和进度督查，按工程进度及时办理计量和资金支付"] = ["建立项目进度周报制度，对滞后项目约谈施工单位，按合同约定及时结算工程款"],
        ["充实基层工作力量，通过招聘补充、统筹调配等方式配齐人员，开展业务培训，提高人均服务能力"] = ["统筹调配县乡两级专业人员下沉服务，开展岗位练兵和业务培训，补齐人员短板"],
        [PriceMeasure] = ["开展主要材料价格监测，实行限额设计和造价跟踪审计，严格控制单位造价"],
        ["提前编制招标文件、启动招标，流标后及时按规定转为竞争性谈判或重新招标，压缩采购周期，为施工留足工期"] = ["优化招标条件设置，扩大潜在投标人范围，减少流标，招标完成后倒排工期"],
    };

    /// <summary>
    /// What answers a ceiling exceeded (a unit cost or 平均补助 above its 控制标准, a rate above its limit) when no kind of
    /// cause known here does: for money, the standard is enforced and what was added (增加了沼气工程, 增加北斗定位模块, in
    /// the cause's own words) is approved first or paid by whoever added it; a time limit by its procedure; a rate by what
    /// it counts in its sector (辍学率 by 控辍保学, 孕产妇死亡率 by 专案管理, 森林火灾受害率 by 火源管控), never one sector's
    /// words for another's row. The row's name is not repeated: the measure follows “针对“X”超出控制标准的问题”.
    /// <paramref name="context"/> is the row's words and its table's title.
    /// </summary>
    public static string CeilingMeasure(string name, string? cause, bool money, bool time = false, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (time)
        {
            // A time limit exceeded (结算时限, 办结时间) is a matter of procedure, not of 源头防控.
            return "梳理超出时限的办理环节，优化经办流程，明确各环节办理时限和责任人，对超时事项逐件督办并按月通报";
        }

        if (!money)
        {
            // The row's own name decides first (a 投诉率 in a forest table is about complaints), then its table's title.
            return CeilingRates.FirstOrDefault(c => c.Row.IsMatch(name)).Measure
                ?? CeilingRates.FirstOrDefault(c => c.Row.IsMatch(context ?? string.Empty)).Measure ?? CeilingRateMeasure;
        }

        Match added = Added().Match(cause ?? string.Empty);
        string what = added.Success
            ? $"对{added.Groups["what"].Value.Trim()}等超出原定标准的建设或配置内容，实施前按程序报批并相应调整控制标准，未经批准的由实施主体自筹"
            : "超出标准的建设或配置内容实施前按程序报批，未经批准的由实施主体自筹";
        return $"严格执行该项控制标准，{what}";
    }

    /// <summary>What answers a rate above its limit whose sector says nothing more: find each case, fix it, watch the rate.</summary>
    public const string CeilingRateMeasure = "对超出控制标准的情况逐一查明原因，明确整改责任人和完成时限，按季度监测并通报控制情况，推动该项指标回到控制标准以内";

    /// <summary>Rates with a ceiling, by what they count (the row's name first, then its table's title), and what answers each.</summary>
    private static readonly (Regex Row, string Measure)[] CeilingRates =
    [
        (new Regex("辍学|失学"), DropOutMeasure),
        (new Regex("(?:孕产妇|婴儿|新生儿|儿童|早产儿)[^；]{0,6}死亡"), MaternalDeathMeasure),
        (new Regex("事故|伤亡"), AccidentDeathMeasure),
        (new Regex("死亡率|病死率|致死"), PatientDeathMeasure),
        (new Regex("发病率|患病率|感染率|传染病|疫情|检出率|阳性率"), "加强重点传染病和慢性病的监测报告，落实预防接种、早期筛查和随访管理，对发病集中的地区和人群开展专项干预，按季度分析发病趋势"),
        (new Regex("火灾|火情|受害率|森林|林区|草原"), "加强野外火源管控和防火期巡山护林，完善瞭望监控和预警响应，提高早期发现和初期扑救能力"),
        (new Regex("漏损|水质|浑浊|供水|饮水"), "排查更换老旧供水管网，加强管网巡查、漏损监测和水质检测，发现问题及时维修处置"),
        (new Regex("失业率|失业人员|零就业"), "加强失业动态监测，对登记失业者逐人开展职业指导和岗位推荐，落实就业援助和技能提升措施，促进其尽快实现就业"),
        (new Regex("农药|残留|损失率|疫病|病虫|畜禽|农产品|粮食|耕地|农田"), "加强投入品使用监管和技术指导，开展生产基地巡查和抽样监测，对问题集中的区域和经营主体开展专项整治"),
        (new Regex("投诉|差错|返工|不合格"), "对投诉和差错逐件登记、查明原因，落实责任和整改时限，完善服务规范和质量检查制度，按月通报"),
    ];

    /// <summary>
    /// What answers a shortfall whose stated cause is of no kind known here: no mechanism the unit did not name (农时,
    /// 指标值测算, 质量控制), only what is done with the part left undone.
    /// </summary>
    public const string LeftoverMeasure = "对未完成的部分逐项明确后续安排，能够继续实施的明确完成时限和责任人，确实无法实施的按程序调整绩效目标和资金安排";

    [GeneratedRegex("(?:增加|新增|加装|增设|增配|追加)了?(?<what>[^，。；、]{2,14})")]
    private static partial Regex Added();

    /// <summary>A measure and its other wordings, in order of preference.</summary>
    public static IReadOnlyList<string> Alternatives(string measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return Alternates.TryGetValue(measure, out string[]? more) ? [measure, .. more] : [measure];
    }

    /// <summary>First analyses of a shortfall for an item, most specific first (its people, then what it counts).</summary>
    public static IEnumerable<string> Causes(string ownWords, Nature nature, string? context = null) => Pairs(ownWords, nature, context).Select(p => p.Cause);

    /// <summary>Measures for an item, most specific first; <paramref name="context"/> (the table's title) names its sector.</summary>
    public static IEnumerable<string> Measures(string ownWords, Nature nature, string? context = null) => Pairs(ownWords, nature, context).Select(p => p.Measure);

    /// <summary>The measure that answers a cause, when one does.</summary>
    public static string? Answer(string cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return Paired.TryGetValue(cause, out string? paired) ? paired : AnswersFor(cause, 1).FirstOrDefault();
    }

    /// <summary>
    /// The measures that answer a cause of several kinds (“2座因汛期推迟开工，1座因设计变更未完工”
    /// is weather and a design change), one per kind in order, at most <paramref name="max"/>. A narrower
    /// kind's measure replaces the broader one's; <paramref name="region"/> (the table's 地区) says whose
    /// payment is late: in a county's table, 资金拨付滞后 is the county's own paying out.
    /// </summary>
    public static IReadOnlyList<string> AnswersFor(string cause, int max = 2, string? region = null, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(cause);
        if (region is not null && CountyRegion().IsMatch(region.Trim()) && LatePayment().IsMatch(cause) && !UpperLevel().IsMatch(cause))
        {
            cause = "县级" + cause;
        }

        if (Paired.TryGetValue(cause, out string? paired))
        {
            return [paired];
        }

        var matched = Answers.Where(a => a.Cause.IsMatch(cause)).Select(a => a.Measure).Distinct(StringComparer.Ordinal).ToList();
        var broader = matched.SelectMany(m => Narrows.TryGetValue(m, out string[]? b) ? b : []).ToHashSet(StringComparer.Ordinal);
        return matched.Where(m => !broader.Contains(m)).Take(max).Select(m => ForSector(m, context)).ToList();
    }

    /// <summary>A measure in the words of the sector of <paramref name="context"/> (the row's words and its table's title) where it has them.</summary>
    private static string ForSector(string measure, string? context) =>
        measure == WorksNuisance && context is not null && School().IsMatch(context) ? SchoolWorksNuisance : measure;

    /// <summary>
    /// What answers a shortfall for a row of <paramref name="nature"/> whose stated cause is of no kind known here:
    /// the part left undone is carried on for a quantity; a rate, a satisfaction or a time limit cannot be “继续实施”.
    /// </summary>
    public static bool CarriesOver(Nature nature, string ownWords) =>
        nature is Nature.Count or Nature.Unknown && !Satisfaction().IsMatch(ownWords ?? string.Empty);

    /// <summary>
    /// A first analysis of why a fund line was under-spent, by where its money comes from, and the measure
    /// that answers it: only upper-level money is 下达 late; a county's own money, carry-over and other
    /// money have causes of their own.
    /// </summary>
    public static (string Cause, string Measure) FundCause(string lineName)
    {
        ArgumentNullException.ThrowIfNull(lineName);
        Pair p = FundPairs.FirstOrDefault(f => f.Source.IsMatch(lineName)).Pair ?? ByNature[Nature.Money][0];
        return (p.Cause, p.Measure);
    }

    private static readonly (Regex Source, Pair Pair)[] FundPairs =
    [
        (new Regex("上年结转|结转"), new("上年结转资金对应的部分事项年内未完成实施和结算", "对上年结转资金逐项清理，加快结转事项实施和结算，年底仍未使用的按规定收回统筹", true)),
        (new Regex("中央|省级|省级补助|上级|转移支付"), new("部分上级资金下达时间较晚，项目实施和资金拨付进度滞后", "加强与上级财政部门的沟通对接，资金到位后及时分解下达，按月调度拨付进度，年底前完成清算", true)),
        (new Regex("县级|区级|旗级|本级|自有|配套|自筹|地方"), new("本级资金按实际支出需求安排使用，实际支出低于年初预算安排", "据实编制本级资金预算，按项目实施进度安排本级资金，对执行缓慢的资金及时调整用途或按规定收回统筹", true)),
        (new Regex("其他资金|其他"), new("其他资金实际到位和使用少于年初预算", "核实其他资金的来源和到位情况，据实编列预算，按进度使用", true)),
    ];

    private static readonly Dictionary<string, string> Paired = ByGroup.Values.Concat(ByNature.Values).SelectMany(p => p).Concat(FundPairs.Select(f => f.Pair)).Concat(BySector.Select(x => x.Pair)).Append(SatisfactionPair)
        .GroupBy(p => p.Cause, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Measure, StringComparer.Ordinal);

    /// <summary>
    /// Whether a reason the unit gave on any row speaks of the money of one fund line (县级资金 → “第四季度县级配套资金未及时到位”):
    /// its source word (县级, 省级, 中央, 市级, 本级, 配套) with 资金.
    /// </summary>
    public static bool NamesFundLine(string reason, string lineName)
    {
        ArgumentNullException.ThrowIfNull(lineName);
        Match m = SourceWord().Match(lineName);
        return m.Success && reason is { Length: > 0 } r && r.Contains("资金", StringComparison.Ordinal)
            && (r.Contains(m.Value, StringComparison.Ordinal) || (m.Value is "县级" or "本级" or "市级" && r.Contains("配套资金", StringComparison.Ordinal)));
    }

    [GeneratedRegex("中央|省级|市级|县级|区级|本级|自筹")]
    private static partial Regex SourceWord();

    /// <summary>Whether a cause is about where the money came from (优先使用中央资金).</summary>
    public static bool IsFundingSource(string cause) => FundingSource().IsMatch(cause ?? string.Empty) && !IsLateArrival(cause);

    /// <summary>
    /// A reason that says money arrived late (“省级资金下达较晚”, “中央资金12月才下达”, “上级资金未及时拨付”): a matter
    /// of time, not of which money paid first, so it is never glossed as “优先由上级资金安排”.
    /// </summary>
    public static bool IsLateArrival(string? cause) => LateArrival().IsMatch(cause ?? string.Empty);

    [GeneratedRegex(@"(?:下达|到位|拨付|拨款|下拨|到账|分配)[^，。；]{0,3}(?:较晚|偏晚|晚|滞后|延迟|迟缓|不及时|时间较晚)|(?:未|没有|未能)(?:及时|按时|按期)?(?:下达|到位|拨付|下拨|到账)|(?:\d{1,2}|十一|十二|年底|年末|四季度|第四季度)月?[^，。；]{0,3}才(?:下达|到位|拨付|下拨|到账)|(?:下达|到位|拨付)时间[^，。；]{0,2}(?:较晚|偏晚|晚)")]
    private static partial Regex LateArrival();

    [GeneratedRegex("优先使用|上级资金|中央资金|自治区资金|省级资金|本级资金|中央及")]
    private static partial Regex FundingSource();

    // Late, not missing: 配套资金到位较晚 holds a project up (procurement moves to next year); 未及时到位 stays a matter of budgeting it in full.
    [GeneratedRegex("配套资金[^，。；]{0,4}(?:到位较晚|到位晚|到位滞后|到位时间较晚|拨付较晚)|(?:县级|市级|区级|本级|地方)[^，。；]{0,4}资金[^，。；]{0,2}(?:到位较晚|到位滞后)")]
    private static partial Regex LateMatching();

    [GeneratedRegex("[县旗区]$")]
    private static partial Regex CountyRegion();

    [GeneratedRegex("拨付滞后|拨付不及时|未及时拨付|拨付较慢|拨付延迟|支付滞后|支付不及时|兑付滞后")]
    private static partial Regex LatePayment();

    [GeneratedRegex("中央|省级|省|自治区|市级|上级|下达")]
    private static partial Regex UpperLevel();
}

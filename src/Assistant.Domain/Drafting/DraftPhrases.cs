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
        // Session 41 (outside tester, 蕲春): households falling into poverty through illness are answered by watching for high medical
        // costs and aiding early, not by the enrolment of another row.
        (IllnessPoverty(), Nature.Count, new("部分群众自付费用较高，因病致贫返贫风险未能及时发现和化解", IllnessPovertyMeasure)),
        (IllnessPoverty(), Nature.Rate, new("部分群众自付费用较高，因病致贫返贫风险未能及时发现和化解", IllnessPovertyMeasure)),
        (MedicalAid(), Nature.Count, new("救助对象身份认定和参保状态动态变化，实际资助参保的人次少于年初测算", "与民政、乡村振兴、税务等部门按月比对救助对象身份信息和参保状态，做到应资尽资，变动较大的按程序调整指标值")),
        (HealthLiteracy(), Nature.Quality, new("居民健康知识和技能的提升需要持续开展健康教育，健康教育活动的覆盖面和针对性不足", HealthEducationMeasure)),
        (HealthLiteracy(), Nature.Quality, new("健康教育活动的形式和内容不够丰富，居民参与度不高", "围绕居民健康需求开展健康讲座和健康咨询活动，按计划完成讲座场次，结合随访、义诊等服务普及健康知识")),
        (HealthLiteracy(), Nature.Rate, new("健康教育活动的覆盖面和针对性不足，居民健康知识掌握不够", HealthEducationMeasure)),
        (Health(), Nature.Quality, new("农村地区基层公共卫生服务能力相对薄弱，城乡差距需要持续投入才能逐步缩小", "向农村和偏远地区倾斜基本公共卫生服务资源，加强乡村两级服务能力建设，按年度监测城乡服务差距，推动城乡服务均等化")),
        (Health(), Nature.Rate, new("基层服务人员力量有限，随访和健康管理服务覆盖不够", "推行家庭医生签约服务和网格化分片包干，加强随访和健康管理服务")),
        (Farm(), Nature.Quality, new("耕地质量提升等成效需要多年持续投入才能显现", "加强建后管护和质量监测，持续开展土壤改良和地力培肥")),
        (Forest(), Nature.Rate, new("部分林区火源管控和早期发现能力不足，火情未能在初期得到控制", "加强野外火源管控和防火期巡山护林，完善瞭望监控和预警响应，提高早期发现和初期扑救能力")),
        (Forest(), Nature.Count, new("部分防火基础设施建设未能在防火期前完成", "按防火期倒排防火基础设施建设工期，加强施工调度，确保在防火期前完工投用")),
        (Forest(), Nature.Money, new("防火基础设施建设单位成本高于年初测算", "加强成本核算和单价控制，通过集中采购、比价询价等方式控制单位成本，超出标准的按程序报批", true)),
        // Session 39: a system to be built (养老服务体系 基本建立 against 不断健全) is answered by building it, not by visiting people.
        (SystemBuilding(), Nature.Quality, new("服务体系建设涉及设施、队伍和制度等多个方面，部分建设任务尚未完成", "对照体系建设目标逐项梳理短板，明确年度推进任务、责任单位和完成时限，健全设施网络、服务队伍和配套制度，按季度调度建设进度")),
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
    [GeneratedRegex("(?:岗位|在岗)[^，。；]{0,10}(?:退出|离岗|辞职|离职)|超龄|到龄|年龄[^，。；]{0,4}(?:退出|离岗|清退)|补聘|补录|补招|招聘[^，。；]{0,6}(?:未完成|尚未完成|未到位|滞后|推迟|较晚)|(?:退出|离岗|辞职|离职)[^，。；]{0,8}(?:未及时补充|补充不及时|未补充|空缺)|岗位空缺|人员空缺|缺员")]
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

    // Session 41: prices alone (收购价格下跌) are PriceFallOnly's; this is production stopped, whatever the prices did.
    [GeneratedRegex("暂停生产|停止生产|停养|退出养殖|停产停养|歇业")]
    private static partial Regex Market();

    /// <summary>Prices that fell or stayed low, with no production stopped (收购价格下跌, 市场价格低迷): no recovery to follow.</summary>
    [GeneratedRegex(@"^(?![\s\S]*(?:暂停生产|停止生产|停养|退出养殖|停产|歇业|关停|停工|减产|倒闭))[\s\S]*?(?:价格|行情|猪价|粮价|收购价)[^，。；]{0,4}(?:低迷|下跌|下行|走低|下降|波动|不景气)")]
    private static partial Regex PriceFallOnly();

    [GeneratedRegex("种植|播种|农时|耕地|农田|作物|良种|粮食|农作物|春耕|秋收|育苗|植树|造林")]
    private static partial Regex Crops();

    /// <summary>A row about a system or network to be built (养老服务体系, 救助保障体系建设): its own words, never only the title's.</summary>
    [GeneratedRegex("^[^；]{0,14}体系[^；]{0,6}(?:；|$)")]
    private static partial Regex SystemBuilding();

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

    [GeneratedRegex("施工|工程|建设|改造|修建|工期|进场|开工|动工|完工|竣工|停工|复工|工地|地块")]
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

    // Pupils counted (受益学生人数), not teachers trained (培训教师人次): only then does 学籍 say who left. A school's words must be
    // there (in the row or its table's title): 资助 or 受益人数 alone is any sector's (资助困难群众参保人次 is 医疗救助's).
    [GeneratedRegex(@"^(?![\s\S]*教师)(?=[\s\S]*(?:学生|在校|入学|幼儿|学籍|学校|学前|中小学|义务教育|高中|中职|寄宿|营养改善))")]
    private static partial Regex SchoolPupils();

    // Enrolment paid for by medical aid (资助困难群众参保人次, 资助参保人数): people enrolled, not pupils (学籍), not patients; a bare
    // 参保 is also employment's social insurance (社会保险补贴), which this is not.
    [GeneratedRegex(@"资助[^，。；]{0,8}参保|参保资助|(?=[\s\S]*医疗救助)(?=[\s\S]*参保)")]
    private static partial Regex MedicalAid();

    [GeneratedRegex("因病致贫|因病返贫|致贫返贫|返贫致贫")]
    private static partial Regex IllnessPoverty();

    [GeneratedRegex("健康素养|健康知识|健康教育|健康行为")]
    private static partial Regex HealthLiteracy();

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
    public static (string Cause, string Measure) FundCause(string lineName, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(lineName);
        // 市级资金 in a county's table is the city's transfer: upper-level money, as the table states it.
        string name = region is not null && CountyRegion().IsMatch(region.Trim()) && lineName.Contains("市级", StringComparison.Ordinal) ? "上级" + lineName : lineName;
        Pair p = FundPairs.FirstOrDefault(f => f.Source.IsMatch(name)).Pair ?? ByNature[Nature.Money][0];
        return (p.Cause, p.Measure);
    }

    private static readonly (Regex Source, Pair Pair)[] FundPairs =
    [
        (new Regex("上年结转|结转"), new("上年结转资金对应的部分事项年内未完成实施和结算", "对上年结转资金逐项清理，加快结转事项实施和结算，年底仍未使用的按规定收回统筹", true)),
        (new Regex("中央|省级|自治区|省级补助|上级|转移支付"), new("部分上级资金下达时间较晚，项目实施和资金拨付进度滞后", "加强与上级财政部门的沟通对接，资金到位后及时分解下达，按月调度拨付进度，年底前完成清算", true)),
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
        // 配套资金 is the line's own matching money unless the reason names another level's (市级配套资金 is not 县级资金).
        return m.Success && reason is { Length: > 0 } r && r.Contains("资金", StringComparison.Ordinal)
            && (r.Contains(m.Value, StringComparison.Ordinal) || (m.Value is "县级" or "本级" or "市级" && r.Contains("配套资金", StringComparison.Ordinal)
                && LeveledMatching().Matches(r).All(x => x.Groups[1].Value == m.Value)));
    }

    [GeneratedRegex("中央|省级|市级|县级|区级|本级|自筹")]
    private static partial Regex SourceWord();

    [GeneratedRegex("(中央|省级|市级|县级|区级|本级)配套资金")]
    private static partial Regex LeveledMatching();

    /// <summary>Whether a cause is about where the money came from (优先使用中央资金).</summary>
    public static bool IsFundingSource(string cause) => FundingSource().IsMatch(cause ?? string.Empty) && !IsLateArrival(cause);

    /// <summary>
    /// A reason that says money arrived late (“省级资金下达较晚”, “中央资金12月才下达”, “上级资金未及时拨付”): a matter
    /// of time, not of which money paid first, so it is never glossed as “优先由上级资金安排”.
    /// </summary>
    public static bool IsLateArrival(string? cause) => LateArrival().IsMatch(cause ?? string.Empty);

    /// <summary>
    /// Whether a measure (a precedent's 对年底下达的资金提前做好项目储备) takes for granted that money came late in the year:
    /// it answers only a unit that says so.
    /// </summary>
    public static bool AssumesLateArrival(string? text) => LateInYear().IsMatch(text ?? string.Empty);

    [GeneratedRegex(@"(?:年底|年末|岁末|第四季度|四季度|1[12]月)(?:才)?(?:下达|追加|到位|拨付|下拨)|下达(?:时间)?(?:较晚|偏晚|晚|滞后)|到位(?:较晚|偏晚|晚|滞后)|追加资金")]
    private static partial Regex LateInYear();

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

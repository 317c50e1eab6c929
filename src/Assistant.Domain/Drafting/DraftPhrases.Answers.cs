using System.Text.RegularExpressions;

namespace Assistant.Domain.Drafting;

/// <summary>The kinds of cause the drafter knows by their words, the measure that answers each, and what answers a ceiling exceeded.</summary>
public static partial class DraftPhrases
{
    /// <summary>Measures that answer a stated or adapted cause, matched by its words.</summary>
    private static readonly (Regex Cause, string Measure)[] Answers =
    [
        // Kinds of cause of session 35, each ahead of the broader words it holds: too few doctors or teachers (签约医生数量不足
        // is no 村医 matter and no 网格化), posts cut (编制收紧、岗位减少 is answered by more posts, not by a quota), people who
        // did not come (未能到场体检: organise the service so they can), health education (讲座少, 健康知识).
        (Doctors(), DoctorsMeasure),
        (Teachers(), TeachersMeasure),
        (PostsCut(), PostsMeasure),
        (NotAttended(), AttendanceMeasure),
        (HealthEducation(), HealthEducationMeasure),
        (TrainingSupply(), TrainingSupplyMeasure),
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
        (new Regex("财力紧张|财力不足|财政困难|财政紧张|财力有限|配套资金未(?:足额|及时)?到位|配套资金[^，。；]{0,4}(?:不到位|到位不及时|到位较晚|到位滞后)|(?:县级|市级|本级|地方)[^，。；]{0,4}资金未(?:及时|足额)?到位|配套不足|自筹资金未到位|自筹不足"), MatchingInBudget),
        // Kinds of cause of session 31 (each ahead of the broader words it contains: 采购, 死亡, 停产).
        (VillagersFunds(), VillagersFundsMeasure),
        (Saving(), SavingMeasure),
        (MaternalDeath(), MaternalDeathMeasure),
        (PatientDeath(), PatientDeathMeasure),
        (AccidentDeath(), AccidentDeathMeasure),
        // Session 41: a fall in prices alone (收购价格下跌) is answered by sales and prices; production stopped (停养、退出养殖) by its recovery.
        (PriceFallOnly(), PriceFallMeasure),
        (Market(), MarketMeasure),
        (new Regex("优先使用|上级资金|中央资金|自治区资金|省级资金|本级资金|中央及"), FundingOrder),
        (new Regex("(?:方案|文件|通知|办法|细则|考核标准)[^，。；]{0,6}(?:下发|印发|出台|下达)[^，。；]{0,2}(?:较晚|晚|滞后|延迟|推迟)"), "提前谋划年度工作，参照上年方案先行做好准备，上级方案下发后压茬推进、倒排时间节点，确保在规定时限内完成"),
        (new Regex("(?:中央|省级|省|自治区|市级|上级|补助)[^，。；]{0,16}下达|资金下达|下达较晚|下达晚|下达时间|到位较晚|到位晚|年底下达|年末下达"), UpperLate),
        (new Regex("流标|废标"), FailedTender),
        (new Regex("招标|采购程序|采购"), ProcurementMeasure),
        (new Regex("人工费|材料费|建材|造价|超概算|概算"), PriceMeasure),
        (new Regex("编制不足|编制紧张|编制有限|编制少|编制数少|空编|缺编|编制未到位|核定编制"), StaffQuota),
        // After a shortage of posts (空编岗位招聘未完成 is the quota's matter), ahead of 人员变动 and 程序.
        (Replacement(), ReplacementMeasure),
        (new Regex("(?:专业技术|技术|专业)(?:人员|人才|力量|骨干)[^，。；]{0,4}(?:缺乏|不足|短缺|紧缺|薄弱|匮乏|较少|偏少|流失)|(?:缺乏|缺少|缺)(?:专业|技术)|人才(?:缺乏|短缺|匮乏|不足)"), Technicians),
        (new Regex("(?:设备|设施|仪器|器械|车辆|机械)[^，。；]{0,4}(?:老化|陈旧|落后|故障|损坏|不足|短缺|缺乏|超期服役)|老旧设备"), Equipment),
        // Kinds of cause of session 30 (each its own entry, ahead of the broader words they contain).
        (OverPaid(), "与公安、卫健、民政殡葬等部门建立死亡和户籍变动信息比对机制，按月比对、及时停发，对多发资金限期追回并建立追回台账"),
        (WaterQuality(), WaterQualityMeasure),
        (StandardLow(), "结合财力状况和物价水平研究建立补贴标准动态调整机制，做好政策解读，及时回应服务对象对标准的诉求"),
        (ContentThin(), "开展服务对象需求调查，丰富服务和活动的内容与形式，按需配送服务项目，并向偏远地区倾斜"),
        (StaffChange(), StaffChange_Measure),
        (new Regex("村医|乡村医生"), "加强乡村医生队伍建设，通过定向培养、乡聘村用等方式补充村医，开展规范化管理业务培训，推行家庭医生团队分片包干"),
        (new Regex("力量不足|人员不足|人手不足|人员短缺|人员紧缺|缺编|人员流失|专业人员少|(?:人员|人手|力量)[^，。；]{0,4}(?:不足|短缺|紧缺|紧张|偏少|较少)"), StaffShort),
        // Session 39: pupils' weight (肥胖检出率上升) is answered by diet and exercise, not by a rate chased month by month.
        (new Regex("肥胖|超重|体重超标|营养过剩|营养不良"), ObesityMeasure),
        // Session 39: homes that cannot be converted (住房条件不符合改造要求) are served another way and replaced from the waiting list.
        (new Regex("住房条件|房屋条件|不符合改造|不具备改造|改造条件"), HousingUnfitMeasure),
        (new Regex("锻炼时间|体育活动|体育课|体育锻炼|运动时间"), "落实每天校园体育活动时间要求，开齐开足体育课，组织课间和课后体育锻炼，定期开展体质监测并反馈家长"),
        // Trainees who went on to study are no failure of training: their plans are asked before they finish (session 38).
        (new Regex("升学|继续深造|继续学业|参军|入伍"), "结业前开展学员就业意向摸底，对有就业意愿的学员逐人开展职业指导和岗位推荐，对升学等不再求职的学员在统计中据实说明"),
        (new Regex("转学|随迁|外出就读|流动学生"), "依据学籍系统动态掌握转学、随迁情况，据实测算受益人数，变动较大的按程序调整指标值"),
        (new Regex("外出务工|随子女|在外居住|常住人口|人口外流|外出人员|流动人口|异地居住|外地居住|异地生活|异地养老|投靠(?:子女|亲属|亲友)|长期在外|长期外出|常年在外"), "以实际常住人口为基数测算服务对象和指标值，对外出人员做好信息登记和流动管理，变化较大的按程序调整指标值"),
        // Session 40 (outside tester): residents not agreeing, heat and drought, and bank accounts are answered by what they name.
        (new Regex("居民意见|群众意见|业主意见|意见(?:未|不)统一|意见分歧|意见不一|未达成一致|(?:居民|群众|业主)(?:不同意|反对|有异议)"), ResidentsMeasure),
        (new Regex("高温|干旱|旱情|持续少雨"), HeatMeasure),
        (new Regex("银行账户|账户异常|账户信息|账号错误|卡号|账户冻结|资金退回|退回后重新发放"), AccountsMeasure),
        (new Regex("进度滞后|进度缓慢|未能及时支付|未及时支付|工程款|实施进度"), "倒排项目工期，加强施工调度和进度督查，按工程进度及时办理计量和资金支付"),
        (new Regex("(?:县级|县本级|区级|区本级|旗级|本级|县财政|区财政|县里)[^，。；]{0,10}(?:拨付|支付|兑付)[^，。；]{0,4}(?:滞后|不及时|较慢|延迟|缓慢|较晚)"), CountyPayment),
        (new Regex("拨付滞后|拨付不及时|未及时拨付|拨付较慢|报账"), "简化资金拨付审核流程，建立拨付台账，按月通报拨付进度，确保资金在规定时限内拨付到位"),
        (new Regex("经营困难|经营压力|效益下滑|企业[^，。；]{0,8}停工|停产|减产|关停|倒闭|裁员"), Employers),
        (new Regex("死亡(?![^，。；]{0,6}停发)|迁出|户籍|户口|自然减员|动态减少|对象减少|身故|外迁|去世|离世|病故|注销"), Population),
        (new Regex("招生|生源|在校生|入学人数"), "依据招生计划和实际在校生人数测算资助对象和指标值，招生情况发生变化的按程序调整"),
        (new Regex("医疗费用|费用过高|大病|承受能力|因病"), "健全高额医疗费用预警和防止因病返贫监测机制，对高额费用患者及时落实倾斜救助和二次救助，减轻个人负担"),
        (new Regex("交通管制|封闭施工|占道|绕行|出行不便|道路施工|半幅施工"), TrafficMeasure),
        (new Regex("施工期间|施工影响|施工安排|施工噪音|施工噪声|施工扬尘"), WorksNuisance),
        (new Regex("(?:汛期|雨季|降雨|降水|暴雨|洪涝|洪水|天气|冰冻|台风|雨雪|低温|冬季|严寒)[^。；]{0,20}(?:工期|施工|开工|动工|停工|完工|竣工|工程|作业)|(?:工期|施工|开工|动工|停工|完工|竣工)[^。；]{0,12}(?:汛期|雨季|降雨|暴雨|天气|冰冻|雨雪|冬季)"), WeatherWorks),
        (new Regex("汛期|雨季|降雨|暴雨|洪涝|洪水|水毁|天气|气候|冰冻|台风|施工窗口|农时"), "结合汛期和季节特点合理安排工作计划，提前做好准备，避开不利天气集中的时段组织实施"),
        (new Regex("设计变更|变更设计|方案调整"), "加强前期勘察设计，设计变更按程序及时审批，缩短变更周期"),
        // Session 41: settling and auditing works (工程结算审计) is not settling a service (培训费用尚未结算, 服务费用待结算).
        (new Regex("(?:工程|施工|竣工|完工|标段|项目建设|建设项目)[^。；]{0,12}(?:审计|验收|结算)|(?:审计|验收|结算)[^。；]{0,8}(?:工程|施工|标段)|(?:结算|竣工)审计|交工验收|竣工验收"),
            "提前启动工程结算审计和交工验收，与审计机构明确审计时限，分标段及时组织验收"),
        (new Regex("审计|验收|结算"), SettlementMeasure),
        (new Regex("核对|比对|核查|核验|学籍|核实|复核|核定"), "提前开展信息比对和核查工作，与相关部门建立数据共享机制，缩短核对时间，确保按期完成"),
        (new Regex("客运|班线|通车"), "加快剩余路段提质改造，协调开通客运班线，明确完成时限"),
        (new Regex("未完工|尚未完工|未竣工|在建|未完成施工"), "加快剩余建设任务，明确完成时限，完工后及时组织验收"),
        (new Regex("政策调整|政策变化|政策变动|标准调整|口径调整"), "密切跟踪政策调整，及时测算对绩效目标和资金的影响，据实按程序调整绩效目标"),
        (new Regex("场地|选址|用地"), "提前落实场地和用地手续，明确责任单位和完成时限"),
        (new Regex("参与意愿|参与积极性|积极性不高|积极性不足|积极性较低|参与度|参与率|不愿参与|不愿意参与|配合度|(?:群众|村民|农户|居民)[^，。；]{0,6}(?:不愿|不积极|观望|顾虑|不配合)"), Participation),
        (new Regex("保守|谨慎|意愿|需求"), Willingness),
        (new Regex("审批环节|审批流程|审批程序|审批时间|审批周期|审批手续|审批较慢|审批滞后|审批慢|报批|前期手续|立项审批|环节多|环节较多|多头审批"), Approvals),
        (new Regex("审核|材料|程序|手续|流程"), "优化经办流程，精简申报材料，压实审核责任，缩短资金兑付周期"),
        (new Regex("经济|市场|形势|行业|下行"), "密切跟踪经济形势和就业市场变化，及时调整工作重点和资金投向"),
        (new Regex("宣传|知晓|了解"), Publicity),
    ];

    private const string UpperLate = "加强与上级财政部门的沟通对接，资金到位后及时分解下达，按月调度拨付进度，年底前完成清算";

    /// <summary>Upper-level money that arrived late for a row of payments made on time (发放及时率): be ready to pay the day it comes.</summary>
    private const string LatePayout = "加强与上级财政部门的沟通，及时掌握资金下达安排，提前完成对象审核和发放准备，资金到位后即时拨付发放";
    private const string FundingOrder = "统筹安排上级资金和本级资金，年初据实确定本级资金规模，上级资金到位后同步使用本级资金，避免本级预算大量结余";
    private const string Willingness = "加强政策宣传和服务对接，及时了解服务对象需求，提高政策的吸引力和覆盖面";
    private const string StaffShort = "充实基层工作力量，通过招聘补充、统筹调配等方式配齐人员，开展业务培训，提高人均服务能力";
    private const string DoctorsMeasure = "通过公开招聘、订单定向培养和转岗培训补充全科医生等基层医务人员，统筹县乡村三级医务人员组建服务团队，扩大签约和随访服务供给";
    private const string TeachersMeasure = "通过公开招聘、县域内统筹调配和交流轮岗补足紧缺学科教师，开展在岗培训，合理安排课时和送教任务";
    private const string PostsMeasure = "拓展岗位来源，动员更多用人单位提供岗位，提前征集和发布岗位信息，做好岗位与人员的对接匹配";
    private const string AttendanceMeasure = "提前通知到人，采取预约服务、分片集中服务和上门服务相结合的方式，对未参加的对象逐一回访并安排补做";
    private const string CheckupAttendance = "按村（社区）分片安排集中体检日，由家庭医生团队对行动不便的老人上门体检，体检前逐户电话通知，对未参检的老人跟踪补检";
    private const string Publicity = "加大政策宣传力度，利用线上线下渠道扩大政策知晓面";
    private const string TrainingSupplyMeasure = "加快培训机构备案和定点认定，合理布局培训项目和班次，督促培训机构按计划开班，对开班不足的及时调剂补充";
    private const string HealthEducationMeasure = "制定年度健康教育计划并按月调度，通过健康讲座、入户宣传和新媒体等多种形式开展健康教育，扩大健康知识覆盖面，定期开展健康素养监测";

    /// <summary>Enterprises that stopped or cut production, for a row of training counted (培训人次): training fitted to their schedules, not hiring subsidies.</summary>
    private const string TrainingEmployers = "加强与企业的对接，根据企业生产安排灵活调整培训时间和方式，采取送培训进企业、线上线下相结合等方式组织培训，提高职工参加培训的积极性";

    private const string PriceMeasure = "加强工程造价控制，优化设计方案，对概算实行动态管理，主要材料价格变动较大的按程序调整概算，超出部分报批后实施";
    private const string GoodsPriceMeasure = "跟踪药品、耗材等主要物资的价格变动，按集中采购中选价格和实际用量重新测算单位成本，价格变动较大的按程序调整成本控制标准，执行中优先选用中选产品控制成本";
    private const string ReplacementMeasure = "提前摸清临近退出年龄和有意离岗的人员，退出与补聘同步启动，缩短补聘公告、考察和聘用的周期，补聘到位前统筹调配现有人员顶岗，确保岗位不空缺";
    // No group's own words (学生, 教师, 失业人员, 养殖, 疫苗): the drafter drops a measure that names people the row does not.
    private const string DropOutMeasure = "落实控辍保学责任，建立辍学台账，逐人分析辍学原因，组织学校和乡村干部上门劝返，对家庭困难的落实资助，对随迁流动的做好学籍衔接和去向跟踪";
    private const string FailedTender = "提前编制招标文件、启动招标，流标后及时按规定转为竞争性谈判或重新招标，压缩采购周期，为施工留足工期";

    private const string WaterQualityMeasure = "加强水源地保护和巡查，完善净化消毒设施并规范运行，汛期和降雨后加密水质检测，浑浊度等指标超标时及时启动应急处理";

    private const string ObesityMeasure = "落实学生营养膳食指导和科学配餐，保证每天校园体育活动时间，对超重肥胖学生建立健康档案，开展饮食和运动干预，定期开展体质监测并反馈家长";

    private const string HousingUnfitMeasure = "改造前入户评估住房条件，对不符合改造要求的家庭改为提供上门服务或机构养老床位，及时从储备名单中递补符合条件的对象，确实无法完成的按程序调整建设任务";

    /// <summary>People changing in a fund without posts (送戏下乡 troupes, 文化站 staff): the work is handed over and people found, no 岗位 named.</summary>
    private const string StaffChangeNoPosts = "做好人员调整期间的工作交接，明确临时负责人，及时调配补充人员，保证服务不断档";

    private const string ProcurementMeasure = "提前编制采购需求和招标文件，尽早启动采购程序，合同签订后督促供应商按期供货，验收合格后及时支付款项";
    private const string MatchingInBudget = "将本级配套资金足额列入年初预算，按项目进度分期拨付，财力确有困难的及早调整支出结构或按程序调减配套规模，不留资金缺口";
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
    private const string IllnessPovertyMeasure = "健全防止因病致贫返贫监测预警机制，按月比对群众高额自付费用信息，对监测对象及时落实依申请救助和倾斜救助";
    private const string HeatMeasure = "密切关注高温干旱等天气变化，合理调整作业时段和计划，天气条件允许后集中力量组织实施，确需顺延的按程序调整任务安排";
    private const string AccountsMeasure = "资金发放前逐一核验补贴对象的银行账户信息，对账户异常、资金退回的及时联系对象更正信息并限时重新发放";
    private const string PriceFallMeasure = "加强产销对接，拓宽销售渠道，推广订单收购和保底收购，发展初加工和品牌建设提高产品附加值，减轻价格波动对生产经营主体收入的影响";
    private const string SettlementMeasure = "服务或任务完成后及时组织验收，与承办单位明确结算所需材料和办理时限，按合同约定及时结算和支付款项";
    private const string BusinessMeasure = "跟踪实施主体的生产经营状况，对经营困难的主体及时落实帮扶政策，确实无法按计划实施的按程序调整任务和资金";
    private const string Employers = "加强与用人单位的对接，落实吸纳就业补贴、稳岗返还等扶持政策，帮助企业稳定岗位，提高吸纳就业的积极性";
    private const string Population = "以动态核定的在册对象为基础测算下一年度指标值，对象因死亡、迁出等发生变化的，执行中按程序调整指标值";
    private const string StaffQuota = "积极争取机构编制部门支持，盘活用好现有编制，空编岗位及时招聘补充，编制确实不足的通过政府购买服务、县聘乡用等方式补充一线人员";
    private const string Technicians = "通过公开招聘、定向培养和柔性引进补充专业技术人员，与上级业务单位建立对口帮扶和技术指导机制，分批开展专业技术培训";
    private const string Equipment = "对老化设备逐台检测评估，分批安排更新改造，落实日常维护保养和定期检修制度，建立设备台账，减少故障停用";
    private const string CountyPayment = "县级财政收到上级资金后及时分解拨付，本级资金按项目实施进度及时拨付，严格执行拨付时限，对拨付滞后的资金逐笔督办，将拨付进度纳入项目单位绩效考核";
    private const string ResidentsMeasure = "加强入户宣传和沟通协商，通过居民议事会等方式充分征求意见，对意见分歧较大的一事一议、制定专项方案，达成一致后及时组织实施";

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
        [LateMatchingMeasure] = [MatchingInBudget,
            UpperLate],
        [TrafficMeasure] = [WorksNuisance],
        // Money that came late is no matter of which money paid first (省级资金下达较晚 names 省级资金 too).
        [UpperLate] = [FundingOrder],
        [Employers] = [Willingness],
        [DoctorsMeasure] = [StaffShort, "加强乡村医生队伍建设，通过定向培养、乡聘村用等方式补充村医，开展规范化管理业务培训，推行家庭医生团队分片包干"],
        [TeachersMeasure] = [StaffShort],
        [PostsMeasure] = [StaffQuota, Willingness],
        [AttendanceMeasure] = [Willingness],
        [SavingMeasure] = [ProcurementMeasure],
        // Session 39: a tender that failed is answered by what follows a failed tender, not by procurement in general as well.
        [FailedTender] = [ProcurementMeasure],
        // Session 39: water that fails its tests is answered by water protection and testing before equipment (净化设施处理能力不足).
        [WaterQualityMeasure] = [Equipment],
        [GoodsPriceMeasure] = [ProcurementMeasure, PriceMeasure, SavingMeasure],
        [PriceMeasure] = [ProcurementMeasure],
        // Post holders who left for work elsewhere (岗位人员外出务工退出) are replaced; they are no population to re-count.
        [ReplacementMeasure] = ["优化经办流程，精简申报材料，压实审核责任，缩短资金兑付周期", StaffShort, Approvals,
            "以实际常住人口为基数测算服务对象和指标值，对外出人员做好信息登记和流动管理，变化较大的按程序调整指标值"],
        [DropOutMeasure] = ["依据学籍系统动态掌握转学、随迁情况，据实测算受益人数，变动较大的按程序调整指标值", "以实际常住人口为基数测算服务对象和指标值，对外出人员做好信息登记和流动管理，变化较大的按程序调整指标值"],
        [MaternalDeathMeasure] = [Population, PatientDeathMeasure],
        [PatientDeathMeasure] = [Population],
        [AccidentDeathMeasure] = [Population],
        [VillagersFundsMeasure] = [MatchingInBudget],
        [WeatherWorks] = ["结合汛期和季节特点合理安排工作计划，提前做好准备，避开不利天气集中的时段组织实施"],
        [CountyPayment] = ["简化资金拨付审核流程，建立拨付台账，按月通报拨付进度，确保资金在规定时限内拨付到位"],
        [Participation] = [Willingness],
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
        [MatchingInBudget] =
            ["本级配套资金按季度预拨到位，建立配套资金到位台账，确保资金和补贴按时足额拨付发放"],
        ["加快剩余建设任务，明确完成时限，完工后及时组织验收"] = ["对未完成的建设内容逐项明确完成时限和责任人，加强施工调度，完工一处、验收一处"],
        ["倒排项目工期，加强施工调度和进度督查，按工程进度及时办理计量和资金支付"] = ["建立项目进度周报制度，对滞后项目约谈施工单位，按合同约定及时结算工程款"],
        [StaffShort] = ["统筹调配县乡两级专业人员下沉服务，开展岗位练兵和业务培训，补齐人员短板"],
        [UpperLate] = ["积极对接上级财政部门争取资金提前下达，资金到位前做好项目和对象准备，到位后压茬拨付，避免资金在年底集中支出"],
        [HealthEducationMeasure] = ["围绕居民健康需求开展健康讲座和健康咨询活动，按计划完成讲座场次，结合随访、义诊等服务普及健康知识"],
        [LatePayout] = ["与上级财政部门建立资金下达预告机制，提前做好对象审核和发放准备，资金到账即时发放，缩短资金在途时间"],
        [PriceMeasure] = ["开展主要材料价格监测，实行限额设计和造价跟踪审计，严格控制单位造价"],
        [FailedTender] = ["优化招标条件设置，扩大潜在投标人范围，减少流标，招标完成后倒排工期"],
        // Session 41: a second row held up by the same cause gets its own wording, not the generic 逐项核实 (乳源: the money and two rows).
        [ResidentsMeasure] = ["对暂缓实施的部分逐一上门做好群众工作，召开居民议事会协商实施方案，意见达成一致后及时组织实施，确实无法实施的按程序调整任务"],
        [HeatMeasure] = ["避开高温时段错峰作业，旱情缓解后增加作业力量集中推进，对受天气影响确需顺延的任务按程序调整"],
        [AccountsMeasure] = ["建立补贴对象账户信息动态更新机制，发放前集中比对校验，对退回资金建立台账、逐笔限时重发"],
        [SettlementMeasure] = ["建立结算事项台账，明确各环节办理时限，按月督办未结算事项，确保当年任务当年结算"],
        [PriceFallMeasure] = ["跟踪产品市场价格变化，组织产销对接和订单收购，引导生产经营主体调整品种结构、发展加工增值，稳定经营收入"],
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
        if (!added.Success && !BuiltCost().IsMatch(name))
        {
            // A cost per person or per service (人均经费, 次均费用, 平均救助成本) builds and equips nothing: it is kept
            // within its standard by costing and checking what is spent, not by approving “建设或配置内容”.
            return ServiceCostMeasure;
        }

        string what = added.Success
            ? $"对{added.Groups["what"].Value.Trim()}等超出原定标准的建设或配置内容，实施前按程序报批并相应调整控制标准，未经批准的由实施主体自筹"
            : "超出标准的建设或配置内容实施前按程序报批，未经批准的由实施主体自筹";
        return $"严格执行该项控制标准，{what}";
    }

    /// <summary>What answers a cost per person or per service above its standard.</summary>
    public const string ServiceCostMeasure = "严格执行该项成本控制标准，加强成本核算和支出审核，按实际服务量和补助标准据实核定支出，对超出标准的支出逐项查明原因，未经批准不得超标准列支";

    /// <summary>A unit cost of something built, bought or equipped (亩均建设成本, 单座投资, 每公里造价, 设备购置单价).</summary>
    [GeneratedRegex("建设|工程|改造|修建|新建|维修|造价|投资|购置|配置|设备|设施|亩均|每亩|单座|每座|每公里|公里|平方米|单方|单价|车辆|装备|校舍|房屋")]
    private static partial Regex BuiltCost();

    /// <summary>What answers a rate above its limit whose sector says nothing more: find each case, fix it, watch the rate.</summary>
    public const string CeilingRateMeasure = "对超出控制标准的情况逐一查明原因，明确整改责任人和完成时限，按季度监测并通报控制情况，推动该项指标回到控制标准以内";

    /// <summary>Rates with a ceiling, by what they count (the row's name first, then its table's title), and what answers each.</summary>
    private static readonly (Regex Row, string Measure)[] CeilingRates =
    [
        (new Regex("辍学|失学"), DropOutMeasure),
        (new Regex("因病致贫|因病返贫|致贫返贫|返贫致贫"), IllnessPovertyMeasure),
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

        // 市级 money in a county's table is upper-level money (the city's transfer), never the county's own matching money.
        bool cityAbove = region is not null && CountyRegion().IsMatch(region.Trim()) && CityMoney().IsMatch(cause) && !CountyMoney().IsMatch(cause);
        var matched = Answers.Where(a => a.Cause.IsMatch(cause) && !(cityAbove && a.Measure is LateMatchingMeasure or MatchingInBudget))
            .Select(a => a.Measure).Distinct(StringComparer.Ordinal).ToList();
        if (cityAbove && !matched.Contains(UpperLate))
        {
            matched.Insert(0, UpperLate);
        }

        var broader = matched.SelectMany(m => Narrows.TryGetValue(m, out string[]? b) ? b : []).ToHashSet(StringComparer.Ordinal);
        return matched.Where(m => !broader.Contains(m)).Take(max).Select(m => ForSector(m, context, cause)).ToList();
    }

    /// <summary>A measure in the words of the sector of <paramref name="context"/> (the row's words and its table's title) where it has them.</summary>
    private static string ForSector(string measure, string? context, string cause) => (measure, context ?? string.Empty) switch
    {
        // A loan overdue because borrowers' business is hard is answered by loan risk control, not by the borrowers' production.
        (Employers or MarketMeasure, var c) when LoanRow().IsMatch(c) => LoanDifficultyMeasure,
        (WorksNuisance, var c) when School().IsMatch(c) => SchoolWorksNuisance,
        (UpperLate, var c) when Payout().IsMatch(c) => LatePayout,
        // Enterprises that stopped: a training row trains around their schedules; a row that is not about jobs follows their recovery.
        (Employers, var c) when Training().IsMatch(c) => TrainingEmployers,
        // Production resumed is answered only where the cause says production stopped (经营困难 alone is not 停产).
        (Employers, var c) when c.Length > 0 && !Jobs().IsMatch(c) => Stopped().IsMatch(cause) ? MarketMeasure : BusinessMeasure,
        (AttendanceMeasure, var c) when Checkup().IsMatch(c) => CheckupAttendance,
        // People changing where no post fell vacant (送戏下乡: 演出团体人员变动) leave no 空缺岗位 to fill (session 39); a carer who
        // left (护理员离职) or a post named does.
        (StaffChange_Measure, var c) when c.Length > 0 && !PostLeft().IsMatch(c + "；" + cause) => StaffChangeNoPosts,
        // Health literacy is raised by health education, not by publicising a policy.
        (Publicity, var c) when HealthEducation().IsMatch(c) => HealthEducationMeasure,
        _ => measure,
    };

    [GeneratedRegex("市级[^，。；]{0,6}资金|市级(?:配套|补助|财政)|市本级|市财政")]
    private static partial Regex CityMoney();

    [GeneratedRegex("县级|县本级|区级|旗级|本县|县财政|自筹")]
    private static partial Regex CountyMoney();

    [GeneratedRegex("发放|兑付|及时率|补贴|补助|资助|救助|津贴")]
    private static partial Regex Payout();

    [GeneratedRegex("岗位|离职|辞职|调离|空缺|离岗|退休")]
    private static partial Regex PostLeft();

    [GeneratedRegex("培训|参训|培养")]
    private static partial Regex Training();

    [GeneratedRegex("就业|岗位|吸纳|失业|用工|招聘|见习|实习")]
    private static partial Regex Jobs();

    [GeneratedRegex("体检|健康管理|健康检查|筛查")]
    private static partial Regex Checkup();

    [GeneratedRegex("(?:医生|医师|医务人员|医护人员|卫技人员|卫生技术人员|护士|护理人员|全科)[^，。；]{0,6}(?:不足|短缺|紧缺|缺乏|较少|偏少|不够|流失|紧张)|(?:缺乏|缺少|缺)(?:全科)?(?:医生|医务人员|医护人员)")]
    private static partial Regex Doctors();

    [GeneratedRegex("(?:教师|师资|老师)[^，。；]{0,6}(?:不足|短缺|紧缺|缺乏|较少|偏少|不够|流失|紧张)|(?:缺乏|缺少|缺)(?:专任|学科)?(?:教师|老师)")]
    private static partial Regex Teachers();

    [GeneratedRegex("岗位[^，。；]{0,4}(?:减少|缩减|压缩|收缩|不足|有限|较少|偏少)|(?:减少|缩减|压缩|削减)[^，。；]{0,6}岗位|编制收紧|编制压缩|编制缩减|接收[^，。；]{0,8}(?:减少|有限|下降)")]
    private static partial Regex PostsCut();

    [GeneratedRegex("未(?:能)?(?:按时|按期)?(?:接受|到场|参加|参检|前来|到诊|到校)|到场率|参检率[^，。；]{0,2}(?:低|不高)|不愿(?:参加|到场|前来)|行动不便")]
    private static partial Regex NotAttended();

    [GeneratedRegex("健康教育|健康讲座|健康知识|健康素养|健康宣传|讲座[^，。；]{0,8}(?:少|减少|不足|未)")]
    private static partial Regex HealthEducation();

    [GeneratedRegex("开班[^，。；]{0,4}(?:减少|推迟|延迟|延后|较少|不足|较晚)|(?:减少|推迟|延迟)[^，。；]{0,4}开班|备案调整|培训机构[^，。；]{0,8}(?:调整|减少|退出|不足|停办|整改)")]
    private static partial Regex TrainingSupply();
}

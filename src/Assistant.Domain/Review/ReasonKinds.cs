using Assistant.Domain.Numbers;

namespace Assistant.Domain.Review;

/// <summary>
/// The kinds of reason units give for a deviation, by the words they use (first match wins, in this
/// order). Counting reasons across units counts kinds, since no two units word a reason alike.
/// </summary>
public static class ReasonKinds
{
    public const string Other = "其他原因";

    private static readonly (string Kind, string[] Words)[] Kinds =
    [
        ("资金下达或拨付滞后", ["资金下达", "下达较晚", "下达晚", "拨付滞后", "拨付进度", "资金到位", "到位晚", "到位较晚", "未及时拨付", "年底下达", "年末下达", "资金未到位"]),
        ("政策或标准调整", ["政策调整", "政策变化", "标准调整", "口径调整", "文件要求", "政策要求", "标准提高", "标准降低"]),
        ("经济形势和市场变化", ["经济下行", "经济形势", "市场需求", "企业经营", "就业形势", "用工需求"]),
        ("需求或申报不足", ["申报人数", "申请人数", "符合条件", "需求减少", "需求不足", "报名人数", "人数减少", "未达到申报", "服务对象减少", "退出较多", "主动退出"]),
        ("目标设定不合理", ["目标设定", "目标值设定", "预期过高", "测算偏", "目标偏高", "目标偏低", "设定偏"]),
        ("项目实施进度滞后", ["进度滞后", "进度缓慢", "尚未完工", "未完工", "工期", "招标", "采购程序", "施工", "前期手续", "延期"]),
        ("疫情或不可抗力", ["疫情", "自然灾害", "洪涝", "不可抗力", "地震", "干旱"]),
        ("统计或核算口径", ["统计口径", "统计时间", "数据统计", "核算", "跨年度", "结转"]),
        ("资金节约或结余", ["节约", "结余", "厉行节约", "压减", "成本降低", "政府采购节约"]),
    ];

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
            if (words.Any(w => t.Contains(w, StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        return Other;
    }
}

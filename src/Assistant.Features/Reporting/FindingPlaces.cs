using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Scoring;

namespace Assistant.Features.Reporting;

/// <summary>
/// Where a finding points, in the words of the table a reviewer reads (“孕产妇死亡率”·偏差原因, 资金“当年财政拨款”·执行率),
/// not the contract's path (indicators[3].deviationNote, funds.lines[1]); a path of no known shape is kept as it is.
/// </summary>
public static partial class FindingPlaces
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["deviationNote"] = "偏差原因",
        ["printedScore"] = "得分",
        ["score"] = "得分",
        ["weight"] = "分值",
        ["actual"] = "实际完成值",
        ["target"] = "年度指标值",
        ["name"] = "指标名称",
        ["printedRate"] = "执行率",
        ["rate"] = "执行率",
        ["executed"] = "全年执行数",
        ["budget"] = "全年预算数",
        ["initialBudget"] = "年初预算数",
        ["note"] = "说明",
    };

    public static string Of(string? path, ScoreReport score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (string.IsNullOrWhiteSpace(path))
        {
            return string.Empty;
        }

        Match m = Row().Match(path);
        if (m.Success && int.TryParse(m.Groups["i"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int i))
        {
            string? name = m.Groups["kind"].Value == "indicators"
                ? (i < score.Indicators.Count ? $"“{score.Indicators[i].Name}”" : null)
                : (i < score.Funds.Count ? $"资金“{score.Funds[i].Name}”" : null);
            if (name is not null)
            {
                return m.Groups["f"].Success ? $"{name}·{Fields.GetValueOrDefault(m.Groups["f"].Value, m.Groups["f"].Value)}" : name;
            }
        }

        if (path.StartsWith("levelWeights.", StringComparison.Ordinal))
        {
            return $"{path["levelWeights.".Length..]}·分值";
        }

        return path switch
        {
            "printedTotal" or "total" => "总分",
            "printedWeightTotal" or "weightTotal" => "分值合计",
            "printedGrade" or "grade" => "等级",
            "indicators" => "绩效指标",
            _ when path.StartsWith("funds", StringComparison.Ordinal) => "项目资金",
            _ => path,
        };
    }

    [GeneratedRegex(@"^(?<kind>indicators|funds\.lines)\[(?<i>\d+)\](?:\.(?<f>[A-Za-z]+))?$")]
    private static partial Regex Row();
}

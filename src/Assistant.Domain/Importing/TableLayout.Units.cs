using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

/// <summary>The money unit of the 项目资金 block: in the header, on a line of its own, or in a fund line's label cell.</summary>
public static partial class TableLayout
{
    private sealed partial class LayoutReader
    {
        /// <summary>
        /// The money unit printed in a fund line's label cell rather than in the header (<c>项目资金（千元）</c> beside
        /// <c>年度资金总额</c> in a PDF copy, <c>（元）</c> on a line of the label alone): read as the header's would be,
        /// when the header stated none; a money unit this reader does not know is named in a warning.
        /// </summary>
        private void UnitInLabel(List<GridCell> row, List<string> texts, List<int> filled)
        {
            if (cur is null || cur.Sources.ContainsKey("funds.unit"))
            {
                return;
            }

            foreach (int i in filled)
            {
                string compact = CellText.Compact(texts[i]);
                if (CellText.Number(texts[i], out _, out _) is not null)
                {
                    continue;
                }

                if (FundUnit().Match(compact) is { Success: true } u)
                {
                    cur.FundUnit = u.Groups["u"].Value;
                    cur.Sources["funds.unit"] = row[i].Source;
                    return;
                }

                if (MoneyUnit().Match(compact) is { Success: true } other)
                {
                    cur.Sources["funds.unit"] = row[i].Source;
                    Unread(other.Groups["u"].Value, row[i].Source, $"资金栏“{texts[i]}”", $"the fund label \"{texts[i]}\"");
                    return;
                }
            }
        }

        /// <summary>
        /// A money unit the contract cannot carry nor this reader convert (美元, 万美元, 十万元): named in a warning and an
        /// error of the table (the import is refused naming it), never read as 万元. Before the table starts, kept for it.
        /// </summary>
        private void Unread(string unit, string source, string whereZh, string whereEn)
        {
            if (cur is null)
            {
                pendingUnread = (unit, source, whereZh, whereEn);
                return;
            }

            string zh = $"{whereZh}中的资金单位“{unit}”无法识别：金额只能按元、万元或亿元读取（千元、百万元、千万元换算为万元），请改正单位后再导入";
            string en = $"the money unit \"{unit}\" in {whereEn} is not known: amounts are read in 元, 万元 or 亿元 (千元, 百万元 and 千万元 are converted to 万元); correct the unit and import again";
            cur.Sources["funds.unit"] = source;
            cur.Warn("funds.unit", source, zh, en);
            cur.Errors.Add(new ImportWarning("funds.unit", source, zh, en));
        }
    }

    /// <summary>单位：美元, 金额单位：万美元 — a unit line whose money unit is none this reader knows.</summary>
    [GeneratedRegex(@"^(金额|资金)?单位[:：](?!人民币)(?<u>[^\d:：()（）]{1,5}元)$")]
    private static partial Regex OtherUnitCell();

    [GeneratedRegex(@"[(（](?:(?:金额|资金)?单位[:：])?(?:人民币)?(?<u>" + FundUnits.Pattern + @")[)）]")]
    private static partial Regex FundUnit();

    [GeneratedRegex(@"[(（](?:人民币)?(?<u>[^()（）]{1,4}元)[)）]")]
    private static partial Regex MoneyUnit();

    [GeneratedRegex(@"^(金额|资金)?单位[:：](?:人民币)?(?<u>" + FundUnits.Pattern + @")$")]
    private static partial Regex UnitCell();
}

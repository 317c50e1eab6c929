using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// A unit slip: the named row's own figure with a unit of the same family that is not the row's — 1500万元 for
/// 1500元/人, 1080人次 for 1080人, 55% for 55‰. The digits are the row's; the quantity stated is another, so
/// it is contradicted. (A unit only shortened — 1200元 for 1200元/人, 20.72万人 for 20.72万人次 — is verified before.)
/// </summary>
public static class UnitSlip
{
    /// <summary>The family of a base unit: amounts (元, 元/人…), ratios (%, ‰, 个百分点), a count and its 次 (人, 人次).</summary>
    public static string Family(string unitBase)
    {
        ArgumentNullException.ThrowIfNull(unitBase);
        if (unitBase.StartsWith('元'))
        {
            return "元";
        }

        if (unitBase is "%" or "‰" or "个百分点")
        {
            return "%";
        }

        return unitBase.Length > 1 && unitBase.EndsWith('次') ? unitBase[..^1] : unitBase;
    }

    /// <summary>Whether <paramref name="mention"/> (with a unit) states <paramref name="fact"/>'s printed digits in another unit of its family.</summary>
    public static bool Is(UnitSpec mention, PrintedNumber number, UnitSpec fact, decimal factValue)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(fact);
        return mention.Base.Length > 0 && fact.Base.Length > 0 && number.Value == factValue && mention.Text != fact.Text
            && mention.Base is not "个百分点" && Family(mention.Base) == Family(fact.Base)
            && !(UnitsInText.IsOwnUnit(mention.Base) && !Cells.CellUnits.SameUnit(mention.Base, fact.Base)); // 188元/台 is no slip of a 元 figure (session 37)
    }

    /// <summary>The note of a slip: “生均维修成本”的完成值为1500元/人，文中单位写作万元.</summary>
    public static string Note(string rowName, string label, string factText, UnitSpec mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return $"“{rowName}”的{label}为{factText}，文中单位写作{mention.Text}";
    }
}

using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>Session 41: the sum of named fund lines (<see cref="LinesSum"/>) asked from outside, as the reference verifier the tests keep asks it.</summary>
public sealed partial class Verifier
{
    /// <summary>
    /// 中央财政资金、其他资金合计3649万元: an amount the words give as the sum of two or more fund lines they name, checked against
    /// those lines' sum (null when the words say no such sum). <paramref name="clauseText"/> is the clause, <paramref name="before"/>
    /// its words before the amount, <paramref name="sentenceBefore"/> the sentence's.
    /// </summary>
    internal CheckedMention? LinesSumFor(Mention m, PrintedNumber number, string clauseText, string before, string sentenceBefore)
    {
        if (!FundWords().IsMatch(clauseText))
        {
            return null;
        }

        IReadOnlyList<int> clauseLines = LinesNamed(before);
        return LinesSum(m, number, before, clauseLines.Count > 1 ? clauseLines : LinesNamed(sentenceBefore));
    }
}

using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>The sheet an answer about other units is checked against (see <see cref="SentenceGate.Rebase"/>).</summary>
public sealed partial class SentenceGate
{
    /// <summary>
    /// The table-less sheet of an answer across units: no rows and no money of its own (the units' figures are the turn's facts,
    /// learned from the tool), with the units the answer speaks of as its own subjects. A place the reviewer asked of (乳源县 for
    /// 乳源瑶族自治县…) is then one of the units viewed, not another table's: a figure beside it — the threshold 90% of
    /// “执行率低于90%（须说明原因）的乳源县有1个” — is checked against the facts (the policy's threshold, the turn's), not put out of
    /// scope and held (session 43). A figure no fact supports is still held.
    /// </summary>
    public static FactSheet AcrossUnitsSheet(Evaluation conversation, IEnumerable<string> units, ScoringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(policy);
        string names = string.Join("、", units.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).Distinct(StringComparer.Ordinal));
        return FactSheet.Build(new Evaluation
        {
            Kind = conversation.Kind, Title = "各单位", Year = conversation.Year, Funds = new FundSection { Unit = conversation.Funds.Unit }, Indicators = [],
            Department = names.Length > 0 ? names : null,
        }, policy);
    }
}

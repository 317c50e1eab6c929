using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>
/// The answers the offline assistant composes from the table alone (no corpus, no storage): everything
/// but drafting (any part), export and similar cases, which need the report service, the corpus and storage. Null for those. (Explanations
/// here carry no similar cases; the assistant adds them from the corpus.)
/// </summary>
public static partial class OfflineAnswers
{
    public static OfflineAnswer? FromTable(Intent intent, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(sheet);
        OfflineAnswer? answer = Answer(intent, sheet);
        // 取证人数那项为什么没完成: which row was taken, when the question's words fit another row better.
        return answer is not null && TableAnswers.ChosenRow(sheet, intent) is { } chosen ? answer with { Text = chosen + answer.Text } : answer;
    }

    private static OfflineAnswer? Answer(Intent intent, FactSheet sheet) =>
        intent.Kind switch
        {
            IntentKind.Define when intent.Topic == Topics.Pending => TableAnswers.Pending(sheet),
            IntentKind.List when intent.Topic == Topics.OverCap => TableAnswers.OverCap(sheet),
            IntentKind.List when intent.Topic == Topics.PendingList => TableAnswers.Pending(sheet), // the list needs the stored drafts: the assistant gives it
            IntentKind.Define when intent.Topic == Topics.DropItem => TableAnswers.DropItem(sheet, intent.Indicators),
            IntentKind.Define when intent.Topic == Topics.CountPremise => TableAnswers.CountPremise(sheet, intent.Text),
            IntentKind.Define when intent.Topic == Topics.GivenReason => TableAnswers.GivenReason(sheet, intent.Indicators, intent.Text,
                intent.Query is IntentRouter.Unnamed or IntentRouter.UnnamedOnlyShort, intent.Query != IntentRouter.UnnamedOnlyShort),
            IntentKind.Define when intent.Topic == Topics.NoSuchItem => TableAnswers.NoSuchItem(sheet, intent.Text ?? string.Empty),
            IntentKind.Define => TableAnswers.Define(intent.Topic, intent.Indicators, sheet),
            IntentKind.Compute => TableAnswers.Compute(intent.Topic, intent.Indicators, sheet, intent.Funds, intent.Text),
            IntentKind.List when intent.Topic == Topics.Threshold && TableAnswers.ThresholdOf(intent.Text) is { } bound => TableAnswers.Threshold(sheet, bound),
            IntentKind.List => TableAnswers.List(intent.Topic, sheet),
            IntentKind.Summary => TableAnswers.Summary(sheet),
            IntentKind.Assess => ReviewAnswers.Assess(sheet, intent.Indicators, intent.Text),
            IntentKind.Clarify => ReviewAnswers.Clarify(sheet, intent.Indicators),
            IntentKind.Rewrite => ReviewAnswers.RewriteOffline(sheet, intent.Text, intent.Topic),
            IntentKind.Help => ReviewAnswers.Help(sheet),
            IntentKind.Explain when intent.Topic == Topics.Improve => ReviewAnswers.Improve(sheet, intent.Indicators, intent.Text),
            IntentKind.Explain => ReviewAnswers.Explain(sheet, intent.Indicators),
            IntentKind.Verify when intent.Text is { } text => ReviewAnswers.Verify(sheet, text),
            _ => null,
        };

    /// <summary>
    /// The answers to the parts of a compound question (执行率多少？哪些指标没完成？) as one answer, in order; each part's
    /// facts of the turn renamed so no two parts share an id. Null parts (answers that need storage) are left out.
    /// </summary>
    public static OfflineAnswer? Combine(IEnumerable<OfflineAnswer?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var parts = answers.OfType<OfflineAnswer>().ToList();
        if (parts.Count <= 1)
        {
            return parts.FirstOrDefault();
        }

        var text = new System.Text.StringBuilder();
        var facts = new List<Fact>();
        var said = new SaidLines(); // a line one part already gave (or its figures, worded again) is not repeated by the next
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        var rules = new HashSet<string>(StringComparer.Ordinal);
        for (int p = 0; p < parts.Count; p++)
        {
            var own = parts[p].TurnFacts.ToDictionary(f => f.Id, StringComparer.Ordinal);
            var lines = parts[p].Text.Split('\n');
            var kept = new List<string>();
            bool counted = false;
            foreach (string line in lines)
            {
                // 需要说明却没有填写原因的有4项：… — a counted list keeps every item, though an earlier part stated the same row's
                // figures (session 41: four announced, three shown). The list runs to the next heading or an empty line.
                if (line.Length == 0 || line.EndsWith('：'))
                {
                    counted = line.Length > 0 && AnswerCounts.IsCountedHeading(line) && !(p > 0 && said.Repeats(Valued(line, own)));
                }
                else if (counted)
                {
                    kept.Add(line);
                    continue;
                }

                string key = Valued(line, own);
                if (line.Length > 0 && p > 0 && said.Repeats(key))
                {
                    continue;
                }

                kept.Add(line);
            }

            // A reason an earlier part quoted is not quoted again by a later one (执行率和没完成的指标: the total's reason by the rate and
            // again by the list): “…” becomes （见上） (session 41, the repeats chat.dev.unexpectedRepeats counted).
            for (int k = 0; k < kept.Count && p > 0; k++)
            {
                // A reason holding a figure (设备采购于12月完成招标…) is matched on its values: each part numbers its facts of the turn anew.
                kept[k] = QuotedReason().Replace(kept[k], q => IsReason(q.Groups[1].Value) && quoted.Contains(Valued(q.Groups[1].Value, own).TrimEnd('。')) ? "（见上）" : q.Value);
                // 计分：正向指标：…得满分。10分 × … : a rule an earlier part stated is not stated again for the next row asked.
                int end = kept[k].IndexOf('。', StringComparison.Ordinal);
                if (kept[k].StartsWith("计分：", StringComparison.Ordinal) && end > 0 && end + 1 < kept[k].Length && rules.Contains(kept[k][..end]))
                {
                    kept[k] = "计分规则同上：" + kept[k][(end + 1)..];
                }
            }

            foreach (string line in kept)
            {
                said.Add(Valued(line, own));
                if (line.StartsWith("计分：", StringComparison.Ordinal) && line.IndexOf('。', StringComparison.Ordinal) is > 0 and int ruleEnd)
                {
                    rules.Add(line[..ruleEnd]);
                }

                foreach (Match q in QuotedReason().Matches(line).Where(q => IsReason(q.Groups[1].Value)))
                {
                    quoted.Add(Valued(q.Groups[1].Value, own).TrimEnd('。'));
                }
            }

            string t = string.Join('\n', kept);
            foreach (Fact f in parts[p].TurnFacts)
            {
                string id = $"turn.q{p + 1}.{facts.Count + 1}";
                t = t.Replace(Drafting.DraftText.Ref(f.Id), Drafting.DraftText.Ref(id), StringComparison.Ordinal);
                facts.Add(f with { Id = id });
            }

            text.Append(t);
            if (!t.EndsWith('\n'))
            {
                text.Append('\n');
            }
        }

        return new OfflineAnswer(text.ToString(), facts);
    }

    /// <summary>The line with each fact of its part's turn written as its value (two parts number the same figure differently).</summary>
    private static string Valued(string line, Dictionary<string, Fact> own) =>
        own.Aggregate(line, (k, f) => k.Replace(Drafting.DraftText.Ref(f.Key), $"<{f.Value.Value}{f.Value.Unit}>", StringComparison.Ordinal));

    /// <summary>
    /// A reason in the unit's words: a passage quoted after a colon and ending a clause (填报的原因：“…”。), or followed by where it was written
    /// (相关原因是：“…”（写在“…”的偏差原因栏）, session 42); a row's name (“…”：, “…”未完成) is
    /// never one. Its figures are fact references (设备采购于{{fact:…}}完成招标), so the passage is checked by <see cref="IsReason"/>.
    /// </summary>
    [GeneratedRegex(@"[：:]“([^“”]{12,800})”(?=$|[。；;，,）)]|（写在)")]
    private static partial Regex QuotedReason();

    /// <summary>A quoted passage long enough to be a reason: 12 characters or more of words, each fact reference counted as one (a cell quoted alone is none).</summary>
    private static bool IsReason(string inner) => FactRef().Replace(inner, "#").Length >= 12 && FactRef().Replace(inner, string.Empty).Length >= 8;

    [GeneratedRegex(@"\{\{[^{}]*\}\}")]
    private static partial Regex FactRef();
}

using System.Text.Json;
using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Features.Conversations;

/// <summary>
/// What a staff member changed in part 三 by saying it in a conversation: the reasons given for rows and fund lines
/// (原因是…, 原因改一下：…) and the measures (第2条措施改成…, 把X的措施换成…, 加上…), each numbered item read against the
/// part 三 drafted last before the message. The stored table is never changed; the conversation's own turns, and the
/// drafts made outside it (<c>POST /evaluations/{id}/drafts</c>, the staff page), read the table with them.
/// </summary>
public sealed record ChatEdits(
    IReadOnlyDictionary<int, string> Reasons,
    IReadOnlyDictionary<int, string> FundReasons,
    IReadOnlyDictionary<int, string> Measures,
    IReadOnlyDictionary<int, string> FundMeasures)
{
    /// <summary>The measure this turn's message gives (null when none, or when no message of this turn was read).</summary>
    public MeasureEdit? Current { get; init; }

    /// <summary>The reason this turn's message gives without naming its row, with the row it was kept for (null when none).</summary>
    public UnnamedReason? CurrentReason { get; init; }

    public static readonly ChatEdits None = new(new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>());

    public bool Any => Reasons.Count + FundReasons.Count + Measures.Count + FundMeasures.Count > 0;

    /// <summary>
    /// The edits of the user's messages of <paramref name="conversations"/> (each in order, oldest conversation first) and of
    /// <paramref name="content"/> (this turn's message, after the last conversation's messages).
    /// </summary>
    public static ChatEdits Read(IEnumerable<IReadOnlyList<StoredMessage>> conversations, FactSheet sheet, string? content = null)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(sheet);
        var said = new List<(string? Message, DraftOutline? Outline)>();
        DraftOutline? outline = null;
        foreach (IReadOnlyList<StoredMessage> messages in conversations)
        {
            outline = null;
            foreach (StoredMessage m in messages)
            {
                if (m.Role == "user")
                {
                    said.Add((m.Content, outline));
                }
                else if (OutlineOf(m.Payload) is { } drafted)
                {
                    outline = drafted;
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(content))
        {
            said.Add((content, outline));
        }

        var texts = said.Select(s => s.Message).ToList();
        var (measures, fundMeasures, last) = UserStatements.Measures(said, sheet);
        return new ChatEdits(UserStatements.Reasons(texts, sheet), UserStatements.FundReasons(texts, sheet), measures, fundMeasures)
        {
            Current = string.IsNullOrWhiteSpace(content) ? null : last,
            CurrentReason = string.IsNullOrWhiteSpace(content) ? null : UserStatements.Unnamed(texts.Take(texts.Count - 1), content, sheet),
        };
    }

    /// <summary>The outline of the last part 三 an answer drafted (its <c>draft</c> events), read off its stored payload; null when it drafted none.</summary>
    public static DraftOutline? OutlineOf(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("events", out JsonElement events) || events.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        DraftOutline? found = null;
        foreach (JsonElement e in events.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out JsonElement t) && t.GetString() == "draft"
                && e.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("draft", out JsonElement draft) && draft.ValueKind == JsonValueKind.Object)
            {
                found = Outline(draft) ?? found;
            }
        }

        return found;
    }

    /// <summary>The outline of a draft as stored (<c>paragraphs[].text/items</c>, <c>items[].id/indicatorIndex/fundLineIndex</c>).</summary>
    public static DraftOutline? Outline(JsonElement draft)
    {
        if (!draft.TryGetProperty("paragraphs", out JsonElement paragraphs) || paragraphs.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var rows = new Dictionary<string, (int? Indicator, int? Fund, string Name)>(StringComparer.Ordinal);
        if (draft.TryGetProperty("items", out JsonElement items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement i in items.EnumerateArray())
            {
                if (i.TryGetProperty("id", out JsonElement id) && id.GetString() is { } key)
                {
                    string name = i.TryGetProperty("name", out JsonElement n) ? n.GetString() ?? string.Empty : string.Empty;
                    rows[key] = (Int(i, "indicatorIndex"), Int(i, "fundLineIndex"), name.Trim());
                }
            }
        }

        var list = new List<(string, IReadOnlyList<int>, IReadOnlyList<int>)>();
        foreach (JsonElement p in paragraphs.EnumerateArray())
        {
            string text = p.TryGetProperty("text", out JsonElement tx) ? tx.GetString() ?? string.Empty : string.Empty;
            var ids = p.TryGetProperty("items", out JsonElement its) && its.ValueKind == JsonValueKind.Array
                ? its.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToList()
                : [];
            // A paragraph is about the items it names in quotes (“X”); one that names none (预算执行率偏低) about its first item
            // (the others are cited in it).
            var known = ids.Where(rows.ContainsKey).Select(k => rows[k]).ToList();
            var about = known.Where(r => r.Name.Length > 0 && text.Contains($"“{r.Name}”", StringComparison.Ordinal)).ToList();
            if (about.Count == 0)
            {
                about = known.Take(1).ToList();
            }

            list.Add((text, about.Where(a => a.Indicator is not null).Select(a => a.Indicator!.Value).ToList(),
                about.Where(a => a.Indicator is null && a.Fund is not null).Select(a => a.Fund!.Value).ToList()));
        }

        return DraftOutline.From(list);
    }

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) ? n : null;

    /// <summary>The table as the conversation reads it: the reasons given, then the measures (each after its row's cause).</summary>
    public Evaluation Apply(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return Any
            ? UserStatements.ApplyMeasures(UserStatements.ApplyFunds(UserStatements.Apply(evaluation, Reasons), FundReasons), Measures, FundMeasures)
            : evaluation;
    }

    /// <summary>
    /// The one table part 三 of a stored evaluation is drafted from, wherever it is drafted — <c>POST /evaluations/{id}/drafts</c>,
    /// the report (<c>POST /evaluations/{id}/report</c>, its job, hence the Word export) and the command line's <c>draft</c>/<c>report</c>
    /// of a stored table: the table as stored, with the reasons and measures the unit gave in its conversations about it.
    /// </summary>
    public static Task<Evaluation> TableForDraftingAsync(ConversationStore conversations, string unit, Records.StoredEvaluation stored, string? policy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return ForEvaluationAsync(conversations, unit, stored.Id, Evaluations.EvaluationJson.Parse(stored.Body),
            Evaluations.EvaluationService.ResolvePolicy(policy ?? stored.Policy), cancellationToken);
    }

    /// <summary>The table of <paramref name="stored"/> with the edits of every conversation of the unit about it (oldest first).</summary>
    public static async Task<Evaluation> ForEvaluationAsync(ConversationStore conversations, string unit, Guid evaluationId, Evaluation evaluation, ScoringPolicy policy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        var all = await conversations.ListAsync(unit, evaluationId, 50, cancellationToken);
        if (all.Count == 0)
        {
            return evaluation;
        }

        var threads = new List<IReadOnlyList<StoredMessage>>();
        foreach (ConversationSummary c in all.OrderBy(c => c.CreatedAt))
        {
            threads.Add(await conversations.MessagesAsync(c.Id, cancellationToken));
        }

        return Read(threads, FactSheet.Build(evaluation, policy)).Apply(evaluation);
    }
}

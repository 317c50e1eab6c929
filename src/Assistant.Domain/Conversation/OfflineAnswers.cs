using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>
/// The answers the offline assistant composes from the table alone (no corpus, no storage): everything
/// but drafting (any part), export and similar cases, which need the report service, the corpus and storage. Null for those. (Explanations
/// here carry no similar cases; the assistant adds them from the corpus.)
/// </summary>
public static class OfflineAnswers
{
    public static OfflineAnswer? FromTable(Intent intent, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(sheet);
        return intent.Kind switch
        {
            IntentKind.Define when intent.Topic == Topics.NoSuchItem => TableAnswers.NoSuchItem(sheet, intent.Text ?? string.Empty),
            IntentKind.Define => TableAnswers.Define(intent.Topic, intent.Indicators, sheet),
            IntentKind.Compute => TableAnswers.Compute(intent.Topic, intent.Indicators, sheet, intent.Funds, intent.Text),
            IntentKind.List => TableAnswers.List(intent.Topic, sheet),
            IntentKind.Summary => TableAnswers.Summary(sheet),
            IntentKind.Assess => ReviewAnswers.Assess(sheet, intent.Indicators, intent.Text),
            IntentKind.Clarify => ReviewAnswers.Clarify(sheet, intent.Indicators),
            IntentKind.Rewrite => ReviewAnswers.RewriteOffline(sheet, intent.Text, intent.Topic),
            IntentKind.Help => ReviewAnswers.Help(sheet),
            IntentKind.Explain when intent.Topic == Topics.Improve => ReviewAnswers.Improve(sheet, intent.Indicators),
            IntentKind.Explain => ReviewAnswers.Explain(sheet, intent.Indicators),
            IntentKind.Verify when intent.Text is { } text => ReviewAnswers.Verify(sheet, text),
            _ => null,
        };
    }
}

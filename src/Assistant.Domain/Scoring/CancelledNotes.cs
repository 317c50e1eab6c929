using System.Text.RegularExpressions;

namespace Assistant.Domain.Scoring;

/// <summary>
/// Whether a 偏差原因 note says the indicator itself was cancelled (指标已取消, 该指标取消, 取消该项指标, 本项因政策调整取消),
/// as opposed to something else being cancelled (宣传活动多次取消, 培训班取消2期), which is a reason for a shortfall.
/// </summary>
public static partial class CancelledNotes
{
    public static bool SayTheIndicatorWasCancelled(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return IndicatorCancelled().IsMatch(note);
    }

    [GeneratedRegex(@"指标[^，。；,;]{0,6}?(?:已|已经|被|予以)?(?:调整)?取消|取消(?:了)?(?:该|此|本)?项?指标|(?:该|此|本)项(?:已|已经|被|予以)(?:调整)?取消|^\s*(?:已|已经)?取消\s*[。.]?\s*$")]
    private static partial Regex IndicatorCancelled();
}

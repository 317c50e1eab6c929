using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// 5千分点 (session 35): written without 个, the number pattern reads 千 as a magnitude and 分 as points of a score (5000分).
/// Such a mention, right before 点, is mended to 5个千分点 before it is checked. Shared by the verifier and its reference.
/// </summary>
public static class PointsWithoutGe
{
    private static readonly UnitSpec PerMille = UnitSpec.Parse("个千分点");

    /// <summary>The mentions with each 千分 right before 点 read as 个千分点 (the list itself when there is none).</summary>
    public static IReadOnlyList<Mention> Mend(IReadOnlyList<Mention> mentions, string normalized)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(normalized);
        List<Mention>? mended = null;
        for (int k = 0; k < mentions.Count; k++)
        {
            Mention m = mentions[k];
            int end = m.Start + m.Length;
            if (m.Unit is { Magnitude: "千", Base: "分" } && m.Number is not null && end < normalized.Length && normalized[end] == '点')
            {
                mended ??= [.. mentions];
                mended[k] = m with { Length = m.Length + 1, Text = m.Text + "点", Kind = MentionKind.Percent, Unit = PerMille };
            }
        }

        return mended ?? mentions;
    }
}

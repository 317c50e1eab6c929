using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

public sealed partial class Verifier
{
    /// <summary>
    /// The report of a text checked with its digits folded to ASCII (<see cref="MatchedNumber.Ascii"/>), quoting the text as
    /// typed: folding keeps every character in its place, so each number and claim is the same span of the original.
    /// </summary>
    private static VerificationReport AsTyped(VerificationReport report, string typed)
    {
        string Quote(int start, int length, string read) =>
            start >= 0 && length >= 0 && start + length <= typed.Length && typed.Substring(start, length) is var original
            && MatchedNumber.Ascii(original) == read ? original : read;

        var mentions = report.Mentions
            .Select(m => m with { Mention = m.Mention with { Text = Quote(m.Mention.Start, m.Mention.Length, m.Mention.Text) } }).ToList();
        var claims = report.Claims.Select(c => c with { Text = Quote(c.Start, c.Length, c.Text) }).ToList();
        return report with { Mentions = mentions, Claims = claims };
    }
}

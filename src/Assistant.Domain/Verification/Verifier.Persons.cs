namespace Assistant.Domain.Verification;

/// <summary>Words that count people (session 38, probe 38 #4: 46215名 against a row in 人 was left unverified).</summary>
public sealed partial class Verifier
{
    /// <summary>人, 名 and 位 count the same people: 46215名 is a count of a row in 人, 12位 of one in 名.</summary>
    internal static bool SamePersons(string mention, string fact) =>
        mention != fact && IsPersonWord(mention) && IsPersonWord(fact);

    private static bool IsPersonWord(string unit) => unit is "人" or "名" or "位";
}

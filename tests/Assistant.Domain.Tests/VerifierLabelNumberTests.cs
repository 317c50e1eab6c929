using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21, session 30: whether a number lies inside the text's writing of a name holding a digit
/// (0-6岁儿童健康管理率, 合成指标12) is answered from one search per name over the whole text
/// (<see cref="VerificationContext.WithinAnyOf"/>) instead of a search per number and name; the answer
/// is the rule's (session 29): some occurrence of some name starts at or before the number and ends at
/// or after it. Names and texts are drawn from a few characters, so names nest (合成指标1 in 合成指标12),
/// overlap and repeat.
/// </summary>
public class VerifierLabelNumberTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly char[] Alphabet = "合成指标12-6岁儿".ToCharArray();

    private static Gen<string> Word(int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ListOf(Gen.Elements(Alphabet), length)
        select new string(chars.ToArray());

    private static Gen<(string[] Names, string Text)> Cases() =>
        from count in Gen.Choose(0, 6)
        from names in Gen.ListOf(Word(4, 7), count)
        from pieces in Gen.ListOf(Gen.OneOf(Gen.Elements(names.DefaultIfEmpty("合成指标1").ToArray()), Word(0, 4)), 8)
        select (names.Distinct(StringComparer.Ordinal).ToArray(), string.Concat(pieces));

    /// <summary>The session-29 rule as written then: for each name, a search in the window where it could cover the span.</summary>
    private static bool Windowed(string[] names, string text, int start, int end)
    {
        foreach (string name in names)
        {
            int from = Math.Max(0, end - name.Length);
            int to = Math.Min(text.Length, start + name.Length);
            int at = to - from >= name.Length ? text.IndexOf(name, from, to - from, StringComparison.Ordinal) : -1;
            if (at >= 0 && at <= start && at + name.Length >= end)
            {
                return true;
            }
        }

        return false;
    }

    private static VerificationContext Context(string text) =>
        new(text, Clause.Split(text), new SubjectScopes(text, SyntheticTables.Project(3)), []);

    [Fact]
    public void OneSearchPerName_AnswersAsTheSearchPerNumber()
    {
        Assert.Null(Record.Exception(() => Prop.ForAll(Cases().ToArbitrary(), x =>
        {
            VerificationContext ctx = Context(x.Text);
            var names = new LiteralNames(x.Names);
            for (int start = 0; start < x.Text.Length; start++)
            {
                for (int end = start + 1; end <= Math.Min(x.Text.Length, start + 4); end++)
                {
                    Assert.Equal(Windowed(x.Names, x.Text, start, end), ctx.WithinAnyOf(names, start, end));
                }
            }
        }).Check(Config)));
    }

    [Fact]
    public void ANumberInsideANestedName_IsWithinIt()
    {
        const string text = "合成指标12完成值为30，0-6岁儿童健康管理率达到95%";
        var names = new LiteralNames(["合成指标1", "合成指标12", "0-6岁儿童健康管理率"]);
        VerificationContext ctx = Context(text);

        Assert.True(ctx.WithinAnyOf(names, 4, 6));   // 12 inside 合成指标12
        Assert.True(ctx.WithinAnyOf(names, 4, 5));   // 1 inside 合成指标1 too
        Assert.False(ctx.WithinAnyOf(names, 10, 12)); // 30 is no name's
        Assert.True(ctx.WithinAnyOf(names, 15, 16));  // 6 inside 0-6岁儿童健康管理率
        Assert.False(Context(text).WithinAnyOf(new LiteralNames([]), 4, 6));
    }
}

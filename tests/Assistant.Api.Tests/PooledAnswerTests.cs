using Assistant.Api.Infrastructure;

namespace Assistant.Api.Tests;

/// <summary>The pooled buffer a score or facts answer is written into before it goes out with its length.</summary>
public class PooledAnswerTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(PooledAnswer.MinimumHint)]
    [InlineData(PooledAnswer.MaximumHint)]
    public void WritesPastItsStart_KeepEveryByteInOrder(int sizeHint)
    {
        var random = new Random(21);
        byte[] expected = new byte[(3 * PooledAnswer.MinimumHint) + 12_345];
        random.NextBytes(expected);
        using var answer = new PooledAnswer(sizeHint);
        int at = 0;
        while (at < expected.Length)
        {
            int piece = Math.Min(expected.Length - at, random.Next(1, 5_000));
            Span<byte> span = random.Next(2) == 0 ? answer.GetSpan(piece) : answer.GetMemory(piece).Span;
            Assert.True(span.Length >= piece);
            expected.AsSpan(at, piece).CopyTo(span);
            answer.Advance(piece);
            at += piece;
        }

        Assert.Equal(expected.Length, answer.Written);
        Assert.True(answer.WrittenMemory.Span.SequenceEqual(expected));
    }

    [Fact]
    public void ASpanAskedForWithoutASize_IsNeverEmpty_AndAdvancingPastItThrows()
    {
        using var answer = new PooledAnswer(PooledAnswer.MinimumHint);
        int length = answer.GetSpan().Length;
        Assert.True(length >= PooledAnswer.MinimumHint);
        answer.Advance(length);
        Assert.NotEqual(0, answer.GetSpan().Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => answer.Advance(answer.GetSpan().Length + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => answer.Advance(-1));
        Assert.Equal(length, answer.Written);
    }

    [Fact]
    public void NextHint_IsTheLastAnswerWithAnEighthMore_WithinItsBounds()
    {
        Assert.Equal(PooledAnswer.MinimumHint, PooledAnswer.NextHint(0));
        Assert.Equal(PooledAnswer.MinimumHint, PooledAnswer.NextHint(1_000));
        Assert.Equal(31_500, PooledAnswer.NextHint(28_000));
        Assert.Equal(PooledAnswer.MaximumHint, PooledAnswer.NextHint(PooledAnswer.MaximumHint));
        Assert.Equal(PooledAnswer.MaximumHint, PooledAnswer.NextHint(int.MaxValue));
    }

    [Fact]
    public void Disposed_ItHoldsNothing()
    {
        var answer = new PooledAnswer(PooledAnswer.MinimumHint);
        "{}"u8.CopyTo(answer.GetSpan(2));
        answer.Advance(2);
        answer.Dispose();
        Assert.Equal(0, answer.Written);
        Assert.True(answer.WrittenMemory.IsEmpty);
        answer.Dispose();
    }
}

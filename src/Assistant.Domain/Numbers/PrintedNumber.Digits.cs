namespace Assistant.Domain.Numbers;

/// <summary>The digits of a decimal's 96-bit mantissa (the UTF-8 formats' first step; split from <c>PrintedNumber.cs</c> in session 43).</summary>
public readonly partial record struct PrintedNumber
{
    /// <summary>The most digits a 96-bit mantissa has (2⁹⁶ − 1 has 29).</summary>
    internal const int MantissaDigitsLength = 29;

    /// <summary>
    /// The decimal digits of the 96-bit mantissa <paramref name="hi"/>:<paramref name="mid"/>:<paramref name="lo"/>
    /// (at least one: "0" for zero), written at the end of <paramref name="digits"/> (29 bytes); returns where
    /// they start. While the mantissa needs more than 64 bits it is divided by 10⁹ as three 32-bit limbs (long
    /// division, each step a 64-bit by 32-bit division), giving nine digits a time; the rest is a
    /// <see cref="ulong"/>. Exact; what <c>UInt128.TryFormat</c> wrote before (its 128-bit divisions cost more),
    /// held equal to the framework's formats by <c>PrintedNumberFormatTests</c>.
    /// </summary>
    internal static int MantissaDigits(uint hi, uint mid, uint lo, Span<byte> digits)
    {
        const uint Billion = 1_000_000_000;
        const uint HundredMillion = 100_000_000;
        int at = digits.Length;
        while (hi != 0)
        {
            ulong part = hi;
            hi = (uint)(part / Billion);
            part = ((part % Billion) << 32) | mid;
            mid = (uint)(part / Billion);
            part = ((part % Billion) << 32) | lo;
            lo = (uint)(part / Billion);
            uint chunk = (uint)(part % Billion);

            // Nine digits: the low eight as four pairs, then the ninth.
            at = EightDigits(chunk % HundredMillion, digits, at);
            digits[--at] = (byte)('0' + (chunk / HundredMillion));
        }

        // What is left fits 64 bits (and, after a division above, is at least 2⁶⁴ ÷ 10⁹ — never a leading zero):
        // eight digits a time while it has more, then the rest (below 10⁸, at least one digit) by pairs.
        ulong rest = ((ulong)mid << 32) | lo;
        while (rest >= HundredMillion)
        {
            at = EightDigits((uint)(rest % HundredMillion), digits, at);
            rest /= HundredMillion;
        }

        uint r = (uint)rest;
        while (r >= 100)
        {
            uint q = r / 100;
            at = Pair(r - (q * 100), digits, at);
            r = q;
        }

        if (r >= 10)
        {
            return Pair(r, digits, at);
        }

        digits[--at] = (byte)('0' + r);
        return at;
    }

    /// <summary>The two ASCII digits of every number below 100, in order (since session 43: a pair per division, not a digit).</summary>
    private static ReadOnlySpan<byte> DigitPairs => "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>Exactly eight digits of <paramref name="value"/> (below 10⁸, leading zeros kept) ending before <paramref name="at"/>; returns where they start.</summary>
    private static int EightDigits(uint value, Span<byte> digits, int at)
    {
        for (int k = 0; k < 4; k++)
        {
            uint q = value / 100;
            at = Pair(value - (q * 100), digits, at);
            value = q;
        }

        return at;
    }

    /// <summary>The two digits of <paramref name="pair"/> (below 100) ending before <paramref name="at"/>; returns where they start.</summary>
    private static int Pair(uint pair, Span<byte> digits, int at)
    {
        ReadOnlySpan<byte> table = DigitPairs;
        digits[at - 1] = table[(int)(pair * 2) + 1];
        digits[at - 2] = table[(int)(pair * 2)];
        return at - 2;
    }
}

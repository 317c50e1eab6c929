namespace Assistant.Domain.Verification;

/// <summary>
/// A fixed set of intervals, each with a payload, answering "which intervals meet [low, high]?" in
/// O(log n + hits): the intervals sorted by their low end, with a tree of the largest high end under
/// each node. Bounds are doubles widened by a relative margin, so the answer is a superset of the
/// decimal intervals it stands for; callers check each hit exactly. Items whose bounds could not be
/// computed are returned by every query.
/// </summary>
internal sealed class IntervalIndex
{
    private const double Margin = 1e-9;

    private readonly double[] _low;
    private readonly int[] _payload;
    private readonly double[] _maxHigh;
    private readonly int _leaves;
    private readonly int[] _always;

    public IntervalIndex(List<(double Low, double High, int Payload)> items, List<int> always)
    {
        // Sorted by low end (the order among equal lows does not matter: callers sort their hits).
        var lows = new double[items.Count];
        var order = new int[items.Count];
        for (int k = 0; k < lows.Length; k++)
        {
            (lows[k], order[k]) = (items[k].Low, k);
        }

        // Sorted in place, then widened and mapped to payloads in place (session 35: two arrays fewer per index).
        Array.Sort(lows, order);
        _low = lows;
        _payload = order;
        _leaves = 1;
        while (_leaves < items.Count)
        {
            _leaves *= 2;
        }

        _maxHigh = new double[2 * _leaves];
        Array.Fill(_maxHigh, double.NegativeInfinity);
        for (int k = 0; k < items.Count; k++)
        {
            (double low, double high, int payload) = items[order[k]];
            _low[k] = Widen(low, -1);
            _payload[k] = payload;
            _maxHigh[_leaves + k] = Widen(high, 1);
        }

        for (int node = _leaves - 1; node >= 1; node--)
        {
            _maxHigh[node] = Math.Max(_maxHigh[2 * node], _maxHigh[(2 * node) + 1]);
        }

        _always = always.ToArray();
    }

    /// <summary>
    /// The index of the first <paramref name="count"/> intervals of three parallel arrays, which it takes over (session 43:
    /// the sheet's value indexes fill arrays in place of a list of tuples). <paramref name="lows"/> becomes the index's
    /// own sorted low ends, so the caller must not use the arrays after.
    /// </summary>
    public IntervalIndex(double[] lows, double[] highs, int[] payloads, int count, int[] always)
    {
        // Sorted by low end (the order among equal lows does not matter: callers sort their hits).
        var order = new int[count];
        for (int k = 0; k < count; k++)
        {
            order[k] = k;
        }

        if (lows.Length != count)
        {
            Array.Resize(ref lows, count);
        }

        Array.Sort(lows, order);
        _low = lows;
        _payload = order;
        _leaves = 1;
        while (_leaves < count)
        {
            _leaves *= 2;
        }

        _maxHigh = new double[2 * _leaves];
        Array.Fill(_maxHigh, double.NegativeInfinity);
        for (int k = 0; k < count; k++)
        {
            int item = order[k];
            _low[k] = Widen(_low[k], -1);
            _payload[k] = payloads[item];
            _maxHigh[_leaves + k] = Widen(highs[item], 1);
        }

        for (int node = _leaves - 1; node >= 1; node--)
        {
            _maxHigh[node] = Math.Max(_maxHigh[2 * node], _maxHigh[(2 * node) + 1]);
        }

        _always = always;
    }

    public int Count => _low.Length + _always.Length;

    /// <summary>Adds the payload of every interval that may meet [<paramref name="low"/>, <paramref name="high"/>] to <paramref name="hits"/>.</summary>
    public void Query(double low, double high, List<int> hits)
    {
        low = Widen(low, -1);
        high = Widen(high, 1);
        int upTo = UpperBound(high);
        if (upTo > 0)
        {
            Collect(1, 0, _leaves, upTo, low, hits);
        }

        hits.AddRange(_always);
    }

    private void Collect(int node, int from, int to, int upTo, double low, List<int> hits)
    {
        if (from >= upTo || _maxHigh[node] < low)
        {
            return;
        }

        if (node >= _leaves)
        {
            hits.Add(_payload[node - _leaves]);
            return;
        }

        int mid = (from + to) / 2;
        Collect(2 * node, from, mid, upTo, low, hits);
        Collect((2 * node) + 1, mid, to, upTo, low, hits);
    }

    /// <summary>How many intervals start at or below <paramref name="high"/>.</summary>
    private int UpperBound(double high)
    {
        int lo = 0, hi = _low.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_low[mid] <= high)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static double Widen(double x, int direction) => x + (direction * Margin * (Math.Abs(x) + 1e-12));
}

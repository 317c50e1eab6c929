using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Indicator (or fund-line) names prepared once per fact sheet for <see cref="IndicatorNames"/>: each
/// name's core, and the names' prefixes as a tree (a trie: one node per distinct prefix, numbered so a
/// node's subtree is the range of numbers after it). The run a text shares with a name ending at one of
/// the name's characters depends only on the name's prefix up to that character, so it is computed once
/// per prefix, not once per name: names sharing a head (合成指标1 … 合成指标100, 就业困难人员…) share its
/// nodes. The longest runs of every name come from one pass over the text that visits only the nodes
/// holding the text's character, then one pass down the subtrees of the nodes visited.
/// </summary>
internal sealed class NameIndex
{
    /// <summary>Each node's parent (−1 under the root); a parent's number is below its children's.</summary>
    private readonly int[] _parent;

    /// <summary>How many nodes each node's subtree holds, itself included (its numbers run from it on).</summary>
    private readonly int[] _size;

    /// <summary>For each node, the first of the names ending there in <see cref="_endingHere"/> (a range up to the next node's).</summary>
    private readonly int[] _firstEnding;

    /// <summary>The names, grouped by the node they end at, in node order (ascending by name within a node).</summary>
    private readonly int[] _endingHere;

    /// <summary>The node each name ends at (−1 for an empty name).</summary>
    private readonly int[] _end;

    /// <summary>
    /// For each character, the nodes holding it, descending: an open-addressed table (session 44, in place of a dictionary
    /// read once per character of every text): slot by a multiplicative hash of the character, then the next slots in
    /// turn; at least half the slots are empty, so a character no name holds meets an empty one.
    /// </summary>
    private readonly char[] _atChars;

    private readonly int[]?[] _atNodes;

    private readonly int _atShift;

    /// <summary>Every character some name holds, one bit per UTF-16 code unit (8 KB): a run of the names holds only these.</summary>
    private readonly ulong[] _held = new ulong[65536 / 64];

    [ThreadStatic]
    private static Scratch? _scratch;

    // The names' runs of two or three characters, for the length last asked (each index is asked for one length).
    private volatile Grams? _grams;

    public NameIndex(IReadOnlyList<string> names)
    {
        Cores = names.Select(Core).ToArray();

        // The trie, built by insertion, then renumbered in depth-first order (children by first insertion).
        var children = new List<List<int>> { new() };
        var chars = new List<char> { '\0' };
        var child = new Dictionary<(int, char), int>();
        var endRaw = new int[Cores.Length];
        for (int i = 0; i < Cores.Length; i++)
        {
            int node = 0;
            foreach (char c in Cores[i])
            {
                if (!child.TryGetValue((node, c), out int next))
                {
                    next = chars.Count;
                    chars.Add(c);
                    children.Add([]);
                    children[node].Add(next);
                    child[(node, c)] = next;
                }

                node = next;
            }

            endRaw[i] = node;
        }

        int count = chars.Count - 1;
        var number = new int[chars.Count];
        _parent = new int[count];
        _size = new int[count];
        var charOf = new char[count];
        int numbered = 0;
        var stack = new Stack<(int Raw, int Parent)>();
        for (int k = children[0].Count - 1; k >= 0; k--)
        {
            stack.Push((children[0][k], -1));
        }

        while (stack.Count > 0)
        {
            (int raw, int parent) = stack.Pop();
            int n = numbered++;
            number[raw] = n;
            _parent[n] = parent;
            charOf[n] = chars[raw];
            for (int k = children[raw].Count - 1; k >= 0; k--)
            {
                stack.Push((children[raw][k], n));
            }
        }

        for (int n = count - 1; n >= 0; n--)
        {
            _size[n]++;
            if (_parent[n] >= 0)
            {
                _size[_parent[n]] += _size[n];
            }
        }

        _end = new int[Cores.Length];
        var ending = new int[count + 1];
        for (int i = 0; i < Cores.Length; i++)
        {
            _end[i] = Cores[i].Length == 0 ? -1 : number[endRaw[i]];
            if (_end[i] >= 0)
            {
                ending[_end[i] + 1]++;
            }
        }

        for (int n = 0; n < count; n++)
        {
            ending[n + 1] += ending[n];
        }

        _firstEnding = ending;
        _endingHere = new int[ending[count]];
        var fill = (int[])ending.Clone();
        for (int i = 0; i < Cores.Length; i++)
        {
            if (_end[i] >= 0)
            {
                _endingHere[fill[_end[i]]++] = i;
            }
        }

        var at = new Dictionary<char, List<int>>();
        for (int n = 0; n < count; n++)
        {
            if (!at.TryGetValue(charOf[n], out List<int>? list))
            {
                at[charOf[n]] = list = [];
            }

            list.Add(n);
        }

        int bits = 1;
        while ((1 << bits) < 2 * at.Count)
        {
            bits++;
        }

        _atShift = 32 - bits;
        _atChars = new char[1 << bits];
        _atNodes = new int[]?[1 << bits];
        foreach ((char c, List<int> list) in at)
        {
            int[] nodes = list.ToArray();
            Array.Reverse(nodes);
            int slot = Slot(c);
            while (_atNodes[slot] is not null)
            {
                slot = (slot + 1) & (_atNodes.Length - 1);
            }

            (_atChars[slot], _atNodes[slot]) = (c, nodes);
            _held[c >> 6] |= 1UL << c;
        }
    }

    private int Slot(char c) => (int)(unchecked(c * 2654435769u) >> _atShift);

    /// <summary>The nodes holding <paramref name="c"/>, descending, or null when no name holds it.</summary>
    private int[]? Holding(char c)
    {
        int[]?[] nodes = _atNodes;
        int last = nodes.Length - 1;
        for (int slot = Slot(c); ; slot = (slot + 1) & last)
        {
            int[]? holding = nodes[slot];
            if (holding is null || _atChars[slot] == c)
            {
                return holding;
            }
        }
    }

    /// <summary>Each name without spaces, brackets and quotes, normalised.</summary>
    public string[] Cores { get; }

    public int Count => Cores.Length;

    /// <summary>How many distinct prefixes the names have (the trie's nodes).</summary>
    public int Nodes => _parent.Length;

    /// <summary>
    /// For every name sharing a character with <paramref name="text"/> (a core): the longest run it
    /// shares with the text, and whether a run that long ends the name (its head noun). The names come
    /// in <paramref name="touched"/>, ascending; their runs and tails in <paramref name="best"/> and
    /// <paramref name="tail"/>, indexed by name (entries of names not touched mean nothing). All three
    /// are this thread's work arrays: valid until its next call.
    /// </summary>
    public void Runs(ReadOnlySpan<char> text, out List<int> touched, out int[] best, out bool[] tail) => Runs(text, 1, out touched, out best, out tail);

    /// <summary>As <see cref="Runs(ReadOnlySpan{char}, out List{int}, out int[], out bool[])"/>, leaving out the names whose longest run is below <paramref name="minRun"/>.</summary>
    public void Runs(ReadOnlySpan<char> text, int minRun, out List<int> touched, out int[] best, out bool[] tail)
    {
        minRun = Math.Max(1, minRun);
        Scratch s = _scratch ??= new Scratch();
        int stamp = s.Begin(_parent.Length, Cores.Length, text.Length);
        (touched, best, tail) = (s.Touched, s.Best, s.Tail);
        int[] endAt = s.EndAt, run = s.Run, seen = s.Seen, longest = s.Longest, visited = s.Visited, onPath = s.OnPath;
        List<int> nodes = s.Nodes;
        int maxRun = 0;

        // Only characters inside a run of n (two or three) the names hold can be part of a run of minRun or more:
        // the others are passed over (a run they would start or carry stays below minRun, which no answer reads).
        int gram = Math.Min(minRun, 3);
        HashSet<long>? grams = gram >= 2 ? GramsOf(gram) : null;
        int liveUntil = 0;
        for (int j = 0; j < text.Length; j++)
        {
            if (grams is not null)
            {
                // A gram with a character no name holds is not among the names' grams: no hash lookup for it.
                if (j + gram <= text.Length && HeldAll(text, j, gram) && grams.Contains(Gram(text, j, gram)))
                {
                    liveUntil = j + gram;
                }

                if (j >= liveUntil)
                {
                    continue;
                }
            }

            if (Holding(text[j]) is not { } holding)
            {
                continue;
            }

            // Descending, so a node's parent still holds its run from the previous character.
            foreach (int n in holding)
            {
                int p = _parent[n];
                int r = p >= 0 && endAt[p] == stamp + j ? run[p] + 1 : 1;
                endAt[n] = stamp + j + 1;
                run[n] = r;
                if (seen[n] != stamp)
                {
                    seen[n] = stamp;
                    longest[n] = r;
                    nodes.Add(n);
                }
                else if (r > longest[n])
                {
                    longest[n] = r;
                }

                if (r > maxRun)
                {
                    maxRun = r;
                }
            }
        }

        if (nodes.Count == 0 || maxRun < minRun)
        {
            return;
        }

        // Down the subtrees of the nodes visited, parents first: the longest run on the path to each node.
        // A node outside them has no visited node above it, so no name ending below it shares a character.
        if (nodes.Count * 8 > _parent.Length)
        {
            // Every node: each one's longest run on its path, then the names touched read off in order with their runs.
            DownAll(stamp, seen, longest, visited, onPath);
            ReadOff(minRun, stamp, seen, longest, visited, onPath, touched, best, tail);
            return;
        }
        else
        {
            nodes.Sort();
            int done = 0;
            foreach (int n in nodes)
            {
                int to = n + _size[n];
                if (to > done)
                {
                    Down(Math.Max(n, done), to, minRun, stamp, seen, longest, visited, onPath, touched, best, tail);
                    done = to;
                }
            }
        }

        if (touched.Count * 8 > Cores.Length)
        {
            // Most names touched: reading them off in order is cheaper than sorting.
            touched.Clear();
            ReadOff(minRun, stamp, seen, longest, visited, onPath, touched, best, tail);
        }
        else
        {
            touched.Sort();
        }
    }

    /// <summary>
    /// The names whose end node the current call visited with a run of at least <paramref name="minRun"/>, ascending,
    /// each with its run and tail as <see cref="Down"/> gives them (the run on the path to its end node; a tail when
    /// the end node's own run is that long).
    /// </summary>
    private void ReadOff(int minRun, int stamp, int[] seen, int[] longest, int[] visited, int[] onPath, List<int> touched, int[] best, bool[] tail)
    {
        int[] end = _end;
        for (int i = 0; i < end.Length; i++)
        {
            int e = end[i];
            if (e >= 0 && visited[e] == stamp && onPath[e] >= minRun)
            {
                int path = onPath[e];
                best[i] = path;
                tail[i] = (seen[e] == stamp ? longest[e] : 0) == path;
                touched.Add(i);
            }
        }
    }

    /// <summary>As <see cref="Down"/> over every node (parents first), without the names: <see cref="ReadOff"/> gives them.</summary>
    private void DownAll(int stamp, int[] seen, int[] longest, int[] visited, int[] onPath)
    {
        int[] parent = _parent;
        for (int n = 0; n < parent.Length; n++)
        {
            int own = seen[n] == stamp ? longest[n] : 0;
            int p = parent[n];
            int above = p >= 0 ? onPath[p] : 0;
            visited[n] = stamp;
            onPath[n] = Math.Max(own, above);
        }
    }

    /// <summary>Nodes <paramref name="from"/> to <paramref name="to"/> (whole subtrees, in order): each one's longest run on its path, and the names ending there.</summary>
    private void Down(int from, int to, int minRun, int stamp, int[] seen, int[] longest, int[] visited, int[] onPath, List<int>? touched, int[] best, bool[] tail)
    {
        for (int n = from; n < to; n++)
        {
            int own = seen[n] == stamp ? longest[n] : 0;
            int p = _parent[n];
            int above = p >= 0 && visited[p] == stamp ? onPath[p] : 0;
            int path = Math.Max(own, above);
            visited[n] = stamp;
            onPath[n] = path;
            if (path < minRun)
            {
                continue;
            }

            for (int e = _firstEnding[n]; e < _firstEnding[n + 1]; e++)
            {
                int i = _endingHere[e];
                best[i] = path;
                tail[i] = own == path;
                touched?.Add(i);
            }
        }
    }

    /// <summary>Whether some name holds each of the <paramref name="n"/> characters of <paramref name="text"/> at <paramref name="at"/>.</summary>
    private bool HeldAll(ReadOnlySpan<char> text, int at, int n)
    {
        ulong[] held = _held;
        for (int k = at + n - 1; k >= at; k--)
        {
            char c = text[k];
            if ((held[c >> 6] & (1UL << c)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every run of <paramref name="n"/> characters the names hold, packed by <see cref="Gram"/>; built on first use (a benign race).</summary>
    private HashSet<long> GramsOf(int n)
    {
        Grams? known = _grams;
        if (known is not null && known.Length == n)
        {
            return known.Set;
        }

        var set = new HashSet<long>();
        foreach (string core in Cores)
        {
            for (int k = 0; k + n <= core.Length; k++)
            {
                set.Add(Gram(core, k, n));
            }
        }

        _grams = new Grams(n, set);
        return set;
    }

    /// <summary>The <paramref name="n"/> characters (at most three) of <paramref name="s"/> at <paramref name="at"/>, packed into one number.</summary>
    internal static long Gram(ReadOnlySpan<char> s, int at, int n)
    {
        long gram = 0;
        for (int k = 0; k < n; k++)
        {
            gram = (gram << 16) | s[at + k];
        }

        return gram;
    }

    private sealed record Grams(int Length, HashSet<long> Set);

    public static string Core(string s)
    {
        string n = TextNormalizer.Normalize(s);
        int first = 0;
        while (first < n.Length && !IsDropped(n[first]))
        {
            first++;
        }

        if (first == n.Length)
        {
            // Nothing dropped (most names): the normalized name is its core (session 36: no copy).
            return n;
        }

        var chars = new char[n.Length];
        n.AsSpan(0, first).CopyTo(chars);
        int kept = first;
        for (int k = first + 1; k < n.Length; k++)
        {
            if (!IsDropped(n[k]))
            {
                chars[kept++] = n[k];
            }
        }

        return new string(chars, 0, kept);
    }

    /// <summary><see cref="Core(string)"/> of <paramref name="s"/> written into <paramref name="into"/> (at least as long as <paramref name="s"/>); returns its length.</summary>
    public static int Core(ReadOnlySpan<char> s, Span<char> into)
    {
        int n = 0;
        foreach (char c in s)
        {
            char m = TextNormalizer.Map(c);
            if (!IsDropped(m))
            {
                into[n++] = m;
            }
        }

        return n;
    }

    // A CJK unified ideograph is no space, bracket or quote: decided without the Unicode lookup of char.IsWhiteSpace.
    private static bool IsDropped(char c) => (c < '\u4E00' || c > '\u9FFF') && (char.IsWhiteSpace(c) || c is '(' or ')' or '（' or '）' or '“' or '”' or '"');

    /// <summary>
    /// Per-thread work arrays: a node's entries are valid only when stamped by the current call (each
    /// call's stamps lie above every earlier call's), so nothing is cleared between calls.
    /// </summary>
    private sealed class Scratch
    {
        private int _next = 1;

        public int[] EndAt { get; private set; } = [];

        public int[] Run { get; private set; } = [];

        public int[] Seen { get; private set; } = [];

        public int[] Longest { get; private set; } = [];

        public int[] Visited { get; private set; } = [];

        public int[] OnPath { get; private set; } = [];

        public int[] Best { get; private set; } = [];

        public bool[] Tail { get; private set; } = [];

        public List<int> Touched { get; } = [];

        public List<int> Nodes { get; } = [];

        public int Begin(int nodes, int names, int textLength)
        {
            Touched.Clear();
            Nodes.Clear();
            if (EndAt.Length < nodes)
            {
                int size = Math.Max(nodes, EndAt.Length * 2);
                (EndAt, Run, Seen, Longest, Visited, OnPath) = (new int[size], new int[size], new int[size], new int[size], new int[size], new int[size]);
                _next = 1;
            }

            if (Best.Length < names)
            {
                int size = Math.Max(names, Best.Length * 2);
                (Best, Tail) = (new int[size], new bool[size]);
            }

            if (_next > int.MaxValue - textLength - 2)
            {
                Array.Clear(EndAt);
                Array.Clear(Seen);
                Array.Clear(Visited);
                _next = 1;
            }

            int stamp = _next;
            _next += textLength + 2;
            return stamp;
        }
    }
}

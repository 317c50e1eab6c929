using System.Text.RegularExpressions;

namespace Assistant.Domain.Verification;

/// <summary>
/// A text being verified: its clauses, the sections and clauses that speak of another place or
/// project, and its numbers, so a number can be read in its sentence.
/// </summary>
internal sealed partial class VerificationContext(string normalized, List<Clause> clauses, SubjectScopes scopes, IReadOnlyList<Mention> mentions)
{
    public string Normalized { get; } = normalized;

    public List<Clause> Clauses { get; } = clauses;

    public IReadOnlyList<Mention> Mentions { get; } = mentions;

    // The foreign place each clause's sentence names up to the clause's end, once computed ("" for none).
    private readonly string?[] _foreignUpTo = new string?[clauses.Count];

    // Whether each mention (by its index in Mentions) names a thing rather than a quantity: 0 not yet asked, 1 yes, −1 no.
    private readonly sbyte[] _label = new sbyte[mentions.Count];

    // Whether each clause's whole text has a subject of its own: 0 not yet asked, 1 yes, −1 no.
    private readonly sbyte[] _ownSubject = new sbyte[clauses.Count];

    // Session 44: the same answers by the clause's text, for a clause worded as one already asked (较上年有所提高 after
    // every row of a report): the answer depends on the text alone. Made on the first question.
    private Dictionary<string, bool>? _ownSubjectByText;

    // Where the digit-holding names occur in the text, by start, and the furthest end of any occurrence starting
    // at or before each (computed on the first question).
    private int[]? _nameStarts;
    private int[]? _nameReach;

    /// <summary>The remembered answer for the mention at <paramref name="k"/> in <see cref="Mentions"/> (0 while not asked).</summary>
    public ref sbyte LabelAt(int k) => ref _label[k];

    /// <summary>
    /// The place or project other than the table's that the text at <paramref name="index"/> speaks of:
    /// its section's, or the last place its sentence names up to the end of its clause.
    /// </summary>
    public string? ForeignAt(int index) => ForeignAt(index, -1);

    /// <summary>As <see cref="ForeignAt(int)"/>, given the clause holding <paramref name="index"/> when the caller has it (−1 when not).</summary>
    public string? ForeignAt(int index, int clause)
    {
        if (scopes.SectionAt(index) is { } section)
        {
            return section;
        }

        int at = clause >= 0 ? clause : Clause.IndexAt(Clauses, index);
        string? known = _foreignUpTo[at];
        if (known is null)
        {
            _foreignUpTo[at] = known = ForeignUpTo(Clauses[at]) ?? string.Empty;
        }

        return known.Length > 0 ? known : null;
    }

    /// <summary>
    /// Whether the text writes one of <paramref name="names"/> (always the same names for one text) over all of
    /// [<paramref name="start"/>, <paramref name="end"/>): every occurrence found once for the whole text, then a lookup.
    /// </summary>
    public bool WithinAnyOf(LiteralNames names, int start, int end)
    {
        if (names.Names.Count == 0)
        {
            return false;
        }

        if (_nameStarts is null)
        {
            FindAll(names);
        }

        // The last occurrence starting at or before start; the furthest any of those reaches.
        int lo = 0, hi = _nameStarts!.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            (lo, hi) = _nameStarts[mid] <= start ? (mid + 1, hi) : (lo, mid);
        }

        return lo > 0 && _nameReach![lo - 1] >= end;
    }

    private void FindAll(LiteralNames names)
    {
        // Each occurrence as start × 2³² + end, ascending by start.
        var found = new List<long>();
        names.FindAll(Normalized, found);
        _nameStarts = new int[found.Count];
        _nameReach = new int[found.Count];
        for (int i = 0; i < found.Count; i++)
        {
            int end = (int)(found[i] & uint.MaxValue);
            _nameStarts[i] = (int)(found[i] >> 32);
            _nameReach[i] = i > 0 ? Math.Max(_nameReach[i - 1], end) : end;
        }
    }

    private string? ForeignUpTo(Clause clause)
    {
        // Over the sentence's characters up to the clause's end, without a copy of them or a Match per place.
        ReadOnlySpan<char> upTo = clause.Sentence.AsSpan(0, Math.Clamp(clause.End - clause.SentenceStart, 0, clause.Sentence.Length));

        // Every place or self word the pattern finds holds one of these (…市/县/州/盟/旗, 全区 … 本级, 自治区): without one, none.
        if (!upTo.ContainsAny(PlaceCharacters))
        {
            return null;
        }

        string? last = null;
        foreach (ValueMatch m in PlaceOrSelf().EnumerateMatches(upTo))
        {
            string place = upTo.Slice(m.Index, m.Length).ToString();
            if (SelfWords().IsMatch(place) || scopes.OwnIn(place))
            {
                last = null;
            }
            else if (scopes.ForeignIn(place) is { } f)
            {
                last = f;
            }
        }

        return last;
    }

    /// <summary><see cref="HasOwnSubject(string)"/> of the whole text of the clause at <paramref name="clause"/>, answered once per clause.</summary>
    public bool ClauseHasOwnSubject(int clause)
    {
        ref sbyte known = ref _ownSubject[clause];
        if (known == 0)
        {
            string text = Clauses[clause].Text;
            _ownSubjectByText ??= new Dictionary<string, bool>(StringComparer.Ordinal);
            if (!_ownSubjectByText.TryGetValue(text, out bool own))
            {
                own = HasOwnSubject(text);
                _ownSubjectByText[text] = own;
            }

            known = own ? (sbyte)1 : (sbyte)-1;
        }

        return known > 0;
    }

    /// <summary>
    /// Whether the clause text before a number has a subject of its own (农民工外出务工规模, 开展技能培训),
    /// rather than only words that continue the sentence's subject (实际完成, 低于目标任务, 其中).
    /// </summary>
    public static bool HasOwnSubject(string before)
    {
        // The Chinese characters left once every continuation word is removed (counted, not removed).
        int content = Chinese(before);
        if (content < 3)
        {
            return false;
        }

        foreach (ValueMatch m in Continuation().EnumerateMatches(before))
        {
            // Session 43: the count only falls, so once under three the answer is no (the rest of the words are not scanned).
            content -= Chinese(before.AsSpan(m.Index, m.Length));
            if (content < 3)
            {
                return false;
            }
        }

        return content >= 3;
    }

    private static int Chinese(ReadOnlySpan<char> s)
    {
        int n = 0;
        foreach (char c in s)
        {
            if (c is >= '\u4e00' and <= '\u9fa5')
            {
                n++;
            }
        }

        return n;
    }

    private static readonly System.Buffers.SearchValues<char> PlaceCharacters = System.Buffers.SearchValues.Create("市县州盟旗区省级");

    [GeneratedRegex(@"[\u4e00-\u9fa5]{2}(?:市|县|州|盟|旗)(?![场民长委直属级县区域里内外])|全区|全市|全县|全省|全旗|全州|全盟|我区|我市|我县|我省|本市|本县|本区|本级|自治区")]
    private static partial Regex PlaceOrSelf();

    [GeneratedRegex(@"^(?:全区|全市|全县|全省|全旗|全州|全盟|我区|我市|我县|我省|本市|本县|本区|本级|自治区)$")]
    private static partial Regex SelfWords();

    [GeneratedRegex(@"\d{4}\s*年(?:度|底|末|初)?|\d{1,2}\s*月(?:底|末|份)?|[\d.,%％≥≤><＞＜（）()“”""、\s·:：]|百分点|千分点|截至|截止|到|至|全年|年度|年底|年末|当年|本年|今年|上年|同期|其中|共计|合计|总计|累计|共|实际|完成|实现|达到|达|为|是|了|的|超额|超过|超出|低于|高于|不足|不到|未|比|较|约|近|目标任务|目标值|指标值|目标|任务|预期|计划|要求|同比|增长|下降|提高|减少|增加|仅|只有|已经|已|均|分别|再|额|多|少|差|以上|以下|左右|全区|全市|全县|全省|全旗|我区|我市|我县|本级|全部|总体|整体|规模|人数|数量|合计|金额|资金|万元|元|人次|人|个|项|率|占比|比例|任务量|情况|方面|相比|与|和|及|在|中|内|有|共有|总数|总量|其|该|此|这|上述|以上指标|控制标准|控制目标|控制指标|控制上限|控制值|控制线|控制|上限值|上限|下限|限值|标准值|标准|以内")]
    private static partial Regex Continuation();
}

/// <summary>Which indicators a number's sentence ties it to, and whether its clause names a subject of its own.</summary>
internal sealed record Binding(IReadOnlyList<int> Named, bool Explicit, bool OwnSubject, string? NamedIn = null);

using System.Text.RegularExpressions;

namespace Assistant.Domain.Scoring;

/// <summary>
/// The sets of parts a fund line is split into. A 部门整体 table may list the same total twice, by source
/// (按收入性质分：财政拨款、其他资金…) and by use (按支出性质分：基本支出、项目支出), and each set adds up to
/// the total on its own. A set starts at a line headed 按…分：, or where the lines turn from sources to
/// uses; without either, consecutive runs that each add up exactly to the total are sets. Otherwise all
/// the parts are one set.
/// </summary>
public static partial class FundGroups
{
    public static IReadOnlyList<List<T>> Split<T>(IReadOnlyList<T> parts, Func<T, string> name, Func<T, decimal> value, decimal total)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count < 2)
        {
            return [[.. parts]];
        }

        // Headed sets: a part named 按收入性质分：… begins one.
        if (parts.Skip(1).Any(x => GroupHead().IsMatch(name(x))))
        {
            return Cut(parts, x => GroupHead().IsMatch(name(x)));
        }

        // Sources, then uses (or the other way round): a new set where the kind changes.
        Kind[] kinds = [.. parts.Select(x => KindOf(name(x)))];
        if (kinds.Contains(Kind.Source) && kinds.Contains(Kind.Use))
        {
            var known = kinds.Where(k => k != Kind.Unknown).ToList();
            int changes = known.Zip(known.Skip(1)).Count(z => z.First != z.Second);
            if (changes == 1)
            {
                Kind first = known[0];
                int at = Array.FindIndex(kinds, k => k != Kind.Unknown && k != first);
                return [[.. parts.Take(at)], [.. parts.Skip(at)]];
            }
        }

        // Unlabelled sets: consecutive runs that each add up exactly to the total.
        if (total != 0 && parts.Sum(value) != total)
        {
            var runs = new List<List<T>>();
            var current = new List<T>();
            decimal running = 0m;
            foreach (T x in parts)
            {
                current.Add(x);
                running += value(x);
                if (running == total)
                {
                    runs.Add(current);
                    (current, running) = ([], 0m);
                }
            }

            if (current.Count == 0 && runs.Count >= 2 && runs.All(r => r.Count >= 2))
            {
                return runs;
            }
        }

        return [[.. parts]];
    }

    private static List<List<T>> Cut<T>(IReadOnlyList<T> parts, Func<T, bool> startsSet)
    {
        var sets = new List<List<T>>();
        for (int i = 0; i < parts.Count; i++)
        {
            if (i == 0 || startsSet(parts[i]))
            {
                sets.Add([]);
            }

            sets[^1].Add(parts[i]);
        }

        return sets;
    }

    private enum Kind
    {
        Unknown,
        Source,
        Use,
    }

    private static Kind KindOf(string name) =>
        UseWords().IsMatch(name) ? Kind.Use : SourceWords().IsMatch(name) ? Kind.Source : Kind.Unknown;

    [GeneratedRegex(@"^\s*(?:其中\s*[：:]?\s*)?按[^：:，,]{1,10}分\s*[：:]")]
    private static partial Regex GroupHead();

    [GeneratedRegex("基本支出|项目支出|人员经费|公用经费|资本性支出|工资福利|商品和服务|对个人和家庭")]
    private static partial Regex UseWords();

    [GeneratedRegex("财政拨款|财政资金|上年结转|结转|其他资金|自有资金|事业收入|经营收入|专项资金|中央|省级|市级|县级|区级|地方|自筹|补助")]
    private static partial Regex SourceWords();
}

using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Review;

/// <summary>A cause that belongs to a period (疫情, 脱贫攻坚, a national census): its name, when it held, and the first table year it no longer fits.</summary>
public sealed record DatedCause(string Name, string Period, int OutOfPeriodFrom);

public static partial class ReasonQuality
{
    /// <summary>
    /// Causes that belong to a period, with the first table year they no longer explain (session 44: a rule on the table's year against
    /// the cause's, not one word). A reason of a later table that blames one is likely copied from an earlier year's table.
    /// </summary>
    private static readonly (Regex Words, Regex? Unless, DatedCause Cause)[] DatedCauses =
    [
        (Epidemic(), AfterEpidemic(), new DatedCause("疫情", "疫情自2023年1月起已按乙类乙管", EpidemicOverFrom)),
        (PovertyCampaign(), null, new DatedCause("脱贫攻坚", "脱贫攻坚已于2020年底完成，此后转入巩固拓展脱贫攻坚成果同乡村振兴有效衔接", 2022)),
        (Campaign("第七次全国人口普查|第七次人口普查|七普"), null, new DatedCause("第七次全国人口普查", "第七次全国人口普查于2020年至2021年进行", 2022)),
        (Campaign("第三次全国国土调查|国土三调"), null, new DatedCause("第三次全国国土调查", "第三次全国国土调查于2018年至2021年进行", 2022)),
        (Campaign("第四次全国经济普查|四经普"), null, new DatedCause("第四次全国经济普查", "第四次全国经济普查于2018年至2019年进行", 2021)),
    ];

    /// <summary>
    /// The dated cause a <paramref name="year"/> table's reason blames when that year is past the cause's period (受疫情影响 in a 2025
    /// table; 因抽调人员参与第七次全国人口普查 in a 2024 one), else null. What followed a cause (疫情后, 后疫情) is not the cause.
    /// </summary>
    public static DatedCause? OutOfPeriodCause(string? reason, int? year)
    {
        if (string.IsNullOrWhiteSpace(reason) || year is not { } y)
        {
            return null;
        }

        string t = TextNormalizer.Normalize(reason);
        foreach (var (words, unless, cause) in DatedCauses)
        {
            if (y >= cause.OutOfPeriodFrom && words.IsMatch(t) && unless?.IsMatch(t) != true)
            {
                return cause;
            }
        }

        return null;
    }

    /// <summary>The finding on a reason of another period, in Chinese: what it blames, when that held, and what to do.</summary>
    public static string OutOfPeriodNote(DatedCause cause, int year) =>
        $"把偏差归于{cause.Name}，而这是{year}年度的自评表（{cause.Period}），这一原因与年度不符，很可能是沿用了以前年度自评表的写法；请核实并写明本年度的实际原因";

    // 受疫情影响, 因新冠疫情防控, 由于疫情封控, 疫情等原因, 受新冠肺炎影响, 静默管理期间 …
    [GeneratedRegex(@"(?:因|受|由于|鉴于)[^，。；;]{0,8}(?:疫情|新冠|封控|静默管理|核酸检测)|(?:疫情|新冠肺炎|新冠)(?:等)?(?:原因|因素|影响|防控|冲击|封控)|(?:封控|静默管理|核酸检测)(?:期间|影响|原因|因素)")]
    private static partial Regex Epidemic();

    // 受脱贫攻坚验收影响, 脱贫攻坚任务繁重 — not 巩固拓展脱贫攻坚成果 (the policy that followed).
    [GeneratedRegex(@"(?:因|受|由于|鉴于|忙于|配合)[^，。；;]{0,8}脱贫攻坚(?!成果)|脱贫攻坚(?:战)?(?:任务|验收|普查|收官|考核|决战|第三方评估)")]
    private static partial Regex PovertyCampaign();

    /// <summary>
    /// A national campaign that took staff away (a census, a survey), named any of the ways in <paramref name="names"/>: given as
    /// the cause (因抽调人员参与第七次全国人口普查, 受国土三调工作影响), not only mentioned.
    /// </summary>
    private static Regex Campaign(string names) => new(
        $"(?:因|受|由于|鉴于|忙于|配合|抽调|参与|开展)[^，。；;]{{0,10}}(?:{names})|(?:{names})(?:工作)?(?:影响|占用|原因)",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);
}

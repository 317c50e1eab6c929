using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Features.Conversations;
using Assistant.Features.Evaluations;
using Assistant.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Digits as people really type them. A pattern's <c>\d</c> matches every Unicode decimal digit (the full-width ０–９ of a
/// Chinese input method, and other scripts), while <c>int.Parse</c>/<c>decimal.Parse</c> read ASCII only and throw on a run
/// too long for the type: <c>执行率没到９０％的有哪几个县</c> used to throw out of the chat (session 45). Every question of every
/// chat case, every text the verifier is evaluated on and every table is tried with its digits full-width, in two other
/// scripts and as runs no number type holds: nothing may throw, and full-width digits must be read as the ASCII ones.
/// </summary>
public sealed partial class OtherDigitsTests
{
    /// <summary>The zeros of the digit sets tried: full-width, Arabic-Indic, Devanagari.</summary>
    private static readonly char[] Zeros = ['\uFF10', '\u0660', '\u0966'];

    private const string Huge = "99999999999999999999999999999999999";

    private static string Digits(string s, char zero) => string.Concat(s.Select(c => c is >= '0' and <= '9' ? (char)(zero + (c - '0')) : c));

    private static string Long(string s) => AsciiRun().Replace(s, Huge);

    [Theory]
    [InlineData("2025", 2025)]
    [InlineData("２０２５", 2025)]
    [InlineData("٢٠٢٥", 2025)]
    [InlineData("२०२५", 2025)]
    [InlineData("0７", 7)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("2147483648", null)]
    [InlineData(Huge, null)]
    [InlineData("", null)]
    [InlineData("12a", null)]
    [InlineData("-3", null)]
    public void Int_ReadsAnyDigitsOrSaysNo(string text, int? expected) => Assert.Equal(expected, MatchedNumber.Int(text));

    [Theory]
    [InlineData("12.5", "12.5")]
    [InlineData("１２.５０", "12.50")]
    [InlineData("٣.٥", "3.5")]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("79228162514264337593543950336", null)]
    [InlineData(Huge + Huge, null)]
    [InlineData("12..5", null)]
    public void Decimal_ReadsAnyDigitsOrSaysNo(string text, string? expected)
    {
        decimal? got = MatchedNumber.Decimal(text);
        Assert.Equal(expected, got?.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Ascii_FoldsDigitsOnly_AndKeepsTheInstanceWhenThereAreNone()
    {
        const string plain = "执行率没到90%的县（2024年）";
        Assert.Same(plain, MatchedNumber.Ascii(plain));
        Assert.Equal("执行率没到90％的县（2024年）", MatchedNumber.Ascii("执行率没到９０％的县（２０２４年）"));
        Assert.Equal("第3条", MatchedNumber.Ascii("第٣条"));
    }

    [Fact]
    public void Int_AgreesWithTheAsciiDigits_InEveryScript() =>
        Assert.Null(Record.Exception(() => Prop.ForAll(ArbMap.Default.ArbFor<NonNegativeInt>(), ArbMap.Default.ArbFor<byte>(), (n, which) =>
        {
            string ascii = n.Get.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(n.Get, MatchedNumber.Int(Digits(ascii, Zeros[which % Zeros.Length])));
            Assert.Equal(n.Get, MatchedNumber.Int(ascii));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300))));

    [Fact]
    public void Decimal_AgreesWithTheAsciiDigits_InEveryScript() =>
        Assert.Null(Record.Exception(() => Prop.ForAll(ArbMap.Default.ArbFor<NonNegativeInt>(), ArbMap.Default.ArbFor<byte>(), (whole, cents) =>
        {
            decimal v = whole.Get + (cents % 100) / 100m;
            string ascii = v.ToString("0.00", CultureInfo.InvariantCulture);
            foreach (char zero in Zeros)
            {
                Assert.Equal(v, MatchedNumber.Decimal(Digits(ascii, zero)));
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300))));

    [Theory]
    [InlineData("执行率没到９０％的有哪几个县", "90", null)]
    [InlineData("各县执行率低于８５．５％的有哪些", "85.5", null)]
    [InlineData("２０２４年各县执行率哪个最低", null, 2024)]
    [InlineData("各单位执行率百分之９０以上的有几个", "90", null)]
    [InlineData("各县执行率低于" + Huge + "%的有哪些", null, null)]
    [InlineData("执行率没到٩٠%的有哪几个县", "90", null)]
    public void AcrossUnits_TheThresholdAndYear_AreReadInAnyDigits(string message, string? threshold, int? year)
    {
        CrossUnitQuestion q = CrossUnitQuestions.Recognize(message, null)!;
        Assert.NotNull(q);
        Assert.Equal(threshold, q.Threshold?.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(year, q.Year);
    }

    [Theory]
    [InlineData("２０２５年县民政局部门整体支出绩效自评表", 2025)]
    [InlineData("20２５年度部门整体支出", 2025)]
    [InlineData("٢٠٢٤年部门整体支出", 2024)]
    [InlineData("部门整体支出", null)]
    public void ADepartmentTitle_GivesItsYear_InAnyDigits(string title, int? year) =>
        Assert.Equal(year, DepartmentBudget.Year(new Evaluation { Kind = EvaluationKind.Project, Title = title, Funds = new FundSection(), Indicators = [] }));

    public static TheoryData<string> ChatFiles()
    {
        var data = new TheoryData<string>();
        foreach (string set in new[] { "chat", "chat-heldout" })
        {
            foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Repo, "eval", "cases", set), "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(set + "/" + Path.GetFileName(file));
            }
        }

        return data;
    }

    /// <summary>Every chat case's question, its digits full-width: read as the ASCII question is (the same intents, rows and
    /// threshold), and answered; in other scripts and as huge runs: answered without an exception.</summary>
    [Theory]
    [MemberData(nameof(ChatFiles))]
    public void ChatQuestions_WithOtherDigits_AreReadAndAnswered(string file)
    {
        string path = Path.Combine(RepoPaths.Repo, "eval", "cases", file);
        JsonNode doc = JsonNode.Parse(File.ReadAllText(path))!;
        string table = (string)doc["table"]!;
        string own = Path.Combine(Path.GetDirectoryName(path)!, "tables", table + ".json");
        FactSheet sheet = FactSheet.Build(File.Exists(own) ? EvaluationJson.Parse(File.ReadAllText(own)) : SharedData.LoadReference(table));
        var differences = new List<string>();
        foreach (JsonNode c in doc["cases"]!.AsArray().Select(n => n!))
        {
            string message = (string)c["message"]!;
            string? previous = (string?)c["previous"];
            if (!message.Any(char.IsAsciiDigit))
            {
                continue;
            }

            string ascii = Read(message, previous, sheet);
            string wide = Read(Digits(message, Zeros[0]), previous is null ? null : Digits(previous, Zeros[0]), sheet);
            if (ascii != wide)
            {
                differences.Add($"{message}\n  ascii: {ascii}\n  wide:  {wide}");
            }

            foreach (string variant in Zeros.Skip(1).Select(z => Digits(message, z)).Append(Long(message)))
            {
                Read(variant, previous, sheet);
            }
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    /// <summary>The question routed and answered from the table through the sentence gate; what was read, as text.</summary>
    private static string Read(string message, string? previous, FactSheet sheet)
    {
        var intents = IntentRouter.RouteAll(message, sheet, previous);
        OfflineAnswer? answer = OfflineAnswers.Combine(intents.Select(i => OfflineAnswers.FromTable(i, sheet)).ToList());
        if (answer is not null)
        {
            var gate = new SentenceGate(sheet);
            gate.AddFacts(answer.TurnFacts);
            _ = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
        }

        return string.Join(" + ", intents.Select(i => $"{i.Kind}/{i.Topic}[{string.Join(',', i.Indicators)}]{i.Part}{i.Section}"
            + (i.Across is { } a ? $"({a.Kind} {a.Threshold?.ToString(CultureInfo.InvariantCulture)} {a.Year})" : "")));
    }

    public static TheoryData<string> VerifierGroups() => new(VerifierCorpus.Groups());

    /// <summary>Every verified text with full-width digits: the same numbers, verdicts and facts at the same places; in other
    /// scripts and as huge runs: verified without an exception.</summary>
    [Theory]
    [MemberData(nameof(VerifierGroups))]
    public void VerifiedTexts_WithOtherDigits_GiveTheSameVerdicts(string group)
    {
        var differences = new List<string>();
        foreach (VerifierCorpus.Text t in VerifierCorpus.Texts(group))
        {
            if (!t.Body.Any(char.IsAsciiDigit))
            {
                continue;
            }

            string ascii = Shape(Verifier.Verify(t.Sheet, t.Body));
            string wide = Shape(Verifier.Verify(t.Sheet, Digits(t.Body, Zeros[0])));
            if (ascii != wide)
            {
                var a = ascii.Split(';');
                var w = wide.Split(';');
                int k = 0;
                while (k < a.Length && k < w.Length && a[k] == w[k])
                {
                    k++;
                }

                differences.Add($"{t.Label}: first difference at «{Excerpt(t.Body, a.ElementAtOrDefault(k))}»\n  ascii: {a.ElementAtOrDefault(k)}\n  wide:  {w.ElementAtOrDefault(k)}");
            }

            foreach (string variant in Zeros.Skip(1).Select(z => Digits(t.Body, z)).Append(Long(t.Body)))
            {
                _ = Verifier.Verify(t.Sheet, variant);
            }
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(5)));
    }

    private static string Excerpt(string body, string? item)
    {
        if (item is null || !int.TryParse(item.Split('+')[0].Split('|')[^1].Trim(), out int at))
        {
            return "";
        }

        int from = Math.Max(0, at - 20);
        return body[from..Math.Min(body.Length, at + 20)];
    }

    private static string Shape(VerificationReport r) =>
        string.Join(';', r.Mentions.Select(m => $"{m.Mention.Start}+{m.Mention.Length} {m.Verdict} {m.FactId}"))
        + " | " + string.Join(';', r.Claims.Select(c => $"{c.Start}+{c.Length} {c.Kind} {c.Verdict} {c.FactId}"));

    public static TheoryData<string> TableFiles()
    {
        var data = new TheoryData<string>();
        foreach (string dir in new[] { Path.Combine(RepoPaths.Shared, "reference"), Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables"), Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables") })
        {
            foreach (string file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    private static readonly string[] Questions = ["总分多少", "哪些指标没完成", "资金执行率多少", "扣分的指标原因写了吗", "帮我看看三写得怎么样", "各项资金执行率分别是多少"];

    /// <summary>
    /// Every table with the digits of its texts (title, names, targets, actuals, reasons; not the amounts) full-width, in other
    /// scripts or as huge runs: scored, its facts built, asked the common questions and a text of its figures verified, with
    /// no exception; a table the reader refuses is refused with the contract's field errors.
    /// </summary>
    [Theory]
    [MemberData(nameof(TableFiles))]
    public void Tables_WithOtherDigitsInTheirTexts_AreScoredAndAnswered(string file)
    {
        string json = File.ReadAllText(file);
        var variants = Zeros.Select(z => (Func<string, string>)(t => Digits(t, z))).Append(Long);
        foreach (Func<string, string> change in variants)
        {
            JsonNode doc = JsonNode.Parse(json)!;
            Texts(doc, change);
            Evaluation e;
            try
            {
                e = EvaluationJson.Parse(doc.ToJsonString());
            }
            catch (InputException refused)
            {
                Assert.NotEmpty(refused.Errors);
                continue;
            }

            _ = Calculator.Score(e);
            FactSheet sheet = FactSheet.Build(e);
            foreach (string q in Questions)
            {
                Read(q, null, sheet);
            }

            string figures = string.Join("，", e.Indicators.Select(i => $"{i.Name}目标{i.Target}，完成{i.Actual}")) + "。";
            _ = Verifier.Verify(sheet, figures);
            _ = Verifier.Verify(sheet, change(figures));
        }
    }

    /// <summary>The texts of a table changed in place: the title and every string field of its rows and lines but the amounts.</summary>
    private static void Texts(JsonNode doc, Func<string, string> change)
    {
        string[] amounts = ["initialBudget", "budget", "executed", "weight", "printedScore", "printedRate", "printedTotal", "year"];
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o.ToList())
                    {
                        if (value is JsonValue v && v.TryGetValue(out string? text) && !amounts.Contains(key))
                        {
                            o[key] = change(text);
                        }
                        else
                        {
                            Walk(value);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (JsonNode? item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(doc);
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex AsciiRun();
}

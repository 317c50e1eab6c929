using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Every text the verifier is evaluated on, with the table it is checked against: the adversarial
/// verifier cases (eval/cases/verifier), the hand-labelled whole reports (eval/cases/labelled), each
/// of the four seed reports against every table here, and the composed report parts. The golden
/// files (golden/verifier) hold each verdict list as the verifier gave it before issue 21.
/// </summary>
public static class VerifierCorpus
{
    public sealed record Text(string Label, FactSheet Sheet, string Body);

    private static readonly string[] References =
    [
        "guangxi-2024-employment-transfer", "zhongwei-2024-employment-operating-funds", "zhongwei-2024-employment-service-demo",
        "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-internship-subsidy",
    ];

    private static readonly Dictionary<string, FactSheet> Sheets = new(StringComparer.Ordinal);

    public static string GoldenDirectory => Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "golden", "verifier");

    public static IEnumerable<string> Groups()
    {
        foreach (string path in Directory.GetFiles(Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier"), "*.json").Order(StringComparer.Ordinal))
        {
            yield return "cases-" + Path.GetFileNameWithoutExtension(path);
        }

        foreach (string path in Directory.GetFiles(Path.Combine(RepoPaths.Repo, "eval", "cases", "labelled"), "*.json").Order(StringComparer.Ordinal))
        {
            yield return "labelled-" + Path.GetFileNameWithoutExtension(path);
        }

        foreach (string path in Directory.GetFiles(Path.Combine(RepoPaths.Shared, "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            yield return "seed-" + Path.GetFileNameWithoutExtension(path);
        }

        yield return "composed";
    }

    public static IEnumerable<Text> Texts(string group)
    {
        if (group.StartsWith("cases-", StringComparison.Ordinal))
        {
            string path = Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", group["cases-".Length..] + ".json");
            foreach (JsonNode? c in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
            {
                yield return new Text((string)c!["id"]!, Reference((string)c["table"]!), (string)c["text"]!);
            }
        }
        else if (group.StartsWith("labelled-", StringComparison.Ordinal))
        {
            JsonNode c = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "labelled", group["labelled-".Length..] + ".json")))!;
            string evaluation = (string)c["evaluation"]!;
            string table = evaluation.StartsWith("eval/", StringComparison.Ordinal) ? Path.Combine(RepoPaths.Repo, evaluation) : Path.Combine(RepoPaths.Shared, evaluation);
            yield return new Text(evaluation, Load(table), File.ReadAllText(Path.Combine(RepoPaths.Shared, (string)c["report"]!)));
        }
        else if (group.StartsWith("seed-", StringComparison.Ordinal))
        {
            string body = File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", group["seed-".Length..] + ".txt"));
            foreach (string table in References)
            {
                yield return new Text(table, Reference(table), body);
            }

            yield return new Text("zhalantun-2024.evaluation", Load(Path.Combine(RepoPaths.Repo, "eval", "cases", "reports", "zhalantun-2024.evaluation.json")), body);
        }
        else
        {
            var precedents = new[] { new ReportPrecedent(1, "某县就业补助资金绩效自评报告", "二、绩效情况分析/（二）资金管理情况分析", "分配科学性方面，资金按因素法分配。") };
            foreach (string table in References)
            {
                FactSheet sheet = ReportFacts.Extend(Reference(table));
                foreach (string key in new[] { ReportParts.Targets, ReportParts.Performance, ReportParts.Application, ReportParts.Other })
                {
                    ComposedPart part = ReportComposer.Compose(key, sheet, precedents);
                    yield return new Text($"{table}/{key}", sheet, DraftText.Render(part.Draft, sheet, precedents.Length).Text);
                }
            }
        }
    }

    /// <summary>A reference table by name, or a table kept under eval/ by its path (eval/cases/verifier/tables/…).</summary>
    public static FactSheet Reference(string table) =>
        Load(table.StartsWith("eval/", StringComparison.Ordinal) ? Path.Combine(RepoPaths.Repo, table) : RepoPaths.Reference(table));

    private static FactSheet Load(string path)
    {
        lock (Sheets)
        {
            if (!Sheets.TryGetValue(path, out FactSheet? sheet))
            {
                sheet = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(path)));
                Sheets[path] = sheet;
            }

            return sheet;
        }
    }

    /// <summary>One line per number and per claim: span, verdict, fact reference and note.</summary>
    public static string Render(VerificationReport report)
    {
        var sb = new StringBuilder();
        foreach (CheckedMention m in report.Mentions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"M {m.Mention.Start} {m.Mention.Length} «{m.Mention.Text}» {m.Verdict} {m.FactId ?? "-"} | {m.Note}\n");
        }

        foreach (CheckedClaim c in report.Claims)
        {
            sb.Append(CultureInfo.InvariantCulture, $"C {c.Start} {c.Length} «{c.Text}» {c.Kind} {c.Verdict} {c.FactId ?? "-"} | {c.Note}\n");
        }

        sb.Append(JsonSerializer.Serialize(report.Summary)).Append('\n');
        return sb.ToString();
    }

    public static string Render(string group, Func<FactSheet, string, VerificationReport> verify)
    {
        var sb = new StringBuilder();
        foreach (Text t in Texts(group))
        {
            sb.Append("## ").Append(t.Label).Append('\n').Append(Render(verify(t.Sheet, t.Body)));
        }

        return sb.ToString();
    }
}

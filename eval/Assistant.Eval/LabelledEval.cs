using System.Globalization;
using System.Text.Json.Nodes;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;

namespace Assistant.Eval;

/// <summary>
/// Whole reports whose every number is labelled by hand (eval/cases/labelled): verified, derived,
/// identifier, out-of-scope, unverified or contradicted. Measures precision and recall of the
/// verifier's "contradicted" and "unverified" (and "out-of-scope") against the labels.
/// </summary>
internal static class LabelledEval
{
    public sealed record Result(string Report, int Numbers, int Unlabelled, Dictionary<string, (int Predicted, int Labelled, int Both)> ByVerdict, List<string> Disagreements);

    public static List<Result> Run(string repo, string shared)
    {
        var results = new List<Result>();
        foreach (string path in Directory.GetFiles(Path.Combine(repo, "eval", "cases", "labelled"), "*.json").Order(StringComparer.Ordinal))
        {
            JsonNode c = JsonNode.Parse(File.ReadAllText(path))!;
            string evaluationPath = (string)c["evaluation"]!;
            string table = evaluationPath.StartsWith("eval/", StringComparison.Ordinal) ? Path.Combine(repo, evaluationPath) : Path.Combine(shared, evaluationPath);
            FactSheet sheet = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(table)));
            string text = File.ReadAllText(Path.Combine(shared, (string)c["report"]!));
            VerificationReport report = Verifier.Verify(sheet, text);
            var labels = c["numbers"]!.AsArray().ToDictionary(n => (int)n!["start"]!, n => (Text: (string)n!["text"]!, Label: (string)n["label"]!));

            var by = new Dictionary<string, (int Predicted, int Labelled, int Both)>(StringComparer.Ordinal);
            int unlabelled = 0;
            var disagreements = new List<string>();
            foreach (CheckedMention m in report.Mentions)
            {
                if (!labels.TryGetValue(m.Mention.Start, out var label) || label.Text != m.Mention.Text)
                {
                    unlabelled++;
                    continue;
                }

                string predicted = Name(m.Verdict);
                foreach (string verdict in new[] { "contradicted", "unverified", "out-of-scope" })
                {
                    var e = by.GetValueOrDefault(verdict);
                    bool p = predicted == verdict, l = label.Label == verdict;
                    by[verdict] = (e.Predicted + (p ? 1 : 0), e.Labelled + (l ? 1 : 0), e.Both + (p && l ? 1 : 0));
                }

                if ((predicted is "contradicted" or "unverified" || label.Label is "contradicted" or "unverified") && predicted != label.Label)
                {
                    disagreements.Add($"{m.Mention.Start} «{m.Mention.Text.Trim()}» labelled {label.Label}, verifier {predicted}{(m.Note is { } n ? "（" + n + "）" : string.Empty)}");
                }
            }

            results.Add(new Result(Path.GetFileNameWithoutExtension(path), report.Mentions.Count, unlabelled, by, disagreements));
        }

        Console.WriteLine();
        Console.WriteLine("Labelled whole reports (every number labelled by hand)");
        Console.WriteLine("| report | numbers | unlabelled | contradicted P/R (pred/labelled) | unverified P/R (pred/labelled) | out-of-scope P/R (pred/labelled) |");
        Console.WriteLine("|---|---:|---:|---|---|---|");
        foreach (Result r in results)
        {
            Console.WriteLine($"| {r.Report} | {r.Numbers} | {r.Unlabelled} | {Cell(r.ByVerdict["contradicted"])} | {Cell(r.ByVerdict["unverified"])} | {Cell(r.ByVerdict["out-of-scope"])} |");
            foreach (string d in r.Disagreements)
            {
                Console.WriteLine($"|   {d} | | | | | |");
            }
        }

        return results;
    }

    public static decimal Precision(IEnumerable<Result> results, string verdict)
    {
        int predicted = results.Sum(r => r.ByVerdict[verdict].Predicted), both = results.Sum(r => r.ByVerdict[verdict].Both);
        return predicted == 0 ? 1m : decimal.Round((decimal)both / predicted, 4);
    }

    public static decimal Recall(IEnumerable<Result> results, string verdict)
    {
        int labelled = results.Sum(r => r.ByVerdict[verdict].Labelled), both = results.Sum(r => r.ByVerdict[verdict].Both);
        return labelled == 0 ? 1m : decimal.Round((decimal)both / labelled, 4);
    }

    private static string Cell((int Predicted, int Labelled, int Both) c) => string.Create(CultureInfo.InvariantCulture,
        $"{(c.Predicted == 0 ? 1m : (decimal)c.Both / c.Predicted):0.00}/{(c.Labelled == 0 ? 1m : (decimal)c.Both / c.Labelled):0.00} ({c.Predicted}/{c.Labelled})");

    internal static string Name(Verdict v) => v switch
    {
        Verdict.Verified => "verified",
        Verdict.Derived => "derived",
        Verdict.Identifier => "identifier",
        Verdict.Contradicted => "contradicted",
        Verdict.OutOfScope => "out-of-scope",
        _ => "unverified",
    };
}

using System.Diagnostics;
using System.Globalization;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Storage;

namespace Assistant.Benchmarks;

/// <summary>
/// The bulk load's preparing stages one at a time, on one thread, over the same synthetic reports (issue 21, session 39):
/// generating the text, cleaning it, parsing it into passages, the word segmentation of every passage
/// (<see cref="PassageRow.Terms"/>, with the shared piece memory as the loader uses it, and cut whole without it), the
/// embedding texts, the built-in embedding, the term tally, the document row and the passage rows. Each stage's share of
/// their sum says where the load phase's CPU goes (the COPY itself is the <c>bulk</c> mode's floor).
/// <c>bulk-parts [--reports 1000] [--rounds 3] [--seeds DIR]</c>; with <c>--seeds</c>, also how often the pieces the
/// word memory keys on repeat in real reports (the files of DIR), against the synthetic ones.
/// </summary>
internal static class BulkParts
{
    public static int Run(string[] args)
    {
        int reports = Int(args, "--reports", 1000);
        int rounds = Int(args, "--rounds", 3);
        _ = LexicalTerms.Of("就业见习补贴资金绩效自评");
        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        long passageCount = 0;
        for (int round = 0; round < rounds; round++)
        {
            var texts = new string[reports];
            var clean = new string[reports];
            var parsed = new ParsedReport[reports];
            var prepared = new PreparedReport[reports];
            var embeddingTexts = new List<string>[reports];
            var vectors = new float[reports][][];
            var sw = Stopwatch.StartNew();
            void Mark(string stage)
            {
                if (round > 0)
                {
                    stages[stage] = stages.GetValueOrDefault(stage) + sw.Elapsed.TotalSeconds;
                }

                sw.Restart();
            }

            // Other reports each round, so the word memory meets new pieces as a load does (amounts and names differ).
            for (int i = 0; i < reports; i++)
            {
                texts[i] = SyntheticCorpus.Report((round * reports) + i).Text;
            }

            Mark("generate the synthetic text (benchmark only)");
            for (int i = 0; i < reports; i++)
            {
                clean[i] = StorableText.Clean(texts[i]);
            }

            Mark("clean (StorableText.Clean)");
            for (int i = 0; i < reports; i++)
            {
                parsed[i] = ReportParser.Parse(clean[i]);
            }

            Mark("parse into passages (ReportParser.Parse)");
            for (int i = 0; i < reports; i++)
            {
                embeddingTexts[i] = parsed[i].Passages.Select(PassageRow.EmbeddingText).ToList();
            }

            Mark("embedding texts");
            long count = 0;
            for (int i = 0; i < reports; i++)
            {
                foreach (var p in parsed[i].Passages)
                {
                    count += PassageRow.Terms(p.SectionPath, p.IndicatorName, p.Text).Length;
                }
            }

            Mark("word segmentation, piece memory (PassageRow.Terms)");
            for (int i = 0; i < reports; i++)
            {
                foreach (var p in parsed[i].Passages)
                {
                    count += LexicalTerms.OfWhole(p.SectionPath + " " + p.IndicatorName + " " + p.Text).Length;
                }
            }

            Mark("(reference) word segmentation cut whole, no memory");
            for (int i = 0; i < reports; i++)
            {
                prepared[i] = CorpusRows.Prepare("r.txt", texts[i], null, "synthetic", null).Report!;
            }

            Mark("(reference) CorpusRows.Prepare whole: clean + parse + hash + texts + terms");
            for (int i = 0; i < reports; i++)
            {
                vectors[i] = embeddingTexts[i].Select(t => HashingEmbedding.Embed(t)).ToArray();
            }

            Mark("built-in embedding (HashingEmbedding.Embed)");
            var tally = new TermTally();
            for (int i = 0; i < reports; i++)
            {
                foreach (string[] terms in prepared[i].PassageTerms)
                {
                    tally.Add(terms);
                }
            }

            Mark("term tally (TermTally.Add)");
            var now = DateTimeOffset.UnixEpoch;
            for (int i = 0; i < reports; i++)
            {
                _ = CorpusRows.Document(prepared[i], Guid.CreateVersion7(now), now);
            }

            Mark("document row (sections and statements as JSON)");
            for (int i = 0; i < reports; i++)
            {
                count += CorpusRows.Passages(prepared[i], Guid.CreateVersion7(now), vectors[i], "hashing").Count();
            }

            Mark("passage rows (text hash, vector)");
            passageCount = prepared.Sum(p => p.Report.Passages.Count);
            GC.KeepAlive(count);
        }

        int measured = Math.Max(1, rounds - 1);
        var product = stages.Where(s => !s.Key.StartsWith('(') && !s.Key.StartsWith("generate", StringComparison.Ordinal)).Sum(s => s.Value);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bulk-parts: {reports} synthetic reports, {passageCount} passages, one thread, mean of rounds 2..{rounds}"));
        foreach (var (stage, seconds) in stages)
        {
            double perRound = seconds / measured;
            string share = stage.StartsWith('(') || stage.StartsWith("generate", StringComparison.Ordinal) ? "" : string.Create(CultureInfo.InvariantCulture, $" {100 * seconds / product,5:0.0} % of the product's stages");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {perRound * 1000,9:0.0} ms  {passageCount / perRound,9:0} passages/s{share}  {stage}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  product's stages together: {passageCount / (product / measured):0} passages/s on one thread"));
        if (Arg(args, "--seeds") is { } dir)
        {
            Repeats("real reports (" + dir + ")", Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
            Repeats("synthetic reports", Enumerable.Range(0, Math.Min(reports, 200)).Select(i => SyntheticCorpus.Report(i).Text));
        }

        return 0;
    }

    /// <summary>How many of the pieces the word memory keys on (<see cref="Features.Words.WordSegmenter.Pieces"/> of each passage's lexical text) are repeats.</summary>
    private static void Repeats(string what, IEnumerable<string> texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long pieces = 0, repeats = 0, chars = 0, repeatChars = 0;
        foreach (string text in texts)
        {
            foreach (var p in ReportParser.Parse(StorableText.Clean(text)).Passages)
            {
                string normalized = Domain.Numbers.TextNormalizer.Normalize(p.SectionPath + " " + p.IndicatorName + " " + p.Text).ToLowerInvariant();
                foreach (string piece in Features.Words.WordSegmenter.Pieces(normalized))
                {
                    if (piece.Length == 0)
                    {
                        continue;
                    }

                    pieces++;
                    chars += piece.Length;
                    if (!seen.Add(piece))
                    {
                        repeats++;
                        repeatChars += piece.Length;
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  pieces in {what}: {pieces}, repeats {repeats} ({100.0 * repeats / Math.Max(1, pieces):0.0} %), repeated characters {100.0 * repeatChars / Math.Max(1, chars):0.0} %"));
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Arg(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}

using Assistant.Domain.Conversation;
using Assistant.Domain.Corpus;
using Assistant.Domain.Facts;
using Assistant.Features.Corpus;
using Assistant.Features.Evaluations;
using Assistant.Testing;
using BenchmarkDotNet.Attributes;

namespace Assistant.Benchmarks;

/// <summary>Reading, parsing and chunking the four seed reports; embedding their passages; the chat's sentence gate.</summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private (string Name, byte[] Bytes)[] _files = null!;
    private string[] _texts = null!;
    private string[] _passages = null!;
    private FactSheet _sheet = null!;
    private string _answer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = Directory.GetFiles(Path.Combine(RepoPaths.Shared, "seeds")).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToArray();
        _texts = _files.Select(f => DocumentText.Read(f.Name, f.Bytes)).ToArray();
        _passages = _texts.SelectMany(t => ReportParser.Parse(t).Passages.Select(p => p.Text)).ToArray();
        _sheet = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(RepoPaths.Reference("zhongwei-2024-entrepreneurship-fund"))));
        _answer = string.Concat(Enumerable.Repeat(
            "“享受公益性岗位补贴人员数量”未完成年度指标值：指标值{{fact:indicators[1].target}}，完成值{{fact:indicators[1].actual}}，完成率{{fact:indicators[1].completion}}。\n"
            + "计分：正向指标，得分{{fact:indicators[1].score}}，扣{{fact:indicators[1].lost}}。单位填报的偏差原因：“优先使用中央及自治区资金”。\n", 5));
    }

    /// <summary>The four seeds (.docx and text) to plain text, then sections, statements and passages.</summary>
    [Benchmark]
    public int ReadAndParseFourSeeds()
    {
        int n = 0;
        foreach (var (name, bytes) in _files)
        {
            n += ReportParser.Parse(DocumentText.Read(name, bytes)).Passages.Count;
        }

        return n;
    }

    /// <summary>Parsing and chunking alone (text already read).</summary>
    [Benchmark]
    public int ParseFourSeeds() => _texts.Sum(t => ReportParser.Parse(t).Passages.Count);

    /// <summary>The built-in embedding of every seed passage (384 dimensions).</summary>
    [Benchmark]
    public int EmbedSeedPassages() => _passages.Sum(p => HashingEmbedding.Embed(p).Length);

    /// <summary>A ten-sentence chat answer streamed in 12-character pieces through the sentence gate (render + verify per sentence).</summary>
    [Benchmark]
    public int GateTenSentences()
    {
        var gate = new SentenceGate(_sheet);
        int n = 0;
        for (int i = 0; i < _answer.Length; i += 12)
        {
            n += gate.Push(_answer.Substring(i, Math.Min(12, _answer.Length - i))).Count;
        }

        return n + gate.Flush().Count;
    }

    public int Passages => _passages.Length;
}

using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;

namespace Assistant.Features.Evaluations;

/// <summary>
/// The prepared verifiers of the tables verified last (issue 21, session 41): staff verify draft after draft against one
/// table, and building the fact sheet and the verifier's indexes is most of a POST /verify. An entry is found only by the
/// SHA-256 of the table's JSON as the contract canonicalises it (white space and comments dropped, every value as printed,
/// duplicates kept in order, so equal keys read to equal tables), the policy and the product build: never by an id, so a
/// caller is only ever served a verifier of the very table it sent, and a changed table is a new key. Bounded by count and
/// by the canonical JSON's total size (a table's prepared sheet is a small multiple of it); least recently used goes first.
/// Thread-safe: each entry lends its one idle verifier (a verifier is not thread-safe), and a caller finding it lent
/// prepares another verifier on the entry's sheet (whose indexes are shared).
/// </summary>
public sealed class PreparedVerifiers
{
    /// <summary>By default, a table larger than this (canonical JSON, bytes) is not kept.</summary>
    public const int DefaultMaxEntryBytes = 256 * 1024;

    private static readonly string Build = BuildOf();

    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new();
    private long _bytes;

    public PreparedVerifiers(int maxEntries = 32, long maxBytes = 1024 * 1024, int maxEntryBytes = DefaultMaxEntryBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEntries);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(maxEntryBytes);
        MaxEntries = maxEntries;
        MaxBytes = maxBytes;
        MaxEntryBytes = maxEntryBytes;
    }

    /// <summary>The one the API uses.</summary>
    public static PreparedVerifiers Shared { get; } = new();

    public int MaxEntries { get; }

    public long MaxBytes { get; }

    /// <summary>A table whose canonical JSON is longer than this is verified but not kept.</summary>
    public int MaxEntryBytes { get; }

    /// <summary>How many tables are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count;
            }
        }
    }

    /// <summary>The canonical JSON bytes of the kept tables now.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Verifications answered by a kept table / by a table prepared for the call.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    private long _hits;
    private long _misses;

    /// <summary>
    /// The key of a table and the length of its canonical form: the SHA-256 of the build, the policy as sent and the
    /// evaluation's tokens as the contract reads them — each token's kind, length and bytes as printed, in order, without
    /// white space or comments (so a value printed otherwise, 1 or 1.0, is another table; a duplicate field stays, as
    /// the reader takes the last). Read from the request's own bytes, nothing re-written.
    /// </summary>
    public static (string Key, int Bytes) KeyOf(JsonElement evaluation, string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        byte[] prefix = Encoding.UTF8.GetBytes(Build + "\n" + policyName.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + policyName + "\n");
        ReadOnlySpan<byte> raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(evaluation);
        var reader = new Utf8JsonReader(raw,
            new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });

        // The canonical form is written into one pooled buffer and hashed once (two hash calls per token cost ≈ 215 µs on
        // a 100-row table): every token is at least one byte, so the prefix, the bytes and 5 bytes a token always fit.
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(prefix.Length + (6 * raw.Length) + 5);
        try
        {
            prefix.CopyTo(buffer, 0);
            int at = prefix.Length, bytes = 0;
            while (reader.Read())
            {
                ReadOnlySpan<byte> value = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
                buffer[at] = (byte)reader.TokenType;
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(at + 1, 4), value.Length);
                value.CopyTo(buffer.AsSpan(at + 5));
                at += 5 + value.Length;
                bytes += value.Length + 1;
            }

            return (Convert.ToHexString(SHA256.HashData(buffer.AsSpan(0, at))), bytes);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The text verified against the table: by its kept verifier when the key was seen (the table's content, not an id),
    /// else by a new one, kept for the next call when the bounds allow.
    /// </summary>
    public VerificationReport Verify(string key, int bytes, Evaluation evaluation, ScoringPolicy policy, string text)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(text);
        Entry? entry = Find(key);
        Verifier verifier;
        FactSheet? sheet = null;
        if (entry is null)
        {
            Interlocked.Increment(ref _misses);
            sheet = FactSheet.Build(evaluation, policy);
            verifier = new Verifier(sheet);
        }
        else
        {
            Interlocked.Increment(ref _hits);
            verifier = Interlocked.Exchange(ref entry.Idle, null) ?? new Verifier(entry.Sheet);
        }

        VerificationReport report = verifier.Verify(text);
        if (entry is not null)
        {
            Interlocked.CompareExchange(ref entry.Idle, verifier, null);
        }
        else
        {
            Add(key, bytes, sheet!, verifier);
        }

        return report;
    }

    /// <summary>Forgets every kept table.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _byKey.Clear();
            _recent.Clear();
            _bytes = 0;
        }
    }

    private Entry? Find(string key)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out LinkedListNode<Entry>? node))
            {
                return null;
            }

            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value;
        }
    }

    private void Add(string key, int bytes, FactSheet sheet, Verifier verifier)
    {
        if (MaxEntries == 0 || bytes > MaxEntryBytes || bytes > MaxBytes)
        {
            return;
        }

        lock (_gate)
        {
            if (_byKey.ContainsKey(key))
            {
                return;
            }

            while (_recent.Count > 0 && (_byKey.Count >= MaxEntries || _bytes + bytes > MaxBytes))
            {
                LinkedListNode<Entry> last = _recent.Last!;
                _recent.RemoveLast();
                _byKey.Remove(last.Value.Key);
                _bytes -= last.Value.Bytes;
            }

            var entry = new Entry(key, bytes, sheet) { Idle = verifier };
            _byKey[key] = _recent.AddFirst(entry);
            _bytes += bytes;
        }
    }

    private static string BuildOf()
    {
        Assembly domain = typeof(Verifier).Assembly;
        Assembly features = typeof(PreparedVerifiers).Assembly;
        string version = domain.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? domain.GetName().Version?.ToString() ?? "?";
        return $"{version}|{domain.ManifestModule.ModuleVersionId:N}|{features.ManifestModule.ModuleVersionId:N}";
    }

    private sealed class Entry(string key, int bytes, FactSheet sheet)
    {
        public string Key { get; } = key;

        public int Bytes { get; } = bytes;

        public FactSheet Sheet { get; } = sheet;

        public Verifier? Idle;
    }
}

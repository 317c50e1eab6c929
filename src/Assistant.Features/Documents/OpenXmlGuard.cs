using System.IO.Compression;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Documents;

/// <summary>How much an Office (zip) package may expand to before it is refused.</summary>
/// <param name="MaxParts">Entries in the zip.</param>
/// <param name="MaxExpandedBytes">All entries together, decompressed.</param>
/// <param name="MaxPartBytes">One entry, decompressed.</param>
/// <param name="MaxRatio">Decompressed ÷ compressed size of one entry past <see cref="RatioFloorBytes"/> (XML compresses about 10:1; bombs 1000:1).</param>
/// <param name="MaxTextChars">Characters of text a reader may take out of the package.</param>
public sealed record OpenXmlLimits(
    int MaxParts = 2000,
    long MaxExpandedBytes = 96L * 1024 * 1024,
    long MaxPartBytes = 64L * 1024 * 1024,
    int MaxRatio = 120,
    int MaxTextChars = 300_000)
{
    /// <summary>Below this many decompressed bytes no ratio applies (small parts compress very well).</summary>
    public const long RatioFloorBytes = 2L * 1024 * 1024;

    public static OpenXmlLimits Default { get; } = new();
}

/// <summary>
/// Reading an Office package (.docx, .xlsx) within bounds: every part is read through a stream that
/// counts decompressed bytes and stops as soon as a limit is passed, so a decompression bomb costs
/// at most the limit in CPU and nothing in memory beyond the reader's own buffer. <see cref="Check"/>
/// walks a whole package this way before a DOM-building reader (the OpenXml SDK) is given it;
/// <see cref="OpenPart"/> gives a streaming reader one bounded part. Breaches are
/// <see cref="InputException"/>s on the field <c>file</c>, in Chinese and English.
/// </summary>
public sealed class OpenXmlGuard : IDisposable
{
    private readonly ZipArchive zip;
    private readonly OpenXmlLimits limits;
    private readonly CancellationToken cancellationToken;
    private long expanded;

    private OpenXmlGuard(ZipArchive zip, OpenXmlLimits limits, CancellationToken cancellationToken)
    {
        this.zip = zip;
        this.limits = limits;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Opens the package; refuses one that is not a zip or has too many parts.</summary>
    public static OpenXmlGuard Open(Stream package, OpenXmlLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        limits ??= OpenXmlLimits.Default;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw Corrupt();
        }

        int parts = zip.Entries.Count;
        if (parts > limits.MaxParts)
        {
            zip.Dispose();
            throw new InputException("file", $"文件包含的部件过多（{parts}个，上限{limits.MaxParts}个）。",
                $"The package has too many parts ({parts}; at most {limits.MaxParts}).");
        }

        return new OpenXmlGuard(zip, limits, cancellationToken);
    }

    /// <summary>Walks every part of <paramref name="package"/> within the limits (nothing is kept).</summary>
    public static void Check(byte[] package, OpenXmlLimits? limits = null, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(package, writable: false);
        using OpenXmlGuard guard = Open(stream, limits, cancellationToken);
        byte[] buffer = new byte[81920];
        foreach (ZipArchiveEntry entry in guard.zip.Entries)
        {
            using Stream part = guard.OpenEntry(entry);
            while (part.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
    }

    public OpenXmlLimits Limits => limits;

    public IReadOnlyCollection<string> PartNames => zip.Entries.Select(e => e.FullName).ToList();

    /// <summary>A part by its name in the package (<c>word/document.xml</c>), or null.</summary>
    public Stream? OpenPart(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ZipArchiveEntry? entry = zip.GetEntry(name.TrimStart('/'));
        return entry is null ? null : OpenEntry(entry);
    }

    private Stream OpenEntry(ZipArchiveEntry entry)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (entry.Length > limits.MaxPartBytes || expanded + entry.Length > limits.MaxExpandedBytes)
        {
            throw TooLarge();
        }

        long ratioLimit = Math.Max(OpenXmlLimits.RatioFloorBytes, entry.CompressedLength * limits.MaxRatio);
        long limit = Math.Min(limits.MaxPartBytes, ratioLimit);
        try
        {
            return new BoundedStream(entry.Open(), limit, this);
        }
        catch (InvalidDataException)
        {
            throw Corrupt();
        }
    }

    public void Dispose() => zip.Dispose();

    internal static InputException Corrupt() =>
        new("file", "Word/Excel 文件已损坏，无法读取。", "The Office file is corrupt and cannot be read.");

    private InputException TooLarge() =>
        new("file", $"文件解压后过大（上限{limits.MaxExpandedBytes / 1024 / 1024} MB，或压缩比异常），疑似压缩炸弹。",
            $"The file expands too far (limit {limits.MaxExpandedBytes / 1024 / 1024} MB, or an abnormal compression ratio); it looks like a decompression bomb.");

    /// <summary>Counts what is read from one part against its own limit and the package's.</summary>
    private sealed class BoundedStream(Stream inner, long limit, OpenXmlGuard owner) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(Inner(() => inner.Read(buffer, offset, count)));

        public override int Read(Span<byte> buffer)
        {
            int n;
            try
            {
                n = inner.Read(buffer);
            }
            catch (InvalidDataException)
            {
                throw Corrupt();
            }

            return Count(n);
        }

        private static int Inner(Func<int> read)
        {
            try
            {
                return read();
            }
            catch (InvalidDataException)
            {
                throw Corrupt();
            }
        }

        private int Count(int n)
        {
            owner.cancellationToken.ThrowIfCancellationRequested();
            read += n;
            owner.expanded += n;
            if (read > limit || owner.expanded > owner.limits.MaxExpandedBytes)
            {
                throw owner.TooLarge();
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

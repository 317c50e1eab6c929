using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// The server's connection buffers in 16 KB blocks instead of Kestrel's 4 KB ones (issue 21): a posted
/// table of 7 KB then arrives in one receive rather than two, so the endpoint reading the body does not
/// wait for and resume on its remainder, and a 28 KB answer goes into the output pipe in two blocks
/// instead of seven. Blocks are pinned arrays, kept for reuse up to <see cref="LargeBlockMemoryPool.MaxKept"/>
/// (4,096 blocks, 64 MB); the server asks for them only while a connection has data to read or write.
/// </summary>
internal sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    private readonly ConcurrentQueue<LargeBlockMemoryPool> created = new();

    /// <summary>The pools this factory has made (the server makes a few, at start).</summary>
    public IReadOnlyCollection<LargeBlockMemoryPool> Created => created;

    public MemoryPool<byte> Create()
    {
        var pool = new LargeBlockMemoryPool();
        created.Enqueue(pool);
        return pool;
    }
}

/// <summary>A pool of pinned <see cref="BlockSize"/>-byte blocks; every rent is one whole block.</summary>
internal sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 16 * 1024;

    /// <summary>Blocks kept for reuse at most; a block returned past this is left to the collector.</summary>
    public const int MaxKept = 4096;

    private readonly ConcurrentQueue<Block> kept = new();
    private int keptCount;
    private volatile bool disposed;

    public override int MaxBufferSize => BlockSize;

    /// <summary>Blocks waiting for reuse now.</summary>
    public int Kept => Volatile.Read(ref keptCount);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        if (kept.TryDequeue(out Block? block))
        {
            Interlocked.Decrement(ref keptCount);
        }
        else
        {
            block = new Block(this, GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true));
        }

        block.Lease();
        return block;
    }

    protected override void Dispose(bool disposing)
    {
        disposed = true;
        while (kept.TryDequeue(out _))
        {
            Interlocked.Decrement(ref keptCount);
        }
    }

    private void Return(Block block)
    {
        if (disposed || Interlocked.Increment(ref keptCount) > MaxKept)
        {
            if (!disposed)
            {
                Interlocked.Decrement(ref keptCount);
            }

            return;
        }

        kept.Enqueue(block);
    }

    /// <summary>One block; disposing it returns it to the pool once (a second dispose of the same lease does nothing).</summary>
    private sealed class Block(LargeBlockMemoryPool pool, byte[] array) : IMemoryOwner<byte>
    {
        private int leased;

        public Memory<byte> Memory
        {
            get
            {
                ObjectDisposedException.ThrowIf(Volatile.Read(ref leased) == 0, this);
                return array;
            }
        }

        public void Lease() => Volatile.Write(ref leased, 1);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref leased, 0) == 1)
            {
                pool.Return(this);
            }
        }
    }
}

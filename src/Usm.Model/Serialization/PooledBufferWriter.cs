using System.Buffers;
using System.Text;

namespace Usm.Model.Serialization;

/// <summary>
/// A byte buffer for documents streamed through a <see cref="System.Text.Json.Utf8JsonWriter"/>, made of segments
/// rented from <see cref="ArrayPool{T}.Shared"/>: it grows without copying, and <see cref="ToUtf8String"/> decodes
/// the segments straight into the result string. Disposing clears the bytes written (the document's text: titles,
/// descriptions, actor ids) and returns the segments to the pool, so no other user of the pool can read them.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int SegmentSize = 1 << 20;

    private readonly List<(byte[] Array, int Length)> _full = [];
    private byte[] _current = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _written;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _current.Length - _written)
        {
            throw new InvalidOperationException("Cannot advance past the end of the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsSpan(_written);
    }

    /// <summary>Decodes everything written (UTF-8) into one string.</summary>
    public string ToUtf8String()
    {
        var decoder = Encoding.UTF8.GetDecoder();
        long length = 0;
        foreach (var (array, count) in _full)
        {
            length += decoder.GetCharCount(array.AsSpan(0, count), flush: false);
        }

        length += decoder.GetCharCount(_current.AsSpan(0, _written), flush: true);
        return string.Create(checked((int)length), this, static (chars, self) =>
        {
            var decoder = Encoding.UTF8.GetDecoder();
            foreach (var (array, count) in self._full)
            {
                decoder.Convert(array.AsSpan(0, count), chars, flush: false, out _, out var used, out _);
                chars = chars[used..];
            }

            decoder.Convert(self._current.AsSpan(0, self._written), chars, flush: true, out _, out _, out _);
        });
    }

    public void Dispose()
    {
        foreach (var (array, length) in _full)
        {
            array.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(array);
        }

        _full.Clear();
        if (_current.Length > 0)
        {
            _current.AsSpan(0, _written).Clear();
            ArrayPool<byte>.Shared.Return(_current);
            _current = [];
        }

        _written = 0;
    }

    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_current.Length - _written >= needed)
        {
            return;
        }

        // Keep the full segment and start a new one; nothing written is ever copied.
        _full.Add((_current, _written));
        _current = ArrayPool<byte>.Shared.Rent(Math.Max(SegmentSize, needed));
        _written = 0;
    }
}

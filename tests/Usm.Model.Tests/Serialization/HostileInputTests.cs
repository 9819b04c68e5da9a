using System.Text;
using FsCheck.Fluent;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

/// <summary>Broken and hostile documents: each must end in errors with the right code and path, never an exception.</summary>
public class HostileInputTests
{
    private const string Valid = """{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"recover","steps":[{"id":"s","process":"recover","sort-index":1,"activities":[{"id":"x","responsibilities":{"coordinator":["R","A"]}}]}]}""";

    private static ReadError SingleError(string json, ReaderOptions? options = null)
    {
        var result = UsmWif.Import(json, options);
        Assert.False(result.IsSuccess);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Valid_Baseline_Succeeds() => Assert.True(UsmWif.Import(Valid).IsSuccess);

    [Theory]
    [InlineData(10)]
    [InlineData(60)]
    [InlineData(120)]
    public void Truncated_IsASyntaxErrorWithPosition(int length)
    {
        var error = SingleError(Valid[..length]);

        Assert.Equal(ReadErrorCode.Syntax, error.Code);
        Assert.Equal(1, error.Line);
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void Empty_IsASyntaxError() => Assert.Equal(ReadErrorCode.Syntax, SingleError(string.Empty).Code);

    [Fact]
    public void Truncated_PathPointsIntoTheOpenContainer()
    {
        var error = SingleError("""{"usm-wif-version":"1.0.0","steps":[{"id":"s","activities":[{"id":""");

        Assert.Equal((ReadErrorCode.Syntax, "$.steps[0].activities[0].id"), (error.Code, error.Path));
    }

    [Theory]
    [InlineData("""{"usm-wif-version":"1.0.0","slug":"a","name":["A"],"process":"agree"}""", "$.name")]
    [InlineData("""{"usm-wif-version":1,"slug":"a","name":"A","process":"agree"}""", "$.usm-wif-version")]
    [InlineData("""{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"agree","steps":"none"}""", "$.steps")]
    [InlineData("""{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"agree","steps":[7]}""", "$.steps[0]")]
    [InlineData("""{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"agree","steps":[{"id":"s","activities":{}}]}""", "$.steps[0].activities")]
    [InlineData("""{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"agree","steps":[{"id":"s","activities":[{"id":"x","responsibilities":{"op":true}}]}]}""", "$.steps[0].activities[0].responsibilities.op")]
    [InlineData("""{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"agree","created-by":"someone"}""", "$.created-by")]
    [InlineData("[]", "$")]
    public void WrongType_IsReportedAtItsPath(string json, string path)
    {
        var error = SingleError(json);

        Assert.Equal((ReadErrorCode.WrongType, path), (error.Code, error.Path));
    }

    [Theory]
    [InlineData("NaN", ReadErrorCode.Syntax)]
    [InlineData("Infinity", ReadErrorCode.Syntax)]
    [InlineData("\"NaN\"", ReadErrorCode.InvalidValue)]
    [InlineData("1e400", ReadErrorCode.NumberOutOfRange)]
    [InlineData("99999999999999999999999999", ReadErrorCode.NumberOutOfRange)]
    [InlineData("\"99999999999999999999999999\"", ReadErrorCode.NumberOutOfRange)]
    [InlineData("-1", ReadErrorCode.NumberOutOfRange)]
    [InlineData("1.5", ReadErrorCode.InvalidValue)]
    public void BadNumbers_AreReported(string number, ReadErrorCode code)
    {
        var error = SingleError(Valid.Replace("\"sort-index\":1", "\"sort-index\":" + number, StringComparison.Ordinal));

        Assert.Equal(code, error.Code);
        if (code != ReadErrorCode.Syntax)
        {
            Assert.Equal("$.steps[0].sort-index", error.Path);
        }
    }

    [Theory]
    [InlineData("\"process\":\"recover\",\"steps\"", "\"process\":\"repair\",\"steps\"", "$.process")]
    [InlineData("\"id\":\"s\",\"process\":\"recover\"", "\"id\":\"s\",\"process\":\"RIMX\"", "$.steps[0].process")]
    [InlineData("[\"R\",\"A\"]", "[\"R\",\"Z\"]", "$.steps[0].activities[0].responsibilities.coordinator[1]")]
    [InlineData("\"slug\":\"a\"", "\"slug\":\"a\",\"type\":\"recipe\"", "$.type")]
    [InlineData("\"slug\":\"a\"", "\"slug\":\"a\",\"dynamicity\":\"fluid\"", "$.dynamicity")]
    public void UnknownEnumStrings_AreReportedAtTheirPath(string find, string replace, string path)
    {
        var error = SingleError(Valid.Replace(find, replace, StringComparison.Ordinal));

        Assert.Equal((ReadErrorCode.UnknownEnumValue, path), (error.Code, error.Path));
    }

    [Fact]
    public void DuplicateStepIds_AreReportedAtTheSecond()
    {
        var error = SingleError("""{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"agree","steps":[{"id":"s"},{"id":"t"},{"id":"s"}]}""");

        Assert.Equal((ReadErrorCode.DuplicateId, "$.steps[2].id"), (error.Code, error.Path));
    }

    [Fact]
    public void DuplicateActivityIds_AreReportedAtTheSecond()
    {
        var error = SingleError("""{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"agree","steps":[{"id":"s","activities":[{"id":"x"},{"id":"x"}]}]}""");

        Assert.Equal((ReadErrorCode.DuplicateId, "$.steps[0].activities[1].id"), (error.Code, error.Path));
    }

    [Fact]
    public void DuplicateProfileIds_AreReported()
    {
        var error = SingleError("""{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"agree","profiles":[{"id":"p"},{"id":"p"}]}""");

        Assert.Equal((ReadErrorCode.DuplicateId, "$.profiles[1].id"), (error.Code, error.Path));
    }

    [Fact]
    public void DuplicateMemberNames_AreReportedWithPosition()
    {
        var error = SingleError("""{"usm-wif-version":"1.0.0","slug":"a","slug":"b","name":"A","process":"agree"}""");

        Assert.Equal((ReadErrorCode.DuplicateMember, "$.slug", 1L), (error.Code, error.Path, error.Line));
    }

    [Fact]
    public void DanglingProfileReference_IsReported()
    {
        var error = SingleError(Valid.Replace("\"slug\":\"a\"", "\"slug\":\"a\",\"profiles\":[{\"id\":\"operator\"}]", StringComparison.Ordinal));

        Assert.Equal((ReadErrorCode.DanglingReference, "$.steps[0].activities[0].responsibilities.coordinator"), (error.Code, error.Path));
    }

    [Fact]
    public void DanglingBranchStep_IsReported()
    {
        var error = SingleError(Valid.Replace("\"slug\":\"a\"", "\"slug\":\"a\",\"x-usm-model-branches\":[{\"name\":\"b\",\"steps\":[\"s\",\"ghost\"]}]", StringComparison.Ordinal));

        Assert.Equal((ReadErrorCode.DanglingReference, "$.x-usm-model-branches[0].steps[1]"), (error.Code, error.Path));
    }

    [Fact]
    public void TenThousandDeepNesting_StopsAtTheDepthLimit()
    {
        var json = "{\"steps\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var error = SingleError(json);

        Assert.Equal(ReadErrorCode.DepthExceeded, error.Code);
        Assert.Equal("$.steps" + string.Concat(Enumerable.Repeat("[0]", 63)), error.Path);
        Assert.Equal((1L, 73L), (error.Line, error.Column));
    }

    [Fact]
    public void DepthLimit_IsConfigurable()
    {
        var json = """{"usm-wif-version":"1.0.0","slug":"a","name":"A","process":"agree","created-by":{"id":"p"}}""";

        Assert.True(UsmWif.Import(json, ReaderOptions.Default.WithMaxDepth(2)).IsSuccess);
        Assert.Equal(ReadErrorCode.DepthExceeded, SingleError(json, ReaderOptions.Default.WithMaxDepth(1)).Code);
    }

    [Fact]
    public void HundredMegabyteString_IsRejectedAtTheSizeLimitWithoutBufferingIt()
    {
        using var stream = new LargeDocumentStream(100 * 1024 * 1024);

        var error = Assert.Single(UsmWif.Import(stream).Errors);

        Assert.Equal((ReadErrorCode.DocumentTooLarge, "$"), (error.Code, error.Path));
        Assert.True(stream.BytesRead <= ReaderOptions.Default.MaxDocumentBytes + 1, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public void HundredMegabyteString_WithARaisedSizeLimit_HitsTheStringLimitAtItsPath()
    {
        using var stream = new LargeDocumentStream(100 * 1024 * 1024);

        var error = Assert.Single(UsmWif.Import(stream, ReaderOptions.Default.WithMaxDocumentBytes(200L * 1024 * 1024)).Errors);

        Assert.Equal((ReadErrorCode.StringTooLong, "$.name", 1L, 9L), (error.Code, error.Path, error.Line, error.Column));
    }

    [Fact]
    public void LongString_InText_IsRejectedBeforeEncoding()
    {
        var json = "{\"name\":\"" + new string('a', 2_000_000) + "\"}";

        var error = SingleError(json);

        Assert.Equal((ReadErrorCode.StringTooLong, "$.name"), (error.Code, error.Path));
        Assert.Equal(ReadErrorCode.DocumentTooLarge, SingleError(json, ReaderOptions.Default.WithMaxDocumentBytes(1000)).Code);
    }

    [Fact]
    public void LargeArray_HitsTheCollectionLimit()
    {
        var json = "{\"steps\":[" + string.Join(",", Enumerable.Repeat("{}", 10_001)) + "]}";

        var error = SingleError(json);

        Assert.Equal((ReadErrorCode.CollectionTooLarge, "$.steps[10000]"), (error.Code, error.Path));
    }

    [Fact]
    public void InvalidUtf8_IsReportedWithPosition()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"usm-wif-version\":\"1.0.0\",\n\"name\":\"ab\"}");
        bytes[^4] = 0xFF;
        using var stream = new MemoryStream(bytes);

        var error = Assert.Single(UsmWif.Import(stream).Errors);

        Assert.Equal((ReadErrorCode.InvalidUtf8, 2L, 9L), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void UnpairedSurrogate_InText_IsInvalidUtf8()
    {
        Assert.Equal(ReadErrorCode.InvalidUtf8, SingleError("{\"name\":\"\uD800\"}").Code);
    }

    [Fact]
    public void UnreadableStream_ThrowsReadException()
    {
        using var stream = new MemoryStream();
        stream.Close();

        Assert.Throws<ReadException>(() => UsmWif.Import(stream));
    }

    [Fact]
    public void RandomMutations_AlwaysEndInAResult()
    {
        var documents = new[]
        {
            File.ReadAllText(SerializationSamples.GoldenPath("incident-recovery.workflow.json")),
            File.ReadAllText(SerializationSamples.GoldenPath("draft-style.workflow-template.json")),
            Valid,
        };
        PropertyCheck.Run(Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
        {
            var random = new Random(seed);
            var source = documents[random.Next(documents.Length)];
            var bytes = Mutations.MutateBytes(Encoding.UTF8.GetBytes(source), random);
            var text = Mutations.MutateText(source, random);
            using var stream = new MemoryStream(bytes);
            var fromBytes = UsmWif.Import(stream);
            var fromText = UsmWif.Import(text, ReaderOptions.Default.WithStrict(random.Next(2) == 0));
            return (fromBytes.IsSuccess || !fromBytes.Errors.IsEmpty) && (fromText.IsSuccess || !fromText.Errors.IsEmpty);
        }), maxTest: 1000);
    }

    /// <summary>A seekable stream holding <c>{"name":"aaaa…"}</c> of a given size, produced on the fly.</summary>
    private sealed class LargeDocumentStream(long stringLength) : Stream
    {
        private static readonly byte[] s_prefix = Encoding.UTF8.GetBytes("{\"name\":\"");
        private static readonly byte[] s_suffix = Encoding.UTF8.GetBytes("\"}");

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => s_prefix.Length + stringLength + s_suffix.Length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && BytesRead < Length)
            {
                var p = BytesRead;
                buffer[offset + written] = p < s_prefix.Length ? s_prefix[p]
                    : p < s_prefix.Length + stringLength ? (byte)'a'
                    : s_suffix[p - s_prefix.Length - stringLength];
                written++;
                BytesRead++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Random byte and character mutations of valid documents.</summary>
internal static class Mutations
{
    /// <summary>
    /// The mutation property shared by the document readers: random byte mutations of <paramref name="source"/> read
    /// from a stream, and random character mutations read as text (strict or not, at random), must each end in a
    /// result, a value or at least one error, and never in an exception. The seed comes from the calling test's name.
    /// </summary>
    public static void EveryMutationEndsInAResult<T>(
        string source,
        Func<Stream, ReadResult<T>> readBytes,
        Func<string, ReaderOptions, ReadResult<T>> readText,
        int maxTest,
        [System.Runtime.CompilerServices.CallerMemberName] string name = "")
        where T : class
    {
        var bytes = Encoding.UTF8.GetBytes(source);
        PropertyCheck.Run(
            Prop.ForAll(SerializationArbitraries.MutationSeed(), seed =>
            {
                var random = new Random(seed);
                using var stream = new MemoryStream(MutateBytes(bytes, random));
                var fromBytes = readBytes(stream);
                var fromText = readText(MutateText(source, random), ReaderOptions.Default.WithStrict(random.Next(2) == 0));
                return (fromBytes.IsSuccess || !fromBytes.Errors.IsEmpty) && (fromText.IsSuccess || !fromText.Errors.IsEmpty);
            }),
            maxTest,
            name: name);
    }

    /// <summary>Replaces the first occurrence of <paramref name="find"/>, which must be in <paramref name="text"/>.</summary>
    public static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the document.");
        return text[..at] + replace + text[(at + find.Length)..];
    }

    private static readonly string[] s_inserts = ["{", "}", "[", "]", "\"", ",", ":", "null", "-1", "1e999", "\\u", "\uD800", "é", "0", "\"x\":"];

    public static byte[] MutateBytes(byte[] bytes, Random random)
    {
        var list = bytes.ToList();
        for (var i = random.Next(1, 6); i > 0 && list.Count > 0; i--)
        {
            var at = random.Next(list.Count);
            switch (random.Next(4))
            {
                case 0: list[at] = (byte)random.Next(256); break;
                case 1: list.RemoveAt(at); break;
                case 2: list.Insert(at, (byte)random.Next(256)); break;
                default: list.RemoveRange(at, list.Count - at); break;
            }
        }

        return [.. list];
    }

    public static string MutateText(string text, Random random)
    {
        var sb = new StringBuilder(text);
        for (var i = random.Next(1, 6); i > 0 && sb.Length > 0; i--)
        {
            var at = random.Next(sb.Length);
            switch (random.Next(4))
            {
                case 0: sb[at] = (char)random.Next(0x20, 0x7F); break;
                case 1: sb.Remove(at, 1); break;
                case 2: sb.Insert(at, s_inserts[random.Next(s_inserts.Length)]); break;
                default: sb.Remove(at, Math.Min(sb.Length - at, random.Next(1, 40))); break;
            }
        }

        return sb.ToString();
    }
}

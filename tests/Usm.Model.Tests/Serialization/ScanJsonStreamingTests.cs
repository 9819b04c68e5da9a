using System.Text.Json;
using FsCheck.Fluent;
using Usm.Model.Assessment;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;
using Usm.Model.Tests.TestHelpers;

namespace Usm.Model.Tests.Serialization;

/// <summary>The streaming scan writer writes the same bytes as serializing the whole scan document DTO.</summary>
public class ScanJsonStreamingTests
{
    private static string WriteWholeDocument(Scan scan) => JsonSerializer.Serialize(
        new ScanDocumentDto { FormatVersion = UsmJson.FormatVersion, Kind = "scan", Scan = AssessmentMapper.ToDto(scan) },
        UsmJsonContext.Writer.ScanDocumentDto);

    [Fact]
    public void StreamingWriter_WritesTheSameBytesAsTheWholeDocument()
    {
        PropertyCheck.Run(Prop.ForAll(AssessmentSerializationArbitraries.Scans(), scan => UsmJson.WriteScan(scan) == WriteWholeDocument(scan)), maxTest: 200);
    }

    [Fact]
    public void StreamingWriter_SampleScans_MatchTheWholeDocument()
    {
        Assert.Equal(WriteWholeDocument(SampleScans.Baseline), UsmJson.WriteScan(SampleScans.Baseline));
        Assert.Equal(WriteWholeDocument(SampleScans.FollowUp), UsmJson.WriteScan(SampleScans.FollowUp));
    }
}

using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;

// Usage: PdbSourceLink <folder with .snupkg> <expected URL prefix>
var folder = args[0];
var expected = args[1];
var snupkg = Directory.GetFiles(folder, "Usm.Model.*.snupkg").Single();
var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
using var zip = ZipFile.OpenRead(snupkg);
var pdbs = zip.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)).ToList();
if (pdbs.Count == 0)
{
    Console.Error.WriteLine($"{snupkg} holds no PDB");
    return 1;
}

foreach (var entry in pdbs)
{
    using var stream = new MemoryStream();
    using (var s = entry.Open())
    {
        s.CopyTo(stream);
    }

    stream.Position = 0;
    using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
    var reader = provider.GetMetadataReader();
    string? json = null;
    foreach (var handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
    {
        var info = reader.GetCustomDebugInformation(handle);
        if (reader.GetGuid(info.Kind) == sourceLinkKind)
        {
            json = Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value));
        }
    }

    if (json is null || !json.Contains(expected, StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"{entry.FullName}: no SourceLink map pointing at {expected} (found: {json ?? "none"})");
        return 1;
    }

    Console.WriteLine($"SourceLink ok in {entry.FullName}: {json}");
}

return 0;

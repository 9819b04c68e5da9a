using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Internal;
using Usm.Model.Routines;

namespace Usm.Model.Serialization;

/// <summary>The USM-WIF document type (member <c>type</c>).</summary>
public enum WifDocumentType
{
    /// <summary>An actual workflow (<c>workflow</c>, MIME type <c>application/x-usm-workflow</c>); it must have a slug and a name.</summary>
    Workflow = 1,

    /// <summary>A workflow template (<c>workflow-template</c>, MIME type <c>application/x-usm-workflow-template</c>); every member is optional.</summary>
    WorkflowTemplate = 2,
}

/// <summary>A person in a USM-WIF document (<c>created-by</c>, <c>modified-by</c>).</summary>
/// <remarks>Equality compares every property ordinally.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WifPerson : IEquatable<WifPerson>
{
    /// <summary>Creates a person.</summary>
    /// <param name="id">The id (required by USM-WIF).</param>
    /// <param name="name">The name, if any.</param>
    /// <param name="email">The e-mail address, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    public WifPerson(string id, string? name = null, string? email = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = name;
        Email = email;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name, if any.</summary>
    public string? Name { get; }

    /// <summary>Gets the e-mail address, if any.</summary>
    public string? Email { get; }

    /// <inheritdoc />
    public bool Equals(WifPerson? other) => other is not null && Id == other.Id && Name == other.Name && Email == other.Email;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WifPerson other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Email);

    /// <inheritdoc />
    public override string ToString() => Name is null ? Id : $"{Name} ({Id})";
}

/// <summary>A profile in a USM-WIF document: a role or a position, referenced by responsibilities.</summary>
/// <remarks>Equality compares every property ordinally.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WifProfile : IEquatable<WifProfile>
{
    /// <summary>Creates a profile.</summary>
    /// <param name="id">The id, unique within the organisation.</param>
    /// <param name="name">The name, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    public WifProfile(string id, string? name = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = name;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name, if any.</summary>
    public string? Name { get; }

    /// <inheritdoc />
    public bool Equals(WifProfile? other) => other is not null && Id == other.Id && Name == other.Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WifProfile other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name);

    /// <inheritdoc />
    public override string ToString() => Name is null ? Id : $"{Name} ({Id})";
}

/// <summary>
/// The members of a USM-WIF document that describe where the workflow comes from rather than what it is: document
/// type, context, source system, versions, and who created and changed it when.
/// </summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WifMetadata : IEquatable<WifMetadata>
{
    /// <summary>Creates metadata.</summary>
    /// <param name="documentType">Workflow or workflow template.</param>
    /// <param name="context">The context the slug is unique in (unique per source system instance).</param>
    /// <param name="sourceSystemType">The source system type, conventionally <c>vendor-domain:system</c>.</param>
    /// <param name="sourceSystemVersion">The source system's version.</param>
    /// <param name="sourceSystemInstance">The source system instance (globally unique together with the type).</param>
    /// <param name="workflowVersion">The workflow's own version.</param>
    /// <param name="createdAt">When the workflow was created.</param>
    /// <param name="modifiedAt">When the workflow was last changed.</param>
    /// <param name="createdBy">Who created it.</param>
    /// <param name="modifiedBy">Who last changed it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="documentType"/> is undefined.</exception>
    public WifMetadata(
        WifDocumentType documentType = WifDocumentType.Workflow,
        string? context = null,
        string? sourceSystemType = null,
        string? sourceSystemVersion = null,
        string? sourceSystemInstance = null,
        string? workflowVersion = null,
        Instant? createdAt = null,
        Instant? modifiedAt = null,
        WifPerson? createdBy = null,
        WifPerson? modifiedBy = null)
    {
        DocumentType = Preconditions.CheckDefined(documentType);
        Context = context;
        SourceSystemType = sourceSystemType;
        SourceSystemVersion = sourceSystemVersion;
        SourceSystemInstance = sourceSystemInstance;
        WorkflowVersion = workflowVersion;
        CreatedAt = createdAt;
        ModifiedAt = modifiedAt;
        CreatedBy = createdBy;
        ModifiedBy = modifiedBy;
    }

    /// <summary>Gets metadata for a plain workflow with nothing else set.</summary>
    public static WifMetadata Empty { get; } = new();

    /// <summary>Gets the document type.</summary>
    public WifDocumentType DocumentType { get; }

    /// <summary>Gets the context, if any.</summary>
    public string? Context { get; }

    /// <summary>Gets the source system type, if any.</summary>
    public string? SourceSystemType { get; }

    /// <summary>Gets the source system version, if any.</summary>
    public string? SourceSystemVersion { get; }

    /// <summary>Gets the source system instance, if any.</summary>
    public string? SourceSystemInstance { get; }

    /// <summary>Gets the workflow version, if any.</summary>
    public string? WorkflowVersion { get; }

    /// <summary>Gets the creation time, if any.</summary>
    public Instant? CreatedAt { get; }

    /// <summary>Gets the time of the last change, if any.</summary>
    public Instant? ModifiedAt { get; }

    /// <summary>Gets the creator, if any.</summary>
    public WifPerson? CreatedBy { get; }

    /// <summary>Gets the last modifier, if any.</summary>
    public WifPerson? ModifiedBy { get; }

    /// <summary>Returns a copy with another document type.</summary>
    /// <param name="documentType">The document type.</param>
    /// <returns>New metadata; this instance is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="documentType"/> is undefined.</exception>
    public WifMetadata WithDocumentType(WifDocumentType documentType) =>
        new(documentType, Context, SourceSystemType, SourceSystemVersion, SourceSystemInstance, WorkflowVersion, CreatedAt, ModifiedAt, CreatedBy, ModifiedBy);

    /// <inheritdoc />
    public bool Equals(WifMetadata? other) =>
        other is not null && DocumentType == other.DocumentType && Context == other.Context && SourceSystemType == other.SourceSystemType
        && SourceSystemVersion == other.SourceSystemVersion && SourceSystemInstance == other.SourceSystemInstance
        && WorkflowVersion == other.WorkflowVersion && CreatedAt == other.CreatedAt && ModifiedAt == other.ModifiedAt
        && Equals(CreatedBy, other.CreatedBy) && Equals(ModifiedBy, other.ModifiedBy);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WifMetadata other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(DocumentType);
        hash.Add(Context);
        hash.Add(SourceSystemType);
        hash.Add(SourceSystemVersion);
        hash.Add(SourceSystemInstance);
        hash.Add(WorkflowVersion);
        hash.Add(CreatedAt);
        hash.Add(ModifiedAt);
        hash.Add(CreatedBy);
        hash.Add(ModifiedBy);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"{DocumentType} in context '{Context}' from {SourceSystemType}";
}

/// <summary>A successfully imported USM-WIF document: the workflow, its metadata and profiles, and the findings.</summary>
/// <remarks>
/// <para><see cref="Findings"/> holds what the importer noticed but tolerated (the draft's quirks, generated ids, a
/// missing version on a template), with rule ids <c>USM-WIF-…</c>. <see cref="Conformance"/> holds what
/// <see cref="Conformance.ConformanceChecker"/> reports about the imported workflow against the method.</para>
/// <para>Findings never make an import fail; errors do, and are returned instead of this object. A nonconforming
/// workflow is imported, with its findings alongside.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class WifImportResult
{
    /// <summary>Creates an import result.</summary>
    /// <param name="workflow">The workflow.</param>
    /// <param name="metadata">The metadata.</param>
    /// <param name="profiles">The profiles the document declares (empty when it declares none).</param>
    /// <param name="findings">The importer's findings.</param>
    /// <param name="conformance">The conformance checker's findings on <paramref name="workflow"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="profiles"/> holds null.</exception>
    public WifImportResult(Workflow workflow, WifMetadata metadata, IEnumerable<WifProfile> profiles, FindingReport findings, FindingReport conformance)
    {
        Conformance = Preconditions.CheckNotNull(conformance);
        Workflow = Preconditions.CheckNotNull(workflow);
        Metadata = Preconditions.CheckNotNull(metadata);
        ArgumentNullException.ThrowIfNull(profiles);
        Profiles = [.. profiles];
        Preconditions.CheckArgument(Profiles.All(p => p is not null), nameof(profiles), "The profiles cannot hold null.");
        Findings = Preconditions.CheckNotNull(findings);
    }

    /// <summary>Gets the workflow; its <see cref="Workflow.Id"/> is the document's slug.</summary>
    public Workflow Workflow { get; }

    /// <summary>Gets the metadata.</summary>
    public WifMetadata Metadata { get; }

    /// <summary>Gets the declared profiles, in document order.</summary>
    public ImmutableArray<WifProfile> Profiles { get; }

    /// <summary>Gets what the importer noticed and tolerated.</summary>
    public FindingReport Findings { get; }

    /// <summary>Gets the conformance checker's findings on the workflow (with the default conformance options).</summary>
    public FindingReport Conformance { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Workflow} ({Findings.Findings.Length} import findings, {Conformance.Findings.Length} conformance findings)";
}

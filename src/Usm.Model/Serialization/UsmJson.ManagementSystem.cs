using System.Text.Json;
using NodaTime;
using Usm.Model.ManagementSystem;
using Usm.Model.Routines;

namespace Usm.Model.Serialization;

public static partial class UsmJson
{
    /// <summary>
    /// Writes a service management system document: parties and links, users and requesters, organisation units,
    /// profiles and people, separation principles, routines and patterns in use, technology (the SDC tool with its
    /// call registers and the MIR as its full change history), services and agreements.
    /// </summary>
    /// <param name="system">The system.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    public static string WriteManagementSystem(ServiceManagementSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var document = new ManagementSystemDocumentDto
        {
            FormatVersion = FormatVersion,
            Kind = KindName(UsmDocumentKind.ManagementSystem),
            ManagementSystem = ManagementSystemMapper.ToDto(system),
        };
        return JsonSerializer.Serialize(document, UsmJsonContext.Writer.ManagementSystemDocumentDto);
    }

    /// <summary>Reads a service management system document from text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The system, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="json"/> is null.</exception>
    public static ReadResult<ServiceManagementSystem> ReadManagementSystem(string json, ReaderOptions? options = null) =>
        Read(json, options, UsmDocumentKind.ManagementSystem, UsmJsonContext.Writer.ManagementSystemDocumentDto, (dto, ctx) => ManagementSystemMapper.FromDto(dto.ManagementSystem, ctx));

    /// <summary>Reads a service management system document from a UTF-8 stream. The stream is read to its end but not closed.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="options">The reader options, or null for <see cref="ReaderOptions.Default"/>.</param>
    /// <returns>The system, or every error found.</returns>
    /// <exception cref="ReadException"><paramref name="utf8Json"/> is null or cannot be read from.</exception>
    public static ReadResult<ServiceManagementSystem> ReadManagementSystem(Stream utf8Json, ReaderOptions? options = null) =>
        Read(utf8Json, options, UsmDocumentKind.ManagementSystem, UsmJsonContext.Writer.ManagementSystemDocumentDto, (dto, ctx) => ManagementSystemMapper.FromDto(dto.ManagementSystem, ctx));
}

/// <summary>Maps a service management system to and from its JSON shape.</summary>
internal static class ManagementSystemMapper
{
    private const string Root = "$.management-system";

    public static ManagementSystemDto ToDto(ServiceManagementSystem s) => new()
    {
        Id = s.Id,
        Name = s.Name,
        ProviderId = s.ProviderId,
        Disciplines = [.. s.Disciplines],
        ScopeTeamIds = [.. s.ScopeTeamIds],
        Parties = [.. s.Parties.Select(p => new PartyDto { Id = p.Id, Name = p.Name, Kind = Name(p.Kind), Description = p.Description })],
        Links = [.. s.Links.Select(l => new ProviderLinkDto { ProviderId = l.ProviderId, CustomerIds = [.. l.CustomerIds], SupplierIds = [.. l.SupplierIds], PartnerIds = [.. l.PartnerIds] })],
        Users = [.. s.Users.Select(u => new ServiceUserDto { Id = u.Id, Name = u.Name, CustomerId = u.CustomerId })],
        Requesters = [.. s.Requesters.Select(r => new RequesterDto { Id = r.Id, Name = r.Name, Kind = Name(r.Kind), ReferenceId = r.ReferenceId })],
        Units = [.. s.Units.Select(u => new OrganisationUnitDto { Id = u.Id, Name = u.Name, Kind = Name(u.Kind), ParentId = u.ParentId, Discipline = u.Discipline, SubDomain = u.SubDomain is { } d ? Name(d) : null })],
        Profiles = [.. s.Profiles.Select(p => new ProfileDto
        {
            Id = p.Id,
            Name = p.Name,
            UnitId = p.UnitId,
            Authorities = [.. p.Authorities],
            Responsibilities = [.. p.Responsibilities],
            Assignments = [.. p.Assignments.Select(a => new AssignmentDto { Verb = Name(a.Verb), ObjectKind = Name(a.ObjectKind), ObjectId = a.ObjectId })],
        })],
        People = [.. s.People.Select(p => new PersonDto { Id = p.Id, Name = p.Name, UnitId = p.UnitId, ProfileIds = [.. p.ProfileIds], Email = p.Email })],
        SeparationPrinciples = [.. s.SeparationPrinciples.Select(Name)],
        Routines = [.. s.Routines.Select(WorkflowMapper.ToDto)],
        PatternsInUse = [.. s.PatternsInUse.Select(p => p.Number)],
        Technology = new TechnologyDto
        {
            Strategy = Name(s.Technology.Strategy),
            SdcTool = new SdcToolDto
            {
                Name = s.Technology.SdcTool.Name,
                Registers = [.. s.Technology.SdcTool.Registers.Select(r => new CallRegisterDto { CallType = EnumNames.CallType.Name(r.CallType), Name = r.Name, RoutineIds = [.. r.RoutineIds] })],
                Mir = s.Technology.SdcTool.Mir is { } mir ? new MirDto { History = [.. mir.History.Select(ToDto)] } : null,
            },
            MechanisationTools = [.. s.Technology.MechanisationTools.Select(t => new ToolDto { Id = t.Id, Name = t.Name, Kind = Name(t.Purpose) })],
            NonAutomatedTools = [.. s.Technology.NonAutomatedTools.Select(t => new ToolDto { Id = t.Id, Name = t.Name, Kind = Name(t.Kind) })],
        },
        Services = [.. s.Services.Select(v => new ServiceDto
        {
            Id = v.Id,
            Name = v.Name,
            ProviderId = v.ProviderId,
            Discipline = v.Discipline,
            Goods = [.. v.Facility.Goods],
            Actions = [.. v.Facility.Actions],
            Support = v.Support,
            Functionality = [.. v.Functionality],
            Functioning = [.. v.Functioning.Select(m => new MetricDto { Id = m.Id, Name = m.Name, Unit = m.Unit, Direction = Name(m.Direction) })],
            ComponentServiceIds = [.. v.ComponentServiceIds],
            Contributions = [.. v.Contributions.Select(c => new ContributionDto { ContributorId = c.ContributorId, Kind = Name(c.Kind), Description = c.Description })],
            MicIds = [.. v.MicIds],
        })],
        Agreements = [.. s.Agreements.Select(a => new AgreementDto
        {
            Id = a.Id,
            Kind = Name(a.Kind),
            Name = a.Name,
            ProviderId = a.ProviderId,
            CounterpartyId = a.CounterpartyId,
            CoveredServiceIds = [.. a.CoveredServiceIds],
            ServiceLevels = [.. a.ServiceLevels.Select(l => new ServiceLevelDto { ServiceId = l.ServiceId, MetricId = l.MetricId, Target = l.Target })],
            Validity = a.Validity,
        })],
    };

    private static MirChangeDto ToDto(MirChange c) => new()
    {
        Kind = Name(c.Kind),
        MicId = c.MicId,
        At = c.At,
        Reason = c.Reason,
        ChangeId = c.ChangeId,
        State = c.State is not { } m ? null : new MicDto
        {
            Id = m.Id,
            Name = m.Name,
            Kind = Name(m.Kind),
            OwnerTeamId = m.OwnerTeamId,
            Attributes = m.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => (string?)a.Value, StringComparer.Ordinal),
            Relations = [.. m.Relations.Select(r => new MicRelationDto { Kind = r.Kind, TargetMicId = r.TargetMicId })],
        },
    };

    private static string Name<T>(T value)
        where T : struct, Enum => KebabEnum<T>.Table.Name(value);

    private static T? Enum<T>(string? text, string path, JsonReadContext ctx)
        where T : struct, Enum => KebabEnum<T>.Table.Read(text, path, ctx, "a " + typeof(T).Name);

    public static ServiceManagementSystem? FromDto(ManagementSystemDto? d, JsonReadContext ctx)
    {
        if (d is null)
        {
            ctx.Error(ReadErrorCode.MissingMember, Root, "The required member 'management-system' is missing.");
            return null;
        }

        string P(string member) => JsonPaths.Member(Root, member);
        // Repeated ids within a list are read as they are: the model accepts them, and Validate reports them
        // (USM-SMS-014), so a tool can load any system it wrote and ask what is wrong with it.
        var parties = Items(d.Parties, P("parties"), ctx, (x, at) =>
            Enum<PartyKind>(x.Kind, JsonPaths.Member(at, "kind"), ctx) is { } kind ? ctx.Build(at, () => new Party(x.Id!, x.Name!, kind, x.Description)) : null);
        var links = Items(d.Links, P("links"), ctx, (x, at) =>
            ctx.Build(at, () => new ProviderLink(x.ProviderId!, Strings(x.CustomerIds, JsonPaths.Member(at, "customer-ids"), ctx), Strings(x.SupplierIds, JsonPaths.Member(at, "supplier-ids"), ctx), Strings(x.PartnerIds, JsonPaths.Member(at, "partner-ids"), ctx))));
        var users = Items(d.Users, P("users"), ctx, (x, at) => ctx.Build(at, () => new ServiceUser(x.Id!, x.Name!, x.CustomerId!)));
        var requesters = Items(d.Requesters, P("requesters"), ctx, (x, at) =>
            Enum<RequesterKind>(x.Kind, JsonPaths.Member(at, "kind"), ctx) is { } kind ? ctx.Build(at, () => new Requester(x.Id!, x.Name!, kind, x.ReferenceId)) : null);
        var units = Items(d.Units, P("units"), ctx, (x, at) =>
        {
            var kind = Enum<OrganisationUnitKind>(x.Kind, JsonPaths.Member(at, "kind"), ctx);
            TaskSubDomain? sub = x.SubDomain is null ? null : Enum<TaskSubDomain>(x.SubDomain, JsonPaths.Member(at, "sub-domain"), ctx);
            return kind is null || (x.SubDomain is not null && sub is null) ? null : ctx.Build(at, () => new OrganisationUnit(x.Id!, x.Name!, kind.Value, x.ParentId, x.Discipline, sub));
        });
        var profiles = Items(d.Profiles, P("profiles"), ctx, (x, at) =>
        {
            var assignments = Items(x.Assignments, JsonPaths.Member(at, "assignments"), ctx, (a, aAt) =>
            {
                var verb = Enum<ManagementVerb>(a.Verb, JsonPaths.Member(aAt, "verb"), ctx);
                var objectKind = Enum<ManagedObjectKind>(a.ObjectKind, JsonPaths.Member(aAt, "object-kind"), ctx);
                return verb is null || objectKind is null ? null : ctx.Build(aAt, () => new ManagementAssignment(verb.Value, objectKind.Value, a.ObjectId!));
            });
            var authorities = Strings(x.Authorities, JsonPaths.Member(at, "authorities"), ctx);
            var responsibilities = Strings(x.Responsibilities, JsonPaths.Member(at, "responsibilities"), ctx);
            return assignments is null ? null : ctx.Build(at, () => new Profile(x.Id!, x.Name!, x.UnitId, authorities, responsibilities, assignments));
        });
        var people = Items(d.People, P("people"), ctx, (x, at) =>
            ctx.Build(at, () => new Person(x.Id!, x.Name!, x.UnitId!, Strings(x.ProfileIds, JsonPaths.Member(at, "profile-ids"), ctx), x.Email)));
        var principles = new List<SeparationPrinciple>();
        for (var i = 0; i < (d.SeparationPrinciples?.Count ?? 0); i++)
        {
            if (Enum<SeparationPrinciple>(d.SeparationPrinciples![i], JsonPaths.Index(P("separation-principles"), i), ctx) is { } principle)
            {
                principles.Add(principle);
            }
        }

        var routines = Items(d.Routines, P("routines"), ctx, (x, at) => WorkflowMapper.FromDto(x, at, ctx));
        var patterns = new List<WorkflowPattern>();
        for (var i = 0; i < (d.PatternsInUse?.Count ?? 0); i++)
        {
            var number = d.PatternsInUse![i];
            if (number is < 1 or > 8)
            {
                ctx.Error(ReadErrorCode.NumberOutOfRange, JsonPaths.Index(P("patterns-in-use"), i), $"Workflow pattern {number} does not exist (expected 1 to 8).");
                continue;
            }

            patterns.Add(WorkflowPattern.FromNumber(number));
        }

        var technology = TechnologyFromDto(d.Technology, P("technology"), ctx);
        var services = Items(d.Services, P("services"), ctx, (x, at) =>
        {
            var functioning = Items(x.Functioning, JsonPaths.Member(at, "functioning"), ctx, (m, mAt) =>
                Enum<MetricDirection>(m.Direction, JsonPaths.Member(mAt, "direction"), ctx) is { } dir ? ctx.Build(mAt, () => new FunctioningMetric(m.Id!, m.Name!, m.Unit!, dir)) : null);
            var contributions = Items(x.Contributions, JsonPaths.Member(at, "contributions"), ctx, (c, cAt) =>
                Enum<ContributorKind>(c.Kind, JsonPaths.Member(cAt, "kind"), ctx) is { } kind ? ctx.Build(cAt, () => new Contribution(c.ContributorId!, kind, c.Description!)) : null);
            var facility = ctx.Build(at, () => new Facility(Strings(x.Goods, JsonPaths.Member(at, "goods"), ctx), Strings(x.Actions, JsonPaths.Member(at, "actions"), ctx)));
            return functioning is null || contributions is null || facility is null ? null
                : ctx.Build(at, () => new Service(x.Id!, x.Name!, x.ProviderId!, x.Discipline!, facility, x.Support!, Strings(x.Functionality, JsonPaths.Member(at, "functionality"), ctx),
                    functioning, Strings(x.ComponentServiceIds, JsonPaths.Member(at, "component-service-ids"), ctx), contributions, Strings(x.MicIds, JsonPaths.Member(at, "mic-ids"), ctx)));
        });
        var agreements = Items(d.Agreements, P("agreements"), ctx, (x, at) =>
        {
            var kind = Enum<AgreementKind>(x.Kind, JsonPaths.Member(at, "kind"), ctx);
            var levels = Items(x.ServiceLevels, JsonPaths.Member(at, "service-levels"), ctx, (l, lAt) =>
                l.Target is null ? Missing<ServiceLevel>(JsonPaths.Member(lAt, "target"), ctx) : ctx.Build(lAt, () => new ServiceLevel(l.ServiceId!, l.MetricId!, l.Target.Value)));
            if (x.Validity is null)
            {
                return Missing<Agreement>(JsonPaths.Member(at, "validity"), ctx);
            }

            return kind is null || levels is null ? null
                : ctx.Build(at, () => new Agreement(x.Id!, kind.Value, x.Name!, x.ProviderId!, x.CounterpartyId!, Strings(x.CoveredServiceIds, JsonPaths.Member(at, "covered-service-ids"), ctx) ?? [], levels, x.Validity));
        });

        if (ctx.HasErrors)
        {
            return null;
        }

        return ctx.Build(Root, () => new ServiceManagementSystem(d.Id!, d.Name!, d.ProviderId!, Strings(d.Disciplines, P("disciplines"), ctx), Strings(d.ScopeTeamIds, P("scope-team-ids"), ctx),
            parties, links, users, requesters, units, profiles, people, principles, routines, patterns, technology!, services, agreements));
    }

    private static Technology? TechnologyFromDto(TechnologyDto? d, string path, JsonReadContext ctx)
    {
        if (d is null)
        {
            return Missing<Technology>(path, ctx);
        }

        var strategy = Enum<ToolingStrategy>(d.Strategy, JsonPaths.Member(path, "strategy"), ctx);
        var sdcPath = JsonPaths.Member(path, "sdc-tool");
        SdcTool? sdc = null;
        if (d.SdcTool is not { } s)
        {
            Missing<SdcTool>(sdcPath, ctx);
        }
        else
        {
            var registers = Items(s.Registers, JsonPaths.Member(sdcPath, "registers"), ctx, (r, at) =>
                EnumNames.CallType.Read(r.CallType, JsonPaths.Member(at, "call-type"), ctx, "a call type") is { } type
                    ? ctx.Build(at, () => new CallRegister(type, Strings(r.RoutineIds, JsonPaths.Member(at, "routine-ids"), ctx), r.Name))
                    : null);
            ManagedInfrastructureRegister? mir = null;
            var mirPath = JsonPaths.Member(sdcPath, "mir");
            if (s.Mir is { } m)
            {
                var history = Items(m.History, JsonPaths.Member(mirPath, "history"), ctx, (c, at) => MirChangeFromDto(c, at, ctx));
                mir = history is null ? null : ctx.Build(mirPath, () => new ManagedInfrastructureRegister(history));
            }

            if (registers is not null && (s.Mir is null || mir is not null))
            {
                sdc = ctx.Build(sdcPath, () => new SdcTool(s.Name!, registers, mir));
            }
        }

        var mechanisation = Items(d.MechanisationTools, JsonPaths.Member(path, "mechanisation-tools"), ctx, (t, at) =>
            Enum<ToolPurpose>(t.Kind, JsonPaths.Member(at, "kind"), ctx) is { } purpose ? ctx.Build(at, () => new MechanisationTool(t.Id!, t.Name!, purpose)) : null);
        var manual = Items(d.NonAutomatedTools, JsonPaths.Member(path, "non-automated-tools"), ctx, (t, at) =>
            Enum<NonAutomatedToolKind>(t.Kind, JsonPaths.Member(at, "kind"), ctx) is { } kind ? ctx.Build(at, () => new NonAutomatedTool(t.Id!, t.Name!, kind)) : null);
        return strategy is null || sdc is null || mechanisation is null || manual is null ? null
            : ctx.Build(path, () => new Technology(sdc, strategy.Value, mechanisation, manual));
    }

    private static MirChange? MirChangeFromDto(MirChangeDto c, string at, JsonReadContext ctx)
    {
        var kind = Enum<MirChangeKind>(c.Kind, JsonPaths.Member(at, "kind"), ctx);
        if (c.At is null)
        {
            return Missing<MirChange>(JsonPaths.Member(at, "at"), ctx);
        }

        ManagedInfrastructureComponent? state = null;
        if (c.State is { } m)
        {
            var statePath = JsonPaths.Member(at, "state");
            var micKind = Enum<MicKind>(m.Kind, JsonPaths.Member(statePath, "kind"), ctx);
            var relations = Items(m.Relations, JsonPaths.Member(statePath, "relations"), ctx, (r, rAt) => ctx.Build(rAt, () => new MicRelation(r.Kind!, r.TargetMicId!)));
            var attributes = new List<KeyValuePair<string, string>>();
            foreach (var (key, value) in m.Attributes ?? [])
            {
                if (value is null)
                {
                    ctx.Error(ReadErrorCode.WrongType, JsonPaths.Member(JsonPaths.Member(statePath, "attributes"), key), "Expected a string but found null.");
                    continue;
                }

                attributes.Add(new(key, value));
            }

            if (micKind is null || relations is null)
            {
                return null;
            }

            state = ctx.Build(statePath, () => new ManagedInfrastructureComponent(m.Id!, m.Name!, micKind.Value, m.OwnerTeamId!, attributes, relations));
            if (state is null)
            {
                return null;
            }
        }

        Instant at2 = c.At.Value;
        return kind is null ? null : ctx.Build(at, () => new MirChange(kind.Value, c.MicId!, at2, c.Reason!, c.ChangeId, state));
    }

    internal static T? Missing<T>(string path, JsonReadContext ctx)
        where T : class
    {
        ctx.Error(ReadErrorCode.MissingMember, path, $"The required member '{path[(path.LastIndexOf('.') + 1)..]}' is missing.");
        return null;
    }

    internal static List<string>? Strings(List<string?>? values, string path, JsonReadContext ctx)
    {
        if (values is null)
        {
            return null;
        }

        var result = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                result.Add(v);
            }
            else
            {
                ctx.Error(ReadErrorCode.WrongType, JsonPaths.Index(path, i), "Expected a string but found null.");
            }
        }

        return result;
    }

    // Maps each item; a null item or a failed mapping is reported and makes the whole list fail (returns null).
    internal static List<TModel>? Items<TDto, TModel>(List<TDto?>? dtos, string path, JsonReadContext ctx, Func<TDto, string, TModel?> map, Func<TModel, string>? idOf = null)
        where TDto : class
        where TModel : class
    {
        var result = new List<TModel>();
        var ids = idOf is null ? null : new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            var at = JsonPaths.Index(path, i);
            if (dtos![i] is not { } dto)
            {
                ctx.Error(ReadErrorCode.WrongType, at, "Expected an object but found null.");
                ok = false;
                continue;
            }

            var before = ctx.Errors.Count;
            var item = map(dto, at);
            if (item is null || ctx.Errors.Count > before)
            {
                ok = false;
                continue;
            }

            if (ids is not null && !ids.Add(idOf!(item)))
            {
                ctx.Error(ReadErrorCode.DuplicateId, JsonPaths.Member(at, "id"), $"Id '{JsonReadContext.Shorten(idOf(item))}' is used by an earlier item of this list.");
                ok = false;
                continue;
            }

            result.Add(item);
        }

        return ok ? result : null;
    }
}

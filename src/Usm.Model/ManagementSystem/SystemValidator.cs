using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.ManagementSystem;

/// <summary>The stable rule ids of <see cref="ServiceManagementSystem.Validate"/>. See docs/management-system.md for the rules table.</summary>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class SystemRules
{
    /// <summary>USM-SMS-001: every process has a process manager (a profile that manages it, held by at least one person).</summary>
    public const string ProcessManager = "USM-SMS-001";

    /// <summary>USM-SMS-002: every pattern in use has a conforming routine.</summary>
    public const string PatternRoutine = "USM-SMS-002";

    /// <summary>USM-SMS-003: every catalogue service is covered by at least one service agreement.</summary>
    public const string ServiceCovered = "USM-SMS-003";

    /// <summary>USM-SMS-004: every service agreement is underpinned by OLAs and UCs for the same period.</summary>
    public const string Underpinned = "USM-SMS-004";

    /// <summary>USM-SMS-005: the SDC tool has a call register for every call type.</summary>
    public const string CallRegisters = "USM-SMS-005";

    /// <summary>USM-SMS-006: the SDC tool has a managed infrastructure register.</summary>
    public const string HasMir = "USM-SMS-006";

    /// <summary>USM-SMS-007: every MIC has an owner team that exists.</summary>
    public const string MicOwner = "USM-SMS-007";

    /// <summary>USM-SMS-008: every referenced profile exists.</summary>
    public const string ProfileExists = "USM-SMS-008";

    /// <summary>USM-SMS-009: every referenced organisation unit or team exists (and is a team where a team is required).</summary>
    public const string UnitExists = "USM-SMS-009";

    /// <summary>USM-SMS-010: every referenced service exists.</summary>
    public const string ServiceExists = "USM-SMS-010";

    /// <summary>USM-SMS-011: every referenced MIC exists in the MIR.</summary>
    public const string MicExists = "USM-SMS-011";

    /// <summary>USM-SMS-012: every referenced party exists.</summary>
    public const string PartyExists = "USM-SMS-012";

    /// <summary>USM-SMS-013: every routine named by a call register exists and is triggered by that register's call type.</summary>
    public const string RegisterRoutine = "USM-SMS-013";

    /// <summary>USM-SMS-014: ids are unique within each kind of part.</summary>
    public const string UniqueIds = "USM-SMS-014";

    /// <summary>USM-SMS-015: the supply network has no cycle.</summary>
    public const string SupplyCycle = "USM-SMS-015";

    /// <summary>USM-SMS-016: the composition of services has no cycle.</summary>
    public const string CompositionCycle = "USM-SMS-016";

    /// <summary>USM-SMS-017: the organisation units form one tree.</summary>
    public const string OrganisationTree = "USM-SMS-017";

    /// <summary>USM-SMS-018: every service level names a functioning metric of a service the agreement covers.</summary>
    public const string ServiceLevelMetric = "USM-SMS-018";

    /// <summary>USM-SMS-019: agreement parties fit the kind: an SA with a customer, an OLA with a team, a UC with a supplier.</summary>
    public const string AgreementParties = "USM-SMS-019";

    /// <summary>USM-SMS-020 (warning): under process-based working, no person is both a process manager and a line manager.</summary>
    public const string ProcessBasedWorking = "USM-SMS-020";

    /// <summary>USM-SMS-021 (warning): under domain separation, no person holds profiles in both a specifying and a realising unit.</summary>
    public const string DomainSeparation = "USM-SMS-021";

    /// <summary>USM-SMS-022: a management assignment on a process names one of the five processes.</summary>
    public const string ProcessObject = "USM-SMS-022";

    /// <summary>USM-SMS-023: every requester's reference exists: a user requester names a user, a staff requester names a person.</summary>
    public const string RequesterReference = "USM-SMS-023";

    /// <summary>Gets every rule id, in order.</summary>
    public static ImmutableArray<string> All { get; } =
    [
        ProcessManager, PatternRoutine, ServiceCovered, Underpinned, CallRegisters, HasMir, MicOwner, ProfileExists, UnitExists, ServiceExists, MicExists,
        PartyExists, RegisterRoutine, UniqueIds, SupplyCycle, CompositionCycle, OrganisationTree, ServiceLevelMetric, AgreementParties, ProcessBasedWorking,
        DomainSeparation, ProcessObject, RequesterReference,
    ];

    /// <summary>Gets the rule ids that report an unknown reference; the builder refuses to build a system with any of them.</summary>
    public static ImmutableArray<string> ReferenceRules { get; } = [MicOwner, ProfileExists, UnitExists, ServiceExists, MicExists, PartyExists, RegisterRoutine, ProcessObject, RequesterReference];
}

/// <summary>The checks behind <see cref="ServiceManagementSystem.Validate"/>.</summary>
internal static class SystemValidator
{
    public static FindingReport Validate(ServiceManagementSystem s)
    {
        var f = new List<Finding>();
        var parties = s.Parties.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var units = s.Units.GroupBy(u => u.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var profiles = s.Profiles.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var mir = s.Mir;

        void Add(string rule, string path, string? subject, FormattableString message, FindingSeverity severity = FindingSeverity.Error) =>
            f.Add(new Finding(rule, severity, Preconditions.Invariant(message), path, subject));

        static string P(string collection, string id) => $"{collection}['{id}']";

        // USM-SMS-014: unique ids per kind.
        CheckUnique("parties", s.Parties.Select(x => x.Id));
        CheckUnique("units", s.Units.Select(x => x.Id));
        CheckUnique("profiles", s.Profiles.Select(x => x.Id));
        CheckUnique("people", s.People.Select(x => x.Id));
        CheckUnique("users", s.Users.Select(x => x.Id));
        CheckUnique("requesters", s.Requesters.Select(x => x.Id));
        CheckUnique("routines", s.Routines.Select(x => x.Id));
        CheckUnique("services", s.Services.Select(x => x.Id));
        CheckUnique("agreements", s.Agreements.Select(x => x.Id));
        CheckUnique("mechanisationTools", s.Technology.MechanisationTools.Select(x => x.Id));
        CheckUnique("nonAutomatedTools", s.Technology.NonAutomatedTools.Select(x => x.Id));
        foreach (var service in s.Services)
        {
            CheckUnique(P("services", service.Id) + ".functioning", service.Functioning.Select(m => m.Id));
        }

        void CheckUnique(string collection, IEnumerable<string> ids)
        {
            foreach (var g in ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Add(SystemRules.UniqueIds, P(collection, g.Key), g.Key, $"The id '{g.Key}' occurs {g.Count()} times in {collection}.");
            }
        }

        // USM-SMS-012: parties.
        CheckParty("providerId", s.ProviderId);
        foreach (var link in s.Links)
        {
            var path = P("links", link.ProviderId);
            CheckParty(path + ".providerId", link.ProviderId);
            foreach (var id in link.CustomerIds.Concat(link.SupplierIds).Concat(link.PartnerIds))
            {
                CheckParty(path, id);
            }
        }

        foreach (var user in s.Users)
        {
            CheckParty(P("users", user.Id) + ".customerId", user.CustomerId);
        }

        foreach (var service in s.Services)
        {
            CheckParty(P("services", service.Id) + ".providerId", service.ProviderId);
            foreach (var c in service.Contributions.Where(c => c.Kind == ContributorKind.Supplier))
            {
                CheckParty(P("services", service.Id) + P(".contributions", c.ContributorId), c.ContributorId);
            }
        }

        foreach (var a in s.Agreements)
        {
            if (a.Kind != AgreementKind.OperationalLevelAgreement)
            {
                CheckParty(P("agreements", a.Id) + ".providerId", a.ProviderId);
            }

            CheckParty(P("agreements", a.Id) + ".counterpartyId", a.CounterpartyId);
        }

        void CheckParty(string path, string id)
        {
            if (!parties.Contains(id))
            {
                Add(SystemRules.PartyExists, path, id, $"The party '{id}' does not exist.");
            }
        }

        // USM-SMS-023: requesters.
        var users = s.Users.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var people = s.People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var r in s.Requesters)
        {
            var path = P("requesters", r.Id) + ".referenceId";
            if (r.Kind == RequesterKind.User && (r.ReferenceId is null || !users.Contains(r.ReferenceId)))
            {
                Add(SystemRules.RequesterReference, path, r.Id, $"Requester '{r.Id}' is a user, but '{r.ReferenceId}' is not a user of the system.");
            }
            else if (r.Kind == RequesterKind.Staff && (r.ReferenceId is null || !people.Contains(r.ReferenceId)))
            {
                Add(SystemRules.RequesterReference, path, r.Id, $"Requester '{r.Id}' is staff, but '{r.ReferenceId}' is not a person of the system.");
            }
        }

        // USM-SMS-009: organisation units and teams.
        foreach (var u in s.Units.Where(u => u.ParentId is not null))
        {
            CheckUnit(P("units", u.Id) + ".parentId", u.ParentId!, teamRequired: false);
        }

        foreach (var id in s.ScopeTeamIds)
        {
            CheckUnit(P("scopeTeamIds", id), id, teamRequired: true);
        }

        foreach (var p in s.People)
        {
            CheckUnit(P("people", p.Id) + ".unitId", p.UnitId, teamRequired: false);
        }

        foreach (var p in s.Profiles)
        {
            if (p.UnitId is not null)
            {
                CheckUnit(P("profiles", p.Id) + ".unitId", p.UnitId, teamRequired: false);
            }

            foreach (var a in p.Assignments.Where(a => a.ObjectKind == ManagedObjectKind.Team))
            {
                CheckUnit(P("profiles", p.Id) + P(".assignments", a.ObjectId), a.ObjectId, teamRequired: true);
            }
        }

        foreach (var service in s.Services)
        {
            foreach (var c in service.Contributions.Where(c => c.Kind == ContributorKind.Team))
            {
                CheckUnit(P("services", service.Id) + P(".contributions", c.ContributorId), c.ContributorId, teamRequired: true);
            }
        }

        foreach (var a in s.Agreements.Where(a => a.Kind == AgreementKind.OperationalLevelAgreement))
        {
            CheckUnit(P("agreements", a.Id) + ".providerId", a.ProviderId, teamRequired: true);
        }

        void CheckUnit(string path, string id, bool teamRequired)
        {
            if (!units.TryGetValue(id, out var unit))
            {
                Add(SystemRules.UnitExists, path, id, $"The organisation unit '{id}' does not exist.");
            }
            else if (teamRequired && unit.Kind != OrganisationUnitKind.Team)
            {
                Add(SystemRules.UnitExists, path, id, $"The organisation unit '{id}' is a {unit.Kind}, but a team is required here.");
            }
        }

        // USM-SMS-008: profiles.
        foreach (var p in s.People)
        {
            foreach (var id in p.ProfileIds.Where(id => !profiles.ContainsKey(id)))
            {
                Add(SystemRules.ProfileExists, P("people", p.Id) + P(".profileIds", id), id, $"Person '{p.Id}' holds the profile '{id}', which does not exist.");
            }
        }

        foreach (var w in s.Routines)
        {
            var ids = w.AllSteps.SelectMany(st => st.Activities).SelectMany(a => a.Responsibilities).Select(r => r.ProfileId).Distinct(StringComparer.Ordinal);
            foreach (var id in ids.Where(id => !profiles.ContainsKey(id)))
            {
                Add(SystemRules.ProfileExists, P("routines", w.Id), id, $"Routine '{w.Id}' gives a responsibility to the profile '{id}', which does not exist.");
            }
        }

        // USM-SMS-022: process objects.
        foreach (var p in s.Profiles)
        {
            foreach (var a in p.Assignments.Where(a => a.ObjectKind == ManagedObjectKind.Process && a.Process is null))
            {
                Add(SystemRules.ProcessObject, P("profiles", p.Id) + P(".assignments", a.ObjectId), a.ObjectId, $"Profile '{p.Id}' is assigned to the process '{a.ObjectId}', which is not one of the five USM processes.");
            }
        }

        // USM-SMS-010: services.
        foreach (var service in s.Services)
        {
            foreach (var id in service.ComponentServiceIds)
            {
                CheckService(P("services", service.Id) + P(".components", id), id);
            }
        }

        foreach (var a in s.Agreements)
        {
            foreach (var id in a.CoveredServiceIds)
            {
                CheckService(P("agreements", a.Id) + P(".services", id), id);
            }
        }

        foreach (var p in s.Profiles)
        {
            foreach (var a in p.Assignments.Where(a => a.ObjectKind == ManagedObjectKind.Service))
            {
                CheckService(P("profiles", p.Id) + P(".assignments", a.ObjectId), a.ObjectId);
            }
        }

        void CheckService(string path, string id)
        {
            if (s.Catalogue.Find(id) is null)
            {
                Add(SystemRules.ServiceExists, path, id, $"The service '{id}' does not exist.");
            }
        }

        // USM-SMS-011: MICs.
        foreach (var service in s.Services)
        {
            foreach (var id in service.MicIds)
            {
                CheckMic(P("services", service.Id) + P(".mics", id), id);
            }
        }

        if (mir is not null)
        {
            foreach (var mic in mir.Components)
            {
                foreach (var r in mic.Relations)
                {
                    CheckMic(P("mir", mic.Id) + P(".relations", r.TargetMicId), r.TargetMicId);
                }
            }
        }

        foreach (var p in s.Profiles)
        {
            foreach (var a in p.Assignments.Where(a => a.ObjectKind == ManagedObjectKind.Mic))
            {
                CheckMic(P("profiles", p.Id) + P(".assignments", a.ObjectId), a.ObjectId);
            }
        }

        void CheckMic(string path, string id)
        {
            if (mir?.Find(id) is null)
            {
                Add(SystemRules.MicExists, path, id, $"The MIC '{id}' does not exist in the MIR.");
            }
        }

        // USM-SMS-007: MIC owners.
        foreach (var mic in mir?.Components ?? [])
        {
            if (!units.TryGetValue(mic.OwnerTeamId, out var unit) || unit.Kind != OrganisationUnitKind.Team)
            {
                Add(SystemRules.MicOwner, P("mir", mic.Id) + ".ownerTeamId", mic.Id, $"MIC '{mic.Id}' is owned by '{mic.OwnerTeamId}', which is not a team of the organisation.");
            }
        }

        // USM-SMS-005, 006, 013: SDC tool.
        var sdc = s.Technology.SdcTool;
        foreach (var callType in UsmProcesses.AllCallTypes.Where(c => sdc.RegisterFor(c) is null))
        {
            Add(SystemRules.CallRegisters, "technology.sdcTool.registers", callType.ToString(), $"The SDC tool has no call register for {callType}.");
        }

        if (mir is null)
        {
            Add(SystemRules.HasMir, "technology.sdcTool.mir", null, $"The SDC tool has no managed infrastructure register.");
        }

        var routines = s.Routines.GroupBy(w => w.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var register in sdc.Registers)
        {
            foreach (var id in register.RoutineIds)
            {
                var path = P("technology.sdcTool.registers", register.CallType.ToString()) + P(".routines", id);
                if (!routines.TryGetValue(id, out var routine))
                {
                    Add(SystemRules.RegisterRoutine, path, id, $"The {register.CallType} register names the routine '{id}', which does not exist.");
                }
                else if (routine.Trigger != register.CallType)
                {
                    Add(SystemRules.RegisterRoutine, path, id, $"The {register.CallType} register names the routine '{id}', which is triggered by {routine.Trigger}.");
                }
            }
        }

        // USM-SMS-001: process managers.
        var held = s.People.SelectMany(p => p.ProfileIds).ToHashSet(StringComparer.Ordinal);
        foreach (var process in UsmProcesses.All)
        {
            var managers = s.Profiles.Where(p => p.ManagedProcesses.Contains(process)).Select(p => p.Id).ToList();
            if (managers.Count == 0)
            {
                Add(SystemRules.ProcessManager, P("processes", UsmProcesses.Code(process)), UsmProcesses.Code(process), $"No profile manages the process {process} ({UsmProcesses.Code(process)}).");
            }
            else if (!managers.Any(held.Contains))
            {
                Add(SystemRules.ProcessManager, P("processes", UsmProcesses.Code(process)), UsmProcesses.Code(process), $"The process {process} has process-manager profiles ({string.Join(", ", managers.Order(StringComparer.Ordinal))}) but nobody holds them.");
            }
        }

        // USM-SMS-002: a conforming routine per pattern in use. A routine counts only if the conformance checker finds no
        // error in it (with the system's profiles as the known profiles); its own findings are the checker's to report.
        var options = new Conformance.ConformanceOptions(s.Profiles.Select(p => p.Id));
        var followed = s.Routines.Where(w => Conformance.ConformanceChecker.Check(w, options).IsConforming)
            .SelectMany(w => w.Patterns.Where(p => p.Trigger == w.Trigger)).ToHashSet();
        foreach (var pattern in s.PatternsInUse)
        {
            if (!followed.Contains(pattern))
            {
                Add(SystemRules.PatternRoutine, P("patternsInUse", pattern.Code), pattern.Code, $"No routine triggered by {pattern.Trigger} follows the pattern {pattern.Code} ({string.Join(" → ", pattern.Processes)}).");
            }
        }

        // USM-SMS-003: coverage by SAs.
        var covered = s.Agreements.Where(a => a.Kind == AgreementKind.ServiceAgreement).SelectMany(a => a.CoveredServiceIds).ToHashSet(StringComparer.Ordinal);
        foreach (var service in s.Services.Where(x => !covered.Contains(x.Id)))
        {
            Add(SystemRules.ServiceCovered, P("services", service.Id), service.Id, $"The service '{service.Id}' is in the catalogue but no service agreement covers it.");
        }

        // USM-SMS-004: underpinning.
        foreach (var gap in s.FindUnderpinningGaps())
        {
            var kind = gap.RequiredKind == AgreementKind.OperationalLevelAgreement ? "an OLA" : "a UC";
            if (gap.ViaServiceId is { } via)
            {
                Add(SystemRules.Underpinned, P("agreements", gap.AgreementId) + P(".services", via), gap.AgreementId, $"SA '{gap.AgreementId}' covers '{via}', which is composed of '{gap.ServiceId}', but the contribution of '{gap.ContributorId}' to '{gap.ServiceId}' is not covered by {kind} for the whole SA period.");
            }
            else
            {
                Add(SystemRules.Underpinned, P("agreements", gap.AgreementId) + P(".services", gap.ServiceId), gap.AgreementId, $"SA '{gap.AgreementId}' covers '{gap.ServiceId}', but the contribution of '{gap.ContributorId}' is not covered by {kind} for the whole SA period.");
            }
        }

        // USM-SMS-015: supply cycle.
        var cycle = s.Network.FindCycle();
        if (!cycle.IsEmpty)
        {
            Add(SystemRules.SupplyCycle, P("links", cycle[0]), cycle[0], $"The supply network has a cycle: {string.Join(" → ", cycle)}.");
        }

        // USM-SMS-016: composition cycle.
        var composition = s.Catalogue.FindCompositionCycle();
        if (!composition.IsEmpty)
        {
            Add(SystemRules.CompositionCycle, P("services", composition[0]), composition[0], $"The service composition has a cycle: {string.Join(" → ", composition)}.");
        }

        // USM-SMS-017: one tree.
        CheckTree();

        void CheckTree()
        {
            if (s.Units.IsEmpty)
            {
                Add(SystemRules.OrganisationTree, "units", null, $"The organisation has no units.");
                return;
            }

            var roots = units.Values.Where(u => u.ParentId is null).Select(u => u.Id).Order(StringComparer.Ordinal).ToList();
            if (roots.Count != 1)
            {
                Add(SystemRules.OrganisationTree, "units", null, $"The organisation units must have exactly one root, but have {roots.Count}: {string.Join(", ", roots)}.");
            }

            var unitCycle = Graphs.FindCycle(units.Keys, id => units[id].ParentId is { } parent && units.ContainsKey(parent) ? [parent] : []);
            if (!unitCycle.IsEmpty)
            {
                var first = unitCycle.Take(unitCycle.Length - 1).Order(StringComparer.Ordinal).First();
                Add(SystemRules.OrganisationTree, P("units", first), first, $"The organisation units have a parent cycle through '{first}'.");
            }
        }

        // USM-SMS-018: service levels.
        foreach (var a in s.Agreements)
        {
            foreach (var level in a.ServiceLevels)
            {
                var path = P("agreements", a.Id) + P(".serviceLevels", level.ServiceId + "/" + level.MetricId);
                if (!a.Covers(level.ServiceId))
                {
                    Add(SystemRules.ServiceLevelMetric, path, level.MetricId, $"Agreement '{a.Id}' sets a level for '{level.ServiceId}', which it does not cover.");
                }
                else if (s.Catalogue.Find(level.ServiceId) is { } service && !service.Functioning.Any(m => m.Id == level.MetricId))
                {
                    Add(SystemRules.ServiceLevelMetric, path, level.MetricId, $"Agreement '{a.Id}' sets a level for '{level.MetricId}', which is not a functioning metric of '{level.ServiceId}'.");
                }
            }
        }

        // USM-SMS-019: agreement parties.
        foreach (var a in s.Agreements)
        {
            var path = P("agreements", a.Id);
            switch (a.Kind)
            {
                case AgreementKind.ServiceAgreement when !s.Links.Any(l => l.ProviderId == a.ProviderId && l.CustomerIds.Contains(a.CounterpartyId)):
                    Add(SystemRules.AgreementParties, path, a.Id, $"SA '{a.Id}' is with '{a.CounterpartyId}', which is not a customer of '{a.ProviderId}' in any link.");
                    break;
                case AgreementKind.UnderpinningContract when !s.Links.Any(l => l.ProviderId == a.CounterpartyId && l.SupplierIds.Contains(a.ProviderId)):
                    Add(SystemRules.AgreementParties, path, a.Id, $"UC '{a.Id}' is with '{a.ProviderId}', which is not a supplier of '{a.CounterpartyId}' in any link.");
                    break;
                case AgreementKind.OperationalLevelAgreement when a.CounterpartyId != s.ProviderId:
                    Add(SystemRules.AgreementParties, path, a.Id, $"OLA '{a.Id}' is agreed with '{a.CounterpartyId}', not with the service provider '{s.ProviderId}'.");
                    break;
            }
        }

        // USM-SMS-020, 021: separation of duties.
        if (s.SeparationPrinciples.Contains(SeparationPrinciple.ProcessBasedWorking))
        {
            foreach (var person in s.People)
            {
                var held2 = person.ProfileIds.Select(id => profiles.GetValueOrDefault(id)).OfType<Profile>().ToList();
                if (held2.Any(p => p.IsProcessManager) && held2.Any(p => p.IsLineManager))
                {
                    Add(SystemRules.ProcessBasedWorking, P("people", person.Id), person.Id, $"Person '{person.Id}' is both a process manager and a line manager, which process-based working separates.", FindingSeverity.Warning);
                }
            }
        }

        if (s.SeparationPrinciples.Contains(SeparationPrinciple.DomainSeparation))
        {
            foreach (var person in s.People)
            {
                var subDomains = person.ProfileIds.Select(id => profiles.GetValueOrDefault(id)?.UnitId).OfType<string>().Select(SubDomainOf).OfType<TaskSubDomain>().Distinct().Count();
                if (subDomains > 1)
                {
                    Add(SystemRules.DomainSeparation, P("people", person.Id), person.Id, $"Person '{person.Id}' holds profiles in both a specifying and a realising sub-domain.", FindingSeverity.Warning);
                }
            }
        }

        TaskSubDomain? SubDomainOf(string unitId)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var id = unitId; id is not null && seen.Add(id) && units.TryGetValue(id, out var u); id = u.ParentId)
            {
                if (u.SubDomain is { } d)
                {
                    return d;
                }
            }

            return null;
        }

        return new FindingReport(f.Distinct()
            .OrderBy(x => x.RuleId, StringComparer.Ordinal)
            .ThenBy(x => x.Path, StringComparer.Ordinal)
            .ThenBy(x => x.Message, StringComparer.Ordinal));
    }
}

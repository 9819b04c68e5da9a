using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Usm.Model.ManagementSystem;

namespace Usm.Model.Tests.Generators;

/// <summary>Generators for the management-system property tests.</summary>
internal static class ManagementSystemArbitraries
{
    public static readonly string[] Nodes = ["a", "b", "c", "d", "e", "f", "g"];

    /// <summary>A random, sparse supplier graph over a few nodes: each node has a link with up to two suppliers, or no link.</summary>
    public static Arbitrary<ProviderLink[]> Links()
    {
        var one = from count in Gen.Choose(-1, 2)
                  from a in Gen.Elements(Nodes)
                  from b in Gen.Elements(Nodes)
                  select (Count: count, Suppliers: new[] { a, b });
        return Gen.ArrayOf(one, Nodes.Length)
            .Select(xs => xs.Select((x, i) => x.Count < 0 ? null : new ProviderLink(Nodes[i], null, x.Suppliers.Take(x.Count))).OfType<ProviderLink>().ToArray())
            .ToArbitrary();
    }

    public static Gen<LocalDate> Date() => Gen.Choose(0, 3 * 365).Select(d => new LocalDate(2025, 1, 1).PlusDays(d));

    public static Gen<DateInterval> Interval() =>
        from start in Date()
        from length in Gen.Choose(0, 500)
        select new DateInterval(start, start.PlusDays(length));

    /// <summary>Random agreements of every kind with random validity (ids may repeat), plus a query date and horizon.</summary>
    public static Arbitrary<(Agreement[] Agreements, LocalDate Date, int Days)> AgreementsAndQuery()
    {
        var agreement = from kind in Gen.Choose(1, 3)
                        from id in Gen.Choose(0, 6)
                        from validity in Interval()
                        select new Agreement("ag-" + id, (AgreementKind)kind, "n", "p", "c", ["s"], null, validity);
        return (from agreements in Gen.ArrayOf(agreement)
                from date in Date()
                from days in Gen.Choose(0, 400)
                select (agreements, date, days)).ToArbitrary();
    }

    /// <summary>An extra OLA with a team and services from the sample, random coverage and validity.</summary>
    public static Arbitrary<Agreement> SampleOla(ServiceManagementSystem sample)
    {
        var teams = sample.Units.Where(u => u.Kind == OrganisationUnitKind.Team).Select(u => u.Id).ToArray();
        var services = sample.Services.Select(s => s.Id).ToArray();
        return (from team in Gen.Elements(teams)
                from covered in Gen.NonEmptyListOf(Gen.Elements(services))
                from validity in Interval()
                select new Agreement("ola-extra", AgreementKind.OperationalLevelAgreement, "Extra OLA", team, sample.ProviderId, covered.Distinct(), null, validity)).ToArbitrary();
    }

    /// <summary>A seed for shuffling.</summary>
    public static Arbitrary<int> Seed() => Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    /// <summary>A routing request over some sample MIR ids, an unknown id, managed and unmanaged attributes.</summary>
    public static Arbitrary<CustomerRequest> Request(ManagedInfrastructureRegister mir)
    {
        var ids = mir.Components.Take(6).Select(c => c.Id).Append("mic-unknown").ToArray();
        var attributes = mir.Components.Take(6).SelectMany(c => c.Attributes.Keys).Append("colour").Distinct().ToArray();
        var modification = from id in Gen.Elements(ids)
                           from attribute in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(attributes).Select(a => (string?)a))
                           from isNew in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
                           select new RequestedModification(id, attribute, isNew);
        return (from failure in Gen.Elements(false, true)
                from within in Gen.Elements(false, true)
                from risk in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
                from count in Gen.Choose(0, 3)
                from modifications in Gen.ArrayOf(modification, count)
                from trigger in Gen.Elements<CallType?>(null, CallType.Wish, CallType.ChangeRequest, CallType.ServiceRequest)
                select new CustomerRequest("req", "generated", failure, within, modifications, risk, trigger)).ToArbitrary();
    }

    /// <summary>A sequence of register operations: (0 or 1 update / 2 retire, or add when absent; MIC index 0-4; minutes to advance).</summary>
    public static Arbitrary<(int Op, int Mic, int Minutes)[]> RegisterOps() =>
        Gen.ArrayOf(from op in Gen.Choose(0, 2)
                    from mic in Gen.Choose(0, 4)
                    from minutes in Gen.Choose(0, 3)
                    select (op, mic, minutes)).ToArbitrary();
}

using System.Collections.Immutable;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.ManagementSystem;

/// <summary>The three kinds of agreement in the agreement chain behind a service.</summary>
public enum AgreementKind
{
    /// <summary>A service agreement (SA) with a customer.</summary>
    ServiceAgreement = 1,

    /// <summary>An operational level agreement (OLA; Dutch: interne werkafspraak) with an internal team.</summary>
    OperationalLevelAgreement = 2,

    /// <summary>An underpinning contract (UC; Dutch: onderliggende overeenkomst) with an external supplier.</summary>
    UnderpinningContract = 3,
}

/// <summary>A service level: the agreed target for one functioning metric of one service.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ServiceLevel : IEquatable<ServiceLevel>
{
    /// <summary>Creates a service level.</summary>
    /// <param name="serviceId">The service id.</param>
    /// <param name="metricId">The id of one of the service's <see cref="Service.Functioning"/> metrics.</param>
    /// <param name="target">The target value, in the metric's unit; a minimum or a maximum by the metric's direction.</param>
    /// <exception cref="ArgumentNullException">An id is null.</exception>
    /// <exception cref="ArgumentException">An id is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is NaN or infinite.</exception>
    public ServiceLevel(string serviceId, string metricId, double target)
    {
        ServiceId = Preconditions.CheckNotBlank(serviceId);
        MetricId = Preconditions.CheckNotBlank(metricId);
        Target = Preconditions.CheckFinite(target);
    }

    /// <summary>Gets the service id.</summary>
    public string ServiceId { get; }

    /// <summary>Gets the metric id.</summary>
    public string MetricId { get; }

    /// <summary>Gets the target.</summary>
    public double Target { get; }

    /// <inheritdoc />
    public bool Equals(ServiceLevel? other) => other is not null && ServiceId == other.ServiceId && MetricId == other.MetricId && Target.Equals(other.Target);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ServiceLevel other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ServiceId, MetricId, Target);

    /// <inheritdoc />
    public override string ToString() => Preconditions.Invariant($"{ServiceId}.{MetricId} = {Target}");
}

/// <summary>
/// An agreement: an SA with a customer, an OLA with an internal team or a UC with a supplier. It names the provider
/// and the counterparty, the services it covers, the service levels and the validity period.
/// </summary>
/// <remarks>
/// <para>Parties: for an SA the provider is the service provider's party and the counterparty a customer; for an OLA
/// the provider is the internal team (an organisation-unit id) and the counterparty the service provider; for a UC the
/// provider is the supplier's party and the counterparty the service provider.</para>
/// <para>The validity is a NodaTime <see cref="DateInterval"/>, inclusive at both ends. Equality compares every
/// property.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Agreement : IEquatable<Agreement>
{
    /// <summary>Creates an agreement.</summary>
    /// <param name="id">The id.</param>
    /// <param name="kind">SA, OLA or UC.</param>
    /// <param name="name">The name.</param>
    /// <param name="providerId">The providing party (an organisation-unit id for an OLA).</param>
    /// <param name="counterpartyId">The receiving party: the customer for an SA, the service provider otherwise.</param>
    /// <param name="coveredServiceIds">The services covered.</param>
    /// <param name="serviceLevels">The service levels.</param>
    /// <param name="validity">The validity period, inclusive at both ends.</param>
    /// <exception cref="ArgumentNullException">A required argument is null, or a list holds null.</exception>
    /// <exception cref="ArgumentException">An id is blank, or <paramref name="validity"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public Agreement(string id, AgreementKind kind, string name, string providerId, string counterpartyId, IEnumerable<string> coveredServiceIds, IEnumerable<ServiceLevel>? serviceLevels, DateInterval validity)
    {
        Id = Preconditions.CheckNotBlank(id);
        Kind = Preconditions.CheckDefined(kind);
        Name = Preconditions.CheckNotNull(name);
        ProviderId = Preconditions.CheckNotBlank(providerId);
        CounterpartyId = Preconditions.CheckNotBlank(counterpartyId);
        CoveredServiceIds = Ids.From(Preconditions.CheckNotNull(coveredServiceIds), nameof(coveredServiceIds));
        ServiceLevels = Ids.Items(serviceLevels, nameof(serviceLevels));
        Validity = Preconditions.CheckIso(validity);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the kind.</summary>
    public AgreementKind Kind { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the providing party's id (an organisation-unit id for an OLA).</summary>
    public string ProviderId { get; }

    /// <summary>Gets the receiving party's id.</summary>
    public string CounterpartyId { get; }

    /// <summary>Gets the covered service ids.</summary>
    public ImmutableArray<string> CoveredServiceIds { get; }

    /// <summary>Gets the service levels.</summary>
    public ImmutableArray<ServiceLevel> ServiceLevels { get; }

    /// <summary>Gets the validity period (inclusive).</summary>
    public DateInterval Validity { get; }

    /// <summary>Gets whether the agreement covers a service.</summary>
    /// <param name="serviceId">The service id.</param>
    /// <returns><see langword="true"/> when the id is in <see cref="CoveredServiceIds"/>.</returns>
    public bool Covers(string serviceId) => CoveredServiceIds.Contains(serviceId, StringComparer.Ordinal);

    /// <summary>Returns a copy with another validity period.</summary>
    /// <param name="validity">The period.</param>
    /// <returns>A new agreement; this one is unchanged.</returns>
    public Agreement WithValidity(DateInterval validity) => new(Id, Kind, Name, ProviderId, CounterpartyId, CoveredServiceIds, ServiceLevels, validity);

    /// <summary>Returns a copy covering other services.</summary>
    /// <param name="coveredServiceIds">The service ids.</param>
    /// <returns>A new agreement; this one is unchanged.</returns>
    public Agreement WithCoveredServices(IEnumerable<string> coveredServiceIds) => new(Id, Kind, Name, ProviderId, CounterpartyId, coveredServiceIds, ServiceLevels, Validity);

    /// <inheritdoc />
    public bool Equals(Agreement? other) =>
        other is not null
        && Id == other.Id
        && Kind == other.Kind
        && Name == other.Name
        && ProviderId == other.ProviderId
        && CounterpartyId == other.CounterpartyId
        && Hashing.SequenceEqual(CoveredServiceIds, other.CoveredServiceIds)
        && Hashing.SequenceEqual(ServiceLevels, other.ServiceLevels)
        && Validity.Equals(other.Validity);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Agreement other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Name, ProviderId, CounterpartyId, Hashing.Sequence(CoveredServiceIds), Hashing.Sequence(ServiceLevels), Validity);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Kind}, {ProviderId} → {CounterpartyId}, {Validity})";
}

/// <summary>A contribution to an agreed service that no valid OLA or UC underpins for the whole agreed period.</summary>
/// <remarks>
/// <para>The service is either one the service agreement covers, or a component of one (a service it is composed of,
/// directly or further down): then <see cref="ViaServiceId"/> names the covered service that needs it.</para>
/// <para>Equality compares every property.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class UnderpinningGap : IEquatable<UnderpinningGap>
{
    /// <summary>Creates a gap.</summary>
    /// <param name="agreementId">The service agreement that is not underpinned.</param>
    /// <param name="serviceId">The agreed service.</param>
    /// <param name="contributorId">The team or supplier whose contribution is not covered.</param>
    /// <param name="requiredKind">The kind of agreement that would close the gap (OLA or UC).</param>
    /// <exception cref="ArgumentException">An id is null or blank.</exception>
    public UnderpinningGap(string agreementId, string serviceId, string contributorId, AgreementKind requiredKind)
        : this(agreementId, serviceId, contributorId, requiredKind, null)
    {
    }

    /// <summary>Creates a gap in a service that the agreement needs through a composed service it covers.</summary>
    /// <param name="agreementId">The service agreement that is not underpinned.</param>
    /// <param name="serviceId">The service the contribution is made to.</param>
    /// <param name="contributorId">The team or supplier whose contribution is not covered.</param>
    /// <param name="requiredKind">The kind of agreement that would close the gap (OLA or UC).</param>
    /// <param name="viaServiceId">The covered service composed of <paramref name="serviceId"/>, or <see langword="null"/> when the agreement covers <paramref name="serviceId"/> itself.</param>
    /// <exception cref="ArgumentException">An id is null or blank, or <paramref name="viaServiceId"/> is blank.</exception>
    public UnderpinningGap(string agreementId, string serviceId, string contributorId, AgreementKind requiredKind, string? viaServiceId)
    {
        AgreementId = Preconditions.CheckNotBlank(agreementId);
        ServiceId = Preconditions.CheckNotBlank(serviceId);
        ContributorId = Preconditions.CheckNotBlank(contributorId);
        RequiredKind = Preconditions.CheckDefined(requiredKind);
        ViaServiceId = viaServiceId is null ? null : Preconditions.CheckNotBlank(viaServiceId);
    }

    /// <summary>Gets the service agreement id.</summary>
    public string AgreementId { get; }

    /// <summary>Gets the id of the service the uncovered contribution is made to.</summary>
    public string ServiceId { get; }

    /// <summary>
    /// Gets the id of the covered service that is composed of <see cref="ServiceId"/>, or <see langword="null"/> when
    /// the agreement covers <see cref="ServiceId"/> itself.
    /// </summary>
    public string? ViaServiceId { get; }

    /// <summary>Gets the contributor id.</summary>
    public string ContributorId { get; }

    /// <summary>Gets the kind of agreement that is missing.</summary>
    public AgreementKind RequiredKind { get; }

    /// <inheritdoc />
    public bool Equals(UnderpinningGap? other) => other is not null && AgreementId == other.AgreementId && ServiceId == other.ServiceId && ContributorId == other.ContributorId && RequiredKind == other.RequiredKind && ViaServiceId == other.ViaServiceId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UnderpinningGap other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AgreementId, ServiceId, ContributorId, RequiredKind, ViaServiceId);

    /// <inheritdoc />
    public override string ToString() => ViaServiceId is null
        ? $"{AgreementId}/{ServiceId}: {ContributorId} needs an agreement of kind {RequiredKind}"
        : $"{AgreementId}/{ViaServiceId} (component {ServiceId}): {ContributorId} needs an agreement of kind {RequiredKind}";
}

/// <summary>Queries over a set of agreements: the underpinning check and the expiry query.</summary>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class AgreementQueries
{
    /// <summary>
    /// Checks that every service agreement is underpinned: for each SA, each service it needs and each contribution to
    /// that service, there must be an agreement of the required kind (an OLA for a team, a UC for a supplier) whose
    /// provider is the contributor, which covers that service (or a covered service composed of it), and whose validity
    /// contains the SA's whole validity. An SA needs the services it covers and every service they are composed of,
    /// directly or further down (<see cref="ServiceCatalogue.ComponentsOf"/>).
    /// </summary>
    /// <param name="agreements">All agreements (SAs, OLAs and UCs).</param>
    /// <param name="services">The service catalogue; covered ids that are not in it are skipped (validation reports them).</param>
    /// <returns>
    /// The gaps, one per SA, service, contributor and required kind, ordered by SA id, service id, contributor id
    /// (ordinal), then required kind. A gap in a component the SA does not cover itself names, as
    /// <see cref="UnderpinningGap.ViaServiceId"/>, the ordinally first covered service composed of it.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="agreements"/> holds null.</exception>
    /// <remarks>
    /// <para>The check is monotone: adding an OLA or UC can close gaps but never opens one.</para>
    /// <para>A component counts as underpinned by an OLA or UC that covers the component itself or any covered service
    /// composed of it: a team's OLA for the digital workplace includes its work on the e-mail service the workplace is
    /// built from. The composition is read from the catalogue; a cycle in it (reported as USM-SMS-016) does not stop
    /// the check.</para>
    /// </remarks>
    public static ImmutableArray<UnderpinningGap> FindUnderpinningGaps(IEnumerable<Agreement> agreements, ServiceCatalogue services)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(services);
        var all = Ids.Items(agreements, nameof(agreements));
        var gaps = new HashSet<UnderpinningGap>();
        foreach (var sa in all.Where(a => a.Kind == AgreementKind.ServiceAgreement))
        {
            var covered = sa.CoveredServiceIds.Distinct(StringComparer.Ordinal).Where(id => services.Find(id) is not null).Order(StringComparer.Ordinal).ToList();

            // Each needed service with the covered services that need it: itself when covered, else the composed ones.
            var needed = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var id in covered)
            {
                Need(id, id);
                foreach (var component in services.ComponentsOf(id))
                {
                    Need(component, id);
                }
            }

            foreach (var (serviceId, through) in needed)
            {
                var direct = sa.Covers(serviceId);
                foreach (var c in services.Find(serviceId)!.Contributions)
                {
                    var required = c.RequiredAgreement;
                    var underpinned = all.Any(a => a.Kind == required && a.ProviderId == c.ContributorId && Contains(a.Validity, sa.Validity)
                        && (a.Covers(serviceId) || through.Exists(a.Covers)));
                    if (!underpinned)
                    {
                        gaps.Add(new UnderpinningGap(sa.Id, serviceId, c.ContributorId, required, direct ? null : through.Where(t => t != serviceId).Min(StringComparer.Ordinal)));
                    }
                }
            }

            void Need(string serviceId, string coveredId)
            {
                if (!needed.TryGetValue(serviceId, out var through))
                {
                    needed[serviceId] = through = [];
                }

                through.Add(coveredId);
            }
        }

        return [.. gaps
            .OrderBy(g => g.AgreementId, StringComparer.Ordinal)
            .ThenBy(g => g.ServiceId, StringComparer.Ordinal)
            .ThenBy(g => g.ContributorId, StringComparer.Ordinal)
            .ThenBy(g => g.RequiredKind)];
    }

    /// <summary>
    /// Finds the agreements that lapse within <paramref name="days"/> days of <paramref name="date"/>: those whose last
    /// valid day is on or after <paramref name="date"/> and on or before <paramref name="date"/> plus
    /// <paramref name="days"/> days. Agreements that ended before <paramref name="date"/> have already lapsed and are
    /// not returned.
    /// </summary>
    /// <param name="agreements">The agreements.</param>
    /// <param name="date">The reference date.</param>
    /// <param name="days">The horizon in days, zero or more.</param>
    /// <returns>The agreements, ordered by end date, then ordinal id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agreements"/> is null or holds null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <remarks>A horizon beyond <see cref="LocalDate.MaxIsoValue"/> (for example <paramref name="days"/> = <see cref="int.MaxValue"/>) ends there.</remarks>
    public static ImmutableArray<Agreement> LapsingWithin(IEnumerable<Agreement> agreements, LocalDate date, int days)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        Preconditions.CheckNonNegative(days);
        Preconditions.CheckIso(date);
        var all = Ids.Items(agreements, nameof(agreements));

        // Clamp rather than overflow: found by review, session 5 (LocalDate.PlusDays threw OverflowException).
        var room = Period.Between(date, LocalDate.MaxIsoValue, PeriodUnits.Days).Days;
        var horizon = days >= room ? LocalDate.MaxIsoValue : date.PlusDays(days);
        return [.. all.Where(a => a.Validity.End >= date && a.Validity.End <= horizon)
            .OrderBy(a => a.Validity.End)
            .ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>Gets whether <paramref name="outer"/> contains every day of <paramref name="inner"/>.</summary>
    /// <param name="outer">The longer period.</param>
    /// <param name="inner">The period to cover.</param>
    /// <returns><see langword="true"/> when the inner period lies within the outer one.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A period is not in the ISO calendar.</exception>
    public static bool Contains(DateInterval outer, DateInterval inner)
    {
        Preconditions.CheckIso(outer);
        Preconditions.CheckIso(inner);
        return outer.Start <= inner.Start && outer.End >= inner.End;
    }
}

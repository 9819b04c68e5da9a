using System.Collections.Immutable;
using Usm.Model.Internal;

namespace Usm.Model.ManagementSystem;

/// <summary>Whether a party is an organisation (or a team acting as one) or a single person.</summary>
public enum PartyKind
{
    /// <summary>An organisation, a department or a team that can act as customer, provider, supplier or partner.</summary>
    Organisation = 1,

    /// <summary>A single person, for example a private customer.</summary>
    Person = 2,
}

/// <summary>How a requester relates to the provider (the Dutch NORA term is "aanmelder").</summary>
public enum RequesterKind
{
    /// <summary>A user whom a customer has authorised to use a service.</summary>
    User = 1,

    /// <summary>A member of the provider's own staff.</summary>
    Staff = 2,

    /// <summary>Any other stakeholder.</summary>
    Other = 3,
}

/// <summary>
/// A party in the customer-provider interaction model: an organisation or person that can be a customer, a provider,
/// a supplier or a partner. Roles are not stored on the party; they follow from the <see cref="ProviderLink"/>s it
/// appears in, because the same party is a supplier in one link and a provider in the next.
/// </summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Party : IEquatable<Party>
{
    /// <summary>Creates a party.</summary>
    /// <param name="id">The id, unique among the parties of a system.</param>
    /// <param name="name">The name.</param>
    /// <param name="kind">Organisation or person.</param>
    /// <param name="description">An optional description.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public Party(string id, string name, PartyKind kind = PartyKind.Organisation, string? description = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        Kind = Preconditions.CheckDefined(kind);
        Description = description;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets whether the party is an organisation or a person.</summary>
    public PartyKind Kind { get; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; }

    /// <inheritdoc />
    public bool Equals(Party? other) => other is not null && Id == other.Id && Name == other.Name && Kind == other.Kind && Description == other.Description;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Party other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, Description);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}

/// <summary>
/// One link of a supply chain: a provider with its customers (who agree on services), its suppliers (providers that
/// serve this provider) and its partners. A supplier is itself the provider of a further link.
/// </summary>
/// <remarks>Equality compares every property; id lists compare in order.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ProviderLink : IEquatable<ProviderLink>
{
    /// <summary>Creates a link.</summary>
    /// <param name="providerId">The party id of the provider.</param>
    /// <param name="customerIds">The party ids of its customers.</param>
    /// <param name="supplierIds">The party ids of its suppliers.</param>
    /// <param name="partnerIds">The party ids of its partners.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="providerId"/> is blank, or a list holds a blank id.</exception>
    public ProviderLink(string providerId, IEnumerable<string>? customerIds = null, IEnumerable<string>? supplierIds = null, IEnumerable<string>? partnerIds = null)
    {
        ProviderId = Preconditions.CheckNotBlank(providerId);
        CustomerIds = Ids.From(customerIds, nameof(customerIds));
        SupplierIds = Ids.From(supplierIds, nameof(supplierIds));
        PartnerIds = Ids.From(partnerIds, nameof(partnerIds));
    }

    /// <summary>Gets the provider's party id.</summary>
    public string ProviderId { get; }

    /// <summary>Gets the customers' party ids.</summary>
    public ImmutableArray<string> CustomerIds { get; }

    /// <summary>Gets the suppliers' party ids.</summary>
    public ImmutableArray<string> SupplierIds { get; }

    /// <summary>Gets the partners' party ids.</summary>
    public ImmutableArray<string> PartnerIds { get; }

    /// <inheritdoc />
    public bool Equals(ProviderLink? other) =>
        other is not null
        && ProviderId == other.ProviderId
        && Hashing.SequenceEqual(CustomerIds, other.CustomerIds)
        && Hashing.SequenceEqual(SupplierIds, other.SupplierIds)
        && Hashing.SequenceEqual(PartnerIds, other.PartnerIds);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ProviderLink other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ProviderId, Hashing.Sequence(CustomerIds), Hashing.Sequence(SupplierIds), Hashing.Sequence(PartnerIds));

    /// <inheritdoc />
    public override string ToString() => $"{ProviderId}: {CustomerIds.Length} customers, {SupplierIds.Length} suppliers, {PartnerIds.Length} partners";
}

/// <summary>A person whom a customer authorises to use its services.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ServiceUser : IEquatable<ServiceUser>
{
    /// <summary>Creates a user.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <param name="customerId">The party id of the customer that authorises this user.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="customerId"/> is blank.</exception>
    public ServiceUser(string id, string name, string customerId)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        CustomerId = Preconditions.CheckNotBlank(customerId);
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the party id of the authorising customer.</summary>
    public string CustomerId { get; }

    /// <inheritdoc />
    public bool Equals(ServiceUser? other) => other is not null && Id == other.Id && Name == other.Name && CustomerId == other.CustomerId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ServiceUser other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, CustomerId);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name}, for {CustomerId})";
}

/// <summary>Someone who submits calls: a user, a member of staff or another stakeholder.</summary>
/// <remarks>Equality compares every property.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Requester : IEquatable<Requester>
{
    /// <summary>Creates a requester.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <param name="kind">User, staff or other.</param>
    /// <param name="referenceId">For a user, the <see cref="ServiceUser"/> id; for staff, the <see cref="Person"/> id; otherwise null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public Requester(string id, string name, RequesterKind kind, string? referenceId = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotNull(name);
        Kind = Preconditions.CheckDefined(kind);
        ReferenceId = referenceId;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets whether the requester is a user, staff or another stakeholder.</summary>
    public RequesterKind Kind { get; }

    /// <summary>Gets the id of the user or person this requester is, if any.</summary>
    public string? ReferenceId { get; }

    /// <inheritdoc />
    public bool Equals(Requester? other) => other is not null && Id == other.Id && Name == other.Name && Kind == other.Kind && ReferenceId == other.ReferenceId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Requester other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, ReferenceId);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name}, {Kind})";
}

/// <summary>
/// The network of provider links: who supplies whom. Answers the supply chain behind a provider or a service and finds
/// cycles (a provider that, through its suppliers, ends up supplying itself).
/// </summary>
/// <remarks>
/// <para>The supplier graph has an edge from each link's provider to each of its suppliers. Links with the same
/// provider are merged. Results are sorted by ordinal id.</para>
/// <para>Equality is reference equality; compare <see cref="Links"/> for structural equality.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ProviderNetwork
{
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _suppliers;

    /// <summary>Creates a network.</summary>
    /// <param name="links">The links.</param>
    /// <exception cref="ArgumentNullException"><paramref name="links"/> is null or holds null.</exception>
    public ProviderNetwork(IEnumerable<ProviderLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        Links = [.. links];
        var map = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var link in Links)
        {
            Preconditions.CheckElementNotNull(link, nameof(links), "A network cannot hold a null link.");
            if (!map.TryGetValue(link.ProviderId, out var set))
            {
                set = new SortedSet<string>(StringComparer.Ordinal);
                map.Add(link.ProviderId, set);
            }

            set.UnionWith(link.SupplierIds);
        }

        _suppliers = map.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>Gets the links, in the order given.</summary>
    public ImmutableArray<ProviderLink> Links { get; }

    /// <summary>Gets every provider id that has a link, sorted ordinally.</summary>
    public ImmutableArray<string> ProviderIds => [.. _suppliers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Gets the direct suppliers of a provider.</summary>
    /// <param name="providerId">The provider's party id.</param>
    /// <returns>The supplier ids, sorted ordinally; empty when the provider has no link.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="providerId"/> is null.</exception>
    public ImmutableArray<string> SuppliersOf(string providerId)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        return _suppliers.TryGetValue(providerId, out var s) ? s : [];
    }

    /// <summary>
    /// Gets the supply chain behind a provider: every party reachable through one or more supplier edges. The provider
    /// itself is included only when it lies on a cycle.
    /// </summary>
    /// <param name="providerId">The provider's party id.</param>
    /// <returns>The reachable suppliers, sorted ordinally.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="providerId"/> is null.</exception>
    public ImmutableArray<string> SupplyChainOf(string providerId)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(SuppliersOf(providerId));
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            if (seen.Add(next))
            {
                foreach (var s in SuppliersOf(next))
                {
                    queue.Enqueue(s);
                }
            }
        }

        return [.. seen.Order(StringComparer.Ordinal)];
    }

    /// <summary>Gets whether the supplier graph has a cycle.</summary>
    public bool HasCycle => !FindCycle().IsEmpty;

    /// <summary>
    /// Finds one cycle in the supplier graph. The search visits providers in ordinal order, so the result is
    /// deterministic.
    /// </summary>
    /// <returns>The cycle as a path that starts and ends with the same id (for example <c>[a, b, a]</c>), or empty when there is none.</returns>
    public ImmutableArray<string> FindCycle() => Graphs.FindCycle(_suppliers.Keys, id => SuppliersOf(id));
}

/// <summary>Id-list and graph helpers shared by the management-system types.</summary>
internal static class Ids
{
    public static ImmutableArray<string> From(IEnumerable<string>? ids, string paramName)
    {
        if (ids is null)
        {
            return [];
        }

        var result = ids.ToImmutableArray();
        foreach (var id in result)
        {
            Preconditions.CheckElementNotNull(id, paramName, "An id list cannot hold a null id.");
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(id), paramName, Preconditions.Invariant($"An id list cannot hold a null or blank id; found '{id}'."));
        }

        return result;
    }

    public static ImmutableArray<T> Items<T>(IEnumerable<T>? items, string paramName)
        where T : class
    {
        if (items is null)
        {
            return [];
        }

        var result = items.ToImmutableArray();
        foreach (var item in result)
        {
            Preconditions.CheckElementNotNull(item, paramName, Preconditions.Invariant($"The list '{paramName}' cannot hold null."));
        }

        return result;
    }
}

/// <summary>Graph algorithms over string ids.</summary>
internal static class Graphs
{
    /// <summary>
    /// Depth-first search for a cycle, iterative so that long chains cannot overflow the stack. Nodes and successors are
    /// visited in ordinal order. Returns the cycle path (first id repeated at the end) or empty.
    /// </summary>
    public static ImmutableArray<string> FindCycle(IEnumerable<string> nodes, Func<string, IEnumerable<string>> next)
    {
        // Absent = unvisited, true = on the current path, false = done.
        var onPath = new Dictionary<string, bool>(StringComparer.Ordinal);
        var path = new List<string>();
        var stack = new Stack<IEnumerator<string>>();
        foreach (var start in nodes.Order(StringComparer.Ordinal))
        {
            if (onPath.ContainsKey(start))
            {
                continue;
            }

            Push(start);
            while (stack.Count > 0)
            {
                var successors = stack.Peek();
                if (!successors.MoveNext())
                {
                    successors.Dispose();
                    stack.Pop();
                    onPath[path[^1]] = false;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                var n = successors.Current;
                if (!onPath.TryGetValue(n, out var active))
                {
                    Push(n);
                }
                else if (active)
                {
                    var from = path.IndexOf(n);
                    foreach (var e in stack)
                    {
                        e.Dispose();
                    }

                    return [.. path.Skip(from), n];
                }
            }
        }

        return [];

        void Push(string node)
        {
            onPath[node] = true;
            path.Add(node);
            stack.Push(next(node).Order(StringComparer.Ordinal).ToList().GetEnumerator());
        }
    }
}

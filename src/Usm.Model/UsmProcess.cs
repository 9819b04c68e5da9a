namespace Usm.Model;

/// <summary>
/// The five processes of the USM process model. Together they cover every service management activity, and every
/// activity belongs to exactly one of them (the model is integral, integrated and non-redundant).
/// </summary>
/// <remarks>
/// Names are USM's verb forms. Codes, English and Dutch names and the triggering call type are in
/// <see cref="UsmProcesses"/>. There is no member with the value 0, so <c>default(UsmProcess)</c> is not a process.
/// </remarks>
public enum UsmProcess
{
    /// <summary>Agree (contract management, CTM): creates and changes agreements; triggered by a wish.</summary>
    Agree = 1,

    /// <summary>Change (change management, CHM): modifies the managed infrastructure; triggered by a change request.</summary>
    Change = 2,

    /// <summary>Recover (incident management, INC): restores the agreed service after a failure; triggered by an incident.</summary>
    Recover = 3,

    /// <summary>Operate (operations management, OPS): carries out planned and requested work; triggered by a service request.</summary>
    Operate = 4,

    /// <summary>Improve (improvement management, IMP; formerly RIM): handles risks and improvements; triggered by a risk.</summary>
    Improve = 5,
}

/// <summary>
/// The five kinds of call a service provider receives. Each kind triggers exactly one <see cref="UsmProcess"/>.
/// </summary>
/// <remarks>There is no member with the value 0, so <c>default(CallType)</c> is not a call type.</remarks>
public enum CallType
{
    /// <summary>A wish: a request for a new or changed agreement (also a complaint). Triggers <see cref="UsmProcess.Agree"/>.</summary>
    Wish = 1,

    /// <summary>A change request (RFC): a modification of the managed infrastructure within current agreements. Triggers <see cref="UsmProcess.Change"/>.</summary>
    ChangeRequest = 2,

    /// <summary>An incident: a failure that has happened or is about to happen. Triggers <see cref="UsmProcess.Recover"/>.</summary>
    Incident = 3,

    /// <summary>A service request: agreed support that does not modify the managed infrastructure. Triggers <see cref="UsmProcess.Operate"/>.</summary>
    ServiceRequest = 4,

    /// <summary>A risk: a threat or an opportunity (every improvement is registered as a risk). Triggers <see cref="UsmProcess.Improve"/>.</summary>
    Risk = 5,
}

/// <summary>The three essential resources of a service management system: people do things with stuff.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum Resource
{
    /// <summary>People: who does the work (profiles, teams, persons).</summary>
    People = 1,

    /// <summary>Process: what is done (processes and the routines derived from them).</summary>
    Process = 2,

    /// <summary>Technology: what the work is done with (tools, registers, templates).</summary>
    Technology = 3,
}

/// <summary>Whether a workflow pattern starts from a customer's call or from the provider's own risk management.</summary>
public enum WorkflowKind
{
    /// <summary>Started from outside, by a customer's or user's call (W1 to W5).</summary>
    Reactive = 1,

    /// <summary>Started by a risk: an improvement or a threat (W6 to W8).</summary>
    Proactive = 2,
}

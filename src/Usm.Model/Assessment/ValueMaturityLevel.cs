namespace Usm.Model.Assessment;

/// <summary>
/// The five levels of the USM Value Maturity Model. Maturity is the ability to create value, not a capability scale;
/// growth is bottom-up, so a level counts only when every lower level does.
/// </summary>
/// <remarks>Levels 1-3 look inward, 4-5 outward. There is no member with the value 0.</remarks>
public enum ValueMaturityLevel
{
    /// <summary>1. Technology-driven (technologiegericht): the focus is on delivering goods or actions.</summary>
    TechnologyDriven = 1,

    /// <summary>2. System-driven (systeemgericht): technology is under control and systems are coherent.</summary>
    SystemDriven = 2,

    /// <summary>3. Service-driven (servicegericht): customers ask for services, the lasting availability of systems plus support.</summary>
    ServiceDriven = 3,

    /// <summary>4. Customer-driven (klantgericht): customer and provider decide together how value is created.</summary>
    CustomerDriven = 4,

    /// <summary>5. Business-driven (businessgericht): a business partnership in which the provider invests at its own risk.</summary>
    BusinessDriven = 5,
}

/// <summary>The strategy that goes with a value maturity level.</summary>
/// <remarks>There is no member with the value 0.</remarks>
public enum BusinessStrategy
{
    /// <summary>Operational excellence: levels 1 and 2 (and an organisation below level 1).</summary>
    OperationalExcellence = 1,

    /// <summary>Service excellence: level 3.</summary>
    ServiceExcellence = 2,

    /// <summary>Customer excellence: levels 4 and 5.</summary>
    CustomerExcellence = 3,
}

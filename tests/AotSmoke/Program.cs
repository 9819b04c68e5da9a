using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.ManagementSystem;
using Usm.Model.Serialization;

// A JSON round trip of the sample organisation, a risk database and a USM-WIF workflow, run after trimming with
// reflection-based serialization switched off: any use of reflection metadata would fail here.
var system = SampleOrganisation.Create();
var json = UsmJson.WriteManagementSystem(system);
var back = UsmJson.ReadManagementSystem(json);
if (!back.IsSuccess || !back.Value.Equals(system))
{
    Console.WriteLine("management system round trip failed: " + string.Join("; ", back.Errors));
    return 1;
}

var clock = SystemClock.Instance;
var database = new RiskDatabase(clock).Register(new Risk("R-1", "Backups fail", "", RiskPolarity.Threat, RiskOrigin.ReportedBy("p1"), [Usm.Model.Resource.Technology], "operational"), "p1");
var risks = UsmJson.ReadRiskDatabase(UsmJson.WriteRiskDatabase(database), clock);
if (!risks.IsSuccess || risks.Value.Count != 1)
{
    Console.WriteLine("risk database round trip failed: " + string.Join("; ", risks.Errors));
    return 1;
}

var routine = system.Routines[0];
var wif = UsmWif.Import(UsmWif.Export(routine));
if (!wif.IsSuccess || !wif.Value.Workflow.Equals(routine))
{
    Console.WriteLine("USM-WIF round trip failed: " + string.Join("; ", wif.Errors));
    return 1;
}

Console.WriteLine("ok");
return 0;

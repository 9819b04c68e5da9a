namespace Usm.Model.Assessment;

/// <summary>Instruments shipped with the library.</summary>
/// <remarks>
/// USM does not publish the questions, scales or scoring of its own USM-scan, so <see cref="Baseline"/> is this
/// library's instrument (OUR PROPOSAL), written in our own words from the USM concepts: the ten prerequisites, the
/// management system's resources and services, the five processes, the workflow patterns, the improvement loop and
/// the Value Maturity Model.
/// </remarks>
public static class UsmInstruments
{
    /// <summary>The id of <see cref="Baseline"/>: "usm-baseline".</summary>
    public const string BaselineId = "usm-baseline";

    /// <summary>The version of <see cref="Baseline"/>: "1.0".</summary>
    public const string BaselineVersion = "1.0";

    /// <summary>
    /// Gets the default baseline instrument "usm-baseline" 1.0: nine areas (prerequisites, people, process,
    /// technology, services, the five processes, workflows, the improvement loop, value creation) with 53 questions.
    /// Area and question weights are all 1. The "value" area's questions are the criteria of the Value Maturity Model,
    /// two per level.
    /// </summary>
    public static Instrument Baseline { get; } = CreateBaseline();

    private static Instrument CreateBaseline()
    {
        var five = AnswerScale.FiveLevel;
        var yesNo = AnswerScale.YesNo;
        var pct = AnswerScale.Percentage;

        Question Pre(string id, Prerequisite p, string text, AnswerScale? scale = null) => new(id, text, scale ?? five, UsmElement.For(p));
        Question Res(string id, Resource r, string text, AnswerScale? scale = null) => new(id, text, scale ?? five, UsmElement.For(r));
        Question Proc(string id, UsmProcess p, string text) => new(id, text, five, UsmElement.For(p));
        Question Pat(string id, WorkflowPattern p, string text) => new(id, text, five, UsmElement.For(p));
        Question Svc(string id, string text, AnswerScale? scale = null) => new(id, text, scale ?? five, UsmElement.Services);
        Question Val(string id, ValueMaturityLevel level, UsmElement element, string text) => new(id, text, five, element, maturityCriterion: level);

        return new Instrument(BaselineId, BaselineVersion, "USM baseline scan", [
            new InstrumentArea("prerequisites", "Prerequisites for starting", [
                Pre("pre-01", Prerequisite.ManagementCommitment, "Management has told everyone involved what the initiative covers, why it is started and how it will run."),
                Pre("pre-02", Prerequisite.BaselineScan, "The starting situation has been measured, and later measurements will use the same instrument."),
                Pre("pre-03", Prerequisite.Training, "The people who design and run the new way of working have learned the method."),
                Pre("pre-04", Prerequisite.StructureAndResources, "The initiative has an internal project leader, a steering group, and time and budget set aside."),
                Pre("pre-05", Prerequisite.ManagementTools, "A coordination tool records every call in a workflow and holds the register of managed infrastructure."),
                Pre("pre-06", Prerequisite.ImprovementsAsRisks, "Improvement ideas and threats are both recorded as risks in one database."),
                Pre("pre-07", Prerequisite.ImprovementInventory, "The known improvements have been collected and registered."),
                Pre("pre-08", Prerequisite.ImprovementSprints, "Improvements are carried out in short sprints, chosen with a prioritisation method agreed beforehand."),
                Pre("pre-09", Prerequisite.Communication, "There is a plan for telling staff and customers what changes, when and why."),
                Pre("pre-10", Prerequisite.StaffInvolvement, "Staff, not only managers, influence which improvements are chosen and in what order."),
            ]),
            new InstrumentArea("people", "People", [
                Res("ppl-01", Resource.People, "Tasks, authorities and responsibilities are written down per profile."),
                Res("ppl-02", Resource.People, "Every process has a named process manager."),
                Res("ppl-03", Resource.People, "Process management and line management are separated, and the balance of authority between them is agreed."),
                Res("ppl-04", Resource.People, "Staff know which profile they act in when they handle a call."),
            ]),
            new InstrumentArea("process", "Process", [
                Res("prc-01", Resource.Process, "The organisation's ways of working are derived from one shared process model."),
                Res("prc-02", Resource.Process, "Every activity belongs to exactly one process; no work is described twice."),
                Res("prc-03", Resource.Process, "Procedures and work instructions are recorded and kept current.", five),
                Res("prc-04", Resource.Process, "Share of routines that start and end with the customer.", pct),
            ]),
            new InstrumentArea("technology", "Technology", [
                Res("tec-01", Resource.Technology, "There is one tool that coordinates all calls across teams.", yesNo),
                Res("tec-02", Resource.Technology, "Share of managed infrastructure components recorded in the register.", pct),
                Res("tec-03", Resource.Technology, "The tooling strategy (one integrated tool or specialist tools linked to it) has been chosen deliberately."),
                Res("tec-04", Resource.Technology, "Templates, forms and other non-automated tools support the routines."),
            ]),
            new InstrumentArea("services", "Services", [
                Svc("svc-01", "Each service is specified as a facility (goods and actions) plus the support that comes with it."),
                Svc("svc-02", "For each service both its functionality and its functioning are agreed."),
                Svc("svc-03", "Share of delivered services covered by an agreement with the customer.", pct),
                Svc("svc-04", "Contributions of internal teams and suppliers are backed by internal agreements and contracts."),
            ]),
            new InstrumentArea("processes", "The five processes", [
                Proc("agr-01", UsmProcess.Agree, "Wishes and complaints lead to new or changed agreements in a controlled way."),
                Proc("chg-01", UsmProcess.Change, "Every modification of managed infrastructure is planned, tested and recorded in the register."),
                Proc("rec-01", UsmProcess.Recover, "Failures are restored against the agreed service, using known solutions first."),
                Proc("ops-01", UsmProcess.Operate, "Planned and requested work runs from a calendar, and events are logged."),
                Proc("imp-01", UsmProcess.Improve, "Risks are classified, their causes analysed and measures chosen by business case."),
            ]),
            new InstrumentArea("workflows", "Workflows", [
                Pat("wfl-01", WorkflowPattern.W1, "A customer's wish is followed through agreement, change and operation as one traceable workflow."),
                Pat("wfl-02", WorkflowPattern.W2, "A change request is followed through change and operation as one traceable workflow."),
                Pat("wfl-03", WorkflowPattern.W3, "An incident that needs a change is followed through recovery, change and operation."),
                Pat("wfl-04", WorkflowPattern.W4, "An incident resolved without a change is followed through recovery and operation."),
                Pat("wfl-05", WorkflowPattern.W5, "A service request is handled by operations and confirmed with the requester."),
                Pat("wfl-06", WorkflowPattern.W7, "An improvement measure that changes infrastructure runs through change and operation."),
            ]),
            new InstrumentArea("improvement", "The improvement loop", [
                Pre("lop-01", Prerequisite.ImprovementsAsRisks, "There is a risk database in the coordination tool.", yesNo),
                Pre("lop-02", Prerequisite.ImprovementInventory, "Every closed call is evaluated, and each improvement found is registered as a risk."),
                Pre("lop-03", Prerequisite.ImprovementSprints, "A prioritisation mechanism has been agreed.", yesNo),
                Pre("lop-04", Prerequisite.ImprovementSprints, "Each sprint improves people, process and technology together."),
                Pre("lop-05", Prerequisite.StaffInvolvement, "A sounding-board group of staff comments on the choice and order of improvements.", yesNo),
                Pre("lop-06", Prerequisite.BaselineScan, "Progress is measured again after sprints with the baseline instrument."),
            ]),
            new InstrumentArea("value", "Value creation", [
                Val("val-1a", ValueMaturityLevel.TechnologyDriven, UsmElement.For(Resource.Technology), "Goods and actions are delivered reliably as promised."),
                Val("val-1b", ValueMaturityLevel.TechnologyDriven, UsmElement.For(Resource.Technology), "The technical components needed for delivery are known."),
                Val("val-2a", ValueMaturityLevel.SystemDriven, UsmElement.For(Resource.Technology), "Systems are under control: their state and changes are registered."),
                Val("val-2b", ValueMaturityLevel.SystemDriven, UsmElement.For(Resource.Process), "Systems work together as a coherent whole rather than as separate parts."),
                Val("val-3a", ValueMaturityLevel.ServiceDriven, UsmElement.Services, "Customers receive services: agreed availability of systems together with support."),
                Val("val-3b", ValueMaturityLevel.ServiceDriven, UsmElement.Services, "Service levels are reported to customers against the agreements."),
                Val("val-4a", ValueMaturityLevel.CustomerDriven, UsmElement.Services, "Customer and provider decide together how the service creates value."),
                Val("val-4b", ValueMaturityLevel.CustomerDriven, UsmElement.For(Resource.People), "The provider knows the customer's goals and adapts services to them."),
                Val("val-5a", ValueMaturityLevel.BusinessDriven, UsmElement.Services, "The provider acts as a business partner and invests at its own risk."),
                Val("val-5b", ValueMaturityLevel.BusinessDriven, UsmElement.For(Resource.People), "The provider shares in the customer's business results."),
            ]),
        ]);
    }
}

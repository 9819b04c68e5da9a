using NodaTime;
using Usm.Model.Improvement;
using Usm.Model.Prioritisation;
using Usm.Model.Serialization;
using Usm.Model.Tests.Generators;

namespace Usm.Model.Tests.Serialization;

// A programme whose agreed mechanism is custom (here the sounding board's ballots) reads back only when the caller
// supplies the mechanism through ReaderOptions.WithMechanismResolver.
public class CustomMechanismJsonTests
{
    private static readonly BallotMechanism s_board = new([Ballot.Parse("R-3 > R-1 > R-5", voters: 3), Ballot.Parse("R-1 > R-3")]);

    private static (ImprovementProgramme Programme, string Json) Sample()
    {
        var programme = ProgrammeJsonTests.Sample(ProgrammeSerializationArbitraries.Database()).AgreeMechanism(s_board, new LocalDate(2026, 3, 20));
        return (programme, UsmJson.WriteImprovementProgramme(programme));
    }

    [Fact]
    public void CustomMechanism_IsWrittenByName()
    {
        var (_, json) = Sample();

        Assert.Contains("\"kind\": \"custom\"", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"" + s_board.Name + "\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAResolver_TheErrorNamesTheMechanismAndItsPath()
    {
        var error = Assert.Single(UsmJson.ReadImprovementProgramme(Sample().Json).Errors);

        Assert.Equal((ReadErrorCode.UnresolvedMechanism, "$.improvement-programme.agreement.mechanism.name"), (error.Code, error.Path));
        Assert.Contains(s_board.Name, error.Message, StringComparison.Ordinal);
        Assert.Contains("$.improvement-programme.agreement.mechanism", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AResolverThatDoesNotKnowTheName_IsAnError()
    {
        var options = ReaderOptions.Default.WithMechanismResolver(_ => null);

        var error = Assert.Single(UsmJson.ReadImprovementProgramme(Sample().Json, options).Errors);

        Assert.Equal((ReadErrorCode.UnresolvedMechanism, "$.improvement-programme.agreement.mechanism.name"), (error.Code, error.Path));
        Assert.Contains(s_board.Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AResolverThatReturnsAnotherMechanism_IsAnError()
    {
        var other = new BallotMechanism([Ballot.Parse("R-1 > R-3")], BallotRule.Borda);
        var options = ReaderOptions.Default.WithMechanismResolver(_ => other);

        var error = Assert.Single(UsmJson.ReadImprovementProgramme(Sample().Json, options).Errors);

        Assert.Equal(ReadErrorCode.UnresolvedMechanism, error.Code);
        Assert.Contains(other.Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTheResolver_TheProgrammeReadsBackWithTheSuppliedMechanism()
    {
        var (programme, json) = Sample();
        var database = ProgrammeSerializationArbitraries.Database();
        var options = ReaderOptions.Default.WithStrict(true).WithMechanismResolver(name => name == s_board.Name ? s_board : null);

        var result = UsmJson.ReadImprovementProgramme(json, options, database);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Same(s_board, result.Value.Agreement!.Mechanism);
        Assert.True(ProgrammeJsonTests.Same(programme, result.Value));
        Assert.Equal(json, UsmJson.WriteImprovementProgramme(result.Value));
    }

    [Fact]
    public void TheResolver_SurvivesTheOtherWithMethods_AndTakesPartInEquality()
    {
        Func<string, IPrioritisationMechanism?> resolver = _ => s_board;
        var options = ReaderOptions.Default.WithMechanismResolver(resolver).WithStrict(true).WithMaxDepth(10).WithMaxDocumentBytes(1000).WithMaxCollectionItems(5).WithMaxStringLength(50);

        Assert.Same(resolver, options.MechanismResolver);
        Assert.NotEqual(ReaderOptions.Default, ReaderOptions.Default.WithMechanismResolver(resolver));
        Assert.Equal(ReaderOptions.Default.WithMechanismResolver(resolver), ReaderOptions.Default.WithMechanismResolver(resolver));
        Assert.Null(ReaderOptions.Default.MechanismResolver);
    }
}
